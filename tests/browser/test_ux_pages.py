"""Issue #10, part 4, in Chromium: the new pages pass axe, and Enter in a field of a one-form task
page saves the page ("Save and continue"), never presses a "Remove" button inside it."""

import pytest

from decisions import services
from decisions.models import CabinetConsultation, Status
from tests.decisions.factories import DecisionFactory
from tests.scrutiny.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_returned_record_task_list_and_your_work_are_accessible(
    page, live_server, axe, sign_in, officer, finance_reviewer
):
    decision = DecisionFactory(state=Status.IN_SIGN_OFF)
    services.return_to_author(decision, actor=finance_reviewer, comment="Name the budget line.\n\n- And its code")
    sign_in(officer)
    assert page.get_by_text("Returned to you").first.is_visible()
    axe.check("your work with a returned record")
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/tasks/")
    banner = page.get_by_role("region", name="Returned to you")
    assert banner.get_by_text("Name the budget line.").is_visible()
    axe.check("task list of a returned record")


def test_delete_draft_confirmation_is_accessible_and_deletes(page, live_server, axe, sign_in, officer):
    decision = services.start_decision(actor=officer)
    sign_in(officer)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/tasks/")
    page.get_by_role("link", name="Delete this draft record").click()
    page.wait_for_url("**/delete/")
    axe.check("delete draft confirmation")
    page.get_by_role("button", name="Delete draft decision record").click()
    page.wait_for_url("**/your-work/")
    assert page.get_by_text("Draft decision record “Untitled decision” deleted").is_visible()


def test_enter_in_a_field_of_the_consultation_page_saves_and_removes_nothing(page, live_server, sign_in, officer):
    decision = DecisionFactory(consulted=True)
    consultations = CabinetConsultation.objects.filter(decision=decision).count()
    assert consultations
    sign_in(officer)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/edit/consultation/")
    page.locator("#id_cmt_consulted_on_0").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/edit/sign-off/" in page.url  # "Save and continue" went on to the next task
    assert CabinetConsultation.objects.filter(decision=decision).count() == consultations


def test_democratic_support_your_work_with_meetings_is_accessible(page, live_server, axe, sign_in, democratic_support):
    MeetingFactory()
    sign_in(democratic_support)
    assert page.get_by_role("button", name="Manage committees and meetings").is_visible()
    axe.check("your work for Democratic Support")
