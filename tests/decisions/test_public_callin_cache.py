"""The page cache and call-in (CALL-1): a public page that says what today makes true ("subject to
call-in until ...", the register's "open to call-in" filter) is never served from the cache past
the midnight that changed it, and every call-in change empties the cache."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from tests.decisions.factories import Cast
from tests.decisions.test_register import published

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 86400
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db):
    return Cast()


def test_page_cache_serves_a_page_only_on_the_day_it_was_rendered_CALL_1(client, cast, cache_on):
    published(cast, 1, datetime.date(2026, 9, 1))
    url = reverse("decisions:list")
    with time_machine.travel(datetime.datetime(2026, 9, 7, 23, 58, tzinfo=LONDON), tick=False):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    with time_machine.travel(datetime.datetime(2026, 9, 8, 0, 1, tzinfo=LONDON), tick=False):
        assert client.get(url)["X-Page-Cache"] == "miss"  # a new day: the window may have closed
        assert client.get(url)["X-Page-Cache"] == "hit"
