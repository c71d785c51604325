"""Sign-in throttling (django-axes), session lifetime, and the headers every response carries."""

import datetime

import pytest
from django.conf import settings
from django.db.models import F
from django.urls import reverse

from council.middleware import NO_STORE
from tests.conftest import PASSWORD
from tests.decisions.factories import DecisionFactory

SIGN_IN = "/sign-in/"


def _sign_in(client, username, password, address="192.0.2.10"):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, username, times, address="192.0.2.10"):
    for _ in range(times):
        response = _sign_in(client, username, "wrong password", address)
        assert response.status_code in {200, 429}


def test_sign_in_after_too_many_wrong_passwords_for_the_account_is_refused(client, officer):
    _fail(client, "officer", settings.AXES_FAILURE_LIMIT, address="192.0.2.10")
    # The right password, from another address: the account itself is locked.
    response = _sign_in(client, "officer", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert '<h1 class="govuk-heading-xl">Sign-in is paused</h1>' in response.text
    assert f"for {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in response.text
    assert "contact Democratic Support" in response.text


def test_sign_in_after_too_many_wrong_passwords_from_the_address_is_refused(client, officer, other_officer):
    # Guessing at many accounts from one address locks that address, for every account.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, f"nobody{n}", 1, address="203.0.113.5")
    response = _sign_in(client, "officer", PASSWORD, address="203.0.113.5")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not locked.
    response = _sign_in(client, "other.officer", PASSWORD, address="198.51.100.8")
    assert response.status_code == 302


def test_sign_in_below_the_limit_then_success_resets_the_count(client, officer):
    _fail(client, "officer", settings.AXES_FAILURE_LIMIT - 1)
    assert _sign_in(client, "officer", PASSWORD).status_code == 302
    client.logout()
    # The count started again: the limit less one more failures still let the right password in.
    _fail(client, "officer", settings.AXES_FAILURE_LIMIT - 1)
    assert _sign_in(client, "officer", PASSWORD).status_code == 302


def test_sign_in_after_the_cool_off_is_allowed_again(client, officer):
    from axes.models import AccessAttempt

    _fail(client, "officer", settings.AXES_FAILURE_LIMIT)
    assert _sign_in(client, "officer", PASSWORD).status_code == 429
    # The cool-off passes: the failures were all made longer ago than the cool-off time.
    ago = settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - ago)
    assert _sign_in(client, "officer", PASSWORD).status_code == 302


def test_sign_in_limits_come_from_the_environment():
    from tests.council.test_settings import _run

    code = (
        "from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()), s.SESSION_COOKIE_AGE)"
    )
    result = _run(
        ["shell", "--no-imports", "-c", code],
        {
            "DJANGO_DEBUG": "true",
            "DJANGO_SIGNIN_FAILURE_LIMIT": "3",
            "DJANGO_SIGNIN_COOLOFF_MINUTES": "10",
            "DJANGO_SESSION_HOURS": "8",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "600", str(8 * 3600)]


# — sessions ------------------------------------------------------------------------------------


def test_session_lasts_a_working_day_and_ends_with_the_browser(client, officer):
    assert settings.SESSION_COOKIE_AGE == 9 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    response = _sign_in(client, "officer", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 9 * 3600
    assert client.session.get_expire_at_browser_close()


# — headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/decisions/", SIGN_IN, "/api/v1/decisions/", "/no-such-page/"])
def test_every_response_sends_a_permissions_policy_denying_unused_features(client, db, path):
    policy = client.get(path).headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_staff_pages_are_private_and_not_stored(client, officer):
    client.force_login(officer)
    for path in [reverse("staff-home"), reverse("decisions:start")]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == NO_STORE, path


def test_exempt_appendix_download_is_private_and_not_stored_s12a_4(client, officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    decision = DecisionFactory(exempt=True)
    appendix = decision.appendices.get(ref="A")
    client.force_login(decision.author)
    response = client.get(reverse("decisions:appendix-download", args=[decision.pk, appendix.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_public_pages_keep_their_caching_for_anonymous_visitors(client, db):
    home = client.get("/")
    assert "no-store" not in home.get("Cache-Control", "")
    api = client.get("/api/v1/decisions/")
    assert api["Cache-Control"].startswith("public")
