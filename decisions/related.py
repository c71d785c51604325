"""What other kinds of record say, in public, about a decision record: for its public page.

Decisions imports no other app. An app whose records link to decision records (scrutiny's
briefing reports) registers, from its `ready()`, a heading and a function returning the public
items about a record, each a dict: `title`, `url`, `where` and `date` (where and when it was
considered), and `withheld` (the not-for-publication text, instead of a link, when its body is exempt).
"""

_SOURCES = {}


def register(heading, items):
    """Keyed by heading: registering twice (ready() run again in a test) lists it once."""
    _SOURCES[heading] = items


def public_about(decision):
    """[{"heading", "items"}] for each source that has something public about `decision`."""
    sections = []
    for heading, items in _SOURCES.items():
        found = items(decision)
        if found:
            sections.append({"heading": heading, "items": found})
    return sections
