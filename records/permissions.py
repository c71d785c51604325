"""Who may do what to any kind of record, where the answer is the same for every kind.

`can_<verb>(user, record) -> bool`, like each app's permissions.py, which re-exports these beside
its own. Whether the record's state allows the action is its app's workflow's answer (found by
the house layout: `<app>/workflow.py`'s `WORKFLOW`); these answer both, so a button is shown only
when pressing it could work.
"""

from importlib import import_module

from council import roles
from records import kinds
from records.workflow import CREATE, DISPOSE_PAPERS, EDIT, PUBLISH, RETURN, SUBMIT, WITHDRAW

# What each app's permissions.py takes as its own (`from records.permissions import *`).
__all__ = [
    "can_create",
    "can_dispose_papers",
    "can_edit",
    "can_publish",
    "can_retry_public_pdf",
    "can_submit",
    "can_view_public",
    "can_withdraw",
    "is_democratic_support",
]


def _workflow(record):
    # The kind's declaration names its workflow (records.kinds); a kind not declared there keeps
    # its workflow in its app's workflow.py.
    if kind := kinds.declared(type(record)):
        return kind.workflow.WORKFLOW
    return import_module(f"{record._meta.app_label}.workflow").WORKFLOW


def _allows(record, action):
    return _workflow(record).allowed_in_status(record.status, action)


def is_democratic_support(user):
    return roles.has_role(user, roles.DEMOCRATIC_SUPPORT)


def reviewer_departments(user):
    """Departments the user reviews for (their sign-off roles), once per request."""
    if not user.is_authenticated:
        return []
    from council.models import Department

    departments = getattr(user, "_reviewer_departments", None)
    if departments is None:  # once per request: every can_* asks
        held = roles.role_names(user)
        departments = [d for d in Department.objects.select_related("reviewer_group") if d.reviewer_group.name in held]
        user._reviewer_departments = departments
    return departments


def can_return(user, record, *, workflow, returned_by):
    """Send a record back to its author: where the workflow allows a return from the record's status,
    Democratic Support, or whoever `returned_by[status]` names (the people it is waiting on there)."""
    if not workflow.allowed_in_status(record.status, RETURN):
        return False
    return is_democratic_support(user) or any(who(user, record) for who in returned_by.get(record.status, ()))


def is_admin(user):
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.ADMINISTRATOR))


def is_author(user, record):
    return user.is_authenticated and record.author_id == user.pk


def can_view(user, record, *, once_submitted):
    """See the record in full, exempt parts included (the public sees only the public version).

    Administrators, Democratic Support and the author always; nobody else a first draft, which is
    the author's own; after that, whoever `once_submitted(user, record)` names (the kind's own people).
    """
    if not user.is_authenticated:
        return False
    if is_admin(user) or is_democratic_support(user) or is_author(user, record):
        return True
    if record.submitted_at is None and record.status == _workflow(record).transitions[CREATE].target:
        return False
    return once_submitted(user, record)


def can_create(user):
    return roles.has_role(user, roles.OFFICER)


def can_view_public(user, record):
    return _workflow(record).is_published(record)


def can_edit(user, record):
    return is_author(user, record) and _allows(record, EDIT)


def can_submit(user, record):
    return is_author(user, record) and _allows(record, SUBMIT)


def can_publish(user, record):
    return is_democratic_support(user) and _allows(record, PUBLISH)


def can_retry_public_pdf(user, record):
    """Democratic Support may ask again for a published record's PDF while none is stored."""
    return is_democratic_support(user) and _workflow(record).is_published(record) and not record.public_pdf_sha256


def can_dispose_papers(user, record):
    """OLGB-6: Democratic Support disposes of the background papers' files of a record on the website
    (the workflow's guard says whether their retention date has passed)."""
    return is_democratic_support(user) and _allows(record, DISPOSE_PAPERS)


def can_withdraw(user, record):
    return (is_author(user, record) or is_democratic_support(user)) and _allows(record, WITHDRAW)
