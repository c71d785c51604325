"""The clear-days calendar (council.calendar): EXEC-5's 28 clear days and EXEC-6's 5, counted in
calendar days or in working days, and the same answer from every question asked of it."""

import datetime
import zoneinfo

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group
from hypothesis import given, settings
from hypothesis import strategies as st

from council import calendar, roles
from council.calendar import Calendar
from council.models import ClosureDay, CouncilSettings

D = datetime.date
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def council(db):
    return CouncilSettings.load()


@pytest.fixture
def working_days_council(db):
    council = CouncilSettings.load()
    council.clear_days_basis = CouncilSettings.ClearDaysBasis.WORKING
    council.save()
    return council


# --- EXEC-5: 28 clear days before a key decision ----------------------------------------------


def test_exec5_calendar_days_plan_item_allows_decision_on_day_29_and_refuses_day_28(council):
    """Published Monday 1 June 2026 (D). The 28 clear days are 2 to 29 June, so 30 June (D+29)
    is the first lawful day; on 29 June (D+28) only 2 to 28 June, 27 days, lie between."""
    published = D(2026, 6, 1)
    assert council.clear_days_basis == "calendar"  # Plymouth's choice is the default

    assert calendar.clear_days_between(published, published + datetime.timedelta(days=29), council=council) == 28
    assert calendar.clear_days_between(published, published + datetime.timedelta(days=28), council=council) == 27
    assert calendar.allows_decision_on(published, D(2026, 6, 30), 28, council=council)
    assert not calendar.allows_decision_on(published, D(2026, 6, 29), 28, council=council)
    assert calendar.forward_plan_first_lawful_date(published, council=council) == D(2026, 6, 30)


def test_exec5_calendar_days_count_weekends_and_bank_holidays(council):
    """Across Easter 2027 (Good Friday 26 March, Easter Monday 29 March) every day still counts:
    published Monday 15 March, the first lawful day is 13 April (D+29)."""
    assert calendar.forward_plan_first_lawful_date(D(2027, 3, 15), council=council) == D(2027, 4, 13)


def test_exec5_working_days_across_easter_2027_allow_day_43_and_refuse_day_42(working_days_council):
    """Published Monday 15 March 2027 (D), counting working days by hand:
    Tue 16 - Fri 19 March: 4 (4); Mon 22 - Thu 25 March: 4 (8), Good Friday 26 March skipped;
    Easter Monday 29 March skipped, Tue 30 March - Fri 2 April: 4 (12); 5 - 9 April: 5 (17);
    12 - 16 April: 5 (22); 19 - 23 April: 5 (27); Monday 26 April is the 28th clear day.
    So Tuesday 27 April (D+43) is the first lawful day and Monday 26 April (D+42) is refused;
    13 April (D+29), lawful in calendar days, is far too soon in working days."""
    council = working_days_council
    published = D(2027, 3, 15)

    assert calendar.forward_plan_first_lawful_date(published, council=council) == D(2027, 4, 27)
    assert calendar.clear_days_between(published, D(2027, 4, 27), council=council) == 28
    assert calendar.clear_days_between(published, D(2027, 4, 26), council=council) == 27
    assert calendar.allows_decision_on(published, D(2027, 4, 27), 28, council=council)
    assert not calendar.allows_decision_on(published, D(2027, 4, 26), 28, council=council)
    assert not calendar.allows_decision_on(published, D(2027, 4, 13), 28, council=council)


def test_exec5_first_lawful_date_follows_the_councils_forward_plan_setting(council):
    """A constitution asking for 35 clear days: published 1 June 2026, first lawful day 7 July."""
    council.forward_plan_clear_days = 35
    assert calendar.forward_plan_first_lawful_date(D(2026, 6, 1), council=council) == D(2026, 7, 7)


# --- EXEC-6: general exception, 5 clear days ---------------------------------------------------


def test_exec6_general_exception_notice_refuses_day_5_and_allows_day_6(council):
    """Notice on Monday 1 June 2026 (D): 2 to 6 June are the 5 clear days, so Sunday 7 June (D+6)
    is lawful and Saturday 6 June (D+5), with only 2 to 5 June between, is not."""
    notice = D(2026, 6, 1)
    assert calendar.general_exception_first_lawful_date(notice, council=council) == D(2026, 6, 7)
    assert calendar.allows_decision_on(notice, D(2026, 6, 7), calendar.GENERAL_EXCEPTION_CLEAR_DAYS, council=council)
    assert not calendar.allows_decision_on(notice, D(2026, 6, 6), 5, council=council)
    assert calendar.clear_days_between(notice, D(2026, 6, 6), council=council) == 4


def test_exec6_working_days_skip_the_august_bank_holiday_2026(working_days_council):
    """Notice on Thursday 27 August 2026: Fri 28 August (1); Saturday, Sunday and the late summer
    bank holiday, Monday 31 August, skipped; Tue 1 (2), Wed 2 (3), Thu 3 (4), Fri 4 September (5).
    The decision day is not counted, so it may be the Saturday: 5 September is the first lawful day."""
    council = working_days_council
    notice = D(2026, 8, 27)
    assert calendar.general_exception_first_lawful_date(notice, council=council) == D(2026, 9, 5)
    assert calendar.clear_days_between(notice, D(2026, 9, 4), council=council) == 4
    assert not calendar.allows_decision_on(notice, D(2026, 9, 4), 5, council=council)


# --- the council's closure days ----------------------------------------------------------------


def test_exec6_working_days_skip_the_councils_closure_days(working_days_council):
    """Notice on Wednesday 23 December 2026. Bank holidays: Christmas Day (Fri 25), Boxing Day
    (Sat 26, observed Mon 28 December), New Year's Day (Fri 1 January 2027).
    Without closure days: Thu 24 Dec (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Mon 4 Jan (5): first
    lawful day Tuesday 5 January. With the offices closed 29 to 31 December: Thu 24 Dec (1),
    Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 January (5): first lawful day Friday 8 January 2027."""
    council = working_days_council
    notice = D(2026, 12, 23)
    assert calendar.general_exception_first_lawful_date(notice, council=council) == D(2027, 1, 5)

    for day in (29, 30, 31):
        ClosureDay.objects.create(date=D(2026, 12, day), reason="Offices closed between Christmas and New Year")

    assert calendar.general_exception_first_lawful_date(notice, council=council) == D(2027, 1, 8)
    assert calendar.clear_days_between(notice, D(2027, 1, 8), council=council) == 5
    assert not calendar.allows_decision_on(notice, D(2027, 1, 7), 5, council=council)


def test_closure_days_do_not_count_against_calendar_days(council):
    """Calendar days count every day, closed or open: 23 December 2026 + 6 = 29 December."""
    ClosureDay.objects.create(date=D(2026, 12, 24), reason="Christmas Eve")
    assert calendar.general_exception_first_lawful_date(D(2026, 12, 23), council=council) == D(2026, 12, 29)


def test_closure_day_on_a_weekend_or_bank_holiday_is_not_skipped_twice(working_days_council):
    """Christmas Day 2026 and Saturday 26 December are already off: marking them closed changes
    nothing. 23 December to 5 January 2027 has 5 clear working days either way."""
    council = working_days_council
    ClosureDay.objects.create(date=D(2026, 12, 25), reason="Christmas Day")
    ClosureDay.objects.create(date=D(2026, 12, 26), reason="Boxing Day")
    assert calendar.clear_days_between(D(2026, 12, 23), D(2027, 1, 5), council=council) == 5


# --- hostile and edge inputs -------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["calendar", "working"])
def test_same_day_next_day_or_reversed_dates_have_no_clear_days(council, basis):
    council.clear_days_basis = basis
    day = D(2026, 6, 3)
    assert calendar.clear_days_between(day, day, council=council) == 0
    assert calendar.clear_days_between(day, day + datetime.timedelta(days=1), council=council) == 0
    assert calendar.clear_days_between(day, D(2026, 5, 1), council=council) == 0


def test_decision_before_the_notice_is_never_allowed(council):
    """A decision dated before its notice was published had no notice, whatever the days asked."""
    assert not calendar.allows_decision_on(D(2026, 6, 10), D(2026, 6, 1), 28, council=council)
    assert not calendar.allows_decision_on(D(2026, 6, 10), D(2026, 6, 9), 0, council=council)
    assert calendar.allows_decision_on(D(2026, 6, 10), D(2026, 6, 10), 0, council=council)


def test_zero_clear_days_first_lawful_date_is_the_day_of_the_notice(council):
    assert calendar.first_lawful_date(D(2026, 6, 10), 0, council=council) == D(2026, 6, 10)


@pytest.mark.parametrize("value", ["2026-06-01", None, 20260601])
def test_clear_days_between_refuses_what_is_not_a_date_with_a_message(council, value):
    with pytest.raises(TypeError, match="published_on must be a date"):
        calendar.clear_days_between(value, D(2026, 7, 1), council=council)


def test_naive_datetime_refused_with_a_message(council):
    with pytest.raises(TypeError, match="without a time zone"):
        calendar.clear_days_between(D(2026, 6, 1), datetime.datetime(2026, 7, 1, 9), council=council)


def test_aware_datetime_counts_from_its_day_in_london(council):
    """Published at 23:30 UTC on 1 June 2026, which is 00:30 on 2 June in London (BST): the notice's
    day is 2 June, so the 28 clear days are 3 to 30 June and 1 July is the first lawful day."""
    published_at = datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC)
    assert calendar.forward_plan_first_lawful_date(published_at, council=council) == D(2026, 7, 1)
    decided_at = datetime.datetime(2026, 7, 1, 9, 0, tzinfo=LONDON)
    assert calendar.clear_days_between(published_at, decided_at, council=council) == 28


@pytest.mark.parametrize(
    ("clear_days", "error", "message"),
    [(-1, ValueError, "cannot be negative"), (True, TypeError, "whole number"), (2.5, TypeError, "whole number")],
)
def test_first_lawful_date_refuses_bad_clear_days_with_a_message(council, clear_days, error, message):
    with pytest.raises(error, match=message):
        calendar.first_lawful_date(D(2026, 6, 1), clear_days, council=council)


def test_first_lawful_date_beyond_the_calendar_is_a_value_error(council):
    with pytest.raises(ValueError, match="beyond the calendar"):
        calendar.first_lawful_date(D(9999, 12, 20), 28, council=council)


def test_working_days_in_the_far_future_refused_with_a_message(working_days_council):
    with pytest.raises(ValueError, match="not known that far ahead"):
        calendar.clear_days_between(D(2026, 6, 1), D(2300, 1, 1), council=working_days_council)


# --- one calendar, many questions --------------------------------------------------------------


def test_calendar_for_council_reads_closure_days_once(working_days_council, django_assert_num_queries):
    """A page listing many plan items builds one calendar: its queries do not grow with the items."""
    ClosureDay.objects.create(date=D(2026, 12, 24), reason="Christmas Eve")
    with django_assert_num_queries(1):
        cal = Calendar.for_council(working_days_council)
        dates = [cal.first_lawful_date(D(2026, 12, 1) + datetime.timedelta(days=n), 28) for n in range(50)]
    assert len(set(dates)) > 1


def test_calendar_days_council_needs_no_query(council, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert calendar.first_lawful_date(D(2026, 6, 1), 28, council=council) == D(2026, 6, 30)


DATES = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))
CLOSURES = st.frozensets(DATES, max_size=20)


@settings(max_examples=100, deadline=None)
@given(published=DATES, clear_days=st.integers(min_value=1, max_value=60), working=st.booleans(), closures=CLOSURES)
def test_first_lawful_date_is_the_first_day_with_enough_clear_days(published, clear_days, working, closures):
    cal = Calendar(working_days=working, closure_days=closures)
    first = cal.first_lawful_date(published, clear_days)
    assert cal.clear_days_between(published, first) == clear_days
    assert cal.clear_days_between(published, first - datetime.timedelta(days=1)) == clear_days - 1
    assert cal.allows_decision_on(published, first, clear_days)
    assert not cal.allows_decision_on(published, first - datetime.timedelta(days=1), clear_days)


@settings(max_examples=100, deadline=None)
@given(published=DATES, span=st.integers(min_value=-10, max_value=800), working=st.booleans(), closures=CLOSURES)
def test_clear_days_between_matches_counting_each_day(published, span, working, closures):
    cal = Calendar(working_days=working, closure_days=closures)
    decided = published + datetime.timedelta(days=span)
    between = [published + datetime.timedelta(days=n) for n in range(1, span)]
    assert cal.clear_days_between(published, decided) == sum(cal.counts(day) for day in between)


def test_working_days_use_englands_bank_holidays_not_scotlands():
    """2 January is a bank holiday in Scotland, not England; St Andrew's Day neither."""
    cal = Calendar(working_days=True)
    assert cal.counts(D(2026, 1, 2))  # a Friday
    assert cal.counts(D(2026, 11, 30))  # a Monday
    assert not cal.counts(D(2026, 8, 31))  # England's late summer bank holiday
    assert not cal.counts(D(2026, 12, 28))  # Boxing Day observed


# --- the council's setting and closure days in the admin ---------------------------------------


def test_clear_days_basis_defaults_to_calendar_days(council):
    assert council.clear_days_basis == CouncilSettings.ClearDaysBasis.CALENDAR


def test_administrator_edits_clear_days_basis_in_the_admin(client, administrator, council):
    client.force_login(administrator)
    page = client.get(f"/admin/council/councilsettings/{council.pk}/change/")
    assert page.status_code == 200
    assert 'name="clear_days_basis"' in page.text


def test_administrator_adds_closure_day_in_the_admin_and_it_is_logged(client, administrator, db):
    client.force_login(administrator)
    response = client.post(
        "/admin/council/closureday/add/", {"date": "2026-12-24", "reason": "Christmas Eve: offices closed"}
    )
    assert response.status_code == 302
    closure = ClosureDay.objects.get(date=D(2026, 12, 24))
    assert LogEntry.objects.filter(object_id=str(closure.pk), action_flag=ADDITION, user=administrator).exists()


def test_administrator_group_may_change_closure_days(db):
    group = Group.objects.get(name=roles.ADMINISTRATOR)
    assert {"add_closureday", "change_closureday", "delete_closureday"} <= set(
        group.permissions.values_list("codename", flat=True)
    )


def test_closure_day_twice_refused_in_the_admin(client, administrator, db):
    ClosureDay.objects.create(date=D(2026, 12, 24), reason="Christmas Eve")
    client.force_login(administrator)
    response = client.post("/admin/council/closureday/add/", {"date": "2026-12-24", "reason": "Again"})
    assert response.status_code == 200
    assert ClosureDay.objects.count() == 1
