"""The production profile on real services: two gunicorn instances, one task worker, PostgreSQL,
Redis and an S3-compatible server (moto), all on the loopback address (issue #14).

Democratic Support publishes a record through instance A; instance B serves the new register
page, the record and its PDF (same bytes, same hash as A); the page cache stays coherent across
both; the worker rendered the PDF, not the request; stopping Redis degrades to uncached pages and
`/readyz` reports it. Needs PostgreSQL (DATABASE_URL, as `make test-postgres` and CI set).
"""

import hashlib
import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack
from pathlib import Path

import boto3
import pytest

from tests.services import free_port, moto_s3, redis_server, running

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BUCKET = "profile-private"
PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the production profile needs PostgreSQL: set DATABASE_URL (make test-postgres, CI)",
)

# Migrates the new database and makes the record, in one process (each start of Django costs seconds).
SETUP = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from tests.decisions.factories import Cast, DecisionFactory
from decisions.models import Status
cast = Cast()
record = DecisionFactory(cast=cast, state=Status.DECIDED)
support = cast.democratic_support
support.set_password({password!r})
support.save()
print(record.pk, support.username)
"""


class Browser:
    """A cookie-keeping HTTP client for one instance."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=120) as response:
            return response.status, response.geturl(), response.read()


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _wait_for(condition, timeout=120, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {message}")


def test_two_instances_and_a_worker_share_everything(tmp_path):
    import psycopg2

    server_url = os.environ["DATABASE_URL"]
    name = f"profile_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    database_url = server_url.rsplit("/", 1)[0] + f"/{name}"

    def query(sql, *args):
        with psycopg2.connect(database_url) as db, db.cursor() as cursor:
            cursor.execute(sql, args)
            return cursor.fetchall()

    try:
        with ExitStack() as services:
            endpoint = services.enter_context(moto_s3())
            redis_url, redis_process = services.enter_context(redis_server())
            boto3.client(
                "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s"
            ).create_bucket(Bucket=BUCKET)
            env = {
                **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
                "DJANGO_SECRET_KEY": "profile-test-" + uuid.uuid4().hex * 2,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_SECURE_COOKIES": "false",
                "DJANGO_PLAIN_STATIC": "true",
                "DATABASE_URL": database_url,
                "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
                "DJANGO_CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
                "DJANGO_CACHE_LOCATION": redis_url,
                "DJANGO_PUBLIC_PAGE_CACHE_SECONDS": "3600",
                "DJANGO_S3_BUCKET": BUCKET,
                "DJANGO_S3_ENDPOINT_URL": endpoint,
                "DJANGO_S3_REGION": "us-east-1",
                "DJANGO_S3_ACCESS_KEY_ID": "k",
                "DJANGO_S3_SECRET_ACCESS_KEY": "s",
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "DJANGO_LOG_FORMAT": "json",
            }
            setup = _manage(env, "shell", "--no-imports", "-c", SETUP.format(password=PASSWORD))
            record_pk, username = setup.strip().splitlines()[-1].split()
            ports = [free_port(), free_port()]
            for port in ports:
                command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
                services.enter_context(running(command, port, f"gunicorn on {port}", env=env, cwd=ROOT))
            worker = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
            services.enter_context(running(worker, None, "db_worker", env=env, cwd=ROOT))
            a, b = (Browser(f"http://127.0.0.1:{port}") for port in ports)

            # B caches the register before the publication.
            assert b.get("/decisions/")[0] == 200
            assert b.get("/decisions/")[1].get("X-Page-Cache") == "hit"

            a.get("/sign-in/")
            status, landed, _ = a.post("/sign-in/", {"username": username, "password": PASSWORD})
            assert landed.endswith("/your-work/"), landed
            status, landed, _ = a.post(f"/decisions/records/{record_pk}/publish/", {})
            assert landed.endswith(f"/decisions/records/{record_pk}/")
            [(slug, reference)] = query(
                "SELECT reference_slug, reference FROM decisions_decision WHERE id = %s", int(record_pk)
            )

            # At once, from B: the register (a new public version, so no stale cached page) and the record.
            status, headers, body = b.get("/decisions/")
            assert status == 200 and reference.encode() in body and headers.get("X-Page-Cache") == "miss"
            assert b.get(f"/decisions/{slug}/")[0] == 200

            # The worker renders the PDF (the request never did: publish returned first).
            digest = _wait_for(
                lambda: query("SELECT public_pdf_sha256 FROM decisions_decision WHERE id = %s", int(record_pk))[0][0],
                message="the worker to store the PDF",
            )

            # The worker stores the PDF, then marks its task done: on a busy machine the first read can
            # still find it RUNNING (seen on CI's shared cores), so the status is waited for too.
            def task_finished():
                rows = query(
                    "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
                    "WHERE task_path = 'decisions.documents.render_public_pdf'"
                )
                return rows if rows and rows[0][0] != "RUNNING" else None

            [(task_status, workers)] = _wait_for(task_finished, message="the worker to finish the task")
            assert task_status == "SUCCESSFUL" and workers
            pdf_a, pdf_b = a.get(f"/decisions/{slug}/pdf/")[2], b.get(f"/decisions/{slug}/pdf/")[2]
            assert pdf_a == pdf_b and hashlib.sha256(pdf_b).hexdigest() == digest

            # Redis stops: pages are served uncached, and /readyz says why.
            redis_process.terminate()
            redis_process.wait(timeout=10)
            for browser in (a, b):
                status, headers, body = browser.get("/decisions/")
                assert status == 200 and reference.encode() in body
                status, _, body = browser.get("/readyz")
                assert status == 503 and json.loads(body)["failed"] == ["cache"]
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
