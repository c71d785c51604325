"""Who may do what to a decision record: `can_<verb>(user, decision) -> bool`. No request, no writes.

Every view and every service asks these, per object. Whether the record's state allows the
action is `workflow.py`'s question; these functions answer both, so a button is shown only
when pressing it could work.
"""

from council import roles
from decisions.models import ChairAgreement, Status
from decisions.workflow import WORKFLOW, Action, allowed_in_status
from records import permissions as records_permissions

# The who-may that is the same for every kind of record, asked of this module as this kind's own.
from records.permissions import *  # noqa: F403 - records.permissions.__all__: can_create, can_edit, ...
from records.permissions import is_author, is_democratic_support


def reviewer_departments(user, decision=None):
    """Departments the user reviews for (and, given a record, that apply to it)."""
    departments = records_permissions.reviewer_departments(user)
    if decision is not None:
        from decisions.rules import required_departments

        required = {d.pk for d in required_departments(decision)}
        departments = [d for d in departments if d.pk in required]
    return departments


def _is_decision_maker(user, decision):
    return (
        user.is_authenticated and decision.decision_maker_id == user.pk and roles.has_role(user, roles.DECISION_MAKER)
    )


def _is_chair_for(user, decision):
    return user.is_authenticated and any(a.chair_id == user.pk for a in decision.chair_agreements.all())


def _is_consulted_member(user, decision):
    return user.is_authenticated and any(c.portfolio.member_id == user.pk for c in decision.consultations.all())


def _sees_submitted(user, decision):
    if _is_decision_maker(user, decision) or _is_chair_for(user, decision) or _is_consulted_member(user, decision):
        return True
    if decision.conflict_of_interest and roles.has_role(user, "Monitoring Officer"):
        return True
    return bool(reviewer_departments(user, decision))


def can_view(user, decision):
    """See the record in full: see records.permissions.can_view, then these people once it is submitted."""
    return records_permissions.can_view(user, decision, once_submitted=_sees_submitted)


def can_delete_draft(user, decision):
    """The author may delete a draft nobody else has seen: never once submitted (it has a reference)."""
    return (
        is_author(user, decision)
        and decision.status == Status.DRAFT
        and decision.submitted_at is None
        and not decision.reference
    )


def can_issue_sign_off(user, decision, department):
    """A reviewer signs off only for their own department, on a record that department applies to."""
    return allowed_in_status(decision.status, Action.ISSUE_SIGN_OFF) and any(
        d.pk == department.pk for d in reviewer_departments(user, decision)
    )


def can_agree_urgency(user, decision, agreement=None):
    if not allowed_in_status(decision.status, Action.AGREE_URGENCY):
        return False
    if not roles.has_role(user, roles.SCRUTINY_CHAIR):
        return False
    agreements = [agreement] if agreement else list(decision.chair_agreements.all())
    return any(a.chair_id == user.pk and a.status == ChairAgreement.Outcome.REQUESTED for a in agreements)


def can_record_agreement(user, decision):
    return is_democratic_support(user) and allowed_in_status(decision.status, Action.RECORD_AGREEMENT)


def _reviews(user, decision):
    return bool(reviewer_departments(user, decision))


# Who, besides Democratic Support, may return the record at each status it can be returned from
# (the workflow says which: RETURN's sources).
RETURNED_BY = {
    Status.IN_SIGN_OFF: (_reviews, _is_chair_for),
    Status.AWAITING_DECISION: (_is_decision_maker,),
}


def can_return(user, decision):
    return records_permissions.can_return(user, decision, workflow=WORKFLOW, returned_by=RETURNED_BY)


def can_sign(user, decision):
    return _is_decision_maker(user, decision) and allowed_in_status(decision.status, Action.SIGN)


def can_download_appendix(user, appendix):
    """An appendix's or a background paper's file. Public: those of a published record that are not
    exempt. Staff: whoever can view the record."""
    decision = appendix.decision
    if can_view(user, decision):
        return True
    return decision.status == Status.PUBLISHED and not appendix.is_exempt
