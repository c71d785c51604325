"""A rule's answer, the same for every kind of record.

Each app's rules.py returns a list of `Problem`s; an empty list means the rule holds. Forms show
them on the field, the workflow refuses a move while any remain.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    rule: str  # e.g. "EXEC-5"
    field: str  # form field name, or "" for the record as a whole
    message: str
    task: str = ""  # the task-list page where it is fixed

    def __str__(self):
        return self.message


def current_sign_offs(record):
    """SIGNOFF-1: {department id: the current sign-off} for this version of any kind of record.

    A sign-off counts only for the content version it was given on; the newest comes first
    within a department (the sign-off models' ordering)."""
    current = {}
    for sign_off in record.sign_offs.all():
        if sign_off.content_version == record.content_version and sign_off.department_id not in current:
            current[sign_off.department_id] = sign_off
    return current


def sign_off_states(record, departments):
    """SIGNOFF-1: each of `departments` with its current sign-off (None if not) and whether one it
    gave went out of date after an edit: [(department, current sign-off or None, stale)]."""
    current = current_sign_offs(record)
    given = {s.department_id for s in record.sign_offs.all()}
    return [(dep, current.get(dep.pk), dep.pk in given and dep.pk not in current) for dep in departments]


def missing_sign_offs(record, departments, task=""):
    """SIGNOFF-1: a problem for each of `departments` whose sign-off is not current."""
    return [
        Problem(
            "SIGNOFF-1",
            "",
            f"The {dep.name} sign-off {'is out of date after an edit' if stale else 'has not been given'}",
            task,
        )
        for dep, current, stale in sign_off_states(record, departments)
        if current is None
    ]


def blank(value):
    """REQUIRED-1's "not answered": nothing, or only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def missing(record, task, messages):
    """REQUIRED-1: a problem for each field of `messages` ({field: message}) left unanswered, in
    that order; a link by its id, so nothing is fetched to ask."""
    return [
        Problem("REQUIRED-1", name, message, task)
        for name, message in messages.items()
        if blank(getattr(record, record._meta.get_field(name).attname))
    ]


def exempt_parts(record):
    """What the public version withholds of a record's appendices and background papers (S12A-4)."""
    children = [*record.appendices.all(), *record.background_papers.all()]
    return [f"{item}: {item.not_for_publication}" for item in children if item.is_exempt]
