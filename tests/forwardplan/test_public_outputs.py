"""The Forward Plan's open data (EXEC-5, reg 9): the CSV parses and runs no formula, the JSON has
its licence and items, the Atom feed is what RFC 4287 requires, the sitemap lists public items;
drafts and submitted items are in none of them, nor anywhere the public crawl reaches (S12A-4)."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

from council.opendata import LICENCE_URL
from forwardplan import opendata
from forwardplan.models import DecisionMakerType, Status
from records.models import SCHEDULE_12A
from tests.decisions.test_register import ATOM, _atom_problems
from tests.forwardplan.public_items import MARKER, hidden_items, history, plan_item
from tests.hostile.test_fuzz import QUERY_VALUES, check
from tests.test_public_outputs import MARKER as CRAWL_MARKER
from tests.test_public_outputs import SECRET_WORD, _plant, crawl, planted  # noqa: F401 - fixtures: the register's records

pytestmark = pytest.mark.django_db


def content(response):
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, params=None):
    response = client.get(reverse("forwardplan_public:csv"), params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    assert response["Content-Disposition"].startswith('attachment; filename="forward-plan-')
    return list(csv.DictReader(io.StringIO(content(response).decode("utf-8-sig"))))


def test_csv_parses_with_a_column_per_public_field_EXEC_5(client):
    item = plan_item(expected_exempt=True, exempt_paragraphs=[3, 1])
    plan_item(status=Status.DEFERRED, status_reason="Awaiting the audit")
    rows = csv_rows(client)
    assert len(rows) == 2
    assert list(rows[0]) == list(opendata.FIELDS)
    row = next(r for r in rows if r["id"] == item.reference_slug)
    assert row["reference"] == item.reference
    assert row["decision_maker"] == item.decision_maker.name_and_title
    assert row["first_published_on"] == item.first_published_on.isoformat()
    assert row["expected_exempt"] == "yes" and row["exempt_paragraphs"] == "1, 3"
    assert row["url"].endswith(f"/forward-plan/{item.reference_slug}/")


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cell_that_looks_like_a_formula_is_written_as_text(client, title):
    plan_item(title=title, contact_name=title)
    row = csv_rows(client)[0]
    assert row["title"] == "'" + title and row["contact_name"] == "'" + title
    # The JSON carries the words as they are.
    assert json.loads(content(client.get(reverse("forwardplan_public:json"))))["items"][0]["title"] == title


def test_csv_takes_the_pages_filters_and_refuses_bad_ones(client):
    plan_item(maker=DecisionMakerType.CABINET)
    plan_item()
    assert len(csv_rows(client, {"decision_maker_type": "cabinet"})) == 1
    response = client.get(reverse("forwardplan_public:csv"), {"month": "2026-13"})
    assert response.status_code == 400 and "month" in response.json()["errors"]


def test_json_has_the_licence_and_each_item_with_its_changes(client):
    item = plan_item(status=Status.DEFERRED, status_reason="Awaiting the audit")
    history(item, "defer", Status.PUBLISHED, Status.DEFERRED, comment="Awaiting the audit")
    response = client.get(reverse("forwardplan_public:json"), {"show": "all"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(content(response))
    assert data["licence"]["url"] == LICENCE_URL
    assert data["source"].endswith("/forward-plan/plan.json?show=all")
    [entry] = data["items"]
    assert list(entry) == [*opendata.FIELDS, "changes"]
    assert entry["status"] == "deferred" and entry["status_reason"] == "Awaiting the audit"
    assert [c["what"] for c in entry["changes"]] == ["Published on the Forward Plan", "Deferred"]
    datetime.datetime.fromisoformat(entry["first_published_at"])


def test_atom_feed_validates_and_shows_withdrawals(client):
    plan_item(title="Library opening hours")
    withdrawn = plan_item(status=Status.WITHDRAWN, title="Sale of the depot", status_reason="No longer needed")
    response = client.get(reverse("forwardplan_public:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert _atom_problems(response.content) == []
    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert f"{withdrawn.reference}: Sale of the depot (withdrawn)" in titles
    assert any(title.endswith(": Library opening hours") for title in titles)
    assert root.findtext(f"{ATOM}rights").startswith("Open Government Licence")


def test_sitemap_lists_public_items_and_the_plan(client):
    public = [plan_item(), plan_item(status=Status.WITHDRAWN, status_reason="Gone")]
    hidden_items()
    index = content(client.get("/sitemap.xml")).decode()
    assert "/sitemap-forward-plan.xml" in index
    body = content(client.get("/sitemap-forward-plan.xml")).decode()
    for item in public:
        assert f"/forward-plan/{item.reference_slug}/</loc>" in body
    assert body.count("<url>") == 2
    assert "/forward-plan/</loc>" in content(client.get("/sitemap-pages.xml")).decode()
    assert "Disallow: /forward-plan/manage/" in content(client.get("/robots.txt")).decode()


def test_drafts_and_submitted_items_are_in_no_output(client):
    hidden = hidden_items()
    for hidden_item in hidden:  # as if they had a reference: still nowhere
        hidden_item.reference, hidden_item.reference_slug = f"FP 2099/{hidden_item.pk}", f"fp-2099-{hidden_item.pk}"
        hidden_item.save()
    plan_item()
    outputs = [
        client.get("/forward-plan/", {"show": "all"}),
        client.get("/forward-plan/plan.csv", {"show": "all"}),
        client.get("/forward-plan/plan.json", {"show": "all"}),
        client.get("/forward-plan/feed/"),
        client.get("/sitemap-forward-plan.xml"),
        client.get("/api/v1/forward-plan/", {"page_size": 100}),
    ]
    for response in outputs:
        assert MARKER.encode() not in content(response), response.request["PATH_INFO"]
    for hidden_item in hidden:
        assert client.get(f"/forward-plan/{hidden_item.reference_slug}/").status_code == 404
        assert client.get(f"/api/v1/forward-plan/{hidden_item.reference_slug}/").status_code == 404


@pytest.mark.usefixtures("planted")
def test_the_public_crawl_reaches_every_forward_plan_output_and_no_hidden_or_exempt_text_S12A_4(client):
    """The crawl of tests/test_public_outputs.py, from the home page, robots.txt, the sitemap and
    the API, over its exempt records and these items: every plan output is reached, and neither its
    exempt marker nor a hidden item's (the same marker) is in any of them. An item
    expected to be exempt shows its paragraph's description, and no other paragraph's."""
    hidden_items(marker=f"{CRAWL_MARKER} {SECRET_WORD}")  # the crawl fails wherever it finds them
    exempt = plan_item(expected_exempt=True, exempt_paragraphs=[5])
    withdrawn = plan_item(status=Status.WITHDRAWN, status_reason="Withdrawn for good")
    deferred = plan_item(status=Status.DEFERRED, expected_from=timezone.localdate() + datetime.timedelta(days=70))
    cache.clear()
    seen, kinds = crawl(client, ["/", "/robots.txt", "/sitemap.xml", "/api/v1/"])
    expected = [
        "/forward-plan/",
        "/forward-plan/plan.csv",
        "/forward-plan/plan.json",
        "/forward-plan/feed/",
        "/sitemap-forward-plan.xml",
        "/api/v1/forward-plan/",
        *(f"/forward-plan/{item.reference_slug}/" for item in (exempt, withdrawn, deferred)),
    ]
    for path in expected:
        assert path in seen, f"the crawl never reached {path}"
    api_items = {f"/api/v1/forward-plan/{item.reference_slug}/" for item in (exempt, withdrawn, deferred)}
    assert api_items & seen, "the crawl never reached an item in the API (the documentation's example)"
    body = client.get(f"/forward-plan/{exempt.reference_slug}/").content.decode()
    assert SCHEDULE_12A[5] in body
    assert not any(SCHEDULE_12A[n] in body for n in SCHEDULE_12A if n != 5)


@pytest.mark.parametrize(
    "name", ["forwardplan_public:plan", "forwardplan_public:csv", "forwardplan_public:json", "api:forward-plan"]
)
def test_hostile_query_parameters_are_never_a_server_error(client, name):
    """The fuzz of tests/hostile/test_fuzz.py over the plan's own parameters: never a 5xx, never
    reflected unescaped, whether one at a time or all at once."""
    plan_item()
    url = reverse(name)
    parameters = ["show", "decision_maker_type", "month", "page"]
    if name.startswith("api:"):
        parameters = list(resolve(url).func.query_parameters)
    for parameter in parameters:
        for value in QUERY_VALUES:
            response = client.get(url, {parameter: value})
            check(response, f"GET {url}?{parameter}={value[:20]!r}")
            if response.status_code == 200:
                content(response)  # errors while streaming are 500s too
    everything = {parameter: QUERY_VALUES[i % len(QUERY_VALUES)] for i, parameter in enumerate(parameters)}
    check(client.get(url, everything), f"GET {url} with every parameter hostile")


def _output_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        content(client.get(url, HTTP_COOKIE="sessionid=none"))  # past the page cache; streamed bodies read
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", ["forwardplan_public:csv", "forwardplan_public:json", "forwardplan_public:feed"])
def test_download_and_feed_queries_do_not_grow_with_items(client, name):
    makers = [DecisionMakerType.OFFICER, DecisionMakerType.CABINET_MEMBER, DecisionMakerType.CABINET]
    for n in range(3):
        history(plan_item(maker=makers[n % 3]), "edit", Status.PUBLISHED, Status.PUBLISHED, comment="Changed")
    few = _output_queries(client, reverse(name))
    for n in range(20):
        history(plan_item(maker=makers[n % 3]), "edit", Status.PUBLISHED, Status.PUBLISHED, comment="Changed")
    assert _output_queries(client, reverse(name)) == few
