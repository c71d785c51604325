"""Who may do what to a Forward Plan item: `can_<verb>(user, item) -> bool`. No writes.

Officers propose items and change their own drafts; Democratic Support publishes, returns,
defers, puts back, withdraws and changes proposed and public items. Anyone signed in with a role
sees an item once it is proposed. Each answer asks the workflow too, so a button is shown only
when pressing it could work.
"""

from council import roles
from forwardplan.models import Status
from forwardplan.workflow import WORKFLOW, Action, allowed_in_status
from records import permissions as records_permissions

# The who-may that is the same for every kind of record, asked of this module as this kind's own.
from records.permissions import *  # noqa: F403 - records.permissions.__all__: can_create, can_publish, ...
from records.permissions import is_author, is_democratic_support


def _has_a_role(user, item):
    return bool(roles.role_names(user))


def can_view(user, item):
    """The staff page: see records.permissions.can_view; once proposed, anyone with a role."""
    return records_permissions.can_view(user, item, once_submitted=_has_a_role)


def can_see_plan(user):
    """Democratic Support's view of the whole plan."""
    return is_democratic_support(user) or records_permissions.is_admin(user)


def can_edit(user, item):
    """The author changes their draft; Democratic Support a proposed or public item."""
    if not allowed_in_status(item.status, Action.EDIT):
        return False
    if item.status == Status.DRAFT:
        return is_author(user, item)
    return is_democratic_support(user)


def can_return(user, item):
    return records_permissions.can_return(user, item, workflow=WORKFLOW, returned_by={})


def can_defer(user, item):
    return is_democratic_support(user) and allowed_in_status(item.status, Action.DEFER)


def can_republish(user, item):
    return is_democratic_support(user) and allowed_in_status(item.status, Action.REPUBLISH)


def can_withdraw(user, item):
    """Only Democratic Support: a published notice is withdrawn publicly, with a reason."""
    return is_democratic_support(user) and allowed_in_status(item.status, Action.WITHDRAW)


def can_delete_draft(user, item):
    """The author may delete a draft nobody else has seen: never once it has been proposed."""
    return is_author(user, item) and item.status == Status.DRAFT and item.submitted_at is None


def can_issue_sign_off(user, item, department):
    return False


def can_retry_public_pdf(user, item):
    # A notice has no stored PDF.
    return False
