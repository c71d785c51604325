"""S12A-4 across everything the public can fetch: a marker planted in every exempt field of a
published decision and of a published Part II report (and their exempt appendices and background
papers), and of a Part II decision taken under special urgency in an issued reg 19 report, never
appears in any public page, search result, download, feed, API response, sitemap or PDF; nor does
the marker planted in the reasons of a call-in request still gathering names (CALL-1), beside a
called-in Part II decision whose validated call-in and outcome are public.

The test does not keep a list of public addresses to check: it crawls. From the home page,
robots.txt, the sitemap and the API's index, it follows every same-site link in every HTML, XML and
JSON response (skipping what robots.txt disallows: staff pages), so a new public page, download or
endpoint is walked as soon as something links to it. Searches for words that only the exempt text
holds are added, and it checks that the crawl reached every kind of public output.
"""

import html
import io
import json
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pypdf
import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from callin import services as callin_services
from callin.models import Outcome
from config.sitemaps import DISALLOWED
from council import roles
from decisions import documents as decision_documents
from decisions.models import Appendix, BackgroundPaper, Decision, Status
from notices import services as notice_services
from notices.models import Notice
from scrutiny import documents as report_documents
from scrutiny.models import BriefingReport, ReportAppendix
from scrutiny.models import Status as ReportStatus
from tests.conftest import built_once_per_module, held_for_the_test
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee, pdf_file
from tests.factories import UserFactory
from tests.notices.factories import general_exception_decision
from tests.scrutiny.factories import BriefingReportFactory, MeetingFactory, plant_exempt_markers
from urgent_reports import documents as urgent_documents
from urgent_reports import services as urgent_services
from urgent_reports.models import UrgentDecisionsReport

MARKER = "ZZEXEMPTMARKER"
# A word only the exempt text holds: searching for it must find nothing.
SECRET_WORD = "quokkapricing"
MAX_PAGES = 400


# The records, their PDFs and the notice take about 20 s to build: they are built once for the
# module's tests (tests/conftest.py: built_once_per_module), each test starting from them in its
# own savepoint, rolled back after it, and with its own copy of the stored files.
@built_once_per_module("_planted_once")
def _plant():
    cast = Cast()
    exempt = f"{MARKER} {SECRET_WORD}"
    decision = DecisionFactory(
        cast=cast,
        exempt=True,
        urgent=True,
        part2_summary=f"{exempt} part II summary",
        part2_public_interest_reasoning=f"{exempt} part II reasoning",
    )
    Appendix.objects.filter(decision=decision).update(public_interest_reasoning=f"{exempt} appendix reasoning")
    BackgroundPaper.objects.filter(decision=decision).update(public_interest_reasoning=f"{exempt} paper reasoning")
    exempt_appendix = Appendix.objects.get(decision=decision, ref="A")
    exempt_appendix.file.save("exempt.pdf", pdf_file(), save=False)
    Appendix.objects.filter(pk=exempt_appendix.pk).update(file=exempt_appendix.file.name)
    public_appendix = Appendix.objects.get(decision=decision, ref="B")
    public_appendix.file.save("eia.pdf", pdf_file("eia.pdf"), save=False)
    Appendix.objects.filter(pk=public_appendix.pk).update(file=public_appendix.file.name)
    # A Part II key decision taken under special urgency, in a reg 19 report issued to the Council
    # (EXEC-8): the public report's page and PDF show its public text only. Published first, so
    # the decision above stays the newest (the API's examples link it).
    urgent = DecisionFactory(
        cast=cast,
        exempt=True,
        key=True,
        plan_item=None,
        key_decision_route="special_urgency",
        scrutiny_committee=education_committee(cast),
        title="Special urgency contract award",
        part2_summary=f"{exempt} special urgency part II summary",
        part2_public_interest_reasoning=f"{exempt} special urgency part II reasoning",
    )
    urgent = decision_documents.store_public_pdf(advance(urgent, Status.PUBLISHED, cast))
    today = urgent.decided_on
    urgent_report = urgent_services.generate_report(
        actor=cast.democratic_support, period_from=today.replace(day=1), period_to=today
    )
    assert list(urgent_report.decisions.all()) == [urgent]
    urgent_services.issue_report(urgent_documents.PDF.store(urgent_report), actor=cast.democratic_support)
    # CALL-1 (published before `decision`, which stays the newest): a called-in Part II decision,
    # through the services: requested with two colleagues' names, validated, scheduled and referred
    # back with the committee's concerns. Its page, the register's "called in" filter, the
    # downloads, the feed and the API show the call-in, never the decision's exempt text; and a
    # request still gathering names (its reasons hold the marker) is not public at all.
    called_in_decision = _called_in(cast, exempt)
    assert called_in_decision.call_in_state == "referred_back"
    decision = advance(decision, Status.PUBLISHED)

    # A published Part II report: everything but its title is exempt.
    report = BriefingReportFactory(cast=cast, part_2=True, state=ReportStatus.APPROVED)
    report.decisions.add(decision)
    plant_exempt_markers(report, exempt)
    BriefingReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.PUBLISHED, published_at=report.updated_at, agenda_position=1
    )
    # A Part I report with an exempt appendix.
    part1 = BriefingReportFactory(cast=cast, state=ReportStatus.PUBLISHED)
    ReportAppendix.objects.bulk_create(  # bulk: the published report refuses new children otherwise
        [ReportAppendix(report=part1, ref="C", title="Prices", exempt_paragraphs=[3], public_interest_reasoning=exempt)]
    )
    # A Part II key decision on the general exception route, its notice and reasons published (EXEC-6):
    # the notice's page shows the matter and the reasons, never the decision's exempt text.
    notice = notice_services.give_general_exception_notice(
        general_exception_decision(
            cast=cast,
            exempt=True,
            part2_summary=f"{exempt} notice's part II summary",
            part2_public_interest_reasoning=f"{exempt} notice's part II reasoning",
        ),
        actor=cast.democratic_support,
        reasons="The grant offer closes before 28 clear days' notice can run.",
    )
    notice_services.publish_reasons(notice, actor=cast.democratic_support, reasons=notice.reasons)
    # A draft holds the marker everywhere: it must not be reachable at all.
    DecisionFactory(cast=cast, title=f"{exempt} draft", reasons=exempt)
    # The worker's render, queued on publication: the public PDFs are crawled for the marker too.
    decision_documents.store_public_pdf(decision)
    for published in (report, part1):
        report_documents.store_public_pdf(published)
    assert MARKER in Decision.objects.get(pk=decision.pk).part2_summary
    return decision.pk, report.pk


@pytest.fixture
def planted(request, _planted_once, db):
    decision_pk, report_pk = held_for_the_test(request, _planted_once)
    return Decision.objects.get(pk=decision_pk), BriefingReport.objects.get(pk=report_pk)


def _called_in(cast, exempt):
    committee = education_committee(cast)
    councillors = [UserFactory(username=f"crawl-councillor-{n}", roles=[roles.COUNCILLOR]) for n in range(3)]
    committee.members.add(*councillors)
    called = DecisionFactory(
        cast=cast,
        exempt=True,
        scrutiny_committee=committee,
        title="Called-in sale of the depot",
        part2_summary=f"{exempt} called-in part II summary",
        part2_public_interest_reasoning=f"{exempt} called-in part II reasoning",
    )
    called = decision_documents.store_public_pdf(advance(called, Status.PUBLISHED, cast))
    request = callin_services.request_call_in(called, actor=councillors[0], reasons="The valuation is two years old.")
    for councillor in councillors[1:]:
        callin_services.add_name(request, actor=councillor)
    request.refresh_from_db()
    callin_services.validate(request, actor=cast.democratic_support)
    callin_services.schedule(request, actor=cast.democratic_support, meeting=MeetingFactory(committee=committee))
    callin_services.record_outcome(
        request,
        actor=cast.democratic_support,
        outcome=Outcome.REFERRED_BACK,
        on=timezone.localdate(),
        concerns="The committee asks for a new valuation.",
    )
    gathering = advance(DecisionFactory(cast=cast, scrutiny_committee=committee), Status.PUBLISHED, cast)
    decision_documents.store_public_pdf(gathering)
    callin_services.request_call_in(gathering, actor=councillors[0], reasons=f"{exempt} not yet validated")
    return Decision.objects.get(pk=called.pk)


def _content(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _links(url, content_type, data):
    """Same-site addresses in a response: HTML/XML attributes and text, JSON string values."""
    found = []
    if content_type.startswith("application/json") or content_type.startswith("application/vnd.oai"):
        text = data.decode("utf-8")
        found = re.findall(r'"(https?://[^"\s]+|/[^"\s]*)"', text)
    elif "html" in content_type or "xml" in content_type:
        text = data.decode("utf-8")
        found = [html.unescape(h) for h in re.findall(r'(?:href|src)="([^"]+)"', text)]
        found += re.findall(r"<loc>([^<]+)</loc>", text)
    elif content_type.startswith("text/plain"):
        found = re.findall(r"(https?://\S+)", data.decode("utf-8"))
    hosts = {"testserver", urlsplit(settings.SITE_URL).netloc}
    paths = []
    for link in found:
        if "{" in link:  # a URL template (OpenAPI paths), not an address
            continue
        absolute = urljoin(f"http://testserver{url}", link)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc not in hosts:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/static/") or any(path.startswith(prefix) for prefix in DISALLOWED):
            continue
        paths.append(path)
    return paths


def _pdf_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return text + repr(dict(reader.metadata or {}))


def crawl(client, starts):
    seen, queue, kinds = set(), deque(starts), set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        data = _content(response)
        content_type = response.get("Content-Type", "")
        kinds.add(content_type.split(";")[0])
        assert MARKER.encode() not in data, f"the exempt marker is in {url}"
        if SECRET_WORD not in url:  # a search page repeats the words searched for
            assert SECRET_WORD.encode() not in data, f"exempt text is in {url}"
        if content_type.startswith("application/pdf") and url.endswith("/pdf/"):  # our PDFs, not uploads
            assert MARKER not in _pdf_text(data), f"the exempt marker is in the PDF at {url}"
        queue.extend(link for link in _links(url, content_type, data) if link not in seen)
    return seen, kinds


def test_no_exempt_text_reaches_anything_public(client, planted):
    decision, report = planted
    starts = ["/", "/robots.txt", "/sitemap.xml", reverse("decisions:list")]
    starts += [reverse("decisions:list") + f"?q={SECRET_WORD}"]
    starts += [reverse("decisions:download-csv") + f"?q={SECRET_WORD}"]
    starts += [
        reverse("decisions:list") + "?call_in=called_in",
        reverse("decisions:download-csv") + "?call_in=called_in",
    ]
    called = Decision.objects.get(title="Called-in sale of the depot").reference_slug
    if "api" in settings.INSTALLED_APPS:
        starts += ["/api/", "/api/v1/", f"/api/v1/decisions/?q={SECRET_WORD}", "/api/v1/decisions/?call_in=called_in"]
        starts += [f"/api/v1/decisions/{called}/"]  # its validated call-in, the outcome and the concerns
    seen, kinds = crawl(client, starts)

    # The crawl reached every kind of public output (so this test fails if links disappear).
    slug = decision.reference_slug
    expected = [
        f"/decisions/{slug}/",
        f"/decisions/{slug}/pdf/",
        f"/decisions/{slug}/appendices/B/",
        "/decisions/download.csv",
        "/decisions/download.json",
        "/decisions/feed.atom",
        f"/committees/{report.committee.slug}/feed.atom",
        f"/committees/{report.committee.slug}/reports/{report.pk}/",
        f"/committees/{report.committee.slug}/meetings/{report.meeting_id}/",
        "/sitemap-decisions.xml",
        "/sitemap-reports.xml",
        "/notices/",
        f"/notices/{Notice.objects.get().pk}/",
        "/sitemap-notices.xml",
        "/urgent-decisions/",
        "/sitemap-urgent-decisions.xml",
    ]
    urgent_report = UrgentDecisionsReport.objects.get()
    expected += [f"/urgent-decisions/{urgent_report.pk}/", f"/urgent-decisions/{urgent_report.pk}/pdf/"]
    if "api" in settings.INSTALLED_APPS:
        expected += [
            "/api/v1/openapi.json",
            f"/api/v1/decisions/{slug}/",
            f"/api/v1/reports/{report.pk}/",
        ]
    expected += [f"/decisions/{called}/", f"/decisions/{called}/pdf/"]
    for path in expected:
        assert path in seen, f"the crawl never reached {path}"
    assert f"/decisions/{slug}/appendices/A/" not in seen  # the exempt appendix is never linked

    # Searching for words only the exempt text holds finds nothing, on the page, the download and the API.
    cache.clear()  # the crawl's answers are in the page cache; this asks the view itself for its context
    assert client.get(reverse("decisions:list"), {"q": SECRET_WORD}).context["page"].paginator.count == 0
    rows = _content(client.get(reverse("decisions:download-csv"), {"q": SECRET_WORD})).decode().strip().splitlines()
    assert len(rows) == 1  # the header alone
    if "api" in settings.INSTALLED_APPS:
        assert json.loads(client.get("/api/v1/decisions/", {"q": SECRET_WORD}).content)["count"] == 0
    assert {"text/html", "text/csv", "application/json", "application/atom+xml", "application/pdf"} <= kinds


def test_every_public_address_answers_head_as_it_answers_get(client, planted):
    """Every address the public crawl reaches (pages, downloads, feeds, PDFs, API, sitemaps) answers
    HEAD with GET's status and content type, and no body."""
    decision, _ = planted
    seen, _ = crawl(client, ["/", "/robots.txt", "/sitemap.xml", "/api/v1/"])
    assert f"/decisions/{decision.reference_slug}/pdf/" in seen
    for url in sorted(seen):
        got, head = client.get(url), client.head(url)
        assert (head.status_code, head.get("Content-Type")) == (got.status_code, got.get("Content-Type")), url
        assert not _content(head), url


def test_the_crawl_would_catch_a_leak(client, planted):
    """The check above can fail: the search page repeats the words searched for, marker and all."""
    with pytest.raises(AssertionError, match="exempt marker"):
        crawl(client, [reverse("decisions:list") + f"?q={MARKER}"])


def test_links_are_found_in_json_and_xml():
    assert _links("/api/", "application/json", json.dumps({"next": "http://testserver/api/v1/x/"}).encode()) == [
        "/api/v1/x/"
    ]
    assert _links("/s.xml", "application/xml", b"<loc>http://testserver/a/</loc>") == ["/a/"]
    assert _links("/", "text/html", b'<a href="/admin/">x</a><a href="?page=2">y</a>') == ["/?page=2"]
