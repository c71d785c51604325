"""The public committee pages and Democratic Support's management pages in Chromium, with axe on each."""

import pytest
from playwright.sync_api import expect

from scrutiny.models import Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Publishing renders the public PDF; this test checks the pages, never the PDF (tests/conftest.py).
@pytest.mark.usefixtures("no_pdf_render")
def test_public_committee_pages_and_manage_pages_pass_axe(page, live_server, axe, sign_in, democratic_support):
    report = BriefingReportFactory(title="Innovate Team CYPFS", state=Status.PUBLISHED)
    BriefingReportFactory(meeting=report.meeting, part_2=True, title="Provider pricing", state=Status.PUBLISHED)

    page.goto(f"{live_server.url}/committees/")
    axe.check("committees")
    page.get_by_role("link", name="Education and Children").first.click()
    page.wait_for_url(f"**/committees/{EDUCATION_COMMITTEE}/")
    axe.check("committee")
    page.goto(f"{live_server.url}/committees/{EDUCATION_COMMITTEE}/meetings/{report.meeting_id}/")
    assert page.get_by_text("Not for publication by virtue of paragraph 3").is_visible()
    axe.check("meeting agenda")
    page.get_by_role("link", name="Innovate Team CYPFS", exact=True).click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    assert page.get_by_role("heading", name="Innovate Team CYPFS", level=1).is_visible()
    axe.check("report page")

    sign_in(democratic_support)
    page.goto(f"{live_server.url}/scrutiny/manage/")
    axe.check("manage committees")
    page.goto(f"{live_server.url}/scrutiny/manage/committees/{EDUCATION_COMMITTEE}/meetings/add/")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check("add a meeting, with errors")
    page.goto(f"{live_server.url}/scrutiny/manage/committees/{EDUCATION_COMMITTEE}/")
    axe.check("change the committee")
