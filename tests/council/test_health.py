"""/healthz and /readyz: no sign-in, never cached; /readyz names what is unreachable."""

import socket

import pytest


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe closes


def test_healthz_answers_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_reports_database_cache_and_storage_ok(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "failed": [],
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_naming_an_unreachable_cache(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing" and body["failed"] == ["cache"]
    assert body["checks"]["cache"] == "failed: ConnectionError"
    assert body["checks"]["database"] == "ok"


def test_readyz_is_503_naming_unusable_storage(client, db, settings, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    settings.MEDIA_ROOT = tmp_path / "a-file" / "media"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_are_exempt_from_the_https_redirect(path, settings):
    import re

    assert any(re.search(pattern, path.lstrip("/")) for pattern in settings.SECURE_REDIRECT_EXEMPT)
