"""CALL-1: the call-in window, counted in working days from the day of publication."""

import datetime

import pytest

from council.calendar import Calendar, call_in_window
from council.models import ClosureDay, CouncilSettings
from decisions.models import Decision
from decisions.models_callin import CallInState
from decisions.rules_callin import call_in_status
from tests.callin.conftest import EFFECTIVE, FRIDAY, LAST_DAY


def test_window_after_a_friday_before_a_bank_holiday_ends_on_the_fifth_working_day_CALL_1():
    # Published Friday 28 August 2026; Monday 31 August is a bank holiday and never counts.
    assert Calendar(working_days=True).call_in_window(FRIDAY, 5) == (LAST_DAY, EFFECTIVE)


def test_window_counts_working_days_even_for_a_council_on_calendar_days_CALL_1():
    assert Calendar().call_in_window(FRIDAY, 5) == (LAST_DAY, EFFECTIVE)


def test_window_never_counts_the_day_of_publication_CALL_1():
    monday = datetime.date(2026, 9, 7)
    assert Calendar(working_days=True).call_in_window(monday, 1) == (
        datetime.date(2026, 9, 8),
        datetime.date(2026, 9, 9),
    )


def test_window_refuses_negative_days_CALL_1():
    with pytest.raises(ValueError):
        Calendar().call_in_window(FRIDAY, -1)


def test_window_moves_past_a_closure_day_inside_it_CALL_1(db):
    council = CouncilSettings.load()
    ClosureDay.objects.create(date=datetime.date(2026, 9, 2), reason="Staff training day")
    assert call_in_window(FRIDAY, council=council) == (datetime.date(2026, 9, 8), datetime.date(2026, 9, 9))


def test_window_follows_the_councils_working_days_setting_CALL_1(db):
    council = CouncilSettings.load()
    council.call_in_working_days = 3
    council.save()
    assert call_in_window(FRIDAY, council=council) == (datetime.date(2026, 9, 3), datetime.date(2026, 9, 4))


def test_publication_opens_the_window_with_its_last_day_and_effective_date_CALL_1(publish):
    decision = publish()
    assert decision.subject_to_call_in is True
    assert decision.call_in_state == CallInState.OPEN
    assert (decision.call_in_ends_on, decision.effective_from) == (LAST_DAY, EFFECTIVE)
    assert decision.not_subject_reason == ""


def test_publication_uses_the_councils_working_days_CALL_1(publish, council):
    council.call_in_working_days = 10
    council.save()
    decision = publish()
    assert decision.call_in_ends_on == datetime.date(2026, 9, 14)
    assert decision.effective_from == datetime.date(2026, 9, 15)


def test_urgent_decision_with_the_chairs_waiver_is_not_subject_to_call_in_CALL_2(publish):
    decision = publish(urgent=True)
    assert decision.exempt_from_call_in
    assert decision.subject_to_call_in is False
    assert decision.call_in_state == CallInState.NOT_SUBJECT
    assert decision.not_subject_reason == (
        "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)"
    )
    assert decision.effective_from == decision.decided_on
    assert decision.call_in_ends_on is None


def test_key_only_scope_leaves_a_decision_that_is_not_key_not_subject_CALL_1(publish, council):
    council.call_in_scope = CouncilSettings.CallInScope.KEY
    council.save()
    decision = publish()
    assert decision.is_key_decision is False
    assert decision.call_in_state == CallInState.NOT_SUBJECT
    assert decision.not_subject_reason == "Only key decisions are subject to call-in"


def test_key_only_scope_keeps_a_key_decision_subject_CALL_1(publish, council):
    council.call_in_scope = CouncilSettings.CallInScope.KEY
    council.save()
    decision = publish(key=True)
    assert decision.is_key_decision is True
    assert decision.call_in_state == CallInState.OPEN


def test_status_reads_open_then_effective_after_the_last_day_CALL_1(publish):
    decision = publish()
    during = call_in_status(decision, LAST_DAY)
    assert during.label == "Open to call-in"
    assert during.sentence == (
        "Subject to call-in until 7 September 2026. Effective from 8 September 2026 unless called in."
    )
    after = call_in_status(decision, EFFECTIVE)
    assert (after.label, after.sentence) == ("Effective", "Effective from 8 September 2026.")


def test_status_reads_nothing_before_publication_CALL_1():
    assert call_in_status(Decision(), FRIDAY) is None


def test_status_asks_no_query_CALL_1(publish, django_assert_num_queries):
    decision = publish()
    with django_assert_num_queries(0):
        call_in_status(decision, FRIDAY)


def test_open_and_called_in_filters_are_one_query_each_CALL_1(publish, django_assert_num_queries):
    decision = publish()
    with django_assert_num_queries(1):
        assert list(Decision.objects.open_to_call_in(LAST_DAY)) == [decision]
    with django_assert_num_queries(1):
        assert list(Decision.objects.open_to_call_in(EFFECTIVE)) == []
    with django_assert_num_queries(1):
        assert list(Decision.objects.called_in()) == []
