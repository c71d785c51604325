"""The decision record's lifecycle, declared once as data.

draft -> in sign-off (reviewers, and the scrutiny chair when urgent, in parallel; any of them
can return it) -> awaiting decision -> decided (signed; frozen) -> published. A record can be
withdrawn before it is decided. Guards return the reasons an action is blocked ([] = allowed);
who may act is `permissions.py`'s business, not this module's. The engine that reads this table
is `records.workflow`.
"""

from decisions import rules
from decisions.models import Status
from records.workflow import Guards, Transition, TransitionNotAllowed, Workflow, actions, every_kinds_transitions

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests

# The shared actions (create, edit, submit, issue_sign_off, return, publish, withdraw) and these.
Action = actions(
    __name__,
    "request_agreement",
    "agree_urgency",
    "decline_urgency",
    "record_agreement",
    "send_to_decision_maker",
    "sign",
    "dispose_papers",
)

GUARDS = Guards(rules)


def _urgent(d, **_):
    if not rules.required_agreements(d):
        return [rules.Problem("CALL-2", "", "This record does not need the scrutiny chair's agreement")]
    return []


def _can_sign(d, decided_on=None, **_):
    from decisions.models import today

    return rules.signing_blockers(d, decided_on or today())


IN_SIGN_OFF = frozenset({Status.IN_SIGN_OFF})
AWAITING_DECISION = frozenset({Status.AWAITING_DECISION})
AWAITING = Status.AWAITING_DECISION
URGENT = (_urgent,)
READY = (GUARDS.complete, GUARDS.sign_offs_done)
EDITABLE = frozenset({Status.DRAFT, Status.IN_SIGN_OFF})
OPEN = frozenset({Status.DRAFT, Status.IN_SIGN_OFF, Status.AWAITING_DECISION})
KEPT = frozenset({Status.PUBLISHED})
SHARED = every_kinds_transitions(
    Action, Status, editable=EDITABLE, open=OPEN, guards=GUARDS, started="Record started", kept=KEPT
)

# Each action: where it may happen, where it leads, what must hold, what its event reads as, and how
# the STATE problem names it ("A record that is decided cannot be signed"); the shared words are
# records.workflow's.
WORKFLOW = Workflow(
    status=Status,
    transitions={
        **SHARED,
        Action.REQUEST_AGREEMENT: Transition(
            IN_SIGN_OFF,
            None,
            URGENT,
            "Scrutiny chair asked to agree urgency",
            "sent to the scrutiny chair for agreement",
        ),
        Action.AGREE_URGENCY: Transition(
            IN_SIGN_OFF, None, URGENT, "Scrutiny chair agreed urgency", "agreed as urgent by the scrutiny chair"
        ),
        Action.DECLINE_URGENCY: Transition(
            IN_SIGN_OFF,
            Status.DRAFT,
            URGENT,
            "Scrutiny chair declined urgency",
            "declined as urgent by the scrutiny chair",
        ),
        Action.RECORD_AGREEMENT: Transition(
            IN_SIGN_OFF,
            None,
            URGENT,
            "Chair's agreement recorded by Democratic Support",
            "given a recorded chair's agreement",
        ),
        Action.SEND_TO_DECISION_MAKER: Transition(IN_SIGN_OFF, AWAITING, READY, "Sent to the decision maker"),
        Action.RETURN: Transition(frozenset({Status.IN_SIGN_OFF, Status.AWAITING_DECISION}), Status.DRAFT),
        Action.SIGN: Transition(
            AWAITING_DECISION, Status.DECIDED, (_can_sign,), "Signed by the decision maker", "signed"
        ),
        Action.PUBLISH: Transition(frozenset({Status.DECIDED}), Status.PUBLISHED, label="Published"),
    },
    noun="record",
    # Once every sign-off is current and every agreement given, the record goes on by itself.
    after_sign_offs=Action.SEND_TO_DECISION_MAKER,
)


def __getattr__(name):
    # The engine's questions (blockers, check, target, allowed_in_status, available_actions) and
    # the tables (TRANSITIONS, ACTION_LABELS, STATE_PHRASES), asked of this module by services,
    # permissions, views and tests.
    return WORKFLOW.answer(name)
