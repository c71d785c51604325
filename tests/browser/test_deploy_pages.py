"""Pages added for production hardening, in Chromium with axe: the locked-out sign-in page, and a
record whose PDF could not be made, retried by Democratic Support."""

from unittest import mock

import pytest
from playwright.sync_api import expect
from weasyprint import HTML

from decisions import services
from decisions.models import Status
from tests.conftest import PASSWORD
from tests.decisions.factories import Cast, DecisionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_locked_out_sign_in_page_is_accessible(page, live_server, axe, sign_in, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(officer, password="not the password")
    sign_in(officer, password=PASSWORD)
    assert page.get_by_role("heading", name="Sign-in is paused").is_visible()
    assert not page.url.endswith("/your-work/")
    axe.check("locked-out page")


def test_pdf_failure_banner_is_accessible_and_try_again_works(page, live_server, axe, sign_in, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cast = Cast()
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    with mock.patch.object(HTML, "write_pdf", side_effect=OSError("cairo could not allocate the page")):
        services.publish_decision(record, actor=cast.democratic_support)  # the render runs on commit, and fails

    sign_in(cast.democratic_support)
    page.goto(f"{live_server.url}/decisions/records/{record.pk}/")
    banner = page.get_by_role("region", name="Important")
    assert "The PDF could not be made: OSError: cairo could not allocate the page" in banner.inner_text()
    axe.check("record with a failed PDF")
    banner.get_by_role("button", name="Try again").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The PDF has been made")).to_be_visible()
    assert page.get_by_text("The PDF could not be made").count() == 0
    assert page.get_by_text("SHA-256:").is_visible()
