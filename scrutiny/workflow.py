"""The briefing report's lifecycle, declared once as data.

draft -> in sign-off (the departments that apply, in parallel) -> awaiting the strategic director
(who agrees) -> awaiting the cabinet member (who approves in the system, or Democratic Support
records an approval given outside it) -> approved -> published (Democratic Support publishes it to
its meeting's agenda; frozen). Any step before publication can return the report to the author
with comments; it can be withdrawn before publication. Guards return the reasons an action is
blocked ([] = allowed); who may act is `permissions.py`'s business. The engine that reads this
table is `records.workflow`.
"""

from records.workflow import Guards, Transition, TransitionNotAllowed, Workflow, actions, every_kinds_transitions
from scrutiny import rules
from scrutiny.models import Status

__all__ = ["Status", "Transition", "TransitionNotAllowed"]  # imported from here by views and tests

# The shared actions (create, edit, submit, issue_sign_off, return, publish, withdraw) and these.
Action = actions(__name__, "send_to_director", "agree", "approve", "record_approval", "dispose_papers")

GUARDS = Guards(rules)


def _approved(r, **_):
    return rules.approvals_given(r)


AFTER_SUBMISSION = frozenset(
    {Status.IN_SIGN_OFF, Status.AWAITING_DIRECTOR, Status.AWAITING_CABINET_MEMBER, Status.APPROVED}
)
EDITABLE = frozenset({Status.DRAFT, Status.IN_SIGN_OFF})
OPEN = frozenset({Status.DRAFT, *AFTER_SUBMISSION})
KEPT = frozenset({Status.PUBLISHED})
SHARED = every_kinds_transitions(
    Action, Status, editable=EDITABLE, open=OPEN, guards=GUARDS, started="Report started", kept=KEPT
)
IN_SIGN_OFF = frozenset({Status.IN_SIGN_OFF})
WITH_DIRECTOR = frozenset({Status.AWAITING_DIRECTOR})
WITH_CABINET_MEMBER = frozenset({Status.AWAITING_CABINET_MEMBER})
READY = (GUARDS.complete, GUARDS.sign_offs_done)
SIGNED_OFF = (GUARDS.sign_offs_done,)

# Each action: where it may happen, where it leads, what must hold, what its event reads as, and how
# the STATE problem names it ("A report that is published cannot be edited"); the shared words are
# records.workflow's.
WORKFLOW = Workflow(
    status=Status,
    transitions={
        **SHARED,
        Action.SEND_TO_DIRECTOR: Transition(
            IN_SIGN_OFF, Status.AWAITING_DIRECTOR, READY, "Sent to the strategic director"
        ),
        Action.AGREE: Transition(
            WITH_DIRECTOR, Status.AWAITING_CABINET_MEMBER, READY, "Agreed by the strategic director"
        ),
        Action.APPROVE: Transition(WITH_CABINET_MEMBER, Status.APPROVED, SIGNED_OFF, "Approved by the cabinet member"),
        Action.RECORD_APPROVAL: Transition(
            WITH_CABINET_MEMBER,
            Status.APPROVED,
            SIGNED_OFF,
            label="Cabinet member's approval recorded by Democratic Support",
            phrase="given a recorded cabinet member's approval",
        ),
        Action.RETURN: Transition(AFTER_SUBMISSION, Status.DRAFT),
        # PLACEHOLDER-1: publishing checks every section again; no empty section is ever published.
        Action.PUBLISH: Transition(
            frozenset({Status.APPROVED}),
            Status.PUBLISHED,
            (GUARDS.complete, GUARDS.sign_offs_done, _approved),
            label="Published on the meeting's agenda",
        ),
    },
    noun="report",
    # Once every sign-off is current, the report goes on to the strategic director by itself.
    after_sign_offs=Action.SEND_TO_DIRECTOR,
)


def __getattr__(name):
    # The engine's questions (blockers, check, target, allowed_in_status, available_actions) and
    # the tables (TRANSITIONS, ACTION_LABELS, STATE_PHRASES), asked of this module by services,
    # permissions, views and tests.
    return WORKFLOW.answer(name)
