"""The decision record's lifecycle, declared once as data.

draft -> in sign-off (reviewers, and the scrutiny chair when urgent, in parallel; any of them
can return it) -> awaiting decision -> decided (signed; frozen) -> published. A record can be
withdrawn before it is decided. Guards return the reasons an action is blocked ([] = allowed);
who may act is `permissions.py`'s business, not this module's. The engine that reads this table
is `records.workflow`.
"""

from enum import StrEnum

from decisions import rules
from decisions.models import Status
from records.workflow import SHARED_LABELS, SHARED_PHRASES, Transition, TransitionNotAllowed, Workflow

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    ISSUE_SIGN_OFF = "issue_sign_off"
    REQUEST_AGREEMENT = "request_agreement"
    AGREE_URGENCY = "agree_urgency"
    DECLINE_URGENCY = "decline_urgency"
    RECORD_AGREEMENT = "record_agreement"
    SEND_TO_DECISION_MAKER = "send_to_decision_maker"
    RETURN = "return"
    SIGN = "sign"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    **SHARED_LABELS,
    Action.CREATE: "Record started",
    Action.REQUEST_AGREEMENT: "Scrutiny chair asked to agree urgency",
    Action.AGREE_URGENCY: "Scrutiny chair agreed urgency",
    Action.DECLINE_URGENCY: "Scrutiny chair declined urgency",
    Action.RECORD_AGREEMENT: "Chair's agreement recorded by Democratic Support",
    Action.SEND_TO_DECISION_MAKER: "Sent to the decision maker",
    Action.SIGN: "Signed by the decision maker",
    Action.PUBLISH: "Published",
}


def _complete(d, **_):
    return rules.completeness(d)


def _sign_offs_done(d, **_):
    return rules.sign_off_gaps(d)


def _urgent(d, **_):
    if not rules.required_agreements(d):
        return [rules.Problem("CALL-2", "", "This record does not need the scrutiny chair's agreement")]
    return []


def _can_sign(d, decided_on=None, **_):
    from decisions.models import today

    return rules.signing_blockers(d, decided_on or today())


EDITABLE = frozenset({Status.DRAFT, Status.IN_SIGN_OFF})
OPEN = frozenset({Status.DRAFT, Status.IN_SIGN_OFF, Status.AWAITING_DECISION})

TRANSITIONS = {
    # A record is created by start_decision, never "created" again: no status is a source.
    Action.CREATE: Transition(frozenset(), Status.DRAFT),
    Action.EDIT: Transition(EDITABLE, None),
    Action.SUBMIT: Transition(frozenset({Status.DRAFT}), Status.IN_SIGN_OFF, (_complete,)),
    Action.ISSUE_SIGN_OFF: Transition(frozenset({Status.IN_SIGN_OFF}), None),
    Action.REQUEST_AGREEMENT: Transition(frozenset({Status.IN_SIGN_OFF}), None, (_urgent,)),
    Action.AGREE_URGENCY: Transition(frozenset({Status.IN_SIGN_OFF}), None, (_urgent,)),
    Action.DECLINE_URGENCY: Transition(frozenset({Status.IN_SIGN_OFF}), Status.DRAFT, (_urgent,)),
    Action.RECORD_AGREEMENT: Transition(frozenset({Status.IN_SIGN_OFF}), None, (_urgent,)),
    Action.SEND_TO_DECISION_MAKER: Transition(
        frozenset({Status.IN_SIGN_OFF}), Status.AWAITING_DECISION, (_complete, _sign_offs_done)
    ),
    Action.RETURN: Transition(frozenset({Status.IN_SIGN_OFF, Status.AWAITING_DECISION}), Status.DRAFT),
    Action.SIGN: Transition(frozenset({Status.AWAITING_DECISION}), Status.DECIDED, (_can_sign,)),
    Action.PUBLISH: Transition(frozenset({Status.DECIDED}), Status.PUBLISHED),
    Action.WITHDRAW: Transition(OPEN, Status.WITHDRAWN),
}


# How the STATE problem names each action (the shared ones: records.workflow), e.g.
# "A record that is decided cannot be edited".
STATE_PHRASES = {
    **SHARED_PHRASES,
    Action.REQUEST_AGREEMENT: "sent to the scrutiny chair for agreement",
    Action.AGREE_URGENCY: "agreed as urgent by the scrutiny chair",
    Action.DECLINE_URGENCY: "declined as urgent by the scrutiny chair",
    Action.RECORD_AGREEMENT: "given a recorded chair's agreement",
    Action.SEND_TO_DECISION_MAKER: "sent to the decision maker",
    Action.SIGN: "signed",
}


# Once every sign-off is current and every agreement given, the record goes on by itself.
WORKFLOW = Workflow(
    status=Status,
    transitions=TRANSITIONS,
    labels=ACTION_LABELS,
    phrases=STATE_PHRASES,
    noun="record",
    after_sign_offs=Action.SEND_TO_DECISION_MAKER,
)
# The engine's questions, asked of this module by services, permissions, views and tests.
blockers, check, target = WORKFLOW.blockers, WORKFLOW.check, WORKFLOW.target
allowed_in_status, available_actions = WORKFLOW.allowed_in_status, WORKFLOW.available_actions
