"""The record as a document (decisions/documents.py, council/documents.py): the PDF read back.

The demo record COD02 21/22's public PDF holds every label and value of the seed, in the form's
order, with "Page X of Y" on each page; it is tagged (A11Y-2, A11Y-4); it is rendered once on
publication and served from storage after that, with its SHA-256 on the record's pages.
Renders are slow (about a second each), so each test here renders at most once or twice.
"""

import hashlib
import html
import io
import re
from unittest import mock

import pypdf
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from council import documents as council_documents
from council import pdf_engine
from decisions import demo, documents, sections, services
from decisions.models import Appendix, Decision, Status
from records.models import FrozenRecord
from tests.decisions.factories import Cast, DecisionFactory

PAGE_FOOTER = re.compile(r"Page (\d+) of (\d+)")


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def seed(demo_loaded, settings):
    """The demo, loaded: COD02 21/22 published, with its stored public PDF."""
    settings.DEBUG = True
    return Decision.objects.get(reference=demo.SEED_REFERENCE)


def flat(text):
    """Whitespace collapsed and typographic apostrophes made plain, for comparing text."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def pdf_pages(data):
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_text(data):
    return flat(" ".join(pdf_pages(data)))


def body_text(pages):
    """The pages' text without what repeats on every page: the footer and the table headers."""
    text = " ".join(pages)
    text = re.sub(r"COD02 21/22\s+Page \d+ of \d+", " ", text)
    return flat(text.replace("No. Section Record", " "))


def html_text(response):
    main = response.content.decode().split('id="main-content"', 1)[1]
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", main)))


def stored_bytes(decision):
    with default_storage.open(decision.public_pdf.name, "rb") as handle:
        return handle.read()


def struct_types(node, seen=None):
    """Every structure type (/S) in a structure tree."""
    seen = set() if seen is None else seen
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, pypdf.generic.ArrayObject):
        for item in node:
            struct_types(item, seen)
    elif isinstance(node, pypdf.generic.DictionaryObject):
        if "/S" in node:
            seen.add(str(node["/S"]))
        if "/K" in node:
            struct_types(node["/K"], seen)
    return seen


def seed_in_form_order():
    """Every label and value of the seed form (seed 000), in the form's order."""
    label = {n: f"{n} {text}" for n, text in sections.LABELS.items()}
    s = demo.SEED
    reasons = s["reasons"].split("\n\n")
    alternatives = [line.removeprefix("- ") for line in s["alternatives"].split("\n") if line.strip()]
    return [
        sections.TITLE,
        sections.SUBTITLE,
        sections.HEADING,
        sections.REFERENCE_LABEL,
        "COD02 21/22",
        label["1"],
        s["title"],
        label["2"],
        "Alison Botham, Director of Children's Services",
        label["3"],
        "Jane Anstis, Head of Service Children's Social Work",
        label["4a"],
        s["decision_to_be_taken"],
        label["4b"],
        "N/A",
        label["4c"],
        "A general authorisation:",
        "It awards a contract or incurs expenditure that materially affects the council's finances",
        label["5"],
        *reasons,
        label["6"],
        *alternatives,
        label["7"],
        s["financial_implications"],
        label["8"],
        "Yes",
        "No",
        "Per the Constitution, a key decision is one which:",
        "in excess of £3 million",
        "in excess of £1 million",
        "two or more wards in the area of the local authority.",
        label["8b"],
        "N/A",
        label["9"],
        "Caring",
        s["plan_link"],
        label["10"],
        s["environmental_implications"],
        label["11"],
        "Yes",
        "No",
        label["12a"],
        s["urgency_reason"],
        label["12b"],
        "Councillor Jemima Laing (agreed via email)",
        "14 July 2021",
        "Education and Children's Social Care Overview and Scrutiny Committee",
        "Councillor Jemima Laing",
        label["13a"],
        label["13b"],
        "Cllr Dave Downie, Cabinet Member for Education, Skills, Children and Young People",
        label["13c"],
        "9 July 2021",
        label["14"],
        label["15"],
        "Alison Botham",
        "Director of Children's Services",
        "9 July 2021",
        label["16"],
        "Democratic Support (mandatory) DS20 21/22",
        "Finance (mandatory) djn.21.22.53",
        "Legal (mandatory) MS/36955",
        "Human Resources (if applicable) 721KAB",
        "Corporate Property (if applicable) N/A",
        "Procurement (if applicable) PB/CYP/006/ED/0721",
        label["17"],
        "A",
        demo.SEED_APPENDICES[0][1],
        "B",
        "EIA",
        label["18a"],
        label["18b"],
        "N/A",
        label["19"],
        sections.BACKGROUND_PAPERS_GUIDANCE,
        label["20"],
        demo.SEED_DECLARATION,
        "Signed electronically by Alison Botham, Director of Children's Services, on 1 July 2021",
        "1 July 2021",
        "Alison Botham, Director of Children's Services",
    ]


def squash(text):
    """No whitespace at all: a line may break after "plan/" in the PDF and not on the page."""
    return re.sub(r"\s+", "", flat(text))


def assert_in_order(text, expected):
    text, position = squash(text), 0
    for item in expected:
        found = text.find(squash(item), position)
        assert found >= 0, f"not found after position {position}: {item!r}\n…{text[position : position + 300]}…"
        position = found + len(squash(item))


# — the demo record's public PDF and page -----------------------------------------------------------


def test_demo_public_pdf_has_every_seed_label_and_value_in_the_forms_order(seed):
    pages = pdf_pages(stored_bytes(seed))
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        assert PAGE_FOOTER.findall(page) == [(str(number), str(total))], f"page {number}"
        assert "COD02 21/22" in page
    assert_in_order(body_text(pages), seed_in_form_order())


def test_demo_public_page_has_every_seed_label_and_value_in_the_forms_order(seed, client):
    response = client.get(reverse("decisions:detail", kwargs={"slug": "cod02-21-22"}))
    assert_in_order(html_text(response), seed_in_form_order())


def test_demo_public_pdf_is_tagged_with_title_language_and_metadata_A11Y_4(seed):
    reader = pypdf.PdfReader(io.BytesIO(stored_bytes(seed)))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    types = struct_types(root["/StructTreeRoot"])
    assert {"/H1", "/Table", "/TH", "/TD", "/P"} <= types, types
    meta = reader.metadata
    assert meta.title == f"COD02 21/22: {demo.SEED['title']}"
    assert meta.author == "Plymouth City Council"
    assert meta.subject == "Executive decision made by a council officer"


# — rendered once, served from storage ---------------------------------------------------------------


def test_demo_pdf_is_served_from_storage_never_rerendered(seed, client):
    url = reverse("decisions:pdf", kwargs={"slug": "cod02-21-22"})
    stored = stored_bytes(seed)
    assert seed.public_pdf_sha256 == hashlib.sha256(stored).hexdigest()
    assert seed.public_pdf_size == len(stored)
    # Every render goes through WeasyPrint: refused at that edge, so nothing is rendered again.
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=AssertionError("re-rendered")):
        first, second = client.get(url), client.get(url)
        bodies = [b"".join(r.streaming_content) for r in (first, second)]
        not_modified = client.get(url, headers={"If-None-Match": f'"{seed.public_pdf_sha256}"'})
    assert bodies[0] == bodies[1] == stored
    assert first["ETag"] == second["ETag"] == f'"{seed.public_pdf_sha256}"'
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == 'inline; filename="COD02-21-22.pdf"'
    assert "immutable" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert not_modified.status_code == 304 and not_modified["ETag"] == first["ETag"]


def test_demo_pages_show_the_stored_pdfs_sha256(seed, client, democratic_support):
    expected = f"SHA-256: {hashlib.sha256(stored_bytes(seed)).hexdigest()}"
    public = html_text(client.get(reverse("decisions:detail", kwargs={"slug": "cod02-21-22"})))
    assert expected in public
    assert "Download as PDF" in public and "(PDF, " in public
    client.force_login(democratic_support)
    staff = html_text(client.get(reverse("decisions:record", kwargs={"pk": seed.pk})))
    assert expected in staff and "Download as PDF" in staff


def test_publishing_renders_and_stores_the_public_pdf_once(cast, django_capture_on_commit_callbacks):
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(record, actor=cast.democratic_support)
    record.refresh_from_db()
    assert record.public_pdf.name == f"documents/decisions/{record.reference_slug.upper()}.pdf"
    assert record.public_pdf_sha256 == hashlib.sha256(stored_bytes(record)).hexdigest()
    assert record.public_pdf_rendered_at is not None
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=AssertionError("re-rendered")):
        documents.render_public_pdf.enqueue(record.pk)  # a second run changes nothing
    again = Decision.objects.get(pk=record.pk)
    assert (again.public_pdf.name, again.public_pdf_sha256) == (record.public_pdf.name, record.public_pdf_sha256)


def test_pdf_url_waits_for_the_worker_then_serves_its_pdf_without_rendering(cast, client):
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)  # on-commit never ran: no PDF yet
    assert not record.public_pdf_sha256
    url = reverse("decisions:pdf", kwargs={"slug": record.reference_slug})
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=AssertionError("rendered in the request")):
        assert client.get(url).status_code == 503  # the request never renders: the worker does
    documents.render_public_pdf.call(record.pk)  # the worker's run of the task publication queued
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=AssertionError("re-rendered")):
        first = b"".join(client.get(url).streaming_content)
        second = b"".join(client.get(url).streaming_content)
    assert first == second and first.startswith(b"%PDF")
    assert Decision.objects.get(pk=record.pk).public_pdf_sha256 == hashlib.sha256(first).hexdigest()


def test_pdf_url_of_unpublished_record_is_404(cast, client):
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    assert client.get(reverse("decisions:pdf", kwargs={"slug": record.reference_slug})).status_code == 404


def test_stored_pdf_fields_can_be_set_once_then_never_changed(cast):
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    record.public_pdf_size = 10  # after signing, but before a PDF is stored: allowed
    record.public_pdf_sha256 = "a" * 64
    record.save()
    record.public_pdf_sha256 = "b" * 64
    with pytest.raises(FrozenRecord):
        record.save()
    record.refresh_from_db()
    record.public_pdf_size = 11
    with pytest.raises(FrozenRecord):
        record.save()
    assert Decision.objects.get(pk=record.pk).public_pdf_sha256 == "a" * 64


# — safety --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/static/css/print.css",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "http://127.0.0.1:8000/media/documents/decisions/COD02-21-22.pdf",
        "http://127.0.0.1:8000/static/../config/settings.py",
        "http://127.0.0.1:8000/static/css/../../config/settings.py",
        "http://127.0.0.1:8000/static/css/no-such-file.css",
    ],
)
def test_fetcher_refuses_anything_but_static_files(settings, url):
    settings.SITE_URL = "http://127.0.0.1:8000"
    with pytest.raises(council_documents.FetchRefused):
        pdf_engine.static_only_fetcher(url)


def test_fetcher_serves_the_projects_static_files(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    response = pdf_engine.static_only_fetcher("http://127.0.0.1:8000/static/css/print.css")
    assert response.content_type == "text/css" and b"@page" in response.read()


def test_user_text_with_html_is_printed_as_literal_text(cast):
    tag = '<img src="http://example.com/x.png"> <b>bold</b> <script>alert(1)</script>'
    record = DecisionFactory(cast=cast, reasons=f"Before the markup. {tag} After the markup.")
    with mock.patch("weasyprint.urls.URLFetcher.open", side_effect=AssertionError("network")):
        text = pdf_text(documents.render_decision_pdf(record, public=False))
    assert flat(f"Before the markup. {tag} After the markup.") in text


def test_long_record_renders_every_page_and_its_end(cast):
    """50,000 characters in one section and 30 appendices: all of it, page by page."""
    sentence = "The managed team will take on the cases that the service cannot allocate safely today. "
    paragraphs, length = [], 0
    while length < 50_000:
        paragraph = sentence * 6
        paragraphs.append(paragraph.strip())
        length += len(paragraph) + 2
    reasons = "\n\n".join(paragraphs) + "\n\n- a list item inside the long text\n\nTHE-END-OF-THE-LONG-TEXT"
    assert len(reasons) >= 50_000
    record = DecisionFactory(cast=cast, reasons=reasons)
    refs = [chr(ord("A") + n) for n in range(26)] + ["AA", "AB", "AC", "AD"]
    Appendix.objects.bulk_create(
        Appendix(decision=record, ref=ref, title=f"Supporting paper number {n}") for n, ref in enumerate(refs, 1)
    )
    pages = pdf_pages(documents.render_decision_pdf(record, public=False, watermark=documents.WATERMARK))
    text = flat(" ".join(pages))
    assert len(pages) > 10
    assert "THE-END-OF-THE-LONG-TEXT" in text and "a list item inside the long text" in text
    assert "AD Supporting paper number 30" in text
    assert PAGE_FOOTER.findall(pages[-1])[-1] == (str(len(pages)), str(len(pages)))


# — the staff PDF: the full version, on demand ----------------------------------------------------------


def test_draft_preview_is_a_pdf_marked_draft(cast, client):
    record = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    response = client.get(reverse("decisions:record-pdf", kwargs={"pk": record.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "DRAFT" in pdf_text(response.content)
    assert "Preview as PDF" in html_text(client.get(reverse("decisions:record", kwargs={"pk": record.pk})))


def test_head_of_the_staff_pdf_answers_as_get_without_rendering_it(cast, client):
    """A HEAD (a link checker) gets a GET's headers and no body, and WeasyPrint is never started for it."""
    record = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    url = reverse("decisions:record-pdf", kwargs={"pk": record.pk})
    with mock.patch("weasyprint.HTML.write_pdf") as write_pdf:
        head = client.head(url)
    assert not write_pdf.called
    assert head.status_code == 200 and head["Content-Type"] == "application/pdf"
    assert not head.has_header("Content-Length")  # not the 0 of an empty body: a GET's length is unknown
    got = client.get(url)
    for header in ("Content-Disposition", "Cache-Control"):
        assert head[header] == got[header]
    assert got.content.startswith(b"%PDF")
    client.force_login(cast.other_officer)
    assert client.head(url).status_code == 403  # the same permission as a GET


def test_draft_preview_refused_to_those_who_may_not_see_the_record(cast, client):
    record = DecisionFactory(cast=cast)
    url = reverse("decisions:record-pdf", kwargs={"pk": record.pk})
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    client.force_login(cast.other_officer)
    assert client.get(url).status_code == 403
    client.force_login(cast.finance_reviewer)  # a first draft is the author's own
    assert client.get(url).status_code == 403


def test_decided_record_pdf_is_not_marked_draft(cast, client):
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.democratic_support)
    response = client.get(reverse("decisions:record-pdf", kwargs={"pk": record.pk}))
    text = pdf_text(response.content)
    assert "DRAFT" not in text
    assert f"Signed electronically by {record.decision_maker_name}" in text
