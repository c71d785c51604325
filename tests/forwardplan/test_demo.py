"""The demo's Forward Plan items, made through the services."""

import datetime

import pytest
from django.core.management import call_command

from council import calendar
from council.models import CouncilSettings
from forwardplan import demo
from forwardplan.models import PlanItem, Status, today

pytestmark = pytest.mark.django_db


def test_demo_has_published_deferred_and_waiting_items(demo_loaded):
    items = {i.title: i for i in PlanItem.objects.all()}
    published = items[demo.PUBLISHED_TITLE]
    assert published.status == Status.PUBLISHED and published.reference.startswith("FP ")
    assert published.first_published_on == today() - datetime.timedelta(days=40)
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
