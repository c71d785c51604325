"""Staff sign-in through the council's identity provider in Chromium, against a real provider
(node-oidc-provider, tests/services.py): our pages pass axe, the keyboard works, and the browser
really follows the button to the provider and back (the page's CSP lets its form go there)."""

import re

import pytest
from playwright.sync_api import expect

from council.models import SignInIdentity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def at_provider(page, login):
    """The provider's own pages (not ours, so not checked with axe): any password, then consent."""
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").click()
    page.locator("button[type=submit]", has_text="Continue").click()


def test_officer_signs_in_with_the_council_account_by_keyboard(page, live_server, axe, officer, oidc_on):
    page.goto(f"{live_server.url}/your-work/")  # signed out: sent to sign in, then back here
    assert "/sign-in/?next=" in page.url
    axe.check("sign-in page offering the council account")
    button = page.get_by_role("button", name="Sign in with Plymouth City Council")
    for _ in range(15):  # from the top of the page, Tab reaches the button before the password form
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Sign in with Plymouth City Council":
            break
    assert button.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")

    page.wait_for_url(f"{oidc_on}/**")
    at_provider(page, "officer@council.example")

    page.wait_for_url(f"{live_server.url}/your-work/")
    assert page.get_by_role("heading", name="Your work").is_visible()
    assert SignInIdentity.objects.get().user == officer


def test_someone_without_an_account_comes_back_to_an_accessible_error(page, live_server, axe, oidc_on):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in with Plymouth City Council").click()
    page.wait_for_url(f"{oidc_on}/**")
    at_provider(page, "stranger@council.example")

    page.wait_for_url(f"{live_server.url}/sign-in/council-account/return/**")
    expect(page).to_have_title(re.compile("^Error: Sign in"))
    message = "There is no account in this service for stranger@council.example."
    assert message in page.locator(".govuk-error-summary").inner_text()
    axe.check("sign-in page after the provider found no account")
    # The username and password form is still there, for people the provider cannot sign in.
    assert page.get_by_label("Username").is_visible()
