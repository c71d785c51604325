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


# — approvals carry the version shown: nobody signs off text they never saw (SIGNOFF-1) ----------

VERSION_FIELD = "version"


def seen_version(data):
    """The `content_version` an approval page showed; -1 (refused) when it is not a number, None when absent."""
    if VERSION_FIELD not in data:
        return None
    try:
        return int(data[VERSION_FIELD])
    except (TypeError, ValueError):
        return -1


class VersionMoved(ValidationError):
    """`current` is the version now: the page shown back carries it, and links to it."""

    def __init__(self, *, noun, verb, current):
        self.current = current
        super().__init__(
            f"This {noun} has changed since you opened this page: it is now version {current}. "
            f"Read version {current} before you {verb}",
            code="version_moved",
        )


def check_version(locked, seen, *, noun, verb):
    """Call under the row lock, in every service that approves content. `seen` None: no page (demo, tests)."""
    if seen is None or seen == locked.content_version:
        return
    raise VersionMoved(noun=noun, verb=verb, current=locked.content_version)


# — a second click: told it is done, not shown a 403 -------------------------------------------------


def already_done(record, action, *, draft):
    """Whether `action` has happened to `record` since it was last sent back to `draft` (its event history)."""
    for done, to_status in record.events.order_by("-at", "-pk").values_list("action", "to_status"):
        if done == action:
            return True
        if to_status == draft:
            return False
    return False
