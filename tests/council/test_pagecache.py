"""The public page cache (council.pagecache): served from the cache until something public
changes, never for signed-in people, never with a stale CSP nonce, never stale after publication."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import pagecache
from council.models import Committee, CouncilSettings
from decisions import services
from decisions.models import Decision, Status
from tests.decisions.factories import Cast, DecisionFactory, advance
from tests.decisions.test_register import published


@pytest.fixture
def cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db):
    return Cast()


def nonce(response):
    return re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)


def test_second_request_is_a_hit_with_one_query_and_a_fresh_nonce(client, cast, cache_on):
    published(cast, 1, datetime.date(2021, 5, 1))
    first = client.get(reverse("decisions:list"))
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as ctx:
        second = client.get(reverse("decisions:list"))
    assert second["X-Page-Cache"] == "hit"
    assert len(ctx.captured_queries) == 1  # the public version
    assert second.content.replace(nonce(second).encode(), b"") == first.content.replace(nonce(first).encode(), b"")
    assert nonce(second) != nonce(first)
    assert f"'nonce-{nonce(second)}'" in second["Content-Security-Policy"]
    assert pagecache.PLACEHOLDER not in second.content
    # A shared HTTP cache must still tell signed-in visitors' pages apart, as without our cache.
    assert "Cookie" in first["Vary"] and second["Vary"] == first["Vary"]


def test_publication_makes_every_cached_page_stale(client, cast, cache_on):
    published(cast, 1, datetime.date(2021, 5, 1))
    assert "COD02 19/20" not in client.get(reverse("decisions:list")).content.decode()
    record = DecisionFactory(cast=cast, title="Bus lane enforcement cameras", state=Status.PUBLISHED)
    page = client.get(reverse("decisions:list"))
    assert page["X-Page-Cache"] == "miss" and "Bus lane enforcement cameras" in page.content.decode()
    assert record.reference in client.get(reverse("decisions:feed")).content.decode()


def test_a_change_to_council_data_makes_pages_stale(client, cast, cache_on):
    assert "Plymouth City Council" in client.get("/").content.decode()
    settings_row = CouncilSettings.load()
    settings_row.name = "Tamar City Council"
    settings_row.save()
    assert "Tamar City Council" in client.get("/").content.decode()
    committee = Committee.objects.first()
    client.get(reverse("committees:committee", kwargs={"slug": committee.slug}))
    committee.members.add(cast.scrutiny_chair)
    assert client.get(reverse("committees:committee", kwargs={"slug": committee.slug}))["X-Page-Cache"] == "miss"


def test_drafts_and_signing_in_do_not_empty_the_cache(client, cast, cache_on):
    officer, _ = cast.officer, cast.decision_maker  # people first: a change to a person is public
    client.get("/")
    DecisionFactory(cast=cast)  # a draft: nothing public changed
    officer.last_login = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    officer.save(update_fields=["last_login"])
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_signed_in_people_are_never_served_from_the_cache(client, cast, cache_on):
    client.get("/")
    client.force_login(cast.democratic_support)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Signed in as" in response.content.decode()


def test_not_found_and_streaming_responses_are_not_cached(client, cast, cache_on):
    assert client.get(reverse("decisions:detail", kwargs={"slug": "cod99-21-22"})).status_code == 404
    assert "X-Page-Cache" not in client.get(reverse("decisions:detail", kwargs={"slug": "cod99-21-22"}))
    assert "X-Page-Cache" not in client.get(reverse("decisions:download-csv"))


def test_storing_the_public_pdf_makes_the_record_page_stale(client, cast, cache_on):
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    Decision.objects.filter(pk=record.pk).update(public_pdf_sha256="")  # as if the task had not run
    url = reverse("decisions:detail", kwargs={"slug": record.reference_slug})
    client.get(url)
    client.get(reverse("decisions:pdf", kwargs={"slug": record.reference_slug}))  # renders and stores it
    stored = Decision.objects.get(pk=record.pk)
    assert stored.public_pdf_sha256 in client.get(url).content.decode()


def test_the_cache_can_be_turned_off(client, cast, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_api_responses_are_cached_with_their_headers_and_errors_are_not(client, cast, cache_on):
    published(cast, 1, datetime.date(2021, 5, 1))
    first = client.get("/api/v1/decisions/")
    second = client.get("/api/v1/decisions/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    for header in ("Content-Type", "Access-Control-Allow-Origin", "Cache-Control"):
        assert second[header] == first[header]
    client.get("/api/v1/decisions/?page=0")
    assert "X-Page-Cache" not in client.get("/api/v1/decisions/?page=0")


def test_sitemaps_are_served_and_cached_for_visitors(client, cast, cache_on):
    """The sitemaps are TemplateResponses: the cache renders them before reading their body."""
    record = published(cast, 1, datetime.date(2021, 5, 1))
    urls = [reverse("sitemap-index")] + [
        reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": section})
        for section in ("pages", "decisions", "committees", "meetings", "reports")
    ]
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
        second = client.get(url)
        assert second.status_code == 200 and second["X-Page-Cache"] == "hit", url
        assert second.content == first.content
    assert record.reference_slug in client.get(urls[2]).content.decode()


def test_head_is_served_from_the_page_cache_like_get(client, cast, cache_on):
    published(cast, 1, datetime.date(2021, 5, 1))
    url = reverse("decisions:list")
    got = client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        head = client.head(url)
    assert (head.status_code, head["X-Page-Cache"], head["Content-Type"]) == (200, "hit", got["Content-Type"])
    assert len(ctx.captured_queries) == 1 and head.content == b""


def test_pagecache_public_statuses_are_declared_by_each_app():
    """Layering: each app tells the page cache which of its statuses the public sees; the cache
    itself names no app's status."""
    from pathlib import Path

    from scrutiny.models import Status as ReportStatus

    assert pagecache.PUBLIC_STATUSES["decisions.Decision"] == {Status.PUBLISHED, Status.WITHDRAWN}
    assert pagecache.PUBLIC_STATUSES["scrutiny.BriefingReport"] == {ReportStatus.PUBLISHED, ReportStatus.WITHDRAWN}
    source = Path(pagecache.__file__).read_text()
    assert '"published"' not in source and '"withdrawn"' not in source


def test_pagecache_change_to_a_record_not_yet_public_keeps_the_cache(client, cast, cache_on):
    record = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.get(reverse("decisions:list"))
    record.save()  # a status the app does not declare public
    assert client.get(reverse("decisions:list"))["X-Page-Cache"] == "hit"
    record.status = Status.WITHDRAWN
    record.save()
    assert client.get(reverse("decisions:list"))["X-Page-Cache"] == "miss"


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.mark.usefixtures("no_pdf_render")
def test_a_published_record_is_on_every_public_door_at_once_OLGB_5(
    client, cast, cache_on, django_capture_on_commit_callbacks
):
    """OLGB-5: the record is on the council's website as soon as it is published, with every public page
    already cached beforehand: the register and its search, the record's page and PDF, the feed, the
    downloads, the API and the sitemap; its background papers are listed on its page."""
    published(cast, 1, datetime.date(2021, 5, 1))
    decision = DecisionFactory(cast=cast, title="Bus lane enforcement cameras")
    decision.background_papers.create(title="Traffic survey of Royal Parade")
    decision = advance(decision, Status.DECIDED, cast)
    doors = [
        reverse("decisions:list"),
        reverse("decisions:list") + "?q=enforcement+cameras",
        reverse("decisions:feed"),
        reverse("decisions:download-csv"),
        reverse("decisions:download-json"),
        reverse("api:decisions"),
        reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "decisions"}),
    ]
    for door in doors:  # each asked twice: whatever is cached is cached now
        assert client.get(door).status_code == 200 and client.get(door).status_code == 200
        assert decision.title not in body_of(client.get(door))
    assert client.get(reverse("decisions:list"))["X-Page-Cache"] == "hit"
    slug = f"{decision.pk}-not-published"  # a record with no reference yet has no public address at all
    assert client.get(reverse("decisions:detail", args=[slug])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):  # the worker renders the public PDF then
        services.publish_decision(decision, actor=cast.democratic_support)
    decision.refresh_from_db()
    for door in doors:
        body = body_of(client.get(door))
        assert decision.reference in body or decision.reference_slug in body, f"{door} does not have it yet"
    page = client.get(reverse("decisions:detail", args=[decision.reference_slug]))
    assert page.status_code == 200 and "Traffic survey of Royal Parade" in page.content.decode()
    pdf = client.get(reverse("decisions:pdf", args=[decision.reference_slug]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert client.get(reverse("api:decision", args=[decision.reference_slug])).json()["reference"] == decision.reference
