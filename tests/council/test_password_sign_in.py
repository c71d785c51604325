"""DJANGO_PASSWORD_SIGN_IN: once staff sign in with the council's identity provider, the username and
password form can be kept for administrators only, or switched off; the admin site has no sign-in
form of its own, so the setting holds there too."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.council.test_settings import PRODUCTION_ENV, _run

pytestmark = pytest.mark.django_db

PROVIDER = {"OIDC_ISSUER": "https://login.example/tenant/v2.0", "OIDC_CLIENT_ID": "decisions"}


@pytest.fixture
def password_sign_in(settings):
    def _set(value):
        for name, setting in PROVIDER.items():
            setattr(settings, name, setting)
        settings.OIDC_PROVIDER_NAME = "Plymouth City Council"
        settings.PASSWORD_SIGN_IN = value

    return _set


def _sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_everyone_keeps_the_password_form_by_default(client, officer, settings):
    assert settings.PASSWORD_SIGN_IN == "everyone"
    assert _sign_in(client, officer).status_code == 302
    assert _signed_in(client)


def test_for_administrators_only_staff_are_sent_to_the_identity_provider(client, officer, password_sign_in):
    password_sign_in("administrators")
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Plymouth City Council" in page
    assert "Administrators: sign in with a username and password" in page
    response = _sign_in(client, officer)
    assert response.status_code == 200 and not _signed_in(client)
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert (
        '<a href="#council-account">Sign in with Plymouth City Council. Signing in with a username and password '
        "is switched off for your account.</a>" in body
    )
    assert 'id="council-account"' in body
    assert 'value="officer"' in body  # the username is kept


def test_for_administrators_only_an_administrator_still_signs_in(client, administrator, password_sign_in):
    password_sign_in("administrators")
    assert _sign_in(client, administrator).status_code == 302
    assert _signed_in(client)


def test_nobody_has_no_password_form_and_no_password_is_checked(client, administrator, password_sign_in):
    password_sign_in("nobody")
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Plymouth City Council" in page
    assert 'name="password"' not in page and "username and password" not in page
    response = _sign_in(client, administrator)
    assert response.status_code == 200 and not _signed_in(client)
    assert "Signing in with a username and password is switched off" in response.content.decode()


def test_the_admin_signs_in_on_the_sites_own_page(client, officer):
    response = client.get("/admin/login/?next=/admin/council/user/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/council/user/"
    chain = client.get("/admin/", follow=True).redirect_chain
    assert chain[-1] == (reverse("login") + "?next=/admin/", 302)
    client.force_login(officer)  # signed in, but not staff: refused, not sent round again
    assert client.get("/admin/login/?next=/admin/").status_code == 403
    assert client.get("/admin/", follow=True).status_code == 403


def test_a_wrong_or_unsafe_setting_refuses_to_start():
    wrong = _run(["check"], {**PRODUCTION_ENV, "DJANGO_PASSWORD_SIGN_IN": "staff"})
    assert wrong.returncode != 0
    assert "DJANGO_PASSWORD_SIGN_IN is one of: everyone, administrators, nobody" in wrong.stderr
    alone = _run(["check"], {**PRODUCTION_ENV, "DJANGO_PASSWORD_SIGN_IN": "nobody"})
    assert alone.returncode != 0
    assert "DJANGO_PASSWORD_SIGN_IN=nobody needs DJANGO_OIDC_ISSUER" in alone.stderr
