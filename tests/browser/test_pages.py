"""The foundation's pages in Chromium: axe finds no WCAG 2.2 AA violation, and the keyboard works."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_title("Decisions and scrutiny – Plymouth City Council")
    axe.check()


def test_sign_in_page_and_its_errors_are_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/sign-in/")
    axe.check("sign-in page")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("sign-in page with errors")
    # The error summary takes focus (GOV.UK Frontend), and its link moves focus to the field.
    page.get_by_role("link", name="Enter your username").click()
    assert page.evaluate("document.activeElement.id") == "id_username"


def test_sign_in_page_with_password_sign_in_narrowed_is_accessible(page, live_server, axe, settings, officer):
    settings.OIDC_ISSUER, settings.OIDC_CLIENT_ID = "https://login.example/tenant/v2.0", "decisions"
    settings.OIDC_PROVIDER_NAME, settings.PASSWORD_SIGN_IN = "Plymouth City Council", "administrators"
    page.goto(f"{live_server.url}/sign-in/")
    axe.check("sign-in page, passwords for administrators only")
    page.get_by_label("Username").fill(officer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Sign in with Plymouth City Council")
    axe.check("sign-in page, an officer's password refused")
    settings.PASSWORD_SIGN_IN = "nobody"
    page.goto(f"{live_server.url}/sign-in/")
    expect(page.get_by_label("Password")).to_have_count(0)
    axe.check("sign-in page, password sign-in off")


def test_staff_home_is_accessible_for_every_role(page, live_server, axe, sign_in, officer, decision_maker):
    sign_in(decision_maker)
    assert page.url.endswith("/your-work/")
    assert page.get_by_role("heading", name="Your work").is_visible()
    axe.check("staff home")


def test_accessibility_statement_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/accessibility/")
    axe.check()


def test_error_pages_are_accessible(page, live_server, axe, settings, officer, sign_in):
    page.goto(f"{live_server.url}/no-such-page/")
    assert page.get_by_role("heading", name="Page not found").is_visible()
    axe.check("404")

    from tests.factories import UserFactory

    sign_in(UserFactory(username="norole"))
    page.goto(f"{live_server.url}/your-work/")
    assert page.get_by_role("heading", name="You cannot do that").is_visible()
    axe.check("403")

    settings.ROOT_URLCONF = "tests.urls_errors"
    page.goto(f"{live_server.url}/__boom__/")
    assert page.get_by_role("heading", name="Sorry, there is a problem with the service").is_visible()
    axe.check("500")


def test_sign_in_with_keyboard_alone(page, live_server, officer):
    page.goto(f"{live_server.url}/sign-in/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content", focused
    page.keyboard.press("Enter")
    # Tab from the main content to the first field, then through the form.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_username":
            break
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("officer")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    page.wait_for_url("**/your-work/**")
    assert page.get_by_role("heading", name="Your work").is_visible()


def test_css_is_served_under_the_live_server(page, live_server):
    response = page.request.get(f"{live_server.url}/static/css/council.css")
    assert response.status == 200
    assert "govuk-" in response.text()


def test_api_documentation_is_accessible_and_reflows(page, live_server, axe):
    page.goto(f"{live_server.url}/api/")
    expect(page).to_have_title(
        "Open data API documentation: decisions, committees, meetings and reports – Plymouth City Council"
    )
    assert page.get_by_role("heading", level=1, name="Open data API").is_visible()
    assert page.get_by_role("link", name="OpenAPI 3.1 description of the API (JSON)").is_visible()
    axe.check("API documentation")
    # 400% zoom (a 320 CSS pixel viewport, WCAG 1.4.10): nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the API documentation scrolls sideways by {overflow}px at 320px wide"
    axe.check("API documentation at 320px")
