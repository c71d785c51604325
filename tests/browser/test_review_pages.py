"""Review and public record pages in Chromium: axe finds no WCAG 2.2 AA violation (A11Y-2)."""

import re

import pytest
from playwright.sync_api import expect

from decisions.models import Status
from tests.decisions.factories import Cast, DecisionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast():
    return Cast()


def test_record_page_is_accessible_for_democratic_support(page, live_server, axe, sign_in, cast):
    record = DecisionFactory(cast=cast, urgent=True, exempt=True, consulted=True, state=Status.IN_SIGN_OFF)
    sign_in(cast.democratic_support)
    page.goto(f"{live_server.url}/decisions/records/{record.pk}/")
    assert page.get_by_role("heading", name="What you can do").is_visible()
    assert page.get_by_role("table", name="Sign-off", exact=True).is_visible()
    axe.check("record page")


def test_sign_off_page_and_its_error_are_accessible(page, live_server, axe, sign_in, cast):
    record = DecisionFactory(cast=cast, state=Status.IN_SIGN_OFF)
    sign_in(cast.legal_reviewer)
    page.goto(f"{live_server.url}/decisions/records/{record.pk}/sign-off/legal/")
    axe.check("sign-off page")
    page.get_by_role("button", name="Issue Legal sign-off code").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("sign-off page with an error")
    # The error summary's link takes the keyboard to the field.
    page.get_by_role("link", name="Enter the Legal sign-off code").click()
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.keyboard.type("MS/36955")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/decisions/records/{record.pk}/")
    assert page.get_by_text("Legal sign-off code MS/36955 issued").is_visible()


# Publishing renders the public PDF; this test checks the pages, never the PDF (tests/conftest.py).
@pytest.mark.usefixtures("no_pdf_render")
def test_public_list_and_detail_are_accessible(page, live_server, axe, cast):
    record = DecisionFactory(cast=cast, urgent=True, exempt=True, consulted=True, state=Status.PUBLISHED)
    page.goto(f"{live_server.url}/decisions/")
    assert page.get_by_role("heading", name="Decisions", exact=True).is_visible()
    axe.check("public list")
    page.get_by_role("link", name=f"{record.reference}: {record.title}").click()
    page.wait_for_url(f"**/decisions/{record.reference_slug}/")
    assert page.get_by_role("heading", name=record.title).is_visible()
    axe.check("public detail")


def test_signing_an_exempt_record_by_keyboard_is_accessible_EXEC_13(page, live_server, axe, sign_in, cast):
    """EXEC-13 in Chromium: the sign page lists what is withheld; the missed box's error takes the
    keyboard to it, and ticking it signs."""
    record = DecisionFactory(cast=cast, exempt=True, state=Status.AWAITING_DECISION)
    sign_in(cast.decision_maker)
    page.goto(f"{live_server.url}/decisions/records/{record.pk}/sign/")
    assert page.get_by_role("heading", name="Withheld from the public").is_visible()
    axe.check("sign page of an exempt record")
    page.get_by_label("I have read the declaration and agree the decision").check()
    page.get_by_role("button", name="Sign the decision").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("sign page of an exempt record with an error")
    page.get_by_role("link", name="Confirm that the information withheld from the public is exempt").click()
    assert page.evaluate("document.activeElement.id") == "id_confirm_exemptions"
    page.keyboard.press("Space")
    page.get_by_role("button", name="Sign the decision").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/decisions/records/{record.pk}/")
    assert page.get_by_text("You have signed the decision").is_visible()


@pytest.mark.usefixtures("no_pdf_render")
def test_disposing_of_background_papers_by_keyboard_is_accessible_OLGB_6(page, live_server, axe, sign_in, cast):
    import datetime

    from decisions.models import Decision
    from tests.decisions.factories import pdf_file

    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    record.background_papers.all().delete()
    Decision._base_manager.filter(pk=record.pk).update(decided_on=datetime.date(2020, 7, 1))  # its papers' date passed
    record.background_papers.model.objects.bulk_create(
        [record.background_papers.model(decision=record, title="Traffic survey", file=pdf_file("survey.pdf"))]
    )
    sign_in(cast.democratic_support)
    page.goto(f"{live_server.url}/decisions/records/{record.pk}/")
    page.get_by_role("button", name="Dispose of the background papers' files").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/dispose-papers/")
    expect(page.get_by_role("heading", name="Dispose of the background papers' files")).to_be_visible()
    axe.check("dispose of the background papers' files")
    page.get_by_role("button", name="Dispose of the files").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/decisions/records/{record.pk}/")
    expect(page.get_by_text("The background papers' files have been disposed of")).to_be_visible()
    axe.check("record after disposal")
    page.goto(f"{live_server.url}/decisions/{record.reference_slug}/")
    expect(page.get_by_text("Its file was disposed of on")).to_be_visible()
    axe.check("public record with a disposed paper")
