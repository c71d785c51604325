"""The special urgency and reg 19 report pages in Chromium: axe finds no WCAG 2.2 AA violation (A11Y-2)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from council.models import CouncilSettings
from decisions.models import ChairAgreement, Status
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee, issue_all_sign_offs
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def special_urgency_in_sign_off(cast, **fields):
    decision = DecisionFactory(
        cast=cast,
        key=True,
        plan_item=None,
        key_decision_route="special_urgency",
        scrutiny_committee=education_committee(cast),
        **fields,
    )
    decision = advance(decision, Status.IN_SIGN_OFF, cast)
    issue_all_sign_offs(decision, cast)
    return decision


def test_special_urgency_pages_are_accessible_EXEC_7(page, live_server, axe, sign_in):
    cast = Cast()
    council = CouncilSettings.load()
    council.chair_of_council = UserFactory(
        username="council.chair", honorific="Councillor", first_name="Pat", last_name="Trelawny"
    )
    council.save()
    decision = special_urgency_in_sign_off(cast, urgent=True)

    sign_in(cast.scrutiny_chair)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/urgency/")
    assert page.get_by_role("group", name="Special urgency").is_visible()
    axe.check("the chair's two answers")

    page.context.clear_cookies()
    sign_in(cast.democratic_support)
    page.goto(f"{live_server.url}/decisions/records/{decision.pk}/record-agreement/")
    page.get_by_label("Special urgency").check()
    page.get_by_label("Chair of the Council: Councillor Pat Trelawny").check()
    page.get_by_role("button", name="Record the agreement").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("recording a fallback agreement, with errors")
    today = timezone.localdate()
    page.get_by_role("textbox", name="Day").fill(str(today.day))
    page.get_by_role("textbox", name="Month").fill(str(today.month))
    page.get_by_role("textbox", name="Year").fill(str(today.year))
    page.get_by_label("By email").check()
    page.get_by_label("Evidence of the agreement").fill("Email from Cllr Trelawny")
    page.get_by_label("Why could the chair of the overview and scrutiny committee not act?").fill("on leave")
    page.get_by_label("Why the decision cannot reasonably be deferred").fill("The contract ends on Friday.")
    page.get_by_role("button", name="Record the agreement").click()
    page.wait_for_url(f"**/decisions/records/{decision.pk}/")
    assert page.get_by_text("Councillor Pat Trelawny, Chair of the Council (the chair of the").first.is_visible()
    axe.check("record page with the fallback agreement")
    assert decision.chair_agreements.get(kind=ChairAgreement.Kind.SPECIAL_URGENCY).is_agreed


def test_report_pages_are_accessible_EXEC_8(page, live_server, axe, sign_in):
    cast = Cast()
    decision = advance(special_urgency_in_sign_off(cast), Status.PUBLISHED, cast)
    sign_in(cast.democratic_support)
    page.get_by_role("button", name="Generate a report").click()
    page.wait_for_load_state()
    axe.check("reports of urgent decisions")
    page.get_by_role("button", name="Generate the report").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("reports of urgent decisions, with errors")
    today = timezone.localdate()
    start, end = today.replace(day=1), today
    for legend, day in (("From", start), ("To", end)):
        group = page.get_by_role("group", name=legend)
        group.get_by_role("textbox", name="Day").fill(str(day.day))
        group.get_by_role("textbox", name="Month").fill(str(day.month))
        group.get_by_role("textbox", name="Year").fill(str(day.year))
    page.get_by_role("button", name="Generate the report").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"{decision.reference}: {decision.title}").is_visible()
    assert page.get_by_role("link", name="Download the report as a PDF").is_visible()
    axe.check("a report of urgent decisions")


def test_issue_and_public_report_pages_are_accessible_EXEC_8(page, live_server, axe, sign_in):
    from urgent_reports import documents, services

    cast = Cast()
    decision = advance(special_urgency_in_sign_off(cast), Status.PUBLISHED, cast)
    today = timezone.localdate()
    report = documents.PDF.store(
        services.generate_report(actor=cast.democratic_support, period_from=today.replace(day=1), period_to=today)
    )
    sign_in(cast.democratic_support)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    page.get_by_role("link", name="Issue the report").click()
    page.wait_for_load_state()
    axe.check("issue the report to the Council")
    page.get_by_role("button", name="Issue the report").click()
    page.wait_for_url(f"**{report.get_absolute_url()}")
    axe.check("an issued report, staff page")

    # A second report, listing a decision signed but not yet published: issuing it is refused.
    advance(special_urgency_in_sign_off(cast), Status.DECIDED, cast)
    refused = services.generate_report(actor=cast.democratic_support, period_from=today.replace(day=1), period_to=today)
    page.goto(f"{live_server.url}/urgent-decisions-reports/{refused.pk}/issue/")
    expect(page).to_have_title(re.compile("^Error: "))
    assert page.get_by_text("Not yet published").is_visible()
    axe.check("issuing a report refused")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/urgent-decisions/")
    page.get_by_role("link", name=report.period).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"{decision.reference}: {decision.title}").is_visible()
    assert page.get_by_role("link", name="Download the report as a PDF").is_visible()
    axe.check("a public report of urgent decisions")
    page.goto(f"{live_server.url}/urgent-decisions/")
    axe.check("the public reports of urgent decisions")
