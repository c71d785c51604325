"""The public pages, rendered once per publication: a page cache keyed by the public version.

Everything the public sees changes only when something public changes: a record or report is
published, a meeting or committee is edited, the council's settings change. `PublicVersion` is a
one-row counter that goes up in the same transaction as any such change (each app `watch()`es
its public models in `ready()`; `bump()` directly where a queryset `update()` skips the signals). A public page is
cached under (version, full path): a request costs one indexed query (the version) and a cache
read, and a publication makes every older entry unreachable at once, in every process, because
the version lives in the database, not in the cache. The version is read before the page's data,
so a page is never cached under a newer version than the data it shows.

The key also holds the council's date (Europe/London): some public pages say what today makes
true without anything being saved — a decision "subject to call-in until 7 September" is
"effective from 8 September" the next morning, and the register's "open to call-in" filter
changes with it (CALL-1) — so no page is served from the cache past the midnight that changed it.

Only anonymous requests are served from the cache (no session or messages cookie), only GET and HEAD,
only complete 200 responses without cookies, and never a streaming response (large downloads).
The CSP nonce is not cached: it is swapped for a placeholder on the way in and for this request's
fresh nonce on the way out, so every response still has its own. `PUBLIC_PAGE_CACHE_SECONDS = 0`
turns the cache off (the test suite keeps it on, as shipped, emptied around each test).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils import timezone
from django.utils.cache import patch_vary_headers

PLACEHOLDER = b"__public-page-csp-nonce__"
MAX_BYTES = 2 * 1024 * 1024
KEPT_HEADERS = {"content-type", "content-disposition", "link", "access-control-allow-origin", "cache-control"}


def current_version():
    from council.models import PublicVersion

    return PublicVersion.objects.values_list("version", flat=True).first() or 0


def bump(**kwargs):
    """Something public changed: every cached public page is out of date (on commit, and now)."""
    from council.models import PublicVersion

    if not PublicVersion.objects.filter(pk=1).update(version=F("version") + 1):
        PublicVersion.objects.get_or_create(pk=1)
        PublicVersion.objects.filter(pk=1).update(version=F("version") + 1)


def _changed(sender, instance=None, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in changes nothing the public sees
    bump()


# What each watched kind of record calls public, by model label: each app declares its own statuses
# (`watch(model, public_statuses=...)`), so this module knows no app's workflow.
PUBLIC_STATUSES = {}


def _public_changed(sender, instance=None, **kwargs):
    if getattr(instance, "status", None) in PUBLIC_STATUSES.get(sender._meta.label, ()):
        bump()


def watch(model, *, public_statuses=None):
    """A change to `model` makes public pages out of date; with `public_statuses`, only a change to
    a record in one of them (the app's statuses the public sees; a record's children cannot
    change once it is public). Apps call this from `ready()` for what their public pages show."""
    from django.db.models.signals import post_delete, post_save

    label = model._meta.label
    if public_statuses is not None:
        PUBLIC_STATUSES[label] = frozenset(public_statuses)
        post_save.connect(_public_changed, sender=model, dispatch_uid=f"public-{label}-save")
        return
    post_save.connect(_changed, sender=model, dispatch_uid=f"public-{label}-save")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"public-{label}-delete")


def watch_relation(model, field):
    """Adding to or removing from `model.field` (many-to-many) makes public pages out of date."""
    from django.db.models.signals import m2m_changed

    through = model._meta.get_field(field).remote_field.through
    m2m_changed.connect(_changed, sender=through, dispatch_uid=f"public-{model._meta.label}-{field}")


def _cacheable(request):
    # HEAD is a GET without the body (the server drops it): same page, same cache entry.
    if request.method not in ("GET", "HEAD") or settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(version, request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{version}:{timezone.localdate():%Y-%m-%d}:{path}"


def public_page(view=None, *, vary_on_cookie=True):
    """Serve this public view's anonymous GETs from the page cache (see the module's docstring).

    `vary_on_cookie=False` for views whose answer never depends on who asks (the JSON API).
    """
    if view is None:
        return lambda view: public_page(view, vary_on_cookie=vary_on_cookie)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = _served(request, *args, **kwargs)
        if vary_on_cookie:
            # Whether a cookie is sent decides which page comes back: shared HTTP caches must know.
            patch_vary_headers(response, ("Cookie",))
        return response

    def _served(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(current_version(), request)
        hit = cache.get(key)
        if hit is not None:
            body, headers = hit
            if PLACEHOLDER in body:
                body = body.replace(PLACEHOLDER, str(get_nonce(request)).encode())
            response = HttpResponse(body)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            # A TemplateResponse (the sitemaps) has no content until rendered; the middleware would
            # render it later, but the body is cached here.
            response.render()
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and len(response.content) <= MAX_BYTES
        ):
            body = response.content
            nonce = get_nonce(request)
            if nonce:  # evaluated: the page holds it
                body = body.replace(str(nonce).encode(), PLACEHOLDER)
            headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
            cache.set(key, (body, headers), settings.PUBLIC_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    return wrapped
