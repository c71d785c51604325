"""When a notice may be given about a decision, and when its reasons may follow (EXEC-6, EXEC-7).

Each returns `Problem`s ([] = allowed), as every app's rules do; the services refuse with them
and the staff page shows a button only when there are none.
"""

from decisions.models import ChairAgreement, KeyDecisionRoute, Status
from notices.models import Kind
from records.rules import Problem

# A general exception notice comes before the decision: while the record is still open.
BEFORE_DECISION = frozenset({Status.DRAFT, Status.IN_SIGN_OFF, Status.AWAITING_DECISION})
# A special urgency notice follows the chair's agreement, "as soon as reasonably practicable":
# it may still be published after the decision is signed.
AFTER_AGREEMENT = frozenset({Status.IN_SIGN_OFF, Status.AWAITING_DECISION, Status.DECIDED, Status.PUBLISHED})


def _given(decision, kind):
    return any(n.kind == kind for n in decision.notices.all())


def _route(decision, route, rule, words):
    if not decision.is_key_decision or decision.key_decision_route != route:
        return [Problem(rule, "", f"The record is not a key decision taken by {words}")]
    return []


def general_exception_blockers(decision):
    """EXEC-6: why Democratic Support cannot give the general exception notice about this decision now."""
    if decision.status not in BEFORE_DECISION:
        return [Problem("EXEC-6", "", "A general exception notice is given before the decision is taken")]
    problems = _route(decision, KeyDecisionRoute.GENERAL_EXCEPTION, "EXEC-6", "the general exception route")
    if _given(decision, Kind.GENERAL_EXCEPTION):
        problems.append(Problem("EXEC-6", "", "The general exception notice has already been given"))
    committee = decision.scrutiny_committee
    if committee is None or committee.chair_id is None:
        problems.append(
            Problem(
                "EXEC-6",
                "",
                "The record needs a scrutiny committee with a chair recorded: the chair must be told in writing",
            )
        )
    return problems


def special_urgency_agreement(decision):
    """The scrutiny chair's agreement that the decision cannot reasonably be deferred, once given."""
    return next(
        (a for a in decision.chair_agreements.all() if a.kind == ChairAgreement.Kind.SPECIAL_URGENCY and a.is_agreed),
        None,
    )


def special_urgency_blockers(decision):
    """EXEC-7: why Democratic Support cannot publish the special urgency notice about this decision now."""
    if decision.status not in AFTER_AGREEMENT:
        return [Problem("EXEC-7", "", "A special urgency notice follows the chair's agreement to a submitted record")]
    problems = _route(decision, KeyDecisionRoute.SPECIAL_URGENCY, "EXEC-7", "special urgency")
    if _given(decision, Kind.SPECIAL_URGENCY):
        problems.append(Problem("EXEC-7", "", "The special urgency notice has already been published"))
    if special_urgency_agreement(decision) is None:
        problems.append(
            Problem("EXEC-7", "", "The chair has not agreed that the decision cannot reasonably be deferred")
        )
    return problems


def reasons_publishable(notice):
    """Reg 10(4): a general exception notice's reasons are published once, after the notice."""
    if notice.kind != Kind.GENERAL_EXCEPTION:
        return [Problem("EXEC-6", "", "A special urgency notice states its reasons when it is published")]
    if notice.reasons_published_at is not None:
        return [Problem("EXEC-6", "", "The notice of reasons has already been published")]
    return []
