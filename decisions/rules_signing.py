"""The rules of a decision record's sign-off (SIGNOFF-1, CALL-2, EXEC-7) and signing (DATES-1, EXEC-5).

Each returns `Problem`s as the authoring rules in `decisions/rules.py` do; `rules.py` asks for
them by name, so callers keep asking `decisions.rules`.
"""

import datetime

from django.utils import timezone

from council import calendar
from council.models import CouncilSettings, Department
from decisions.models import ChairAgreement
from records.rules import Problem, current_sign_offs, missing_sign_offs

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
    """EXEC-5: a key decision needs the Forward Plan notice 28 clear days before, or special urgency."""
    if not d.is_key_decision or d.special_urgency:
        return []
    council = council or CouncilSettings.load()
    if d.forward_plan_published_on is None:
        return [
            Problem(
                "EXEC-5",
                "forward_plan_published_on",
                "A key decision needs a Forward Plan notice or the special urgency route",
            )
        ]
    # The council's calendar (calendar or working days, bank holidays, closure days) counts them.
    days = calendar.Calendar.for_council(council)
    earliest = days.first_lawful_date(d.forward_plan_published_on, council.forward_plan_clear_days)
    if decided_on < earliest:
        clear = days.clear_days_between(d.forward_plan_published_on, decided_on)
        return [
            Problem(
                "EXEC-5",
                "forward_plan_published_on",
                f"The Forward Plan notice was published {clear} clear days before today; a key decision needs "
                f"{council.forward_plan_clear_days}. It can be taken from {earliest:%-d %B %Y}, or by special urgency",
            )
        ]
    return []
