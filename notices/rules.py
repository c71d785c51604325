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


# Per kind: (rule, the record's states it may be given in, why not in another, its route, the
# route's words, said when one has been given already).
GIVEN_WHEN = {
    Kind.GENERAL_EXCEPTION: (
        "EXEC-6",
        BEFORE_DECISION,
        "A general exception notice is given before the decision is taken",
        KeyDecisionRoute.GENERAL_EXCEPTION,
        "the general exception route",
        "The general exception notice has already been given",
    ),
    Kind.SPECIAL_URGENCY: (
        "EXEC-7",
        AFTER_AGREEMENT,
        "A special urgency notice follows the chair's agreement to a submitted record",
        KeyDecisionRoute.SPECIAL_URGENCY,
        "special urgency",
        "The special urgency notice has already been published",
    ),
}


def _blockers(decision, kind):
    """What stops any notice: the record's state, its route, and a notice of this kind given already."""
    rule, statuses, when, route, words, given = GIVEN_WHEN[kind]
    if decision.status not in statuses:
        return [Problem(rule, "", when)]
    problems = []
    if not decision.is_key_decision or decision.key_decision_route != route:
        problems.append(Problem(rule, "", f"The record is not a key decision taken by {words}"))
    if _given(decision, kind):
        problems.append(Problem(rule, "", given))
    return problems


def general_exception_blockers(decision):
    """EXEC-6: why Democratic Support cannot give the general exception notice about this decision now."""
    problems = _blockers(decision, Kind.GENERAL_EXCEPTION)
    # Once submitted, the record is Democratic Support's to see, and can no longer be deleted as a
    # draft from under a public notice.
    if decision.submitted_at is None:
        problems.append(Problem("EXEC-6", "", "The record must be submitted before the notice is given"))
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
    problems = _blockers(decision, Kind.SPECIAL_URGENCY)
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
