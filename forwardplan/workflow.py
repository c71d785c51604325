"""The Forward Plan item's lifecycle, declared once as data (reg 9; EXEC-5).

draft -> submitted (the officer proposes it) -> published (Democratic Support puts it on the
public plan: the notice; its first publication is fixed for good) -> deferred (a reason and a new
date; still public) -> published again (back on the plan with its date) -> withdrawn (with a
reason; still public, as history). Democratic Support can return a proposed item to its author.
Edits: the author's while it is a draft, Democratic Support's after it is proposed; each edit of
a public item is a "Changed" event naming what changed. Guards return the reasons an action is
blocked ([] = allowed); who may act is `permissions.py`'s business. The engine is `records.workflow`.
"""

from enum import StrEnum

from forwardplan import rules
from forwardplan.models import Status
from records.workflow import SHARED_LABELS, SHARED_PHRASES, Transition, TransitionNotAllowed, Workflow

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    ISSUE_SIGN_OFF = "issue_sign_off"
    RETURN = "return"
    PUBLISH = "publish"
    DEFER = "defer"
    REPUBLISH = "republish"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    **SHARED_LABELS,
    Action.CREATE: "Item started",
    Action.EDIT: "Changed",
    Action.SUBMIT: "Proposed for the Forward Plan",
    Action.PUBLISH: "Published on the Forward Plan",
    Action.DEFER: "Deferred",
    Action.REPUBLISH: "Back on the Forward Plan",
    Action.WITHDRAW: "Withdrawn from the Forward Plan",
}

STATE_PHRASES = {
    **SHARED_PHRASES,
    Action.SUBMIT: "proposed for the Forward Plan",
    Action.PUBLISH: "published on the Forward Plan",
    Action.DEFER: "deferred",
    Action.REPUBLISH: "put back on the Forward Plan",
    Action.WITHDRAW: "withdrawn from the Forward Plan",
}


def _complete(item, **_):
    return rules.completeness(item)


def _new_date(item, **context):
    return rules.new_expected_date(item, **context)


ON_THE_PLAN = frozenset({Status.PUBLISHED, Status.DEFERRED})

TRANSITIONS = {
    # An item is created by create_item, never "created" again: no status is a source.
    Action.CREATE: Transition(frozenset(), Status.DRAFT),
    Action.EDIT: Transition(frozenset({Status.DRAFT, Status.SUBMITTED, *ON_THE_PLAN}), None),
    Action.SUBMIT: Transition(frozenset({Status.DRAFT}), Status.SUBMITTED, (_complete,)),
    # No department signs a notice off.
    Action.ISSUE_SIGN_OFF: Transition(frozenset(), None),
    Action.RETURN: Transition(frozenset({Status.SUBMITTED}), Status.DRAFT),
    Action.PUBLISH: Transition(frozenset({Status.SUBMITTED}), Status.PUBLISHED, (_complete,)),
    Action.DEFER: Transition(frozenset({Status.PUBLISHED}), Status.DEFERRED, (_new_date,)),
    Action.REPUBLISH: Transition(frozenset({Status.DEFERRED}), Status.PUBLISHED, (_new_date, _complete)),
    Action.WITHDRAW: Transition(ON_THE_PLAN, Status.WITHDRAWN),
}

WORKFLOW = Workflow(
    status=Status,
    transitions=TRANSITIONS,
    labels=ACTION_LABELS,
    phrases=STATE_PHRASES,
    noun="Forward Plan item",
)
# The engine's questions, asked of this module by services, permissions, views and tests.
blockers, check, target = WORKFLOW.blockers, WORKFLOW.check, WORKFLOW.target
allowed_in_status, available_actions = WORKFLOW.allowed_in_status, WORKFLOW.available_actions
