"""Request-wide HTTP behaviour: response headers every page needs, the client's address, impossible ids.

`SecurityHeadersMiddleware` sits first in `MIDDLEWARE`, outside the session middleware, so it sees
every response (static files and redirects too) and reading `request.user` here cannot add a
`Vary: Cookie` to responses that do not otherwise vary (the API).
"""

import re
import uuid

from django.conf import settings
from django.http import Http404

from council.logging import request_id

# Browser features the service never uses, switched off for every page and every embedded frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
NO_STORE = "private, no-store"
# An id from the proxy is kept only if it is short and plain: it goes into every log line.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Every request has an id: the proxy's X-Request-ID, or a new one; logs and the response carry it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = rid
        # Not reset on the way out: Django logs an error response ("Not Found: ...") after the
        # middleware has returned. `request_finished` clears it (council.logging).
        request_id.set(rid)
        if settings.SENTRY_DSN:
            import sentry_sdk

            sentry_sdk.set_tag("request_id", rid)
        response = self.get_response(request)
        response["X-Request-ID"] = rid
        return response


class SecurityHeadersMiddleware:
    """`Permissions-Policy` on every response; `private, no-store` on everything a signed-in person gets.

    What a signed-in person sees may hold exempt (Part II) information or work in progress, so no
    browser or proxy may keep it: pages, appendix downloads and PDF previews alike. Responses that
    declare themselves `public` (the published PDF, the API) are the same for everyone and keep
    their caching; so does every response to an anonymous visitor (the page cache's pages).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # A response that already says `no-store` (the API's errors) is kept by nobody as it is.
        declared = response.get("Cache-Control", "")
        if _signed_in(request) and "public" not in declared and "no-store" not in declared:
            response["Cache-Control"] = NO_STORE
        return response


class NoNulMiddleware:
    """A page never carries a NUL byte (U+0000), whatever was posted to it.

    HTML forbids U+0000 and browsers may cut a value at it. A form refuses a NUL with an error on its
    field (Django's `ProhibitNullCharactersValidator`), but shows the value back, and some errors
    quote it ("a\x00b is not one of the available choices"). Rather than trust every form and message
    to leave it out, the page is cleaned once, here: each NUL becomes U+FFFD, the replacement
    character, so the person sees where it was and the rest of what they typed.
    """

    REPLACEMENT = "\ufffd".encode()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and b"\x00" in response.content
        ):
            response.content = response.content.replace(b"\x00", self.REPLACEMENT)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


def _signed_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def client_ip(request):
    """The visitor's address for sign-in throttling (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind a TLS-terminating proxy (DJANGO_BEHIND_PROXY) every request comes from the proxy, so
    the address is the last one the proxy appended to X-Forwarded-For; the earlier entries are
    whatever the client chose to send and are never trusted.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


# The widest integer a database row's id can be (a 64-bit signed integer).
LARGEST_ID = 2**63 - 1


class ImpossibleIdMiddleware:
    """An id or reference in the path that no row could have is a 404, before any view looks it up.

    `<int:pk>` matches any run of digits: looked up through a foreign key (`decision_id=pk`), a
    number past 64 bits reaches SQLite's driver, which cannot bind it (OverflowError). `<str:ref>`
    matches a NUL character (`%00`), which PostgreSQL refuses in any text (ValueError). Both would be
    a 500 instead of "not found".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if (isinstance(value, int) and abs(value) > LARGEST_ID) or (isinstance(value, str) and "\x00" in value):
                raise Http404("There is nothing with that number or reference")
