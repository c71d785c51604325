"""An officer drafts a decision record in Chromium: task list, two tasks, an error and its fix, axe throughout."""

import re

import pytest
from playwright.sync_api import expect

from decisions.models import Decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_drafts_a_record_with_the_keyboard_and_mouse(page, live_server, axe, sign_in, officer, decision_maker):
    sign_in(officer)

    page.goto(f"{live_server.url}/decisions/records/new/")
    expect(page).to_have_title(re.compile("^Start a decision record"))
    axe.check("start page")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/tasks/")
    decision = Decision.objects.get(author=officer)
    assert page.get_by_role("heading", name="Decision record", exact=True).is_visible()
    axe.check("task list")

    # Task 1, by mouse: the decision details.
    page.get_by_role("link", name="Decision details").click()
    expect(page.get_by_role("heading", name="Decision details")).to_be_visible()
    axe.check("details task")
    page.get_by_label("1. Title of decision").fill("Direct award for a managed social work team")
    page.get_by_label("2. Decision maker").select_option(label=decision_maker.name_and_title)
    page.get_by_label("Directorate taking the decision").select_option(index=1)
    page.get_by_label("Report author's email address").fill("olive@council.example")
    page.get_by_label("4a. Decision to be taken").fill("To direct award a contract to Innovate, for £491,000.")
    page.get_by_label("A general authorisation").check()
    page.get_by_label("It awards a contract or incurs expenditure").check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/edit/reasons/")  # on to the next task
    page.get_by_role("link", name="Back to the task list").click()
    page.wait_for_url("**/tasks/")
    details_status = page.locator("#task-details-status")
    assert details_status.inner_text().strip() == "Completed"

    # Task 2, by keyboard: reasons, with HTML pasted in by mistake.
    page.get_by_role("link", name="Reasons and alternative options").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/edit/reasons/")
    axe.check("reasons task")
    page.get_by_label("5. Reasons for decision").focus()
    page.keyboard.type("Demand has risen by a quarter.<p>Recruitment has not kept up.")
    page.keyboard.press("Tab")
    page.keyboard.type("- Permanent recruitment: too slow")
    page.get_by_role("button", name="Save and continue").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    message = "Remove the HTML from the reasons. Type or paste plain text"
    assert summary.get_by_role("link", name=message).is_visible()
    assert page.locator("#div_id_reasons .govuk-error-message").inner_text().endswith(message)
    assert page.get_by_label("6. Alternative options").input_value() == "- Permanent recruitment: too slow"
    axe.check("reasons task with an error")

    summary.get_by_role("link", name=message).click()
    assert page.evaluate("document.activeElement.id") == "id_reasons"
    page.get_by_label("5. Reasons for decision").fill("Demand has risen by a quarter.\n\nRecruitment has not kept up.")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/edit/finance/")
    page.get_by_role("link", name="Back to the task list").click()
    page.wait_for_url("**/tasks/")
    assert page.locator("#task-reasons-status").inner_text().strip() == "Completed"
    decision.refresh_from_db()
    assert decision.reasons.startswith("Demand has risen") and "<p>" not in decision.reasons

    page.get_by_role("link", name="Check your answers and submit").click()
    page.wait_for_url("**/check/")
    assert page.get_by_role("heading", name="Check your answers before submitting the record").is_visible()
    assert page.locator("#section-5").get_by_text("Recruitment has not kept up.").is_visible()
    assert page.get_by_role("button", name="Submit for sign-off").count() == 0  # other tasks still to do
    axe.check("check your answers")


def test_task_pages_are_accessible_with_and_without_errors(page, live_server, axe, sign_in, officer):
    sign_in(officer)
    page.goto(f"{live_server.url}/decisions/records/new/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/tasks/")
    tasks_url = page.url
    for slug in ["finance", "contract", "plan", "urgency", "consultation", "sign-off", "appendices", "exempt"]:
        page.goto(tasks_url.replace("/tasks/", f"/edit/{slug}/"))
        axe.check(f"{slug} task")
        with page.expect_navigation():
            page.get_by_role("button", name="Save and continue").click()
        if slug not in {"sign-off", "appendices"}:
            expect(page).to_have_title(re.compile("^Error: "))
            axe.check(f"{slug} task with errors")
