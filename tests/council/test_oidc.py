"""Staff sign-in through the council's identity provider (council/oidc.py), against a real OpenID
Connect provider: node-oidc-provider, started by tests/services.py. The person's side of the
provider (its sign-in and consent pages) is driven over HTTP here and in a real browser in
tests/browser/test_oidc_sign_in.py; our side runs the real token exchange, key fetch and ID token
check against it."""

import re
import time
from urllib.parse import parse_qs, urljoin, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from council import oidc
from council.models import SignInIdentity
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RETURN = "http://testserver/sign-in/council-account/return/"


def at_provider(location, login, *, cancel=False):
    """What a person does at the provider: signs in as `login` (any password), then agrees to share
    their details, or cancels. Returns the address the provider sends the browser back to."""
    provider = requests.Session()
    response = provider.get(location, allow_redirects=False, timeout=10)
    for _ in range(12):
        if response.is_redirect:
            target = urljoin(response.url, response.headers["Location"])
            if target.startswith(RETURN):
                return target
            response = provider.get(target, allow_redirects=False, timeout=10)
            continue
        page = response.text
        action = urljoin(response.url, re.search(r'<form[^>]*action="([^"]+)"', page)[1])
        if 'name="prompt" value="login"' in page:
            response = provider.post(
                action, {"prompt": "login", "login": login, "password": "any"}, allow_redirects=False, timeout=10
            )
        elif cancel:
            abort = re.search(r'href="([^"]*abort[^"]*)"', page)[1]
            response = provider.get(urljoin(response.url, abort), allow_redirects=False, timeout=10)
        else:
            response = provider.post(action, {"prompt": "consent"}, allow_redirects=False, timeout=10)
    raise AssertionError(f"the provider never sent the browser back: {response.status_code} {response.url}")


def sign_in(client, login, next_url="", cancel=False):
    """The whole round trip in `client` (the browser): our button, the provider, our return address."""
    started = client.post(reverse("oidc-start"), {"next": next_url})
    assert started.status_code == 302, started.content.decode()[:500]
    return client.get(at_provider(started["Location"], login, cancel=cancel))


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def problem(response):
    """The message on the sign-in page's error summary."""
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page and 'name="username"' in page, page[:2000]
    return re.sub(r"\s+", " ", re.search(r'<li><a href="#council-account">(.*?)</a></li>', page, re.S)[1]).strip()


def test_sign_in_page_offers_the_council_account_only_when_it_is_set_up(client, settings, oidc_on):
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Plymouth City Council" in page
    assert f'action="{reverse("oidc-start")}"' in page
    assert 'name="username"' in page  # the password form stays, for people the provider does not know
    # The button's form is redirected to the provider: the page's CSP lets it go there.
    assert f"form-action 'self' {oidc_on}" in client.get(reverse("login"))["Content-Security-Policy"]

    settings.OIDC_ISSUER = settings.OIDC_CLIENT_ID = ""
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Plymouth" not in page and reverse("oidc-start") not in page
    assert client.post(reverse("oidc-start")).status_code == 404
    assert client.get(RETURN + "?state=x&code=y").status_code == 404


def test_staff_sign_in_with_the_provider_binds_the_account_and_goes_where_they_were_going(client, officer, oidc_on):
    started = client.post(reverse("oidc-start"), {"next": "/your-work/?tab=1"})
    query = parse_qs(urlsplit(started["Location"]).query)
    assert started["Location"].startswith(f"{oidc_on}/auth?")
    assert query["redirect_uri"] == [RETURN] and query["code_challenge_method"] == ["S256"]
    assert query["scope"] == ["openid email profile"] and query["client_id"] == ["council-decisions"]

    response = client.get(at_provider(started["Location"], "officer@council.example"))

    assert response.status_code == 302 and response["Location"] == "/your-work/?tab=1"
    assert signed_in_as(client) == str(officer.pk)
    identity = SignInIdentity.objects.get()
    assert (identity.user, identity.issuer, identity.subject) == (officer, oidc_on, "officer@council.example")
    assert identity.last_signed_in_at is not None
    assert client.get(reverse("staff-home")).status_code == 200


def test_later_sign_ins_find_the_account_by_its_subject_whatever_its_email_becomes(client, officer, oidc_on):
    sign_in(client, "officer@council.example")
    client.logout()
    officer.email = "olive.officer@council.example"  # changed here; the provider still says the old one
    officer.save()

    response = sign_in(client, "officer@council.example")

    assert response.status_code == 302 and signed_in_as(client) == str(officer.pk)
    assert SignInIdentity.objects.count() == 1


def test_an_account_bound_to_one_person_is_not_taken_over_by_another_with_its_address(client, officer, oidc_on):
    sign_in(client, "officer@council.example")
    client.logout()

    # Another person at the provider (another subject) whose address matches, in other letters' case.
    response = sign_in(client, "OFFICER@council.example")

    assert response.status_code == 403 and signed_in_as(client) is None
    assert problem(response) == (
        "The account for OFFICER@council.example is already linked to someone else at Plymouth City Council. "
        "Ask Democratic Support."
    )


@pytest.mark.parametrize(
    "login, message",
    [
        (
            "stranger@council.example",
            "There is no account in this service for stranger@council.example. Ask Democratic Support to set one "
            "up, then sign in again.",
        ),
        (
            "unverified:officer@council.example",
            "Plymouth City Council has not confirmed that officer@council.example is yours, so it cannot be matched "
            "to an account here. Ask your IT service desk.",
        ),
        (
            "noemail:officer",
            "Plymouth City Council did not give your email address, so no account here could be found for you. Ask "
            "your IT service desk to send the “email” claim to this service.",
        ),
    ],
)
def test_a_person_no_account_here_is_found_for_is_told_what_to_do(client, officer, oidc_on, login, message):
    response = sign_in(client, login)
    assert response.status_code == 403 and signed_in_as(client) is None
    assert problem(response) == message
    assert not SignInIdentity.objects.exists()


def test_the_email_claim_is_configurable(client, officer, oidc_on, settings):
    settings.OIDC_EMAIL_CLAIM = "name"  # the provider's "name" is the login without its prefix
    response = sign_in(client, "noemail:officer@council.example")
    assert response.status_code == 302 and signed_in_as(client) == str(officer.pk)


def test_two_accounts_with_the_address_are_not_chosen_between(client, officer, oidc_on):
    UserFactory(username="olive2", email="Officer@Council.example")
    response = sign_in(client, "officer@council.example")
    assert response.status_code == 403 and signed_in_as(client) is None
    assert problem(response).startswith("More than one account here has the email address officer@council.example.")


def test_a_switched_off_account_is_refused_bound_or_not(client, officer, oidc_on):
    sign_in(client, "officer@council.example")
    client.logout()
    officer.is_active = False
    officer.save()
    response = sign_in(client, "officer@council.example")
    assert response.status_code == 403 and signed_in_as(client) is None
    assert problem(response) == "This account has been switched off. Contact Democratic Support."


def test_cancelling_at_the_provider_comes_back_with_a_message_and_the_password_form(client, officer, oidc_on):
    response = sign_in(client, "officer@council.example", cancel=True)
    assert response.status_code == 400 and signed_in_as(client) is None
    assert problem(response) == (
        "You did not finish signing in with Plymouth City Council. Start again, or sign in with your username "
        "and password."
    )


def test_an_answer_meant_for_another_browser_or_already_used_is_refused(client, officer, oidc_on):
    from django.test import Client

    started = client.post(reverse("oidc-start"))
    answer = at_provider(started["Location"], "officer@council.example")

    other = Client()  # someone else's browser, sent the answer (login CSRF)
    refused = other.get(answer)
    assert refused.status_code == 400 and signed_in_as(other) is None
    assert problem(refused) == "Your sign-in was started in another window, or took too long. Start it again."

    assert client.get(answer).status_code == 302 and signed_in_as(client) == str(officer.pk)
    client.logout()
    assert client.get(answer).status_code == 400  # used once: replaying it signs no one in
    assert signed_in_as(client) is None


def test_the_return_address_opened_on_its_own_goes_to_the_sign_in_page(client, oidc_on):
    response = client.get(RETURN)
    assert response.status_code == 302 and response["Location"] == reverse("login")


def test_a_next_address_on_another_site_is_dropped(client, officer, oidc_on):
    response = sign_in(client, "officer@council.example", next_url="https://elsewhere.example/")
    assert response.status_code == 302 and response["Location"] == reverse("staff-home")


def test_a_provider_that_does_not_answer_gives_a_message_not_a_server_error(client, settings, oidc_on):
    from tests.services import free_port

    settings.OIDC_ISSUER = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    response = client.post(reverse("oidc-start"))
    assert response.status_code == 502
    assert problem(response).startswith("Signing in with Plymouth City Council did not work just now.")


def _token(key, algorithm, issuer, kid, **claims):
    now = int(time.time())
    body = {"iss": issuer, "aud": "council-decisions", "sub": "officer@council.example", "iat": now, "exp": now + 300}
    return jwt.encode({**body, **claims}, key, algorithm=algorithm, headers={"kid": kid})


def test_an_id_token_not_signed_by_the_provider_is_refused(oidc_on):
    """An ID token is trusted for its signature by the provider's published key, its issuer, its
    audience, its expiry and the nonce this browser was given, never for what it says alone."""
    document = oidc.metadata()
    kid = next(k["kid"] for k in requests.get(document["jwks_uri"], timeout=10).json()["keys"] if k["kty"] == "RSA")
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = [
        _token(stranger, "RS256", document["issuer"], kid, nonce="n"),  # another key, the provider's key id
        _token(stranger, "RS256", document["issuer"], "not-the-providers", nonce="n"),
        _token(
            "a shared secret of thirty-two bytes or more", "HS256", document["issuer"], kid, nonce="n"
        ),  # a symmetric "signature"
        jwt.encode({"iss": document["issuer"], "aud": "council-decisions", "sub": "x", "nonce": "n"}, None, "none"),
    ]
    for token in forged + [None, 42]:
        with pytest.raises(oidc.SignInFailed) as refused:
            oidc._verified_id_token(document, token, "n")
        assert refused.value.status == 502


def test_the_discovery_document_must_be_the_configured_issuers(client, settings, oidc_on):
    settings.OIDC_ISSUER = f"{oidc_on}/other-tenant"  # its discovery address answers 404
    response = client.post(reverse("oidc-start"))
    assert response.status_code == 502 and signed_in_as(client) is None


def test_an_id_token_given_for_another_sign_in_is_refused(client, officer, oidc_on):
    """The nonce: the provider's ID token must carry the one this browser's sign-in was given."""
    started = client.post(reverse("oidc-start"))
    session = client.session
    session[oidc.SESSION_KEY] = {**session[oidc.SESSION_KEY], "nonce": "another sign-in's"}
    session.save()
    response = client.get(at_provider(started["Location"], "officer@council.example"))
    assert response.status_code == 502 and signed_in_as(client) is None


def test_an_answer_to_someone_elses_sign_in_is_refused_while_ones_own_is_pending(client, officer, oidc_on):
    """Login CSRF: another person's answer, sent to a browser that has started a sign-in of its own,
    does not sign that browser in as them (the state differs)."""
    from django.test import Client

    client.post(reverse("oidc-start"))  # this browser's own sign-in, pending
    UserFactory(username="mallory", email="mallory@council.example")
    attacker = Client()
    answer = at_provider(attacker.post(reverse("oidc-start"))["Location"], "mallory@council.example")

    refused = client.get(answer)
    assert refused.status_code == 400 and signed_in_as(client) is None
    assert problem(refused) == "Your sign-in was started in another window, or took too long. Start it again."


def test_the_admin_shows_who_an_account_is_at_the_provider_and_can_unbind_it(client, officer, administrator, oidc_on):
    sign_in(client, "officer@council.example")
    client.force_login(administrator)
    page = client.get(reverse("admin:council_user_change", args=[officer.pk])).content.decode()
    assert "officer@council.example" in page and oidc_on in page
    assert 'name="sign_in_identities-0-DELETE"' in page  # unbinding: the next sign-in matches by email again
    assert 'name="sign_in_identities-0-subject"' not in page  # shown, never edited


def test_only_http_addresses_are_ever_fetched(oidc_on):
    """A discovery document naming a file: or other address is never read (urllib would open it)."""
    for address in ("file:///etc/passwd", "ftp://127.0.0.1/x", "/relative"):
        with pytest.raises(oidc.SignInFailed):
            oidc._fetch_json(address)


def test_after_a_person_without_an_account_the_provider_is_asked_to_sign_in_afresh(client, officer, oidc_on):
    """Otherwise the provider, remembering the person, answers for them again at once, and a shared
    computer's next user could not sign in as themselves."""
    sign_in(client, "stranger@council.example")
    again = parse_qs(urlsplit(client.post(reverse("oidc-start"))["Location"]).query)
    assert again["prompt"] == ["login"]
    afterwards = parse_qs(urlsplit(client.post(reverse("oidc-start"))["Location"]).query)
    assert "prompt" not in afterwards


def test_after_signing_out_the_next_sign_in_asks_the_provider_to_sign_in_afresh(client, officer, oidc_on):
    """A shared computer: the next person must not be signed in as the last by the provider remembering them."""
    sign_in(client, "officer@council.example")
    assert client.post(reverse("logout")).status_code == 302 and signed_in_as(client) is None
    again = parse_qs(urlsplit(client.post(reverse("oidc-start"))["Location"]).query)
    assert again["prompt"] == ["login"]
