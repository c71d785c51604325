"""The public Forward Plan in Chromium: axe finds no WCAG 2.2 AA violation on the plan (with items,
filtered, with an error) or on an item's page (deferred, withdrawn, expected to be partly exempt);
a visitor filters the plan by month and opens an item with the keyboard alone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from council.models import CabinetPortfolio
from forwardplan.models import DecisionMakerType, Status
from tests.forwardplan.public_items import history, plan_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan():
    today = timezone.localdate()
    portfolio = CabinetPortfolio.objects.order_by("order").first()
    items = {
        "officer": plan_item(title="Library opening hours", expected_from=today + datetime.timedelta(days=35)),
        "cabinet": plan_item(
            maker=DecisionMakerType.CABINET,
            title="Sale of the civic centre",
            expected_from=today + datetime.timedelta(days=70),
            expected_to=today + datetime.timedelta(days=100),
            expected_exempt=True,
            exempt_paragraphs=[3],
        ),
        "deferred": plan_item(
            status=Status.DEFERRED,
            maker=DecisionMakerType.CABINET_MEMBER,
            portfolio=portfolio,
            title="Bus lane enforcement",
            status_reason="Awaiting the consultation's results",
            expected_from=today + datetime.timedelta(days=120),
        ),
        "withdrawn": plan_item(status=Status.WITHDRAWN, title="Depot sale", status_reason="No longer needed"),
    }
    history(
        items["deferred"], "defer", Status.PUBLISHED, Status.DEFERRED, comment="Awaiting the consultation's results"
    )
    history(items["withdrawn"], "withdraw", Status.PUBLISHED, Status.WITHDRAWN, comment="No longer needed")
    return items


def test_forward_plan_pages_are_accessible(page, live_server, axe, plan):
    page.goto(f"{live_server.url}/forward-plan/")
    expect(page).to_have_title(re.compile("^Forward Plan – "))
    assert page.get_by_role("heading", name="Forward Plan", exact=True).is_visible()
    axe.check("the plan")
    page.goto(f"{live_server.url}/forward-plan/?show=all&decision_maker_type=cabinet")
    axe.check("the plan, filtered")
    page.goto(f"{live_server.url}/forward-plan/?month=2026-13")
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("the plan with an error")
    for name, item in plan.items():
        page.goto(f"{live_server.url}/forward-plan/{item.reference_slug}/")
        assert page.get_by_role("heading", name=item.title, level=1).is_visible()
        axe.check(f"the {name} item's page")


def test_visitor_filters_the_plan_by_month_and_opens_an_item_with_the_keyboard(page, live_server, plan):
    item = plan["officer"]
    page.goto(f"{live_server.url}/forward-plan/")
    page.get_by_label("Expected in", exact=True).focus()
    page.get_by_label("Expected in", exact=True).select_option(f"{item.expected_from:%Y-%m}")
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**month={item.expected_from:%Y-%m}**")
    link = page.get_by_role("link", name=f"{item.reference}: {item.title}")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/forward-plan/{item.reference_slug}/")
    assert page.get_by_role("heading", name="Changes to this item").is_visible()
