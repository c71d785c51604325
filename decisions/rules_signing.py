"""The rules of a decision record's sign-off (SIGNOFF-1, CALL-2, EXEC-7) and signing (DATES-1, EXEC-5 to 7).

Each returns `Problem`s as the authoring rules in `decisions/rules.py` do; `rules.py` asks for
them by name, so callers keep asking `decisions.rules`.
"""

import datetime

from django.utils import timezone

from council import calendar
from council.models import CouncilSettings, Department
from decisions.models import ChairAgreement, KeyDecisionRoute
from forwardplan.models import Status as PlanStatus
from notices.models import Kind as NoticeKind
from records.rules import Problem, current_sign_offs, exempt_parts, missing_sign_offs

# A plan item's notice stands while it is on the plan, deferred or not (never once withdrawn).
PLAN_PUBLIC = {PlanStatus.PUBLISHED, PlanStatus.DEFERRED}

# — sign-off ---------------------------------------------------------------------------------


def required_departments(d):
    """Section 16: the mandatory departments and the "if applicable" ones the author chose."""
    chosen = {dep.pk for dep in d.applicable_departments.all()}
    return [
        dep
        for dep in Department.objects.filter(on_decision_form=True)
        if dep.mandatory_for_decisions or dep.pk in chosen
    ]


def required_agreements(d):
    kinds = []
    if d.is_urgent:
        kinds.append(ChairAgreement.Kind.CALL_IN_WAIVER)
    if d.is_key_decision and d.special_urgency:
        kinds.append(ChairAgreement.Kind.SPECIAL_URGENCY)
    return kinds


def sign_off_gaps(d):
    """SIGNOFF-1 and CALL-2: what still stops the record going to the decision maker."""
    p = missing_sign_offs(d, required_departments(d))
    agreements = {a.kind: a for a in d.chair_agreements.all()}
    for kind in required_agreements(d):
        agreement = agreements.get(kind)
        rule = "CALL-2" if kind == ChairAgreement.Kind.CALL_IN_WAIVER else "EXEC-7"
        if agreement is None or not agreement.is_agreed:
            p.append(Problem(rule, "", "The scrutiny chair has not agreed that the decision is urgent"))
    return p


# — signing ----------------------------------------------------------------------------------


def dates_after_decision(d, decided_on: datetime.date):
    """DATES-1: nothing is consulted, signed off or agreed after the date of decision."""
    p = []
    for c in d.consultations.all():
        if c.consulted_on > decided_on:
            p.append(
                Problem(
                    "DATES-1",
                    "",
                    f"{c.member_name or c.portfolio} was consulted on {c.consulted_on:%-d %B %Y}, "
                    "after the date of decision",
                )
            )
    if d.cmt_consulted_on and d.cmt_consulted_on > decided_on:
        p.append(
            Problem(
                "DATES-1",
                "",
                f"The Corporate Management Team member was consulted on {d.cmt_consulted_on:%-d %B %Y}, "
                "after the date of decision",
            )
        )
    for a in d.chair_agreements.all():
        if a.responded_on and a.responded_on > decided_on:
            p.append(
                Problem(
                    "DATES-1",
                    "",
                    f"The scrutiny chair's agreement is dated {a.responded_on:%-d %B %Y}, after the date of decision",
                )
            )
    for s in current_sign_offs(d).values():
        # The council's calendar day, not UTC's: a sign-off at 00:30 BST is that day's.
        issued = timezone.localdate(s.issued_at) if isinstance(s.issued_at, datetime.datetime) else s.issued_at
        if issued > decided_on:
            p.append(
                Problem(
                    "DATES-1",
                    "",
                    f"The {s.department} sign-off is dated {issued:%-d %B %Y}, after the date of decision",
                )
            )
    return p


def key_decision_notice(d, decided_on: datetime.date, council=None):
    """EXEC-5, EXEC-6, EXEC-7: a key decision is taken only by one of the three lawful routes.

    The Forward Plan: its item first published at least 28 clear days before (EXEC-5). General
    exception: the scrutiny chair told in writing, the notice published, and 5 clear days (EXEC-6).
    Special urgency: the chair's agreement, which `sign_off_gaps` already asks for (EXEC-7). The
    council's calendar (calendar or working days, bank holidays, closure days) counts the days.
    """
    if not d.is_key_decision or d.key_decision_route == KeyDecisionRoute.SPECIAL_URGENCY:
        return []
    council = council or CouncilSettings.load()
    days = calendar.Calendar.for_council(council)
    if d.key_decision_route == KeyDecisionRoute.FORWARD_PLAN:
        return _forward_plan_notice(d, decided_on, council, days)
    if d.key_decision_route == KeyDecisionRoute.GENERAL_EXCEPTION:
        return _general_exception_notice(d, decided_on, days)
    return [
        Problem(
            "EXEC-5",
            "key_decision_route",
            "A key decision needs a lawful route: the Forward Plan, general exception or special urgency",
        )
    ]


def _too_soon(rule, field, what, published_on, decided_on, earliest, clear_days, days):
    clear = days.clear_days_between(published_on, decided_on)
    return [
        Problem(
            rule,
            field,
            f"{what} was published on {published_on:%-d %B %Y}, {clear} clear days before the date of decision; "
            f"a key decision needs {clear_days}. It can be taken from {earliest:%-d %B %Y}",
        )
    ]


def _forward_plan_notice(d, decided_on, council, days):
    item = d.plan_item
    if item is None:
        return [Problem("EXEC-5", "plan_item", "Choose the decision's item in the Forward Plan")]
    if item.status == PlanStatus.WITHDRAWN:
        return [
            Problem(
                "EXEC-5", "plan_item", f"The Forward Plan item {item.reference} has been withdrawn: it is no notice"
            )
        ]
    if item.first_published_on is None or item.status not in PLAN_PUBLIC:
        return [Problem("EXEC-5", "plan_item", "The decision's Forward Plan item has not been published yet")]
    clear_days = council.forward_plan_clear_days
    earliest = days.first_lawful_date(item.first_published_on, clear_days)
    if decided_on < earliest:
        what = f"The Forward Plan item {item.reference}"
        return _too_soon("EXEC-5", "plan_item", what, item.first_published_on, decided_on, earliest, clear_days, days)
    return []


def _general_exception_notice(d, decided_on, days):
    notice = next((n for n in d.notices.all() if n.kind == NoticeKind.GENERAL_EXCEPTION), None)
    if notice is None or notice.published_on is None:
        return [
            Problem("EXEC-6", "key_decision_route", "Democratic Support has not given the general exception notice")
        ]
    if notice.chair_notified_at is None:
        return [
            Problem("EXEC-6", "key_decision_route", "The scrutiny chair has not been told of the general exception")
        ]
    clear_days = calendar.GENERAL_EXCEPTION_CLEAR_DAYS
    earliest = days.first_lawful_date(notice.published_on, clear_days)
    if decided_on < earliest:
        what = "The general exception notice"
        return _too_soon(
            "EXEC-6", "key_decision_route", what, notice.published_on, decided_on, earliest, clear_days, days
        )
    return []


# — EXEC-13: the decision maker confirms the classification of what is withheld ----------------


def withheld(d):
    """What the public version withholds (S12A-4): the Part II briefing report, then each exempt
    appendix and background paper, each with the Schedule 12A paragraphs it is withheld under."""
    parts = []
    if d.has_exempt_information and d.part2_paragraphs:
        parts.append(f"The confidential (Part II) briefing report: {d.part2_not_for_publication}")
    return parts + exempt_parts(d)


EXEMPTION_CONFIRMATION = (
    "I confirm that the information withheld from the public version of this record is exempt information under "
    "the paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 given for it, and that in all the "
    "circumstances the public interest in keeping it exempt outweighs the public interest in disclosing it."
)
EXEMPTION_CONFIRMATION_REQUIRED = "Confirm that the information withheld from the public is exempt"
