"""The statutory clock's calendar: the one answer to "how many clear days" and "first lawful date".

Clear days (EXEC-5, EXEC-6) exclude the day a notice is published and the day of the decision:
a notice published on 1 June allows a decision needing 28 clear days on 30 June (2 to 29 June are
the 28 days between), never on 29 June. The council chooses whether clear days are calendar days
(Plymouth, and the default) or working days (`CouncilSettings.clear_days_basis`); working days
leave out Saturdays, Sundays, England's bank holidays (from the `holidays` library, kept up to
date by its maintainers, so a special bank holiday arrives with a dependency update rather than
a hand-typed list) and the council's own closure days (`council.ClosureDay`).

Only the days between are counted, so the day of the decision may itself be any day: with working
days, a notice whose fifth clear day is a Friday allows a decision on the Saturday.

`Calendar.for_council(council)` reads the closure days once; a page that asks about many items
builds one calendar and asks it, so its queries do not grow with the number of items. The
module-level functions build one per call, for a single question.
"""

import datetime
from functools import cache

import holidays
from django.utils import timezone

# Reg 10 of the 2012 Regulations fixes the general exception's wait; the Forward Plan's 28 days
# are the council's setting (`forward_plan_clear_days`), which a constitution may lengthen.
GENERAL_EXCEPTION_CLEAR_DAYS = 5

# England's bank holidays are known (and predicted by the library) only so far ahead; counting
# working days into a far future would be a guess presented as an answer, so it is refused.
LAST_WORKING_DAYS_YEAR = 2199

ONE_DAY = datetime.timedelta(days=1)


@cache
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def _as_date(value, name):
    """A date, or an aware datetime taken as its day in the council's time zone (Europe/London)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            raise TypeError(f"{name} is a datetime without a time zone: give a date, or an aware datetime.")
        return timezone.localdate(value)
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"{name} must be a date, not {type(value).__name__}.")


def _as_clear_days(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"clear_days must be a whole number, not {type(value).__name__}.")
    if value < 0:
        raise ValueError(f"clear_days cannot be negative ({value}).")
    return value


class Calendar:
    """Counts clear days in calendar days, or in working days less the given closure days."""

    def __init__(self, *, working_days=False, closure_days=()):
        self.working_days = working_days
        self.closure_days = frozenset(closure_days)

    @classmethod
    def for_council(cls, council):
        from council.models import ClosureDay, CouncilSettings

        if council.clear_days_basis == CouncilSettings.ClearDaysBasis.WORKING:
            return cls(working_days=True, closure_days=ClosureDay.objects.values_list("date", flat=True))
        return cls()

    @classmethod
    def working_days_for(cls, council):
        """The council's working days, whatever its basis for clear days (CALL-1 counts in working days)."""
        from council.models import ClosureDay

        return cls(working_days=True, closure_days=ClosureDay.objects.values_list("date", flat=True))

    def _check_year(self, day):
        if self.working_days and day.year > LAST_WORKING_DAYS_YEAR:
            raise ValueError(
                f"Working days cannot be counted after {LAST_WORKING_DAYS_YEAR}: "
                "England's bank holidays are not known that far ahead."
            )

    def counts(self, day):
        """Whether `day`, lying between a notice and a decision, is one of the clear days."""
        if not self.working_days:
            return True
        self._check_year(day)
        return day.weekday() < 5 and day not in self.closure_days and day not in _bank_holidays(day.year)

    def clear_days_between(self, published_on, decided_on):
        """The clear days between the two days, neither counted; 0 when the decision is not later."""
        published_on = _as_date(published_on, "published_on")
        decided_on = _as_date(decided_on, "decided_on")
        # A decision on the day of the notice, the day after, or before it, has none between.
        if decided_on - published_on <= ONE_DAY:
            return 0
        first, last = published_on + ONE_DAY, decided_on - ONE_DAY
        if not self.working_days:
            return (last - first).days + 1
        self._check_year(last)
        return _weekdays(first, last) - len(self._days_off_on_weekdays(first, last))

    def _days_off_on_weekdays(self, first, last):
        off = set(self.closure_days)
        for year in range(first.year, last.year + 1):
            off |= _bank_holidays(year)
        return {day for day in off if first <= day <= last and day.weekday() < 5}

    def first_lawful_date(self, published_on, clear_days):
        """The earliest day a decision may be taken with `clear_days` clear days after the notice.

        With 0 clear days that is the day of the notice itself (nothing need pass between).
        """
        published_on = _as_date(published_on, "published_on")
        clear_days = _as_clear_days(clear_days)
        if clear_days == 0:
            return published_on
        try:
            if not self.working_days:
                return published_on + datetime.timedelta(days=clear_days + 1)
            day, counted = published_on, 0
            while counted < clear_days:
                day += ONE_DAY
                counted += self.counts(day)
            return day + ONE_DAY
        except OverflowError:
            raise ValueError(f"{clear_days} clear days after {published_on} fall beyond the calendar.") from None

    def allows_decision_on(self, published_on, decided_on, clear_days):
        """Whether a decision on `decided_on` comes at least `clear_days` clear days after the notice."""
        decided_on = _as_date(decided_on, "decided_on")
        return decided_on >= self.first_lawful_date(published_on, clear_days)

    def call_in_window(self, published_on, working_days):
        """CALL-1: (the last day a call-in may be requested, the day the decision takes effect).

        The last day is the `working_days`th working day after the day of publication, which never
        counts; the decision takes effect on the next working day after it. Always working days
        (weekends, England's bank holidays and the closure days never count), whatever the
        council's basis for clear days: a constitution's call-in period is in working days.
        """
        published_on = _as_date(published_on, "published_on")
        working_days = _as_clear_days(working_days)
        working = self if self.working_days else Calendar(working_days=True, closure_days=self.closure_days)
        day = published_on
        try:
            for _ in range(working_days):
                day = working.next_working_day(day)
            return day, working.next_working_day(day)
        except OverflowError:
            raise ValueError(f"{working_days} working days after {published_on} fall beyond the calendar.") from None

    def next_working_day(self, day):
        """The first working day after `day` (weekends, bank holidays and closure days skipped)."""
        working = self if self.working_days else Calendar(working_days=True, closure_days=self.closure_days)
        day += ONE_DAY
        while not working.counts(day):
            day += ONE_DAY
        return day


def _weekdays(first, last):
    """Monday to Friday days from `first` to `last`, both included, counted without a loop."""
    days = (last - first).days + 1
    full_weeks, rest = divmod(days, 7)
    start = first.weekday()
    return full_weeks * 5 + sum(1 for offset in range(rest) if (start + offset) % 7 < 5)


def clear_days_between(published_on, decided_on, *, council):
    """How many clear days lie between a notice published on one day and a decision on another."""
    return Calendar.for_council(council).clear_days_between(published_on, decided_on)


def first_lawful_date(published_on, clear_days, *, council):
    """The earliest day a decision may be taken after `clear_days` clear days from the notice."""
    return Calendar.for_council(council).first_lawful_date(published_on, clear_days)


def allows_decision_on(published_on, decided_on, clear_days, *, council):
    return Calendar.for_council(council).allows_decision_on(published_on, decided_on, clear_days)


def forward_plan_first_lawful_date(first_published_on, *, council):
    """EXEC-5: the earliest decision after the Forward Plan's notice (28 clear days at Plymouth)."""
    return first_lawful_date(first_published_on, council.forward_plan_clear_days, council=council)


def general_exception_first_lawful_date(notice_published_on, *, council):
    """EXEC-6: the earliest decision after a general exception notice (5 clear days)."""
    return first_lawful_date(notice_published_on, GENERAL_EXCEPTION_CLEAR_DAYS, council=council)


def call_in_window(published_on, *, council):
    """CALL-1: (last day for a call-in, effective from) for a decision published on `published_on`."""
    return Calendar.working_days_for(council).call_in_window(published_on, council.call_in_working_days)
