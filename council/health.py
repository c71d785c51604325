"""Health endpoints for a load balancer or orchestrator: no sign-in, never cached.

`/healthz` says the process answers and touches nothing else, so a database outage does not
make every app server look dead at once. `/readyz` says whether this server can do its work:
the database, the cache and the file storage each answer; if any does not, 503 with a JSON body
naming what failed (the exception's type only: the endpoint is public, so no addresses or
credentials from error messages).
"""

import logging
import os
import time

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    # A value of our own, read back: a cache that accepts writes but loses them is not ready.
    token = str(time.monotonic_ns())
    cache.set("readyz-probe", token, 30)
    if cache.get("readyz-probe") != token:
        raise RuntimeError("the cache did not return what was stored")


def _storage():
    if isinstance(default_storage, FileSystemStorage):
        # Local files: the directory may not exist before the first upload; make it, and a
        # server that cannot (read-only, not mounted over a file) is not ready.
        os.makedirs(default_storage.location, exist_ok=True)
        if not os.access(default_storage.location, os.W_OK):
            raise PermissionError("the media directory is not writable")
    default_storage.listdir("")


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    results, failed = {}, []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:
            logger.warning("readyz: %s is not reachable", name, exc_info=True)
            results[name] = f"failed: {type(exc).__name__}"
            failed.append(name)
        else:
            results[name] = "ok"
    body = {"status": "failing" if failed else "ok", "failed": failed, "checks": results}
    return JsonResponse(body, status=503 if failed else 200)
