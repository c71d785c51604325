"""EXEC-8 (reg 19): which decisions the report to council lists, and what a period may be.

Every key decision taken under special urgency in the period: decided (signed) on a day in it,
on the special urgency route, with the special urgency agreement given. Not a decision taken
on the Forward Plan or general exception, not an urgent decision whose only agreement is the
call-in waiver (CALL-2), and not a record withdrawn before it was decided.
"""

from django.db.models import Exists, OuterRef

from decisions.models import ChairAgreement, Decision, KeyDecisionRoute, Status
from records.rules import Problem

TAKEN = (Status.DECIDED, Status.PUBLISHED)
# A report covers at most this many days: reg 19 asks for one at least every year.
LONGEST_PERIOD_DAYS = 3660


def special_urgency_decisions(period_from, period_to):
    agreed = ChairAgreement.objects.filter(
        decision=OuterRef("pk"), kind=ChairAgreement.Kind.SPECIAL_URGENCY, status=ChairAgreement.Outcome.AGREED
    )
    return (
        Decision.objects.filter(
            status__in=TAKEN,
            decided_on__gte=period_from,
            decided_on__lte=period_to,
            is_key_decision=True,
            key_decision_route=KeyDecisionRoute.SPECIAL_URGENCY,
        )
        .filter(Exists(agreed))
        .order_by("decided_on", "reference")
    )


def period_problems(period_from, period_to, *, today):
    p = []
    if period_from and period_to and period_from > period_to:
        p.append(Problem("EXEC-8", "period_to", "The end of the period must be the same as or after the start"))
    if period_to and period_to > today:
        p.append(Problem("EXEC-8", "period_to", "The end of the period must be today or in the past"))
    if period_from and period_to and (period_to - period_from).days > LONGEST_PERIOD_DAYS:
        p.append(Problem("EXEC-8", "period_from", "A report can cover at most 10 years"))
    return p


def issue_problems(report):
    """A report is issued (made public) only once every decision it lists is on the public
    register: it lists decisions from their signing, before they are published."""
    unpublished = [d.reference for d in report.decisions.all() if d.status != Status.PUBLISHED]
    if report.issued_at is not None:
        return [Problem("EXEC-8", "", "This report has already been issued")]
    if unpublished:
        listed = ", ".join(unpublished)
        return [
            Problem(
                "EXEC-8",
                "",
                f"The report cannot be issued until every decision it lists is published. Not yet published: {listed}",
            )
        ]
    return []
