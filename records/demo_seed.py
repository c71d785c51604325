"""The seed records: the council documents the demo is modelled on, kept as data.

Each app's demo keeps its seed document's contents in a JSON file in its `seed/` folder (the text as
the council published it), and `seed_values` turns them into field values through the model's own
fields (a date from "2021-07-09", a sum of money from "491000"), so the loader, the documents' tests
and the data agree without a second copy in Python.
"""

import json
from pathlib import Path


def seed_values(model, path):
    """{field name: value} for `model` from the JSON object in `path`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {name: model._meta.get_field(name).to_python(value) for name, value in data.items()}
