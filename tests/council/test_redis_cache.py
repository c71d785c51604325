"""The page cache on a real Redis (redis-server on the loopback): shared, and harmless when Redis stops."""

import pytest
import redis

from tests.council.test_settings import PRODUCTION_ENV, _run
from tests.services import redis_server


@pytest.fixture
def redis_cache(settings, db):
    with redis_server() as (url, process):
        settings.CACHES = {
            "default": {
                "BACKEND": "council.cache.RedisCache",
                "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        settings.PUBLIC_PAGE_CACHE_SECONDS = 3600
        yield url, process


def test_public_page_is_cached_in_redis_and_served_uncached_when_redis_stops(client, redis_cache):
    url, process = redis_cache
    assert client.get("/").headers["X-Page-Cache"] == "miss"
    hit = client.get("/")
    assert hit.status_code == 200 and hit.headers["X-Page-Cache"] == "hit"
    assert redis.Redis.from_url(url).dbsize() >= 1

    process.terminate()
    process.wait(timeout=10)

    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == "miss"  # rendered, not an error
        assert "Plymouth City Council" in response.text
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["failed"] == ["cache"]


def test_djangos_redis_backend_setting_gets_the_degrading_one_with_short_timeouts():
    code = "from django.conf import settings as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    env = {
        **PRODUCTION_ENV,
        "DJANGO_CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
        "DJANGO_CACHE_LOCATION": "redis://127.0.0.1:6379/0",
    }
    result = _run(["shell", "--no-imports", "-c", code], env)
    assert result.stdout.split() == ["council.cache.RedisCache", "redis://127.0.0.1:6379/0"], result.stderr
