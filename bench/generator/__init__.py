"""`manage.py generate_records` (bench/management/commands/generate_records.py) in parts: its settings
and helpers (`common`), the run (`run`), the record writer (`writer`) and its vocabulary
(`vocabulary`, from council_text.json)."""
