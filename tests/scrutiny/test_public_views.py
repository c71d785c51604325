"""The public committee pages: committees, meetings, agendas, published reports and their PDFs.

No exempt text reaches the public: a marker planted in every exempt field of a published Part II
report (and in the exempt appendix and paper of a Part I report) is on no public page or PDF.
"""

import datetime
import io

import pypdf
import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import Status as DecisionStatus
from scrutiny import documents
from scrutiny.models import BriefingReport, ReportAppendix, Status
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory, plant_exempt_markers

MARKER = "ZZ-SCRUTINY-EXEMPT-7c1e"


@pytest.fixture
def cast(db):
    return Cast()


def _url(name, report):
    return reverse(name, kwargs={"slug": report.committee.slug, "pk": report.pk})


def test_committee_list_and_committee_page(client, cast):
    meeting = MeetingFactory(venue="Warspite Room")
    response = client.get(reverse("committees:list"))
    assert response.status_code == 200
    assert "Education and Children" in response.content.decode()
    page = client.get(reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE})).content.decode()
    assert (
        "Warspite Room" in page
        and reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": meeting.pk}) in page
    )


def test_agenda_lists_published_reports_in_order_not_drafts(client, cast):
    meeting = MeetingFactory()
    first = BriefingReportFactory(cast=cast, meeting=meeting, title="First item", state=Status.PUBLISHED)
    second = BriefingReportFactory(cast=cast, meeting=meeting, title="Second item", state=Status.PUBLISHED)
    BriefingReportFactory(cast=cast, meeting=meeting, title="Draft item")
    page = client.get(reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": meeting.pk}))
    body = page.content.decode()
    assert body.index("First item") < body.index("Second item")
    assert "Draft item" not in body
    for report in (first, second):
        assert _url("committees:report", report) in body and _url("committees:report-pdf", report) in body


def test_report_page_shows_pdf_link_size_and_hash(client, cast):
    report = BriefingReportFactory(cast=cast, state=Status.PUBLISHED)
    documents.store_public_pdf(report)
    report.refresh_from_db()
    body = client.get(_url("committees:report", report)).content.decode()
    assert report.public_pdf_sha256 in body and _url("committees:report-pdf", report) in body
    assert "Purpose of Report" in body and "Sign off:" in body


@pytest.mark.parametrize("state", [Status.DRAFT, Status.APPROVED, Status.WITHDRAWN])
def test_unpublished_report_is_404_like_unknown(client, cast, state, democratic_support):
    report = BriefingReportFactory(cast=cast, state=state)
    client.force_login(democratic_support)
    for name in ("committees:report", "committees:report-pdf"):
        assert client.get(_url(name, report)).status_code == 404
        assert client.get(reverse(name, kwargs={"slug": EDUCATION_COMMITTEE, "pk": 999999})).status_code == 404


def test_report_under_the_wrong_committee_or_unknown_committee_is_404(client, cast):
    report = BriefingReportFactory(cast=cast, state=Status.PUBLISHED)
    assert client.get(reverse("committees:report", kwargs={"slug": "nope", "pk": report.pk})).status_code == 404
    assert client.get(reverse("committees:committee", kwargs={"slug": "nope"})).status_code == 404
    assert (
        client.get(reverse("committees:meeting", kwargs={"slug": "nope", "pk": report.meeting_id})).status_code == 404
    )


def _queries(client, url):
    cache.clear()  # the queries of rendering the page, not of a page-cache hit (one query)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_agenda_and_committee_queries_do_not_grow_with_rows(client, cast):
    few = MeetingFactory()
    BriefingReportFactory(cast=cast, meeting=few, state=Status.PUBLISHED)
    many = MeetingFactory()
    for _ in range(4):
        BriefingReportFactory(cast=cast, meeting=many, state=Status.PUBLISHED)
    BriefingReportFactory(cast=cast, meeting=many, part_2=True, state=Status.PUBLISHED)
    agenda = lambda m: reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": m.pk})  # noqa: E731
    assert _queries(client, agenda(few)) == _queries(client, agenda(many))
    committee = reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE})
    before = _queries(client, committee)
    for _ in range(5):
        MeetingFactory()
    assert _queries(client, committee) == before
    assert _queries(client, reverse("committees:list")) == _queries(client, reverse("committees:list"))


def test_report_page_queries_do_not_grow_with_sections(client, cast):
    small = BriefingReportFactory(cast=cast, state=Status.PUBLISHED)
    big = BriefingReportFactory(
        cast=cast, sections=[(f"Heading {n}", f"Text {n}") for n in range(12)], state=Status.PUBLISHED
    )
    assert _queries(client, _url("committees:report", small)) == _queries(client, _url("committees:report", big))


def _pdf_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() or "" for page in reader.pages), reader


def test_exempt_marker_appears_in_no_public_page_or_pdf_of_a_part_2_report(client, cast):
    decision = DecisionFactory(cast=cast, state=DecisionStatus.PUBLISHED)
    report = BriefingReportFactory(cast=cast, part_2=True, state=Status.APPROVED)
    report.decisions.add(decision)
    plant_exempt_markers(report, MARKER)
    BriefingReport.objects.filter(pk=report.pk).update(
        status=Status.PUBLISHED, published_at=report.updated_at, agenda_position=1
    )
    report.refresh_from_db()
    report = documents.store_public_pdf(report)  # the worker's render, queued on publication
    assert report.is_public and report.is_part_2
    urls = [
        reverse("committees:list"),
        reverse("committees:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        reverse("committees:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.meeting_id}),
        _url("committees:report", report),
        reverse("decisions:detail", kwargs={"slug": decision.reference_slug}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER.encode() not in response.content, url
    # The title and the exemption text are shown, and nothing more.
    agenda = client.get(urls[2]).content.decode()
    assert report.title in agenda and report.part2_not_for_publication in agenda
    assert _url("committees:report-pdf", report) not in agenda
    pdf = client.get(_url("committees:report-pdf", report))
    data = b"".join(pdf.streaming_content)
    text, reader = _pdf_text(data)
    assert report.title in text.replace("\n", " ")
    assert MARKER not in text and MARKER not in repr(dict(reader.metadata))
    assert MARKER.encode() not in data
    with default_storage.open(BriefingReport.objects.get(pk=report.pk).public_pdf.name, "rb") as handle:
        assert handle.read() == data


def test_exempt_appendix_and_paper_of_a_part_1_report_show_only_title_and_exemption(client, cast):
    report = BriefingReportFactory(cast=cast, state=Status.APPROVED)
    ReportAppendix.objects.bulk_create(
        [
            ReportAppendix(
                report=report,
                ref="C",
                title="Pricing schedule",
                exempt_paragraphs=[3],
                public_interest_reasoning=f"{MARKER} appendix reasoning",
            )
        ]
    )
    BriefingReport.objects.filter(pk=report.pk).update(
        status=Status.PUBLISHED, published_at=report.updated_at, agenda_position=1
    )
    body = client.get(_url("committees:report", report)).content.decode()
    assert "Pricing schedule" in body and "Not for publication by virtue of paragraph 3" in body
    assert MARKER not in body
    text, _ = _pdf_text(documents.render_report_pdf(report, public=True))
    assert MARKER not in text
    full, _ = _pdf_text(documents.render_report_pdf(report, public=False))
    assert MARKER in full.replace("\n", " ")  # the marker would be found, were it in the public version


def test_published_decision_lists_its_published_reports(client, cast):
    decision = DecisionFactory(cast=cast, state=DecisionStatus.PUBLISHED)
    published = BriefingReportFactory(cast=cast, title="Published scrutiny report", state=Status.PUBLISHED)
    draft = BriefingReportFactory(cast=cast, title="Draft scrutiny report")
    published.decisions.add(decision)
    draft.decisions.add(decision)
    body = client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})).content.decode()
    assert "Scrutiny reports about this decision" in body
    assert "Published scrutiny report" in body and _url("committees:report", published) in body
    assert "Draft scrutiny report" not in body


def test_decision_page_part_2_report_shows_its_title_and_exemption_not_a_link(client, cast):
    """S12A-4: a Part II report about a decision is named with its exemption; its page is not linked."""
    decision = DecisionFactory(cast=cast, state=DecisionStatus.PUBLISHED)
    report = BriefingReportFactory(cast=cast, part_2=True, title="Provider pricing review", state=Status.PUBLISHED)
    report.decisions.add(decision)
    body = client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})).content.decode()
    assert f"Provider pricing review: {report.part2_not_for_publication}" in body
    assert _url("committees:report", report) not in body


def test_decision_public_template_reaches_into_no_other_app():
    """Layering: the decision's public page is given the reports about it; it never reads scrutiny's models."""
    from pathlib import Path

    from django.conf import settings

    template = Path(settings.BASE_DIR, "templates", "decisions", "public", "detail.html").read_text()
    assert "scrutiny" not in template and "committees:" not in template


def _report_with_appendices(cast):
    from tests.decisions.factories import pdf_file
    from tests.scrutiny.factories import BriefingReportFactory

    report = BriefingReportFactory()
    report.appendices.create(
        ref="A",
        title="Caseload figures",
        file=pdf_file("caseloads.pdf"),
        original_filename="caseloads.pdf",
        content_type="application/pdf",
    )
    report.appendices.create(
        ref="B",
        title="Provider pricing",
        file=pdf_file("pricing.pdf"),
        original_filename="pricing.pdf",
        exempt_paragraphs=[3],
        public_interest_reasoning="Commercially sensitive.",
        exemption_review_on=datetime.date(2030, 1, 1),
    )
    return report


def test_public_downloads_a_non_exempt_appendix_of_a_published_report_S12A_4(client, cast):
    from tests.scrutiny.factories import advance

    report = advance(_report_with_appendices(cast), to=Status.PUBLISHED)
    page = client.get(f"/committees/{report.committee.slug}/reports/{report.pk}/").content.decode()
    assert f"/committees/{report.committee.slug}/reports/{report.pk}/appendices/A/" in page
    assert "/appendices/B/" not in page  # exempt: listed by title, never linked
    response = client.get(f"/committees/{report.committee.slug}/reports/{report.pk}/appendices/A/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="caseloads.pdf"'
    assert client.get(f"/committees/{report.committee.slug}/reports/{report.pk}/appendices/B/").status_code == 404


def test_public_cannot_download_appendices_of_an_unpublished_report(client, cast):
    report = _report_with_appendices(cast)
    assert client.get(f"/committees/{report.committee.slug}/reports/{report.pk}/appendices/A/").status_code == 404


def test_staff_who_may_see_the_report_download_any_appendix(client, cast):
    report = _report_with_appendices(cast)
    exempt = report.appendices.get(ref="B")
    client.force_login(report.author)
    response = client.get(f"/scrutiny/reports/{report.pk}/appendices/{exempt.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="pricing.pdf"'
    client.force_login(cast.other_officer)
    assert client.get(f"/scrutiny/reports/{report.pk}/appendices/{exempt.pk}/file/").status_code == 403
