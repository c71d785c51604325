"""What the call-in pages' tests build: councillors, a published decision in its call-in window,
and call-ins moved on through the real services (never a row written by hand)."""

import datetime
import zoneinfo

import time_machine

from callin import services
from callin.models import CallIn
from council import roles
from council.models import Committee
from decisions.models import Status
from scrutiny.models import Meeting
from tests.decisions.factories import DecisionFactory, advance
from tests.factories import EDUCATION_COMMITTEE, UserFactory

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


def validated(call_in, democratic_support, *, meeting_on=None):
    """Democratic Support validates the request, and schedules it for a meeting on `meeting_on`."""
    services.validate(call_in, actor=democratic_support)
    if meeting_on:
        services.schedule(CallIn.objects.get(pk=call_in.pk), actor=democratic_support, meeting=meeting(meeting_on))
    return CallIn.objects.get(pk=call_in.pk)


def with_outcome(call_in, democratic_support, outcome, *, on, concerns="Consult the families."):
    """The committee's outcome on a scheduled call-in, recorded by Democratic Support."""
    services.record_outcome(call_in, actor=democratic_support, outcome=outcome, on=on, concerns=concerns)
    return CallIn.objects.get(pk=call_in.pk)
