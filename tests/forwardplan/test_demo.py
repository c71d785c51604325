"""The demo's Forward Plan items, made through the services."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from council import calendar
from council.models import CouncilSettings
from forwardplan import demo
from forwardplan.models import PlanItem, Status, today

pytestmark = pytest.mark.django_db


def test_demo_has_published_deferred_and_waiting_items(demo_loaded):
    items = {i.title: i for i in PlanItem.objects.all()}
    published = items[demo.PUBLISHED_TITLE]
    assert published.status == Status.PUBLISHED and published.reference.startswith("FP ")
    # 40 days before the demo was loaded (the day the waiting item was proposed, which the loader leaves
    # as it is): the demo is built once per test run, and a run can cross midnight.
    loaded_on = timezone.localdate(items[demo.WAITING_TITLE].submitted_at)
    assert loaded_on in {today(), today() - datetime.timedelta(days=1)}
    assert published.first_published_on == loaded_on - datetime.timedelta(days=40)
    assert items[demo.DEFERRED_TITLE].status == Status.DEFERRED
    assert items[demo.DEFERRED_TITLE].status_reason
    assert items[demo.WAITING_TITLE].status == Status.SUBMITTED
    assert set(PlanItem.objects.public()) == {published, items[demo.DEFERRED_TITLE]}


def test_demo_published_item_allows_key_decision_today_EXEC_5(demo_loaded):
    published = PlanItem.objects.get(title=demo.PUBLISHED_TITLE)
    first = calendar.forward_plan_first_lawful_date(published.first_published_on, council=CouncilSettings.load())
    assert first <= today()
    proposed = published.events.get(action="submit")
    assert proposed.at <= published.first_published_at


def test_demo_loads_again_without_new_items(demo_loaded, settings):
    settings.DEBUG = True
    before = PlanItem.objects.count()
    call_command("load_demo", "--quiet-accounts", verbosity=0)
    assert PlanItem.objects.count() == before


@pytest.mark.parametrize(
    "moment, published_on",
    [
        # 23:30 on a winter evening is 00:30 the next morning in British Summer Time: moving the moment
        # back 40 days of 24 hours would put the notice on 22 October, one clear day short (EXEC-5).
        (datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC), datetime.date(2026, 10, 21)),
        (datetime.datetime(2026, 11, 30, 0, 30, tzinfo=datetime.UTC), datetime.date(2026, 10, 21)),
        # And the other way, from summer time back into winter.
        (datetime.datetime(2026, 4, 20, 23, 30, tzinfo=datetime.UTC), datetime.date(2026, 3, 12)),
    ],
)
def test_demo_backdates_by_the_councils_calendar_days_across_a_clock_change_EXEC_5(moment, published_on):
    earlier = demo._days_back(moment, 40)
    assert timezone.localdate(earlier) == published_on
    assert timezone.localtime(earlier).time() == timezone.localtime(moment).time()
