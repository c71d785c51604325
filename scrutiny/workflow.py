"""The briefing report's lifecycle, declared once as data.

draft -> in sign-off (the departments that apply, in parallel) -> awaiting the strategic director
(who agrees) -> awaiting the cabinet member (who approves in the system, or Democratic Support
records an approval given outside it) -> approved -> published (Democratic Support publishes it to
its meeting's agenda; frozen). Any step before publication can return the report to the author
with comments; it can be withdrawn before publication. Guards return the reasons an action is
blocked ([] = allowed); who may act is `permissions.py`'s business. The engine that reads this
table is `records.workflow`.
"""

from enum import StrEnum

from records.workflow import SHARED_LABELS, SHARED_PHRASES, Transition, TransitionNotAllowed, Workflow
from scrutiny import rules
from scrutiny.models import Status

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    ISSUE_SIGN_OFF = "issue_sign_off"
    SEND_TO_DIRECTOR = "send_to_director"
    AGREE = "agree"
    APPROVE = "approve"
    RECORD_APPROVAL = "record_approval"
    RETURN = "return"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    **SHARED_LABELS,
    Action.CREATE: "Report started",
    Action.SEND_TO_DIRECTOR: "Sent to the strategic director",
    Action.AGREE: "Agreed by the strategic director",
    Action.APPROVE: "Approved by the cabinet member",
    Action.RECORD_APPROVAL: "Cabinet member's approval recorded by Democratic Support",
    Action.PUBLISH: "Published on the meeting's agenda",
}


def _complete(r, **_):
    return rules.completeness(r)


def _sign_offs_done(r, **_):
    return rules.sign_off_gaps(r)


def _approved(r, **_):
    return rules.approvals_given(r)


EDITABLE = frozenset({Status.DRAFT, Status.IN_SIGN_OFF})
AFTER_SUBMISSION = frozenset(
    {Status.IN_SIGN_OFF, Status.AWAITING_DIRECTOR, Status.AWAITING_CABINET_MEMBER, Status.APPROVED}
)
OPEN = frozenset({Status.DRAFT, *AFTER_SUBMISSION})

TRANSITIONS = {
    # A report is created by start_report, never "created" again: no status is a source.
    Action.CREATE: Transition(frozenset(), Status.DRAFT),
    Action.EDIT: Transition(EDITABLE, None),
    Action.SUBMIT: Transition(frozenset({Status.DRAFT}), Status.IN_SIGN_OFF, (_complete,)),
    Action.ISSUE_SIGN_OFF: Transition(frozenset({Status.IN_SIGN_OFF}), None),
    Action.SEND_TO_DIRECTOR: Transition(
        frozenset({Status.IN_SIGN_OFF}), Status.AWAITING_DIRECTOR, (_complete, _sign_offs_done)
    ),
    Action.AGREE: Transition(
        frozenset({Status.AWAITING_DIRECTOR}), Status.AWAITING_CABINET_MEMBER, (_complete, _sign_offs_done)
    ),
    Action.APPROVE: Transition(frozenset({Status.AWAITING_CABINET_MEMBER}), Status.APPROVED, (_sign_offs_done,)),
    Action.RECORD_APPROVAL: Transition(
        frozenset({Status.AWAITING_CABINET_MEMBER}), Status.APPROVED, (_sign_offs_done,)
    ),
    Action.RETURN: Transition(AFTER_SUBMISSION, Status.DRAFT),
    # PLACEHOLDER-1: publishing checks every section again; no empty section is ever published.
    Action.PUBLISH: Transition(frozenset({Status.APPROVED}), Status.PUBLISHED, (_complete, _sign_offs_done, _approved)),
    Action.WITHDRAW: Transition(OPEN, Status.WITHDRAWN),
}


# How the STATE problem names each action (the shared ones: records.workflow), e.g.
# "A report that is published cannot be edited".
STATE_PHRASES = {
    **SHARED_PHRASES,
    Action.SEND_TO_DIRECTOR: "sent to the strategic director",
    Action.AGREE: "agreed by the strategic director",
    Action.APPROVE: "approved by the cabinet member",
    Action.RECORD_APPROVAL: "given a recorded cabinet member's approval",
}


# Once every sign-off is current, the report goes on to the strategic director by itself.
WORKFLOW = Workflow(
    status=Status,
    transitions=TRANSITIONS,
    labels=ACTION_LABELS,
    phrases=STATE_PHRASES,
    noun="report",
    after_sign_offs=Action.SEND_TO_DIRECTOR,
)
# The engine's questions, asked of this module by services, permissions, views and tests.
blockers, check, target = WORKFLOW.blockers, WORKFLOW.check, WORKFLOW.target
allowed_in_status, available_actions = WORKFLOW.allowed_in_status, WORKFLOW.available_actions
