"""A notice's moves, declared as data (the engine is `records.workflow`).

A notice is given and published in one step and never goes back: it is never drafted, submitted,
signed off, returned, edited or withdrawn (those shared actions have no source status). After
publication only its history grows: the chair notified, the notice of reasons published.
"""

from enum import StrEnum

from notices import rules
from notices.models import Status
from records.workflow import SHARED_LABELS, SHARED_PHRASES, Transition, TransitionNotAllowed, Workflow

__all__ = ["Status", "Transition", "TransitionNotAllowed"]

NEVER = frozenset()
PUBLISHED = frozenset({Status.PUBLISHED})


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    ISSUE_SIGN_OFF = "issue_sign_off"
    RETURN = "return"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    NOTIFY_CHAIR = "notify_chair"
    PUBLISH_REASONS = "publish_reasons"


def _reasons_not_yet_published(notice, **_):
    return rules.reasons_publishable(notice)


TRANSITIONS = {
    # Given and published at once by notices.services: no status is a source of either.
    Action.CREATE: Transition(NEVER, Status.PUBLISHED),
    Action.PUBLISH: Transition(NEVER, Status.PUBLISHED),
    Action.EDIT: Transition(NEVER, None),
    Action.SUBMIT: Transition(NEVER, None),
    Action.ISSUE_SIGN_OFF: Transition(NEVER, None),
    Action.RETURN: Transition(NEVER, None),
    Action.WITHDRAW: Transition(NEVER, None),
    Action.NOTIFY_CHAIR: Transition(PUBLISHED, None),
    Action.PUBLISH_REASONS: Transition(PUBLISHED, None, (_reasons_not_yet_published,)),
}

ACTION_LABELS = {
    **SHARED_LABELS,
    Action.CREATE: "Notice given",
    Action.PUBLISH: "Notice published",
    Action.NOTIFY_CHAIR: "Scrutiny chair notified in writing",
    Action.PUBLISH_REASONS: "Notice of reasons published",
}

STATE_PHRASES = {
    **SHARED_PHRASES,
    Action.NOTIFY_CHAIR: "sent to the scrutiny chair",
    Action.PUBLISH_REASONS: "given its notice of reasons",
}

WORKFLOW = Workflow(status=Status, transitions=TRANSITIONS, labels=ACTION_LABELS, phrases=STATE_PHRASES, noun="notice")
blockers, check, target = WORKFLOW.blockers, WORKFLOW.check, WORKFLOW.target
allowed_in_status, available_actions = WORKFLOW.allowed_in_status, WORKFLOW.available_actions
