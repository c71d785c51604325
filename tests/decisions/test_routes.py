"""The three lawful routes of a key decision, asked before it is signed (EXEC-5, EXEC-6, EXEC-7):
`decisions.rules.key_decision_notice`, through the real services and the council's calendar."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from council.models import CouncilSettings
from decisions import rules, services
from decisions.models import KeyDecisionRoute, Status, today
from decisions.workflow import TransitionNotAllowed
from forwardplan.models import Status as PlanStatus
from notices import services as notices
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee
from tests.decisions.routes_factories import plan_item, published_at_noon
from tests.notices.factories import general_exception_decision

DAY = datetime.timedelta(days=1)


def _on_the_plan(officer, published_on, **values):
    return DecisionFactory(key=True, plan_item=plan_item(officer, published_on=published_on), **values)


def _sign(decision):
    return services.sign_decision(decision, actor=decision.decision_maker)


def _refusals(refused):
    return [(p.rule, p.message) for p in refused.value.reasons if p.rule.startswith("EXEC")]


def _working_days():
    council = CouncilSettings.load()
    council.clear_days_basis = "working"
    council.save()


# — EXEC-5: the Forward Plan --------------------------------------------------------------------


def test_plan_item_first_published_29_days_before_allows_signing_EXEC_5(officer):
    """EXEC-5: an item first published on D allows the decision to be signed on D+29 (28 clear days)."""
    decision = advance(_on_the_plan(officer, today() - 29 * DAY), to=Status.AWAITING_DECISION)
    signed = _sign(decision)
    assert signed.status == Status.DECIDED and signed.decided_on == today()


def test_plan_item_first_published_28_days_before_refuses_signing_EXEC_5(officer):
    """EXEC-5: on D+28 only 27 clear days have passed: the signature is refused, saying when it may be taken."""
    published_on = today() - 28 * DAY
    decision = advance(_on_the_plan(officer, published_on), to=Status.AWAITING_DECISION)
    with pytest.raises(TransitionNotAllowed) as refused:
        _sign(decision)
    [(rule, message)] = _refusals(refused)
    assert rule == "EXEC-5"
    assert "27 clear days" in message and f"{today() + DAY:%-d %B %Y}" in message
    assert Status(decision.__class__.objects.get(pk=decision.pk).status) == Status.AWAITING_DECISION


def test_plan_item_on_working_days_counts_over_a_bank_holiday_weekend_EXEC_5(officer):
    """EXEC-5 on working days: an item first published on Friday 21 August 2026 (Monday 31 August
    is a bank holiday) has its 28th clear working day on Thursday 1 October: refused that day,
    allowed on Friday 2 October. Calendar days would have allowed 19 September."""
    _working_days()
    decision = _on_the_plan(officer, datetime.date(2026, 8, 21))
    refused = rules.key_decision_notice(decision, datetime.date(2026, 10, 1))
    assert [p.rule for p in refused] == ["EXEC-5"] and "2 October 2026" in refused[0].message
    assert rules.key_decision_notice(decision, datetime.date(2026, 10, 2)) == []


def test_plan_item_later_changes_do_not_move_the_notice_EXEC_5(officer):
    """EXEC-5: the clock counts from the item's FIRST publication; a later change is no new notice."""
    decision = _on_the_plan(officer, today() - 29 * DAY)
    item = decision.plan_item
    item.__class__.objects.filter(pk=item.pk).update(published_at=timezone.now(), status=PlanStatus.DEFERRED)
    decision.refresh_from_db()
    assert rules.key_decision_notice(decision, today()) == []


def test_key_decision_without_a_route_is_refused_EXEC_5(officer):
    decision = DecisionFactory(key=True, key_decision_route="", plan_item=None)
    [problem] = rules.key_decision_notice(decision, today())
    assert (problem.rule, problem.field) == ("EXEC-5", "key_decision_route")
    assert problem.message == (
        "A key decision needs a lawful route: the Forward Plan, general exception or special urgency"
    )
    assert ("EXEC-5", "key_decision_route") in {(p.rule, p.field) for p in rules.completeness(decision)}


def test_forward_plan_route_with_an_unpublished_item_is_refused_EXEC_5(officer):
    decision = DecisionFactory(key=True, plan_item=plan_item(officer, published_on=None))
    [problem] = rules.key_decision_notice(decision, today())
    assert problem.rule == "EXEC-5" and problem.message == "The decision's Forward Plan item has not been published yet"


def test_forward_plan_route_with_a_withdrawn_item_is_refused_EXEC_5(officer):
    item = plan_item(officer, published_on=today() - 60 * DAY, status=PlanStatus.WITHDRAWN)
    decision = DecisionFactory(key=True, plan_item=item)
    [problem] = rules.key_decision_notice(decision, today())
    assert problem.rule == "EXEC-5" and "has been withdrawn" in problem.message and item.reference in problem.message
    assert "withdrawn" in rules.route(decision)[0].message


def test_forward_plan_route_without_an_item_is_refused_EXEC_5(officer):
    decision = DecisionFactory(key=True, plan_item=None)
    [problem] = rules.key_decision_notice(decision, today())
    assert (problem.rule, problem.field) == ("EXEC-5", "plan_item")


def test_a_decision_that_is_not_key_needs_no_route_EXEC_5(officer):
    decision = DecisionFactory(key_decision_route="")
    assert rules.key_decision_notice(decision, today()) == [] and rules.route(decision) == []


# — EXEC-6: general exception -------------------------------------------------------------------


def _general_exception(democratic_support, published_on):
    """A submitted key decision on the general exception route, its notice given on `published_on`."""
    decision = general_exception_decision()
    with mock.patch("django.utils.timezone.now", return_value=published_at_noon(published_on)):
        notices.give_general_exception_notice(
            decision, actor=democratic_support, reasons="The grant offer closes before 28 days' notice can run."
        )
    return decision


def test_general_exception_notice_5_days_before_refuses_signing_EXEC_6(democratic_support):
    """EXEC-6: a notice on D leaves 4 clear days on D+5: refused, saying when it may be taken."""
    decision = advance(_general_exception(democratic_support, today() - 5 * DAY), to=Status.AWAITING_DECISION)
    with pytest.raises(TransitionNotAllowed) as refused:
        _sign(decision)
    [(rule, message)] = _refusals(refused)
    assert rule == "EXEC-6" and "4 clear days" in message and f"{today() + DAY:%-d %B %Y}" in message


def test_general_exception_notice_6_days_before_allows_signing_EXEC_6(democratic_support):
    """EXEC-6: a notice on D allows the decision on D+6 (5 clear days between)."""
    decision = advance(_general_exception(democratic_support, today() - 6 * DAY), to=Status.AWAITING_DECISION)
    assert _sign(decision).status == Status.DECIDED


def test_general_exception_on_working_days_counts_over_a_bank_holiday_EXEC_6(democratic_support):
    """EXEC-6 on working days: a notice on Friday 28 August 2026, with Monday 31 August a bank
    holiday, has 1 to 4 and 7 September as its 5 clear days: refused on the 7th, allowed on the 8th."""
    _working_days()
    decision = _general_exception(democratic_support, datetime.date(2026, 8, 28))
    refused = rules.key_decision_notice(decision, datetime.date(2026, 9, 7))
    assert [p.rule for p in refused] == ["EXEC-6"] and "8 September 2026" in refused[0].message
    assert rules.key_decision_notice(decision, datetime.date(2026, 9, 8)) == []


def test_general_exception_route_without_the_notice_is_refused_EXEC_6(db):
    decision = general_exception_decision(state=Status.DRAFT)
    [problem] = rules.key_decision_notice(decision, today())
    assert (
        problem.rule == "EXEC-6" and problem.message == "Democratic Support has not given the general exception notice"
    )


# — EXEC-7: special urgency ---------------------------------------------------------------------


def test_special_urgency_route_needs_the_chairs_agreement_not_a_notice_period_EXEC_7(db):
    decision = DecisionFactory(
        key=True,
        plan_item=None,
        key_decision_route=KeyDecisionRoute.SPECIAL_URGENCY,
        scrutiny_committee=education_committee(Cast()),
    )
    assert rules.key_decision_notice(decision, today()) == []
    decision = advance(decision, to=Status.IN_SIGN_OFF)
    assert "EXEC-7" in [p.rule for p in rules.sign_off_gaps(decision)]
    assert decision.special_urgency is True
