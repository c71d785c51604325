"""The Forward Plan's staff pages in Chromium: axe finds no WCAG 2.2 AA violation (A11Y-2), and an
officer proposes an item that Democratic Support publishes (EXEC-5)."""

import re

import pytest
from playwright.sync_api import expect

from forwardplan.models import PlanItem, Status
from tests.forwardplan.factories import published_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_proposes_and_democratic_support_publishes_EXEC_5(
    page, live_server, axe, sign_in, officer, democratic_support
):
    sign_in(officer)
    page.get_by_role("button", name="Propose a Forward Plan item").click()
    page.wait_for_url("**/forward-plan/manage/new/")
    axe.check("propose a Forward Plan item")
    page.get_by_role("button", name="Save as a draft").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("propose a Forward Plan item, with errors")

    page.get_by_label("Matter to be decided").fill("Award of the school meals contract")
    page.get_by_label("The Cabinet").check()
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("3")
    page.get_by_label("Year").first.fill("2027")
    page.get_by_label("Documents to be submitted to the decision maker").fill("Report to Cabinet")
    page.get_by_label("How to get the documents").fill("From Democratic Support, Ballard House")
    page.get_by_label("Who to contact for details").fill("Olive Officer")
    page.get_by_label("Contact email address").fill("olive@council.example")
    page.get_by_role("group", name="Is any part of the decision expected").get_by_label("No").check()
    page.get_by_role("button", name="Save as a draft").click()
    page.wait_for_url("**/forward-plan/manage/*/")
    axe.check("Forward Plan item page, draft")
    item = PlanItem.objects.get()

    page.get_by_role("button", name="Propose for the Forward Plan").click()
    page.wait_for_url("**/propose/")
    axe.check("propose the item")
    page.get_by_role("button", name="Propose the item").click()
    page.wait_for_url(f"**/forward-plan/manage/{item.pk}/")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in(democratic_support)
    page.get_by_role("button", name="The Forward Plan").click()
    page.wait_for_url("**/forward-plan/manage/")
    axe.check("Democratic Support's Forward Plan")
    page.get_by_role("link", name="Award of the school meals contract").click()
    page.get_by_role("button", name="Publish on the Forward Plan").click()
    page.wait_for_url("**/publish/")
    axe.check("publish the item")
    page.get_by_role("button", name="Publish on the Forward Plan").click()
    page.wait_for_url(f"**/forward-plan/manage/{item.pk}/")
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert page.get_by_text(f"{item.reference} is published on the Forward Plan").is_visible()
    axe.check("Forward Plan item page, published")


def test_change_defer_and_withdraw_pages_are_accessible(page, live_server, axe, sign_in, officer, democratic_support):
    item = published_item(officer, democratic_support)
    sign_in(democratic_support)
    base = f"{live_server.url}/forward-plan/manage/{item.pk}"
    page.goto(f"{base}/edit/")
    axe.check("change the item")
    page.goto(f"{base}/defer/")
    axe.check("defer the decision")
    page.get_by_role("button", name="Defer the decision").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("defer the decision, with errors")
    page.goto(f"{base}/withdraw/")
    axe.check("withdraw the item")
    page.goto(f"{base}/return/")
    assert page.url.endswith(f"/forward-plan/manage/{item.pk}/")  # published: nothing to return
