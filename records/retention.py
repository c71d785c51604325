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
the workflow. After the background papers' date, Democratic Support may dispose of their files
(`RecordServices.dispose_papers`: confirmed on its page, recorded in the history, the paper's title
kept in the record with the day its file went); a paper's model refuses that change before the date
too. Democratic Support's "Your work" lists the published records whose papers' date has passed and
which still hold a file (`records.queues.PapersPastRetention`). Disposal of a whole record after its
six years is not built.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from records.rules import Problem


def last_day(start, years):
    """The last day of a period of `years` years beginning with `start`: the day before the anniversary.
    A period beginning on 29 February ends on 28 February (the anniversary is 1 March)."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February, in a year without one
        anniversary = datetime.date(start.year + years, 3, 1)
    return anniversary - datetime.timedelta(days=1)


def latest_start_ended(today, years):
    """The last day a period of `years` years may begin and have ended before `today`: a period
    beginning on it or earlier has its last day (`last_day`) before today, one beginning after it
    does not. For finding, in the database, the records whose period has passed."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February: a period beginning on 28 February ended yesterday
        return today.replace(year=today.year - years, day=28)


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


def disposable_papers(record):
    """The record's background papers that still have a file (read from its prefetched papers)."""
    return [paper for paper in record.background_papers.all() if paper.file and paper.disposed_at is None]


def papers_passed(record):
    """OLGB-6: whether the record's background papers' retention date has passed."""
    from council.models import CouncilSettings

    kept = retention(record, CouncilSettings.load())
    return kept is not None and kept.papers_passed, kept


def disposal_problems(record):
    """Why the background papers' files cannot be disposed of now ([] when they can)."""
    passed, kept = papers_passed(record)
    if not passed:
        until = f" until {date_format(kept.papers_until, 'j F Y')}" if kept else ""
        return [
            Problem(
                "OLGB-6", "", f"The background papers are kept{until}: their files cannot be disposed of before then"
            )
        ]
    if not disposable_papers(record):
        return [Problem("OLGB-6", "", "No background paper has a file left to dispose of")]
    return []
