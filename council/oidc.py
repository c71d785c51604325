"""Staff sign-in through the council's identity provider: OpenID Connect, authorization code flow
with PKCE, a confidential client (DJANGO_OIDC_* in config/settings.py).

The provider says who the person is; this service decides what they may do. An account is never
made here from a sign-in: Democratic Support (or the admin) makes the account and gives its roles,
with the person's work email address. The first time the person signs in with the provider, the
account with that address (exactly one, active) is bound to their subject at the provider
(`SignInIdentity`); from then on the subject finds the account, whatever the address becomes.

The provider's endpoints and signing keys come from its discovery document, kept for an hour. Every
failure, ours or the provider's, comes back to the sign-in page with a message saying what to do,
and the username and password form still there.
"""

import base64
import hashlib
import json
import logging
import secrets
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode, urlsplit

import jwt
from django.conf import settings
from django.contrib import auth
from django.core import checks
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from council.forms import SignInForm
from council.models import SignInIdentity, User

logger = logging.getLogger(__name__)

SESSION_KEY = "oidc_sign_in"
# After the provider signed in someone this service has no account for (or refuses), the next
# attempt asks it to sign in afresh, not to answer again at once for the person it remembers.
SIGN_IN_AFRESH_KEY = "oidc_sign_in_afresh"
SCOPE = "openid email profile"
TIMEOUT_SECONDS = 10
METADATA_SECONDS = 3600
LEEWAY_SECONDS = 60  # clock difference allowed between the provider and this server
# Asymmetric signatures only: never "none", never a shared-secret HMAC.
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
_KEY_CLIENTS = {}  # jwks_uri -> PyJWKClient, which keeps the provider's keys between sign-ins


class SignInFailed(Exception):
    """A sign-in that cannot finish: `message` for the person, `reason` for the log."""

    def __init__(self, reason, message, status=403):
        super().__init__(reason)
        self.reason, self.message, self.status = reason, message, status


def enabled():
    return bool(settings.OIDC_ISSUER and settings.OIDC_CLIENT_ID)


def provider_name():
    return settings.OIDC_PROVIDER_NAME or "your council account"


@checks.register(checks.Tags.security, deploy=True)
def check_issuer_uses_https(app_configs=None, **kwargs):
    """`check --deploy`: over plain HTTP, the codes, tokens and client secret could be read on the way."""
    if enabled() and urlsplit(settings.OIDC_ISSUER).scheme != "https":
        return [
            checks.Warning(
                f"DJANGO_OIDC_ISSUER ({settings.OIDC_ISSUER}) is not an https:// address.",
                hint="Use the identity provider's https:// issuer: sign-in codes and the client secret travel to it.",
                id="council.W001",
            )
        ]
    return []


def _service(start_of_sentence=False):
    """The identity provider, as the messages name it."""
    name = settings.OIDC_PROVIDER_NAME or "the council's sign-in service"
    return name[0].upper() + name[1:] if start_of_sentence else name


def sign_in_page_context():
    """What the sign-in page needs to offer the provider: its name, or None when it is off."""
    return {"oidc_name": provider_name() if enabled() else None, "password_sign_in": settings.PASSWORD_SIGN_IN}


def allow_form_to_provider(response):
    """The sign-in page's button posts here and is redirected to the provider: a browser applies the
    page's CSP form-action to that redirect too, so the page allows the provider's origin (its
    issuer's, and its authorization endpoint's once the discovery document is known)."""
    if enabled():
        document = cache.get(_metadata_key()) or {}
        origins = {_origin(settings.OIDC_ISSUER), _origin(document.get("authorization_endpoint", ""))} - {""}
        policy = getattr(response, "_csp_config", None) or settings.SECURE_CSP
        response._csp_config = {**policy, "form-action": [*policy.get("form-action", []), *sorted(origins)]}
    return response


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} and parts.netloc else ""


def signed_out(request):
    """After signing out here, the next sign-in with the provider in this browser asks it to sign in
    afresh: on a shared computer, the next person is not signed in as the last by the provider
    remembering them. (Signing out of the provider itself is the provider's.)"""
    if enabled():
        request.session[SIGN_IN_AFRESH_KEY] = True


def _unavailable(reason):
    return SignInFailed(
        reason,
        f"Signing in with {_service()} did not work just now. Try again in a few minutes, or sign in "
        "with your username and password. If it keeps happening, tell your IT service desk.",
        status=502,
    )


def _fetch_json(url, data=None, headers=None):
    if not _origin(url):  # http(s) only: never a file: or other scheme a discovery document names
        raise _unavailable("endpoint-not-http")
    body = urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json", **(headers or {})})  # noqa: S310 - checked above
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - checked above
            document = json.loads(response.read(1_000_000))
    except urllib.error.HTTPError as exc:
        logger.warning("oidc: %s answered %s: %s", url, exc.code, exc.read(500).decode(errors="replace"))
        raise _unavailable("provider-refused") from exc
    except (OSError, ValueError) as exc:  # unreachable, timed out, not JSON
        logger.warning("oidc: %s could not be read: %s", url, exc)
        raise _unavailable("provider-unreachable") from exc
    if not isinstance(document, dict):
        raise _unavailable("provider-not-an-object")
    return document


def _metadata_key():
    return f"oidc-metadata:{settings.OIDC_ISSUER}"


def metadata():
    """The provider's discovery document (its endpoints and keys), checked to be the configured issuer's."""
    key = _metadata_key()
    if document := cache.get(key):
        return document
    document = _fetch_json(f"{settings.OIDC_ISSUER}/.well-known/openid-configuration")
    issuer = str(document.get("issuer", "")).rstrip("/")
    needed = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    if issuer != settings.OIDC_ISSUER or not all(isinstance(document.get(name), str) for name in needed):
        logger.error("oidc: the discovery document at %s is not the issuer %s's", issuer, settings.OIDC_ISSUER)
        raise _unavailable("discovery-mismatch")
    cache.set(key, document, METADATA_SECONDS)
    return document


def _callback_uri(request):
    return request.build_absolute_uri(reverse("oidc-callback"))


def _base64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _problem(request, failed, next_url=""):
    logger.warning("oidc: sign-in refused (%s)", failed.reason)
    if failed.status == 403:
        request.session[SIGN_IN_AFRESH_KEY] = True
    context = {
        "form": SignInForm(request),
        "next": next_url,
        "error_links": [("#council-account", failed.message)],
        **sign_in_page_context(),
    }
    return allow_form_to_provider(render(request, "council/sign_in.html", context, status=failed.status))


@require_POST
def start(request):
    """Send the person to the provider, remembering (in their session) how to check the answer.
    A POST from the sign-in page's button (with its CSRF token), as for any change to a session: a
    link on another site, or a crawler, cannot start a sign-in."""
    if not enabled():
        raise Http404("Sign-in through an identity provider is not set up.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = ""
    try:
        document = metadata()
    except SignInFailed as failed:
        return _problem(request, failed, next_url)
    pending = {name: secrets.token_urlsafe(32) for name in ("state", "nonce", "verifier")}
    request.session[SESSION_KEY] = {**pending, "next": next_url}
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.OIDC_CLIENT_ID,
            "redirect_uri": _callback_uri(request),
            "scope": SCOPE,
            "state": pending["state"],
            "nonce": pending["nonce"],
            "code_challenge": _base64url(hashlib.sha256(pending["verifier"].encode()).digest()),
            "code_challenge_method": "S256",
            **({"prompt": "login"} if request.session.pop(SIGN_IN_AFRESH_KEY, False) else {}),
        }
    )
    endpoint = document["authorization_endpoint"]
    return redirect(f"{endpoint}{'&' if '?' in endpoint else '?'}{query}")


@require_safe
def callback(request):
    """The provider's answer: check it, find the account, sign the person in."""
    if not enabled():
        raise Http404("Sign-in through an identity provider is not set up.")
    if not {"state", "code", "error"} & request.GET.keys():
        return redirect("login")  # the address opened on its own (a bookmark, the back button)
    pending = request.session.pop(SESSION_KEY, None)
    next_url = pending.get("next", "") if isinstance(pending, dict) else ""
    try:
        user = _account(*_identity(request, pending))
    except SignInFailed as failed:
        return _problem(request, failed, next_url)
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    logger.info("oidc: signed in as %s", user.username)
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def _identity(request, pending):
    """(issuer, verified claims) from the provider's answer to this browser's own request."""
    state = request.GET.get("state", "")
    if not isinstance(pending, dict) or not constant_time_compare(state, pending.get("state", "")):
        raise SignInFailed(
            "state-mismatch",
            "Your sign-in was started in another window, or took too long. Start it again.",
            status=400,
        )
    if error := request.GET.get("error"):
        logger.warning(
            "oidc: the provider answered %r: %s", error[:100], request.GET.get("error_description", "")[:300]
        )
        if error in {"access_denied", "consent_required", "interaction_required", "login_required"}:
            raise SignInFailed(
                f"provider-{error}",
                f"You did not finish signing in with {_service()}. Start again, or sign in with your "
                "username and password.",
                status=400,
            )
        raise _unavailable(f"provider-{error[:40]}")
    code = request.GET.get("code", "")
    if not code:
        raise _unavailable("no-code")
    document = metadata()
    tokens = _fetch_json(
        document["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": _callback_uri(request),
            "code_verifier": pending["verifier"],
            **({} if settings.OIDC_CLIENT_SECRET else {"client_id": settings.OIDC_CLIENT_ID}),
        },
        headers=_client_authentication(),
    )
    claims = _verified_id_token(document, tokens.get("id_token"), pending["nonce"])
    if document.get("userinfo_endpoint") and isinstance(tokens.get("access_token"), str):
        info = _fetch_json(document["userinfo_endpoint"], headers={"Authorization": f"Bearer {tokens['access_token']}"})
        if info.get("sub") != claims["sub"]:  # OpenID Connect Core 5.3.2: not this person's
            raise _unavailable("userinfo-subject-mismatch")
        claims = {**info, **claims}
    return document["issuer"], claims


def _client_authentication():
    """client_secret_basic (RFC 6749 2.3.1: each part form-encoded first); a public client sends none."""
    if not settings.OIDC_CLIENT_SECRET:
        return {}
    pair = f"{quote(settings.OIDC_CLIENT_ID, safe='')}:{quote(settings.OIDC_CLIENT_SECRET, safe='')}"
    return {"Authorization": f"Basic {base64.b64encode(pair.encode()).decode()}"}


def _key_client(jwks_uri):
    """The provider's keys, fetched when first needed and kept (PyJWKClient refetches on a new key id)."""
    if jwks_uri not in _KEY_CLIENTS:
        _KEY_CLIENTS[jwks_uri] = jwt.PyJWKClient(jwks_uri, lifespan=METADATA_SECONDS, timeout=TIMEOUT_SECONDS)
    return _KEY_CLIENTS[jwks_uri]


def _verified_id_token(document, id_token, nonce):
    """The ID token's claims, once its signature (the provider's published key), issuer, audience,
    expiry and nonce are right."""
    if not isinstance(id_token, str):
        raise _unavailable("no-id-token")
    try:
        algorithm = jwt.get_unverified_header(id_token).get("alg")
        if algorithm not in SIGNING_ALGORITHMS:
            raise jwt.InvalidAlgorithmError(f"{algorithm!r} is not an asymmetric signature")
        keys = _key_client(document["jwks_uri"])
        claims = jwt.decode(
            id_token,
            keys.get_signing_key_from_jwt(id_token).key,
            algorithms=[algorithm],
            audience=settings.OIDC_CLIENT_ID,
            issuer=document["issuer"],
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
    except jwt.PyJWTError as exc:
        logger.warning("oidc: the ID token was refused: %s", exc)
        raise _unavailable("id-token-refused") from exc
    if not constant_time_compare(str(claims.get("nonce", "")), nonce):
        raise _unavailable("nonce-mismatch")
    return claims


def _account(issuer, claims):
    """The active account this person at the provider is: bound by their subject, or, the first
    time, the one account with their email address, which is then bound to them."""
    subject = str(claims["sub"])
    identity = SignInIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    if identity is None:
        identity = _bind(issuer, subject, claims)
    if not identity.user.is_active:
        raise SignInFailed("switched-off", "This account has been switched off. Contact Democratic Support.")
    SignInIdentity.objects.filter(pk=identity.pk).update(last_signed_in_at=timezone.now())
    return identity.user


def _bind(issuer, subject, claims):
    claim = settings.OIDC_EMAIL_CLAIM
    email = claims.get(claim)
    if not isinstance(email, str) or "@" not in email:
        raise SignInFailed(
            "no-email",
            f"{_service(True)} did not give your email address, so no account here could be found "
            f"for you. Ask your IT service desk to send the “{claim}” claim to this service.",
        )
    email = email.strip()
    if claims.get("email_verified") in (False, "false"):
        raise SignInFailed(
            "email-unverified",
            f"{_service(True)} has not confirmed that {email} is yours, so it cannot be matched to an "
            "account here. Ask your IT service desk.",
        )
    accounts = list(User.objects.filter(email__iexact=email)[:2])
    if not accounts:
        raise SignInFailed(
            "no-account",
            f"There is no account in this service for {email}. Ask Democratic Support to set one up, then sign in "
            "again.",
        )
    if len(accounts) > 1:
        raise SignInFailed(
            "two-accounts",
            f"More than one account here has the email address {email}. Ask Democratic Support to give each account "
            "its own address, then sign in again.",
        )
    (user,) = accounts
    if SignInIdentity.objects.filter(user=user, issuer=issuer).exists():
        raise SignInFailed(
            "bound-to-someone-else",
            f"The account for {email} is already linked to someone else at {_service()}. Ask Democratic Support.",
        )
    try:
        with transaction.atomic():
            identity = SignInIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    except IntegrityError:  # the same person's sign-in in another window bound it first
        identity = SignInIdentity.objects.select_related("user").get(issuer=issuer, subject=subject)
    logger.info("oidc: %s at %s linked to the account %s", subject, issuer, user.username)
    return identity
