"""The briefing report as a document (scrutiny/documents.py over council/documents.py): the PDF read back.

The demo report "Innovate Team CYPFS" (seed 003) has a stored public PDF holding every heading and
value of the seed in the council's order; it is tagged, with a title and language; it is rendered
once on publication and served from storage after that, with its SHA-256 as the ETag.
"""

import io
import re

import pypdf
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from scrutiny import demo, documents
from scrutiny.models import BriefingReport, FrozenReport, Status
from tests.decisions.factories import Cast
from tests.decisions.test_documents import assert_in_order, flat, struct_types
from tests.scrutiny.factories import BriefingReportFactory


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed(demo_loaded, settings):
    """The demo, loaded: the seed report published, with its stored public PDF."""
    settings.DEBUG = True
    return BriefingReport.objects.select_related("committee", "meeting").get(title=demo.SEED_TITLE)


def stored_bytes(report):
    with default_storage.open(report.public_pdf.name, "rb") as handle:
        return handle.read()


def pdf_pages(data):
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def seed_in_order():
    """Every heading and value of seed 003, in the report's order."""
    s = demo.SEED
    expected = [
        "Education and Children's Social Care Overview and Scrutiny Committee",
        "Date of meeting:",
        "17 November 2021",
        "Title of Report:",
        "Innovate Team CYPFS",
        "Lead Member:",
        "Councillor David Downie",
        "Lead Strategic Director:",
        "Alison Botham (Director for Childrens Services)",
        "Author:",
        "Jean Kelly",
        "Contact Email:",
        "Jean.kelly@plymouth.gov.uk",
        "Your Reference:",
        "InnovateJK01112021",
        "Key Decision:",
        "No",
        "Confidentiality:",
        "Part I - Official",
    ]
    for field, heading in documents.FIXED_SECTIONS:
        expected += [heading, s[field]]
    for heading, _level, body in demo.SECTIONS:
        expected.append(heading)
        for chunk in body.split("\n"):
            if chunk.strip():
                expected.append(re.sub(r"^\d+\. ", "", chunk.strip()))
    expected += [
        "Jean Kelly",
        "Service Director",
        "Appendices",
        "Ref.",
        "Title of Appendix",
        "Exemption Paragraph Number (if applicable)",
        "1 2 3 4 5 6 7",
        "A",
        "Briefing report title",
        "B",
        "Equalities Impact Assessment (if applicable)",
        "Background papers:",
        documents.BACKGROUND_PAPERS_GUIDANCE,
        "Title of any background paper(s)",
        "Sign off:",
        "Fin",
        "Leg",
        "Mon Off",
        "HR",
        "Assets",
        "Strat Proc",
        "djn.21.22.152",
        "LS/37600/AC/5/11/21",
        "Originating Senior Leadership Team member:",
        "Jean Kelly",
        "Please confirm the Strategic Director(s) has agreed the report?",
        "Yes",
        "Date agreed:",
        "04/11/2021",
        "Cabinet Member approval:",
        "Cllr Dave Downie – approved by email",
        "Date approved:",
        "04/11/2021",
    ]
    return expected


def body_text(pages, report):
    text = " ".join(pages)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    return flat(text)


def test_demo_pdf_has_every_seed_heading_and_value_in_order(seed):
    assert seed.public_pdf_sha256, "the demo stores the seed report's public PDF"
    pages = pdf_pages(stored_bytes(seed))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert_in_order(body_text(pages, seed), seed_in_order())


def test_demo_html_page_has_every_seed_heading_and_value_in_order(seed, client):
    import html as html_lib

    response = client.get(reverse("committees:report", kwargs={"slug": seed.committee.slug, "pk": seed.pk}))
    main = response.content.decode().split('id="main-content"', 1)[1]
    text = flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", main)))
    # The grid's column headings read "Paragraph 1" … to a screen reader, not "1 2 3 …".
    assert_in_order(text, [item for item in seed_in_order() if item != "1 2 3 4 5 6 7"])


def test_demo_pdf_is_tagged_with_title_and_language(seed):
    reader = pypdf.PdfReader(io.BytesIO(stored_bytes(seed)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    types = struct_types(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3", "/Table", "/P"} <= types
    assert reader.metadata.title == documents.pdf_title(seed)
    assert reader.metadata.title.startswith("Innovate Team CYPFS – Education and Children")
    assert reader.metadata.author == "Plymouth City Council"
    assert reader.metadata.subject == documents.SUBJECT


def test_demo_pdf_is_served_from_storage_with_etag(seed, client, monkeypatch):
    url = reverse("committees:report-pdf", kwargs={"slug": seed.committee.slug, "pk": seed.pk})

    def refuse(*args, **kwargs):
        raise AssertionError("a stored PDF is never rendered again")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", refuse)  # every render goes through WeasyPrint
    first = client.get(url)
    body = b"".join(first.streaming_content)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert body == stored_bytes(seed)
    assert first["ETag"] == f'"{seed.public_pdf_sha256}"'
    assert 'filename="Innovate-Team-CYPFS-2021-11-17.pdf"' in first["Content-Disposition"]
    not_modified = client.get(url, headers={"If-None-Match": f'"{seed.public_pdf_sha256}"'})
    assert not_modified.status_code == 304


def test_publishing_renders_and_stores_the_public_pdf_once(db, django_capture_on_commit_callbacks):
    cast = Cast()
    report = BriefingReportFactory(cast=cast, state=Status.APPROVED)
    from scrutiny import services

    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report, actor=cast.democratic_support)
    report.refresh_from_db()
    assert report.public_pdf_sha256 and report.public_pdf_size
    digest, name = report.public_pdf_sha256, report.public_pdf.name
    documents.render_public_pdf.enqueue(report.pk)  # a second run changes nothing
    report.refresh_from_db()
    assert (report.public_pdf_sha256, report.public_pdf.name) == (digest, name)
    import hashlib

    assert hashlib.sha256(stored_bytes(report)).hexdigest() == digest
    report.public_pdf_sha256 = "0" * 64
    with pytest.raises(FrozenReport):
        report.save()


def test_full_version_is_marked_and_watermarked(db):
    report = BriefingReportFactory()
    text = flat(" ".join(pdf_pages(documents.render_report_pdf(report, public=False, watermark="DRAFT"))))
    assert "DRAFT" in text and "full version" in text and report.title in text
