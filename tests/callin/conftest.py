"""Call-in (CALL-1, CALL-2): decisions published on a day of the test's choosing, and councillors."""

import datetime
import zoneinfo

import pytest
import time_machine

from council import roles
from council.models import CouncilSettings
from decisions.models import Status
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee
from tests.factories import UserFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Friday 28 August 2026: Monday 31 August is the summer bank holiday.
FRIDAY = datetime.date(2026, 8, 28)
LAST_DAY = datetime.date(2026, 9, 7)
EFFECTIVE = datetime.date(2026, 9, 8)


def at(date, hour=10):
    return datetime.datetime.combine(date, datetime.time(hour), tzinfo=LONDON)


def on(date):
    """The clock (an edge) on `date`, at ten in the morning in Plymouth."""
    return time_machine.travel(at(date), tick=False)


@pytest.fixture(autouse=True)
def not_about_the_pdf(no_pdf_render):
    """Publishing renders the public PDF; these tests are not about it (the documents' own are)."""


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def committee(cast):
    return education_committee(cast)


@pytest.fixture
def council(db):
    return CouncilSettings.load()


def councillor(username, *, member_of=None, more=()):
    user = UserFactory(username=username, roles=[roles.COUNCILLOR, *more])
    if member_of is not None:
        member_of.members.add(user)
    return user


@pytest.fixture
def members(committee):
    """Three non-executive councillors on the decision's scrutiny committee."""
    return [councillor(f"member{n}", member_of=committee) for n in range(1, 4)]


@pytest.fixture
def publish(cast, committee):
    """publish(on=FRIDAY, **fields): a decision record, through the real services, published on `on`."""

    def publish(on_date=FRIDAY, **fields):
        fields.setdefault("scrutiny_committee", committee)
        with on(on_date):
            decision = DecisionFactory(cast=cast, **fields)
            return advance(decision, Status.PUBLISHED, cast)

    return publish
