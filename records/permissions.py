"""Who holds the roles every kind of record asks about. Each app's permissions.py decides per record."""

from council import roles
from records.workflow import RETURN


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
