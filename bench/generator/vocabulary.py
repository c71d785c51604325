"""The vocabulary `generate_records` writes decision records from (council_text.json beside this
module): topics, people, places, sentences, read once at run time as this module's names.

Each topic (`TOPICS`: name, directorate code, portfolio title prefix, committee slug, priority
short names, extra departments besides the mandatory ones, capital share, and the words its
sentences use) has its own services, providers, funding and reasons, so a record reads as one
subject from its title to its financial implications, and full-text search ranks records about
school places above those that mention a school once. Sentences and titles are templates over a
record's `words` (see `bench.generator.writer.Writer`): `{service}`, `{provider}`, `{months}`,
`{years}`, `{area}`, and `{amount}`, the record's amount as the form writes it.
`INNOVATION_SENTENCES` go into a few records' reasons only (`INNOVATIVE_SHARE`): "innovate" is a
word the register benchmark searches for, and English stemming matches "innovative" and
"innovation" too. `EXEMPTION_REASONS` maps a Schedule 12A paragraph to its public interest
reasoning.
"""

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "council_text.json").read_text(encoding="utf-8"))

FIRST_NAMES = _DATA["FIRST_NAMES"]
LAST_NAMES = _DATA["LAST_NAMES"]
DECISION_MAKER_TITLES = _DATA["DECISION_MAKER_TITLES"]  # by directorate code
OFFICER_TITLES = _DATA["OFFICER_TITLES"]
COUNCILLORS = _DATA["COUNCILLORS"]
AREAS = _DATA["AREAS"]
LEGAL_BASES = _DATA["LEGAL_BASES"]
TOPICS = _DATA["TOPICS"]
TITLES = _DATA["TITLES"]
DECISIONS = _DATA["DECISIONS"]
DECISION_FOLLOW_UPS = _DATA["DECISION_FOLLOW_UPS"]
REASON_SENTENCES = _DATA["REASON_SENTENCES"]
INNOVATION_SENTENCES = _DATA["INNOVATION_SENTENCES"]
ALTERNATIVES = _DATA["ALTERNATIVES"]
FINANCE_SENTENCES = _DATA["FINANCE_SENTENCES"]
URGENCY = _DATA["URGENCY"]
ENVIRONMENT = _DATA["ENVIRONMENT"]
PLAN_LINKS = _DATA["PLAN_LINKS"]
APPENDIX_TITLES = _DATA["APPENDIX_TITLES"]
EXEMPT_APPENDIX_TITLES = _DATA["EXEMPT_APPENDIX_TITLES"]
BACKGROUND_PAPERS = _DATA["BACKGROUND_PAPERS"]
PART2_TITLES = _DATA["PART2_TITLES"]
PART2_SUMMARIES = _DATA["PART2_SUMMARIES"]
# JSON keys are strings; the paragraphs of Schedule 12A are numbers.
EXEMPTION_REASONS = {int(paragraph): text for paragraph, text in _DATA["EXEMPTION_REASONS"].items()}
MONTHS = _DATA["MONTHS"]
