"""A briefing report from draft to its meeting's agenda in Chromium, as its people would do it,
axe on every page: an officer drafts it for a meeting, adds and reorders body sections, submits;
Finance and Legal issue their codes; the strategic director agrees; the cabinet member approves;
Democratic Support publishes it; a signed-out visitor finds it under the committee's meeting and
downloads its PDF."""

import io
import re

import pytest
from pypdf import PdfReader

from council.models import Committee
from scrutiny.models import BriefingReport, Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_briefing_report_from_draft_to_the_agenda(  # noqa: PLR0915 - one journey, told in order
    page,
    live_server,
    axe,
    sign_in,
    officer,
    decision_maker,
    cabinet_member,
    finance_reviewer,
    legal_reviewer,
    democratic_support,
):
    url = live_server.url
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    meeting = MeetingFactory(committee=committee)

    def go(link, check, role="link"):
        page.get_by_role(role, name=link).first.click()
        page.wait_for_load_state()
        axe.check(check)

    def save_task():
        # "Save and continue" goes on to the next task (or check your answers); the journey
        # then picks its next task from the task list.
        here = page.url
        page.get_by_role("button", name="Save and continue").click()
        page.wait_for_url(lambda address: address != here)
        assert "/tasks/" not in page.url
        assert not page.locator(".govuk-error-summary").count()
        page.get_by_role("link", name="Back to the task list").click()
        page.wait_for_url("**/tasks/")

    def switch_to(user):
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_load_state()
        sign_in(user)

    def open_report(report):
        page.goto(f"{url}/scrutiny/reports/{report.pk}/")
        axe.check(f"report page, {report.status}")

    # — the officer drafts -------------------------------------------------------------------
    sign_in(officer)
    page.goto(url + "/scrutiny/reports/new/")
    axe.check("start page")
    page.select_option("#id_committee", label=str(committee))
    page.select_option("#id_meeting", value=str(meeting.pk))
    page.get_by_role("button", name="Start the report").click()
    page.wait_for_url("**/tasks/")
    axe.check("task list")

    go("Committee, meeting and report details", "details")
    page.fill("#id_title", "Innovate Team CYPFS")
    page.select_option("#id_lead_member", label=cabinet_member.name_and_title)
    page.select_option("#id_lead_director", label=decision_maker.name_and_title)
    page.fill("#id_your_reference", "InnovateJK01112021")
    page.check("#id_is_key_decision_2")
    save_task()

    go("Purpose, recommendations and alternative options", "summary")
    page.fill("#id_purpose", "Information sharing for committee members")
    page.fill("#id_recommendations", "This is an information briefing report.")
    page.fill("#id_alternatives", "This was an emergency solution.")
    save_task()

    go("Corporate Plan, financial and carbon implications", "implications")
    page.fill("#id_plan_relevance", "Click here to enter text.")
    page.fill("#id_financial_implications", "Demand must be considered in the medium term financial plan.")
    page.fill("#id_carbon_implications", "No direct implications")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()
    axe.check("implications with the placeholder refused")
    assert "placeholder" in page.locator(".govuk-error-summary").inner_text()
    page.fill("#id_plan_relevance", "Caring for People and Communities: keeping children protected.")
    save_task()

    go("Body of the report", "body")
    for heading in ["Introduction", "Contingency planning", "Background"]:
        page.fill("#id_heading", heading)
        page.fill("#id_body", f"The {heading.lower()} of the report.\n\n- a point\n- another point")
        page.get_by_role("button", name="Add section").click()
        page.wait_for_load_state()
    axe.check("body with three sections")
    page.get_by_role("button", name="Move up Background").click()
    page.wait_for_load_state()
    axe.check("body after a move")
    report = BriefingReport.objects.get(author=officer)
    assert list(report.sections.values_list("heading", flat=True)) == [
        "Introduction",
        "Background",
        "Contingency planning",
    ]
    save_task()

    go("Confidentiality", "confidentiality")
    page.check("#id_confidentiality_1")
    save_task()

    go("Departments to sign off and the originating SLT member", "sign-off departments")
    page.select_option("#id_originating_slt_member", label=officer.name_and_title)
    save_task()

    page.get_by_role("link", name="Check your answers and submit").click()
    page.wait_for_load_state()
    axe.check("check answers")
    page.get_by_role("button", name="Submit for sign-off").click()
    page.wait_for_url("**/reports/*/")
    axe.check("report after submission")
    report.refresh_from_db()
    assert report.status == Status.IN_SIGN_OFF

    # — Finance and Legal ---------------------------------------------------------------------
    switch_to(finance_reviewer)
    open_report(report)
    go("Sign off for Finance", "finance sign-off", role="button")
    page.get_by_role("button", name="Issue Finance sign-off code").click()
    page.wait_for_url("**/reports/*/")
    axe.check("report after finance")

    switch_to(legal_reviewer)
    open_report(report)
    go("Sign off for Legal", "legal sign-off", role="button")
    page.fill("#id_code", "LS/37600/AC/5/11/21")
    page.get_by_role("button", name="Issue Legal sign-off code").click()
    page.wait_for_url("**/reports/*/")
    report.refresh_from_db()
    assert report.status == Status.AWAITING_DIRECTOR

    # — the strategic director and the cabinet member -----------------------------------------
    switch_to(decision_maker)
    open_report(report)
    go("Agree the report", "agree", role="button")
    page.get_by_role("button", name="Agree the report").click()
    page.wait_for_url("**/reports/*/")

    switch_to(cabinet_member)
    open_report(report)
    go("Approve the report", "approve", role="button")
    page.get_by_role("button", name="Approve the report").click()
    page.wait_for_url("**/reports/*/")
    report.refresh_from_db()
    assert report.status == Status.APPROVED

    # — Democratic Support publishes ------------------------------------------------------------
    switch_to(democratic_support)
    open_report(report)
    go("Publish to the meeting's agenda", "publish", role="button")
    page.get_by_role("button", name="Publish to the agenda").click()
    page.wait_for_url("**/reports/*/")
    axe.check("published report")
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED and report.agenda_position == 1
    assert "LS/37600/AC/5/11/21" in page.content()

    # — a signed-out visitor finds it under the committee's meeting and downloads its PDF -------
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/committees/")
    axe.check("committees")
    page.get_by_role("link", name=committee.name).click()
    page.wait_for_load_state()
    axe.check("committee")
    page.get_by_role("link", name=f"{meeting.date:%-d %B %Y}").click()
    page.wait_for_load_state()
    axe.check("meeting agenda")
    page.get_by_role("link", name=report.title, exact=True).click()
    page.wait_for_load_state()
    axe.check("public report")
    assert report.title in page.locator("main").inner_text()
    pdf_link = page.get_by_role("link", name=re.compile("PDF")).first
    response = page.request.get(live_server.url + pdf_link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert report.title in text and re.search(r"Page 1 of \d", text)
    assert "LS/37600/AC/5/11/21" in text.replace("\n", "")
