"""A notice's moves, declared as data (the engine is `records.workflow`).

A notice is given and published in one step and never goes back: it is never drafted, submitted,
signed off, returned, edited or withdrawn (those shared actions have no source status). After
publication only its history grows: the chair notified, the notice of reasons published.
"""

from notices import rules
from notices.models import Status
from records.workflow import Transition, TransitionNotAllowed, Workflow, actions

__all__ = ["Status", "Transition", "TransitionNotAllowed"]

NEVER = frozenset()
PUBLISHED = frozenset({Status.PUBLISHED})

# The shared actions (create, edit, submit, issue_sign_off, return, publish, withdraw) and these.
Action = actions(__name__, "notify_chair", "publish_reasons")


def _reasons_not_yet_published(notice, **_):
    return rules.reasons_publishable(notice)


# Each action's words, where not the shared ones (records.workflow).
WORKFLOW = Workflow(
    status=Status,
    transitions={
        # Given and published at once by notices.services: no status is a source of either.
        Action.CREATE: Transition(NEVER, Status.PUBLISHED, label="Notice given"),
        Action.PUBLISH: Transition(NEVER, Status.PUBLISHED, label="Notice published"),
        Action.EDIT: Transition(NEVER, None),
        Action.SUBMIT: Transition(NEVER, None),
        Action.ISSUE_SIGN_OFF: Transition(NEVER, None),
        Action.RETURN: Transition(NEVER, None),
        Action.WITHDRAW: Transition(NEVER, None),
        Action.NOTIFY_CHAIR: Transition(
            PUBLISHED, None, label="Scrutiny chair notified in writing", phrase="sent to the scrutiny chair"
        ),
        Action.PUBLISH_REASONS: Transition(
            PUBLISHED,
            None,
            (_reasons_not_yet_published,),
            "Notice of reasons published",
            "given its notice of reasons",
        ),
    },
    noun="notice",
)


def __getattr__(name):
    # The engine's questions (blockers, check, target, allowed_in_status, available_actions) and
    # the tables (TRANSITIONS, ACTION_LABELS, STATE_PHRASES), asked of this module by services,
    # permissions and tests.
    return WORKFLOW.answer(name)
