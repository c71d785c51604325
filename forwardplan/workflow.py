"""The Forward Plan item's lifecycle, declared once as data (reg 9; EXEC-5).

draft -> submitted (the officer proposes it) -> published (Democratic Support puts it on the
public plan: the notice; its first publication is fixed for good) -> deferred (a reason and a new
date; still public) -> published again (back on the plan with its date) -> withdrawn (with a
reason; still public, as history). Democratic Support can return a proposed item to its author.
Edits: the author's while it is a draft, Democratic Support's after it is proposed; each edit of
a public item is a "Changed" event naming what changed. Guards return the reasons an action is
blocked ([] = allowed); who may act is `permissions.py`'s business. The engine is `records.workflow`.

Not `records.workflow.every_kinds_transitions`: a plan item is proposed (not sent for sign-off),
no department signs it off, and only Democratic Support withdraws it, from the public plan.
"""

from forwardplan import rules
from forwardplan.models import Status
from records.workflow import Guards, Transition, TransitionNotAllowed, Workflow, actions

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests

# The shared actions (create, edit, submit, issue_sign_off, return, publish, withdraw) and these.
Action = actions(__name__, "defer", "republish")

GUARDS = Guards(rules)


def _new_date(item, **context):
    return rules.new_expected_date(item, **context)


ON_THE_PLAN = frozenset({Status.PUBLISHED, Status.DEFERRED})
COMPLETE = (GUARDS.complete,)

# Each action: where it may happen, where it leads, what must hold, what its event reads as, and how
# the STATE problem names it ("A Forward Plan item that is withdrawn cannot be deferred"); the
# shared words are records.workflow's.
WORKFLOW = Workflow(
    status=Status,
    transitions={
        # An item is created by create_item, never "created" again: no status is a source.
        Action.CREATE: Transition(frozenset(), Status.DRAFT, label="Item started"),
        Action.EDIT: Transition(frozenset({Status.DRAFT, Status.SUBMITTED, *ON_THE_PLAN}), None, label="Changed"),
        Action.SUBMIT: Transition(
            frozenset({Status.DRAFT}),
            Status.SUBMITTED,
            COMPLETE,
            "Proposed for the Forward Plan",
            "proposed for the Forward Plan",
        ),
        # No department signs a notice off.
        Action.ISSUE_SIGN_OFF: Transition(frozenset(), None),
        Action.RETURN: Transition(frozenset({Status.SUBMITTED}), Status.DRAFT),
        Action.PUBLISH: Transition(
            frozenset({Status.SUBMITTED}),
            Status.PUBLISHED,
            COMPLETE,
            "Published on the Forward Plan",
            "published on the Forward Plan",
        ),
        Action.DEFER: Transition(frozenset({Status.PUBLISHED}), Status.DEFERRED, (_new_date,), "Deferred"),
        Action.REPUBLISH: Transition(
            frozenset({Status.DEFERRED}),
            Status.PUBLISHED,
            (_new_date, GUARDS.complete),
            "Back on the Forward Plan",
            "put back on the Forward Plan",
        ),
        Action.WITHDRAW: Transition(
            ON_THE_PLAN,
            Status.WITHDRAWN,
            label="Withdrawn from the Forward Plan",
            phrase="withdrawn from the Forward Plan",
        ),
    },
    noun="Forward Plan item",
)


def __getattr__(name):
    # The engine's questions (blockers, check, target, allowed_in_status, available_actions) and
    # the tables (TRANSITIONS, ACTION_LABELS, STATE_PHRASES), asked of this module by services,
    # permissions, views and tests.
    return WORKFLOW.answer(name)
