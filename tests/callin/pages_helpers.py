"""What the call-in pages' tests build: councillors, a published decision in its call-in window,
and call-ins moved on through the real services (never a row written by hand)."""

import datetime
import zoneinfo
from unittest import mock

import pytest
import time_machine
from weasyprint import HTML

from callin import services
from callin.models import CallIn
from council import roles
from council.models import Committee
from decisions.models import Status
from scrutiny.models import Meeting
from tests.decisions.factories import DecisionFactory, advance
from tests.factories import EDUCATION_COMMITTEE, UserFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
LONDON = zoneinfo.ZoneInfo("Europe/London")
# Published on Friday 28 August 2026 (Monday 31 August is a bank holiday): with 5 working days the
# last day for call-in is Monday 7 September, and the decision is effective from Tuesday 8 September.
PUBLISHED_ON = datetime.date(2026, 8, 28)
LAST_DAY = datetime.date(2026, 9, 7)


def at(date, hour=10):
    return time_machine.travel(datetime.datetime.combine(date, datetime.time(hour), tzinfo=LONDON), tick=False)


def committee():
    return Committee.objects.get(slug=EDUCATION_COMMITTEE)


def councillor(name, *, member=True, extra_roles=()):
    """A non-executive councillor, a member of the education committee unless `member=False`."""
    first, last = name.split()
    user = UserFactory(
        username=f"cllr.{last.lower()}",
        honorific="Councillor",
        first_name=first,
        last_name=last,
        job_title="Councillor",
        roles=[roles.COUNCILLOR, *extra_roles],
    )
    if member:
        committee().members.add(user)
    return user


def three_councillors():
    return [councillor(n) for n in ("Ann Lowry", "Bea Tamar", "Cal Plym")]


def published_decision(**fields):
    """A decision naming the education committee, published on `PUBLISHED_ON` (call the clock first)."""
    decision = DecisionFactory(scrutiny_committee=committee(), **fields)
    return advance(decision, Status.PUBLISHED)


def requested(decision, councillors, reasons="The consultation did not include the families affected."):
    """A request signed by `councillors` (the first asks), through the services."""
    first, *others = councillors
    call_in = services.request_call_in(decision, actor=first, reasons=reasons)
    for other in others:
        services.add_name(CallIn.objects.get(pk=call_in.pk), actor=other)
    return CallIn.objects.get(pk=call_in.pk)


def meeting(on):
    return Meeting.objects.create(committee=committee(), date=on)


@pytest.fixture(autouse=True)
def no_pdf_render():
    """Publishing renders the public PDF (tasks run at once here); these pages' tests are not about it."""
    with mock.patch.object(HTML, "write_pdf", return_value=PDF):
        yield
