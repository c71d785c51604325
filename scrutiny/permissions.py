"""Who may do what to a briefing report or a meeting: `can_<verb>(user, obj) -> bool`. No writes.

Every view and every service asks these, per object. They answer both "is this person allowed"
and "does the report's state allow it" (via `workflow.allowed_in_status`), so a button is shown
only when pressing it could work.
"""

from council import roles
from records import permissions as records_permissions

# The who-may that is the same for every kind of record, asked of this module as this kind's own.
from records.permissions import *  # noqa: F403 - records.permissions.__all__: can_create, can_edit, ...
from records.permissions import is_admin, is_author, is_democratic_support, reviewer_departments
from scrutiny.models import Status
from scrutiny.workflow import WORKFLOW, Action, allowed_in_status


def report_reviewer_departments(user, report):
    """The departments the user reviews for that apply to this report."""
    from scrutiny.rules import required_departments

    required = {d.pk for d in required_departments(report)}
    return [d for d in reviewer_departments(user) if d.pk in required]


def _is_lead_director(user, report):
    return user.is_authenticated and report.lead_director_id == user.pk and roles.has_role(user, roles.DECISION_MAKER)


def _is_lead_member(user, report):
    return user.is_authenticated and report.lead_member_id == user.pk and roles.has_role(user, roles.CABINET_MEMBER)


def _chairs_committee(user, report):
    return user.is_authenticated and report.committee.chair_id == user.pk


def can_manage_meetings(user):
    """Democratic Support manage committees' meetings (and administrators, in the admin)."""
    return is_democratic_support(user) or is_admin(user)


def _sees_submitted(user, report):
    if report.originating_slt_member_id == user.pk:
        return True
    if _is_lead_director(user, report) or _is_lead_member(user, report) or _chairs_committee(user, report):
        return True
    return bool(report_reviewer_departments(user, report))


def can_view(user, report):
    """See the report in full: see records.permissions.can_view, then these people once it is submitted."""
    return records_permissions.can_view(user, report, once_submitted=_sees_submitted)


def can_delete_draft(user, report):
    """The author may delete a draft nobody else has seen: never once it has been submitted."""
    return is_author(user, report) and report.status == Status.DRAFT and report.submitted_at is None


def can_issue_sign_off(user, report, department):
    """A reviewer signs off only for their own department, on a report that department applies to."""
    return allowed_in_status(report.status, Action.ISSUE_SIGN_OFF) and any(
        d.pk == department.pk for d in report_reviewer_departments(user, report)
    )


def can_agree(user, report):
    """The lead strategic director named on the report agrees it."""
    return _is_lead_director(user, report) and allowed_in_status(report.status, Action.AGREE)


def can_approve(user, report):
    """The lead member (the cabinet member) named on the report approves it in the system."""
    return _is_lead_member(user, report) and allowed_in_status(report.status, Action.APPROVE)


def can_record_approval(user, report):
    """Democratic Support records an approval the cabinet member gave outside the system."""
    return is_democratic_support(user) and allowed_in_status(report.status, Action.RECORD_APPROVAL)


def _reviews(user, report):
    return bool(report_reviewer_departments(user, report))


# Who, besides Democratic Support, may return the report at each status it can be returned from
# (the workflow says which: RETURN's sources). Once approved, only Democratic Support.
RETURNED_BY = {
    Status.IN_SIGN_OFF: (_reviews,),
    Status.AWAITING_DIRECTOR: (_is_lead_director,),
    Status.AWAITING_CABINET_MEMBER: (_is_lead_member,),
}


def can_return(user, report):
    return records_permissions.can_return(user, report, workflow=WORKFLOW, returned_by=RETURNED_BY)


def can_download_appendix(user, appendix):
    """An appendix's or a background paper's file. Public: those of a published Part I report that are not
    exempt. Staff: whoever can view the report."""
    report = appendix.report
    if can_view(user, report):
        return True
    return report.status == Status.PUBLISHED and not report.is_part_2 and not appendix.is_exempt
