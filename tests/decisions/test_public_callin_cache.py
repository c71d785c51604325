"""The page cache and call-in (CALL-1): a public page that says what today makes true ("subject to
call-in until ...", the register's "open to call-in" filter) is never served from the cache past
the midnight that changed it, and every call-in change empties the cache."""

import datetime
import zoneinfo
from unittest import mock

import time_machine
from django.urls import reverse
from weasyprint import HTML

from callin import services
from callin.models import Outcome
from decisions.models import Status
from scrutiny.models import Meeting
from tests.conftest import STAND_IN_PDF
from tests.council import test_pagecache
from tests.decisions.factories import DecisionFactory, advance, education_committee
from tests.decisions.test_register import published

LONDON = zoneinfo.ZoneInfo("Europe/London")
# The page cache's own fixtures: the cache on, emptied around the test; the personas.
cache_on, cast = test_pagecache.cache_on, test_pagecache.cast


def test_page_cache_serves_a_page_only_on_the_day_it_was_rendered_CALL_1(client, cast, cache_on):
    published(cast, 1, datetime.date(2026, 9, 1))
    url = reverse("decisions:list")
    with time_machine.travel(datetime.datetime(2026, 9, 7, 23, 58, tzinfo=LONDON), tick=False):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    with time_machine.travel(datetime.datetime(2026, 9, 8, 0, 1, tzinfo=LONDON), tick=False):
        assert client.get(url)["X-Page-Cache"] == "miss"  # a new day: the window may have closed
        assert client.get(url)["X-Page-Cache"] == "hit"


def at(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(10), tzinfo=LONDON), tick=False)


def test_every_public_call_in_change_makes_the_decision_page_stale_CALL_1(client, cast, cache_on):
    """Through the services: each step's page is rendered afresh (a miss) and says the new state."""
    chair, support = cast.scrutiny_chair, cast.democratic_support
    with mock.patch.object(HTML, "write_pdf", return_value=STAND_IN_PDF), at(datetime.date(2026, 8, 28)):
        decision = DecisionFactory(cast=cast, scrutiny_committee=education_committee(cast), title="Depot sale")
        decision = advance(decision, Status.PUBLISHED, cast)
    url = reverse("decisions:detail", kwargs={"slug": decision.reference_slug})

    def page_after(day, change, *expected):
        with at(day):
            assert client.get(url)["X-Page-Cache"] in ("hit", "miss")  # cached before the change
            result = change()
            response = client.get(url)
            assert response["X-Page-Cache"] == "miss", change
            for text in expected:
                assert text in response.content.decode(), text
        return result

    request = page_after(
        datetime.date(2026, 9, 1),
        lambda: services.request_call_in(decision, actor=chair, reasons="Families were not consulted."),
        "Call-in requested on 1 September 2026",
    )
    page_after(
        datetime.date(2026, 9, 2),
        lambda: services.validate(request, actor=support),
        "Called in on 1 September 2026",
        "Families were not consulted.",
    )
    meeting = Meeting.objects.create(committee=request.committee, date=datetime.date(2026, 9, 15))
    page_after(
        datetime.date(2026, 9, 3),
        lambda: services.schedule(request, actor=support, meeting=meeting),
        "meeting on 15 September 2026",
    )
    page_after(
        datetime.date(2026, 9, 15),
        lambda: services.record_outcome(
            request, actor=support, outcome=Outcome.REFERRED_BACK, on=datetime.date(2026, 9, 15), concerns="Ask again."
        ),
        "Referred back to the decision maker, 15 September 2026",
        "Ask again.",
    )
    page_after(
        datetime.date(2026, 9, 21),
        lambda: services.confirm_decision(request, actor=cast.decision_maker, on=datetime.date(2026, 9, 21)),
        "Effective from 21 September 2026.",
        "The decision maker confirmed the decision, 21 September 2026",
    )
