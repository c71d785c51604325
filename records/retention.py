"""OLGB-6: how long a record and its background papers stay available, and from when.

The Openness of Local Government Bodies Regulations 2014 keep an officer's decision record on the
website for six years beginning with the date of the decision, and its background papers for four;
the Local Government Act 1972 (ss. 100C and 100D) keeps a committee's reports six years and their
background papers four, from the date of the meeting. A council may keep them longer
(`CouncilSettings.record_retention_years` and `background_paper_retention_years`, never below the
law's). Each kind of record says the day its period begins (`Record.retention_starts_on`); the
dates here are the last day of each period.

Nothing is removed before its date: a frozen record, its children and its history refuse `delete()`,
one at a time or in bulk (`records.models`), and the admin deletes only a record that never entered
the workflow. Disposal after the date is not built: nothing is removed after it either.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone


def last_day(start, years):
    """The last day of a period of `years` years beginning with `start`: the day before the anniversary.
    A period beginning on 29 February ends on 28 February (the anniversary is 1 March)."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February, in a year without one
        anniversary = datetime.date(start.year + years, 3, 1)
    return anniversary - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Retention:
    starts_on: datetime.date
    record_until: datetime.date
    papers_until: datetime.date
    record_years: int
    papers_years: int
    today: datetime.date

    @property
    def record_passed(self):
        return self.record_until < self.today

    @property
    def papers_passed(self):
        return self.papers_until < self.today


def retention(record, council):
    """The record's retention dates under the council's settings, or None before its period begins."""
    starts_on = getattr(record, "retention_starts_on", None)  # kinds outside the core keep no record
    if starts_on is None:
        return None
    record_years, papers_years = council.record_retention_years, council.background_paper_retention_years
    return Retention(
        starts_on=starts_on,
        record_until=last_day(starts_on, record_years),
        papers_until=last_day(starts_on, papers_years),
        record_years=record_years,
        papers_years=papers_years,
        today=timezone.localdate(),
    )
