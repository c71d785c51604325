"""The routes' and notices' pages in Chromium: axe finds no WCAG 2.2 AA violation on the officer's
Forward Plan task and task list warnings, Democratic Support's notice page, and the public
notices (EXEC-5, EXEC-6)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from decisions.models import today
from notices import services as notices
from tests.decisions.factories import DecisionFactory
from tests.decisions.routes_factories import plan_item
from tests.notices.factories import general_exception_decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_forward_plan_task_and_its_warnings_are_accessible(page, live_server, axe, sign_in, officer):
    decision = DecisionFactory(key=True, plan_item=None)
    plan_item(officer, published_on=today() - datetime.timedelta(days=3))  # one to choose
    sign_in(officer)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/tasks/")
    assert page.get_by_text("The first lawful date of decision on each route").is_visible()
    axe.check("task list with route warnings")
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/edit/forward-plan/")
    axe.check("Forward Plan task")
    page.get_by_label("General exception: 5 clear days' notice").check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/edit/plan/**")
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/edit/forward-plan/")
    page.get_by_label("Forward Plan: 28 clear days' notice").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("Forward Plan task with errors")


def test_notice_pages_are_accessible(page, live_server, axe, sign_in, democratic_support):
    decision = general_exception_decision()
    sign_in(democratic_support)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/general-exception-notice/")
    axe.check("give general exception notice")
    page.get_by_role("button", name="Give general exception notice").click()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("give general exception notice with errors")
    page.get_by_label("Why is 28 clear days' notice in the Forward Plan impracticable?").fill(
        "The grant offer closes before 28 clear days' notice can run."
    )
    page.get_by_role("button", name="Give general exception notice").click()
    expect(page.get_by_text("General exception notice published")).to_be_visible()
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/notice-of-reasons/")
    axe.check("notice of reasons")

    notice = decision.notices.get()
    notices.publish_reasons(notice, actor=democratic_support, reasons=notice.reasons)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/notices/")
    axe.check("public notices")
    page.get_by_role("link", name=decision.title).click()
    expect(page.get_by_role("heading", name=decision.title)).to_be_visible()
    axe.check("public notice")
