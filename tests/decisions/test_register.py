"""The public register (issue #6): search, filters in the URL, pages, the CSV and JSON downloads and
the Atom feed, on SQLite and PostgreSQL alike (the search itself differs: see decisions/register.py)."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import roles
from council.models import Directorate
from decisions.models import Decision, Status
from decisions.register import RegisterQuery
from tests.decisions.factories import Cast

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def demo(demo_loaded, settings):
    """The demo data: COD02 21/22 published exactly as the seed, with the other demo records."""
    settings.DEBUG = False
    return Decision.objects.get(reference="COD02 21/22")


def published(cast, n, decided_on, **fields):
    """A published record, made directly (the services are tested elsewhere): fast enough for dozens."""
    values = dict(
        reference=f"COD{n:02d} 19/20",
        reference_slug=f"cod{n:02d}-19-20",
        status=Status.PUBLISHED,
        author=cast.officer,
        decision_maker=cast.decision_maker,
        decision_maker_name="Dana Director",
        decision_maker_job_title="Director of Place",
        directorate=Directorate.objects.get(code="CYP"),
        title=f"Resurfacing of Armada Way, phase {n}",
        decision_to_be_taken="To award the resurfacing contract to the lowest compliant tender.",
        reasons="The road surface has failed its condition survey.",
        financial_implications="Funded from the highways capital programme.",
        amount=Decimal("120000"),
        is_key_decision=False,
        is_urgent=False,
        decided_on=decided_on,
        published_at=datetime.datetime.combine(decided_on, datetime.time(9), tzinfo=datetime.UTC),
    )
    values.update(fields)
    return Decision.objects.create(**values)


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def queries(client, url):
    cache.clear()  # the queries of rendering the page, not of a page-cache hit (one query)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        body(response)  # a streaming response runs its queries while it is read
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


# — done when: "Innovate", key decision No, urgent Yes, the downloads and the feed ----------------


def test_searching_innovate_finds_cod02_21_22_first(client, cast, demo):
    published(cast, 1, datetime.date(2021, 8, 1), reasons="We considered Innovate among other providers.")
    published(cast, 2, datetime.date(2021, 9, 1))
    response = client.get(reverse("decisions:list"), {"q": "Innovate"})
    page = body(response)
    assert response.context["page"].paginator.count == 2
    first = response.context["decisions"][0]
    assert first.reference == "COD02 21/22"
    assert page.index("COD02 21/22") < page.index("COD01 19/20")
    assert "<mark>Innovate</mark>" in page
    assert "Search results for “Innovate”" in page  # the page title says what was searched


def test_key_decision_no_and_urgent_yes_keeps_cod02_21_22(client, cast, demo):
    published(cast, 1, datetime.date(2021, 8, 1), is_urgent=True, is_key_decision=True)
    published(cast, 2, datetime.date(2021, 9, 1))
    response = client.get(reverse("decisions:list"), {"q": "Innovate", "key_decision": "no", "urgent": "yes"})
    references = [d.reference for d in response.context["decisions"]]
    assert references == ["COD02 21/22"]
    response = client.get(reverse("decisions:list"), {"key_decision": "no", "urgent": "yes"})
    assert [d.reference for d in response.context["decisions"]] == ["COD02 21/22"]


def test_csv_of_the_filter_contains_cod02_21_22_with_its_amount(client, cast, demo):
    published(cast, 1, datetime.date(2021, 8, 1))
    response = client.get(reverse("decisions:download-csv"), {"key_decision": "no", "urgent": "yes"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "open-government-licence" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert [row["reference"] for row in rows] == ["COD02 21/22"]
    row = rows[0]
    assert row["amount"] == "491000"
    assert row["decided_on"] == "2021-07-01"
    assert row["urgent"] == "yes" and row["key_decision"] == "no"
    assert row["url"].endswith("/decisions/cod02-21-22/") and row["pdf_url"].endswith("/decisions/cod02-21-22/pdf/")


def test_json_of_the_filter_contains_cod02_21_22_with_its_amount_and_licence(client, cast, demo):
    published(cast, 1, datetime.date(2021, 8, 1))
    response = client.get(reverse("decisions:download-json"), {"key_decision": "no", "urgent": "yes"})
    data = json.loads(body(response))
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert [d["reference"] for d in data["decisions"]] == ["COD02 21/22"]
    record = data["decisions"][0]
    assert record["amount"] == 491000 and isinstance(record["amount"], int)
    assert record["decided_on"] == "2021-07-01"
    datetime.datetime.fromisoformat(record["published_at"])  # ISO 8601
    assert record["urgent"] is True and record["key_decision"] is False


def _atom_problems(document):
    """What RFC 4287 requires of a feed and its entries, checked: the problems found."""
    problems = []
    root = ET.fromstring(document)
    if root.tag != f"{ATOM}feed":
        return [f"root element is {root.tag}"]

    def one(element, name, where):
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where} has {len(found)} atom:{name}")
        return found[0] if found else None

    def date(element, where):
        if element is not None:
            try:
                parsed = datetime.datetime.fromisoformat(element.text)
                if parsed.tzinfo is None:
                    problems.append(f"{where} date has no time zone")
            except (TypeError, ValueError):
                problems.append(f"{where} date {element.text!r} is not RFC 3339")

    one(root, "id", "feed")
    one(root, "title", "feed")
    date(one(root, "updated", "feed"), "feed updated")
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append("feed has no rel=self link")
    feed_author = root.find(f"{ATOM}author") is not None
    for n, entry in enumerate(root.findall(f"{ATOM}entry")):
        where = f"entry {n}"
        identifier = one(entry, "id", where)
        if identifier is not None and "://" not in (identifier.text or ""):
            problems.append(f"{where} id is not an IRI")
        one(entry, "title", where)
        date(one(entry, "updated", where), f"{where} updated")
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{where} has no author")
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not links:
            problems.append(f"{where} has neither content nor an alternate link")
    return problems


def test_atom_feed_validates_and_contains_cod02_21_22(client, cast, demo):
    published(cast, 1, datetime.date(2021, 8, 1))
    response = client.get(reverse("decisions:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    document = response.content
    assert _atom_problems(document) == []
    root = ET.fromstring(document)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert any(title.startswith("COD02 21/22: ") for title in titles)
    assert root.findtext(f"{ATOM}rights").startswith("Open Government Licence")


def test_atom_checker_finds_problems():
    """The checker above can fail: an entry without an id or a date is reported."""
    broken = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>http://x/</id>'
        b"<updated>2021-01-01T00:00:00+00:00</updated><entry><title>y</title><updated>soon</updated></entry></feed>"
    )
    problems = _atom_problems(broken)
    assert "entry 0 has 0 atom:id" in problems and any("not RFC 3339" in p for p in problems)
    assert "feed has no rel=self link" in problems


def test_committee_feed_lists_published_reports_and_validates(client, demo):
    from scrutiny.models import BriefingReport

    report = BriefingReport.objects.published().select_related("committee").first()
    response = client.get(reverse("committees:feed", kwargs={"slug": report.committee.slug}))
    assert _atom_problems(response.content) == []
    root = ET.fromstring(response.content)
    assert [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")] == [report.title]
    assert client.get(reverse("committees:feed", kwargs={"slug": "no-such-committee"})).status_code == 404


# — filters ---------------------------------------------------------------------------------------


def test_every_filter_narrows_the_register(client, cast):
    place = Directorate.objects.exclude(code="CYP").first()
    a = published(cast, 1, datetime.date(2021, 5, 1), amount=Decimal("5000"))
    b = published(cast, 2, datetime.date(2021, 6, 1), amount=Decimal("2500000"), is_key_decision=True)
    c = published(cast, 3, datetime.date(2021, 7, 1), amount=None, is_urgent=True, directorate=place)
    other_maker = cast.cabinet_member
    other_maker.groups.add(Group.objects.get(name=roles.DECISION_MAKER))
    d = published(cast, 4, datetime.date(2021, 8, 1), decision_maker=other_maker, amount=Decimal("20000"))
    cases = {
        "directorate": ({"directorate": place.code.lower()}, [c]),
        "decision maker": ({"decision_maker": str(other_maker.pk)}, [d]),
        "key decision yes": ({"key_decision": "yes"}, [b]),
        "key decision no": ({"key_decision": "no"}, [d, c, a]),
        "urgent": ({"urgent": "yes"}, [c]),
        "from": ({"decided_from": "2021-06-01"}, [d, c, b]),
        "to": ({"decided_to": "01/06/2021"}, [b, a]),
        "between": ({"decided_from": "2 May 2021", "decided_to": "2021-06-30"}, [b]),
        "amount from": ({"amount_min": "£1,000,000"}, [b]),
        "amount up to": ({"amount_max": "10000"}, [a]),
        "combined": ({"amount_min": "1000", "key_decision": "no"}, [d, a]),
    }
    for name, (params, expected) in cases.items():
        response = client.get(reverse("decisions:list"), params)
        assert [d.pk for d in response.context["decisions"]] == [d.pk for d in expected], name


def test_invalid_filters_are_errors_on_their_fields_and_the_rest_still_apply(client, cast):
    published(cast, 1, datetime.date(2021, 5, 1), is_urgent=True)
    published(cast, 2, datetime.date(2021, 6, 1))
    response = client.get(
        reverse("decisions:list"),
        {"decided_from": "31/02/2021", "amount_min": "lots", "urgent": "yes", "directorate": "nope"},
    )
    assert response.status_code == 200
    page = body(response)
    assert "There is a problem" in page and "<title>Error: " in page
    assert "“Decided on or after” must be a real date, for example 17/11/2021" in page
    assert "“Amount from” must be an amount in pounds, like 250000" in page
    assert "Choose a directorate from the list" in page
    assert 'href="#id_decided_from"' in page and 'value="31/02/2021"' in page  # kept as typed
    assert [d.reference for d in response.context["decisions"]] == ["COD01 19/20"]  # urgent=yes still applied


def test_a_former_decision_maker_can_still_be_filtered_by(client, cast):
    former = cast.cabinet_member  # made a decision once; does not hold the decision maker role
    mine = published(cast, 1, datetime.date(2021, 5, 1), decision_maker=former)
    published(cast, 2, datetime.date(2021, 5, 2))
    response = client.get(reverse("decisions:list"), {"decision_maker": str(former.pk)})
    assert not response.context["form"].errors
    assert [d.pk for d in response.context["decisions"]] == [mine.pk]
    nobody = client.get(reverse("decisions:list"), {"decision_maker": str(cast.officer.pk)})
    assert "Choose a decision maker from the list" in body(nobody)


def test_reversed_ranges_are_errors(client, db):
    response = client.get(
        reverse("decisions:list"),
        {"decided_from": "2021-07-01", "decided_to": "2021-06-01", "amount_min": "10", "amount_max": "5"},
    )
    page = body(response)
    assert "must be the same as or after the other date" in page
    assert "must be the same as or more than the “amount from”" in page


def test_downloads_refuse_invalid_filters_with_a_400_that_says_why(client, db):
    for name in ("decisions:download-csv", "decisions:download-json"):
        response = client.get(reverse(name), {"amount_max": "a lot"})
        assert response.status_code == 400
        assert json.loads(response.content) == {
            "errors": {"amount_max": ["“Amount up to” must be an amount in pounds, like 1000000"]}
        }


def test_filters_are_kept_in_page_links_and_download_links(client, cast):
    for n in range(1, 28):
        published(cast, n, datetime.date(2021, 4, 1) + datetime.timedelta(days=n), is_urgent=True)
    response = client.get(reverse("decisions:list"), {"urgent": "yes", "q": "Armada"})
    page = body(response)
    assert "?q=Armada&amp;urgent=yes&amp;page=2" in page
    assert "/decisions/download.csv?q=Armada&amp;urgent=yes" in page
    assert "/decisions/download.json?q=Armada&amp;urgent=yes" in page
    second = client.get(reverse("decisions:list"), {"urgent": "yes", "q": "Armada", "page": "2"})
    assert len(second.context["decisions"]) == 2
    assert "(page 2 of 2)" in body(second)


def test_an_active_filter_can_be_removed(client, cast):
    published(cast, 1, datetime.date(2021, 5, 1))
    page = body(client.get(reverse("decisions:list"), {"urgent": "no", "key_decision": "no"}))
    assert 'Remove filter<span class="govuk-visually-hidden">:</span> Urgent decision: No' in page
    assert 'href="?key_decision=no"' in page


def test_no_results_says_so_and_how_to_improve(client, cast):
    published(cast, 1, datetime.date(2021, 5, 1))
    page = body(client.get(reverse("decisions:list"), {"q": "zeppelin"}))
    assert "No decisions match “zeppelin”" in page and "removing filters" in page


def test_search_never_finds_exempt_text_or_unpublished_records(client, cast):
    published(
        cast,
        1,
        datetime.date(2021, 5, 1),
        has_exempt_information=True,
        part2_title="Pricing",
        part2_summary="The quokka tender's day rates.",
        part2_paragraphs=[3],
        part2_public_interest_reasoning="Quokka pricing would harm the next procurement.",
    )
    published(cast, 2, datetime.date(2021, 5, 2), status=Status.DECIDED, title="Quokka enclosure")
    for q in ("quokka", "Quokka enclosure"):
        response = client.get(reverse("decisions:list"), {"q": q})
        assert response.context["page"].paginator.count == 0, q


def test_search_matches_every_searched_field_and_the_reference(client, cast):
    fields = {
        "title": "Gazebo",
        "decision_to_be_taken": "gazebo",
        "reasons": "gazebo",
        "alternatives": "gazebo",
        "financial_implications": "gazebo",
    }
    for n, (field, value) in enumerate(fields.items(), start=1):
        published(cast, n, datetime.date(2021, 5, n), **{field: value})
    assert client.get(reverse("decisions:list"), {"q": "gazebo"}).context["page"].paginator.count == 5
    response = client.get(reverse("decisions:list"), {"q": "COD03"})
    assert [d.reference for d in response.context["decisions"]] == ["COD03 19/20"]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_search_stems_ranks_and_highlights(client, cast):
    weak = published(cast, 1, datetime.date(2021, 9, 1), reasons="Libraries were mentioned once.")
    strong = published(
        cast, 2, datetime.date(2021, 5, 1), title="Library opening hours", decision_to_be_taken="Open libraries later."
    )
    response = client.get(reverse("decisions:list"), {"q": "library"})
    assert [d.pk for d in response.context["decisions"]] == [strong.pk, weak.pk]  # rank beats date
    page = body(response)
    assert "<mark>Library</mark> opening hours" in page and "<mark>libraries</mark>" in page
    # websearch syntax: a phrase in quotes, "or", and a minus excludes
    assert client.get(reverse("decisions:list"), {"q": '"opening hours"'}).context["page"].paginator.count == 1
    assert client.get(reverse("decisions:list"), {"q": "library -hours"}).context["page"].paginator.count == 1


def test_search_text_with_markup_is_escaped(client, cast):
    published(cast, 1, datetime.date(2021, 5, 1), title="Play area <script>alert(1)</script> Tamar")
    page = body(client.get(reverse("decisions:list"), {"q": "Tamar"}))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_register_query_strips_websearch_syntax_for_the_plain_fallback():
    query = RegisterQuery.__new__(RegisterQuery)
    query.q = '"opening hours" or -library'
    assert query.words() == ["opening", "hours"]


# — pages and query counts ------------------------------------------------------------------------


def test_register_pages_are_numbered_and_past_the_end_shows_the_last(client, cast):
    for n in range(1, 53):
        published(cast, n, datetime.date(2021, 4, 1) + datetime.timedelta(days=n))
    response = client.get(reverse("decisions:list"), {"page": "3"})
    assert len(response.context["decisions"]) == 2
    assert client.get(reverse("decisions:list"), {"page": "99"}).context["page"].number == 3
    assert client.get(reverse("decisions:list"), {"page": "x"}).context["page"].number == 1
    page = body(client.get(reverse("decisions:list"), {"page": "2"}))
    assert 'aria-current="page"' in page and 'rel="prev"' in page and 'rel="next"' in page


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "Armada resurfacing"}, {"key_decision": "no", "urgent": "no", "amount_min": "1"}],
    ids=["first page", "search", "filtered"],
)
def test_register_queries_constant_with_3_or_40_records(client, cast, params):
    for n in range(1, 4):
        published(cast, n, datetime.date(2021, 5, n))
    url = reverse("decisions:list") + "?" + "&".join(f"{k}={v}" for k, v in params.items())
    client.get(url)
    three = queries(client, url)
    for n in range(4, 41):
        published(cast, n, datetime.date(2021, 6, 1) + datetime.timedelta(days=n))
    assert queries(client, url) == three


@pytest.mark.parametrize("name", ["decisions:download-csv", "decisions:download-json", "decisions:feed"])
def test_downloads_and_feed_queries_constant_with_3_or_40_records(client, cast, name):
    for n in range(1, 4):
        published(cast, n, datetime.date(2021, 5, n))
    three = queries(client, reverse(name))
    for n in range(4, 41):
        published(cast, n, datetime.date(2021, 6, 1) + datetime.timedelta(days=n))
    assert queries(client, reverse(name)) == three


def test_downloads_hold_every_published_record_and_no_other(client, cast):
    for n in range(1, 6):
        published(cast, n, datetime.date(2021, 5, n))
    published(cast, 6, datetime.date(2021, 5, 6), status=Status.DECIDED)
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("decisions:download-csv"))).lstrip("\ufeff"))))
    assert sorted(row["reference"] for row in rows) == [f"COD0{n} 19/20" for n in range(1, 6)]
    data = json.loads(body(client.get(reverse("decisions:download-json"))))
    assert len(data["decisions"]) == 5


def test_feed_is_newest_published_first(client, cast):
    published(cast, 1, datetime.date(2021, 5, 1))
    published(cast, 2, datetime.date(2021, 5, 9))
    root = ET.fromstring(client.get(reverse("decisions:feed")).content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles[0].startswith("COD02 19/20") and titles[1].startswith("COD01 19/20")


# — robots.txt and the sitemap ------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_staff_pages(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text or "Sitemap: " in text
    for path in ("/admin/", "/decisions/records/", "/scrutiny/"):
        assert f"Disallow: {path}" in text


def test_sitemap_lists_published_records_only(client, cast, demo):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [
        loc.text for loc in ET.fromstring(index.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    locations = []
    for section in sections:
        path = section.split("testserver", 1)[1]
        document = ET.fromstring(client.get(path).content)
        locations += [loc.text for loc in document.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/decisions/cod02-21-22/") for loc in locations)
    unpublished = Decision.objects.exclude(status=Status.PUBLISHED).exclude(reference_slug="")
    assert unpublished.exists()
    for decision in unpublished:
        assert not any(decision.reference_slug in loc for loc in locations)
    assert any("/committees/" in loc and "/reports/" in loc for loc in locations)


def test_sitemap_queries_constant(client, cast):
    for n in range(1, 4):
        published(cast, n, datetime.date(2021, 5, n))
    url = "/sitemap-decisions.xml"
    three = queries(client, url)
    for n in range(4, 41):
        published(cast, n, datetime.date(2021, 6, 1) + datetime.timedelta(days=n))
    assert queries(client, url) == three
