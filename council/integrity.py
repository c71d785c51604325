"""Edits carry the revision of the record they were made on, so a stale page cannot undo a newer change.

Each record (decision, briefing report) has a `revision` that goes up with every saved change,
drafts included. Every edit form carries the revision it showed in a hidden `revision` field; the
service compares it with the locked row's and refuses a mismatch with `EditConflict`, naming who
changed the record and when, so the person can check the record and save their answers again.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

FIELD = "revision"


def seen_revision(data):
    """The revision a posted form was made on; -1 (never matches, so refused) when it is not a number.

    A post without the field at all (a script, a test client) is not checked: the check protects a
    person from their own stale tab, not the record from its author, who may save it anyway.
    """
    if FIELD not in data:
        return None
    try:
        return int(data[FIELD])
    except (TypeError, ValueError):
        return -1


class EditConflict(ValidationError):
    """`revision` is the record's current one: the page shown back carries it, so saving again is deliberate."""

    def __init__(self, *, noun, by, at, revision):
        self.revision = revision
        when = date_format(timezone.localtime(at), "j F Y \\a\\t H:i") if at else "a moment ago"
        super().__init__(
            f"This {noun} was changed by {by or 'someone else'} on {when} since you opened this page. "
            "Your answers are below: check the "
            f"{noun} and save again",
            code="edit_conflict",
        )


def check_revision(locked, seen, *, noun, last_change):
    """Call under the row lock. `seen` None means the caller edits without a page (demo data, tests)."""
    if seen is None or seen == locked.revision:
        return
    event = last_change()
    raise EditConflict(
        noun=noun, by=event.actor_name if event else "", at=event.at if event else None, revision=locked.revision
    )
