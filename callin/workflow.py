"""A call-in's moves, declared as data (the engine is `records.workflow`).

A call-in is never drafted, edited, submitted, signed off, returned or published (those shared
actions have no source status): a councillor asks (`create`, as GATHERING), colleagues add their
names until the constitution's rule is met (`rule_met`: to Democratic Support), Democratic Support
validates or rejects it and schedules it, and the committee's, full council's and the decision
maker's answers close it. Each outcome is its own action, so the event says which it was.
"""

from callin.models import Status
from records.workflow import Transition, TransitionNotAllowed, Workflow, actions

__all__ = ["Status", "Transition", "TransitionNotAllowed"]

NEVER = frozenset()
WITHDRAWABLE = frozenset({Status.GATHERING, Status.REQUESTED})

Action = actions(
    __name__,
    "add_name",
    "rule_met",
    "validate",
    "reject",
    "schedule",
    "no_further_action",
    "refer_back",
    "refer_to_council",
    "council_no_objection",
    "council_refer_back",
    "confirm",
    "start_changed",
    "replaced",
)

# The committee's outcome (callin.models.Outcome) -> its action; full council's (CouncilOutcome) likewise.
OUTCOME_ACTIONS = {
    "no_further_action": Action.NO_FURTHER_ACTION,
    "referred_back": Action.REFER_BACK,
    "referred_to_council": Action.REFER_TO_COUNCIL,
}
COUNCIL_OUTCOME_ACTIONS = {"no_objection": Action.COUNCIL_NO_OBJECTION, "referred_back": Action.COUNCIL_REFER_BACK}


def _scheduled(call_in, **_):
    from records.rules import Problem

    if call_in.meeting_id is None:
        return [Problem("CALL-1", "meeting", "Schedule the call-in for a meeting of the committee first")]
    return []


CALLED_IN = frozenset({Status.CALLED_IN})
REFERRED_BACK = frozenset({Status.REFERRED_BACK})
REFERRED_TO_COUNCIL = frozenset({Status.REFERRED_TO_COUNCIL})

WORKFLOW = Workflow(
    status=Status,
    transitions={
        # Made by callin.services.request_call_in, never "created" again.
        Action.CREATE: Transition(NEVER, Status.GATHERING, label="Call-in requested"),
        Action.EDIT: Transition(NEVER, None),
        Action.SUBMIT: Transition(NEVER, None),
        Action.ISSUE_SIGN_OFF: Transition(NEVER, None),
        Action.RETURN: Transition(NEVER, None),
        Action.PUBLISH: Transition(NEVER, None, label="Published"),
        Action.ADD_NAME: Transition(frozenset({Status.GATHERING}), None, label="Name added", phrase="signed"),
        Action.RULE_MET: Transition(
            frozenset({Status.GATHERING}),
            Status.REQUESTED,
            label="Enough names: sent to Democratic Support",
            phrase="sent to Democratic Support",
        ),
        Action.WITHDRAW: Transition(WITHDRAWABLE, Status.WITHDRAWN),
        Action.VALIDATE: Transition(
            frozenset({Status.REQUESTED}), Status.CALLED_IN, label="Validated: the decision is called in"
        ),
        Action.REJECT: Transition(frozenset({Status.REQUESTED}), Status.REJECTED, label="Not valid", phrase="rejected"),
        Action.SCHEDULE: Transition(CALLED_IN, None, label="Scheduled for the committee", phrase="scheduled"),
        Action.NO_FURTHER_ACTION: Transition(
            CALLED_IN, Status.CLOSED, (_scheduled,), "Committee: no further action", "given the committee's outcome"
        ),
        Action.REFER_BACK: Transition(
            CALLED_IN,
            Status.REFERRED_BACK,
            (_scheduled,),
            "Committee: referred back to the decision maker",
            "given the committee's outcome",
        ),
        Action.REFER_TO_COUNCIL: Transition(
            CALLED_IN,
            Status.REFERRED_TO_COUNCIL,
            (_scheduled,),
            "Committee: referred to full council",
            "given the committee's outcome",
        ),
        Action.COUNCIL_NO_OBJECTION: Transition(
            REFERRED_TO_COUNCIL, Status.CLOSED, label="Full council: no objection", phrase="given council's outcome"
        ),
        Action.COUNCIL_REFER_BACK: Transition(
            REFERRED_TO_COUNCIL,
            Status.REFERRED_BACK,
            label="Full council: referred back to the decision maker",
            phrase="given council's outcome",
        ),
        Action.CONFIRM: Transition(
            REFERRED_BACK, Status.CLOSED, label="Decision confirmed by the decision maker", phrase="confirmed"
        ),
        Action.START_CHANGED: Transition(
            REFERRED_BACK, None, label="Changed decision started", phrase="given a changed decision"
        ),
        Action.REPLACED: Transition(
            REFERRED_BACK, Status.CLOSED, label="Changed decision published", phrase="replaced"
        ),
    },
    noun="call-in",
)


def __getattr__(name):
    # The engine's questions (blockers, check, target, allowed_in_status, available_actions) and
    # the tables (TRANSITIONS, ACTION_LABELS, STATE_PHRASES), asked of this module.
    return WORKFLOW.answer(name)
