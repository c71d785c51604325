"""The public register (decisions/views/public.py): list, detail and appendices, with no exempt
information anywhere (S12A-4, EXEC-14), and the same 404 for unknown and unpublished records."""

import datetime
import html
import io
import re

import pypdf
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import pagecache
from decisions import documents, sections
from decisions.models import Appendix, BackgroundPaper, Decision, Status, today
from tests.decisions.factories import Cast, DecisionFactory, pdf_file  # noqa: F401

MARKER = "ZZ-EXEMPT-MARKER-7f3a"


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    """Cheap password hashing for the many personas; uploads in a temporary directory."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast(db):
    return Cast()


def text(response):
    return html.unescape(response.content.decode())


def without_nonce(response):
    return re.sub(rb'nonce="[^"]*"', b"", response.content)


def detail_url(decision):
    return reverse("decisions:detail", kwargs={"slug": decision.reference_slug})


def quick_published(cast, n, decided_on):
    """A published record made without the services (for volume): children first, then the status."""
    d = DecisionFactory(cast=cast, title=f"Published decision number {n}")
    Decision._base_manager.filter(pk=d.pk).update(
        status=Status.PUBLISHED,
        reference=f"COD{n:02d} 21/22",
        reference_slug=f"cod{n:02d}-21-22",
        decided_on=decided_on,
        decision_maker_name="Dana Director",
        decision_maker_job_title="Director",
    )
    pagecache.bump()  # the update skips the signals: make the public pages stale as publishing does
    return Decision.objects.get(pk=d.pk)


@pytest.fixture
def published(cast):
    return DecisionFactory(
        cast=cast,
        urgent=True,
        exempt=True,
        consulted=True,
        applicable=["human-resources"],
        state=Status.PUBLISHED,
    )


# — the register ---------------------------------------------------------------------------------


def test_list_shows_published_newest_first_and_not_drafts(client, cast):
    older = quick_published(cast, 1, datetime.date(2021, 7, 1))
    newer = quick_published(cast, 2, datetime.date(2021, 8, 1))
    draft = DecisionFactory(cast=cast, title="A draft nobody should see")
    body = text(client.get(reverse("decisions:list")))
    assert body.index(newer.title) < body.index(older.title)
    assert draft.title not in body
    assert "1 August 2021" in body and "Dana Director" in body


def test_list_paginates_25_per_page(client, cast):
    for n in range(1, 31):
        quick_published(cast, n, datetime.date(2021, 4, 1) + datetime.timedelta(days=n))
    first = text(client.get(reverse("decisions:list")))
    assert first.count('class="app-result"') == 25
    assert 'class="govuk-pagination"' in first
    second = text(client.get(reverse("decisions:list"), {"page": 2}))
    assert second.count('class="app-result"') == 5
    assert "page 2 of 2" in second


def _queries(client, path):
    cache.clear()  # the queries of rendering the page, not of a page-cache hit (one query)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_list_queries_constant_with_3_or_30_records(client, cast, django_assert_num_queries):
    for n in range(1, 4):
        quick_published(cast, n, datetime.date(2021, 5, n))
    client.get(reverse("decisions:list"))
    three = _queries(client, reverse("decisions:list"))
    for n in range(4, 31):
        quick_published(cast, n, datetime.date(2021, 6, 1) + datetime.timedelta(days=n))
    with django_assert_num_queries(three):
        client.get(reverse("decisions:list"))


def test_list_shows_key_and_urgent_tags(client, cast, published):
    body = text(client.get(reverse("decisions:list")))
    assert "Urgent" in body
    assert published.title in body


# — the public record ----------------------------------------------------------------------------


def test_detail_shows_every_section_label_and_value(client, published):
    body = text(client.get(detail_url(published)))
    for number, label in sections.LABELS.items():
        assert label in body, f"section {number} label missing"
    d = published
    for value in [
        d.title,
        d.decision_maker_name,
        d.author_name,
        "To direct award a contract for services to Innovate",
        "Demand for children's social work is 25% higher",
        "Permanent recruitment: too slow.",
        "£491k from revenue funding",
        "Caring",
        "There are no environmental impacts",
        d.urgency_reason,
        "Councillor Jemima Laing (agreed in this system)",
        "Education and Children’s Social Care Overview and Scrutiny Committee",
        "Cllr Dave Downie, Cabinet Member for Education, Skills, Children and Young People",
        "Democratic Support (mandatory)",
        "Finance (mandatory)",
        "Legal (mandatory)",
        "Human Resources (if applicable)",
        "Corporate Property (if applicable)",
        "Procurement (if applicable)",
        "Business case (commercial)",
        "Equality impact assessment",
        d.part2_title,
        "Provider's tender pricing",
        "I agree the decision and confirm",
        f"Signed electronically by {d.decision_maker_name}",
        d.decided_on.strftime("%-d %B %Y"),
        "exempt from call-in",
        "in excess of £3 million",
        "in excess of £1 million",
    ]:
        assert value in body, value
    for sign_off in d.sign_offs.all():
        assert sign_off.code in body
    assert "N/A" in body  # Corporate Property, Procurement: not applicable
    assert "Awaiting sign-off" not in body and "Out of date" not in body


def test_detail_not_published_is_404_like_unknown(client, cast):
    unknown = client.get(reverse("decisions:detail", kwargs={"slug": "cod99-21-22"}))
    assert unknown.status_code == 404
    for state in (Status.IN_SIGN_OFF, Status.DECIDED):
        record = DecisionFactory(cast=cast, state=state)
        response = client.get(detail_url(record))
        assert response.status_code == 404
        assert without_nonce(response) == without_nonce(unknown)


def test_detail_404_even_for_signed_in_staff(client, cast):
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.democratic_support)
    assert client.get(detail_url(record)).status_code == 404


def test_detail_queries_do_not_grow_with_children(client, cast):
    plain = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    busy = DecisionFactory(cast=cast, urgent=True, exempt=True, consulted=True, state=Status.PUBLISHED)
    client.get(detail_url(plain))
    assert _queries(client, detail_url(busy)) == _queries(client, detail_url(plain))


# — appendices -----------------------------------------------------------------------------------


def test_appendix_public_file_downloads_with_its_name(client, cast):
    record = DecisionFactory(cast=cast)
    Appendix.objects.create(
        decision=record,
        ref="C",
        title="Business case",
        file=pdf_file("case.pdf"),
        original_filename="Business case.pdf",
        content_type="application/pdf",
    )
    from tests.decisions.factories import advance

    record = advance(record, Status.PUBLISHED)
    response = client.get(reverse("decisions:public-appendix", kwargs={"slug": record.reference_slug, "ref": "C"}))
    assert response.status_code == 200
    assert 'attachment; filename="Business case.pdf"' in response["Content-Disposition"]
    assert b"%PDF" in b"".join(response.streaming_content)
    assert f"/decisions/{record.reference_slug}/appendices/C/" in text(client.get(detail_url(record)))


def test_appendix_exempt_or_unpublished_is_404(client, cast, published):
    exempt = reverse("decisions:public-appendix", kwargs={"slug": published.reference_slug, "ref": "A"})
    assert client.get(exempt).status_code == 404
    draft = DecisionFactory(cast=cast, exempt=True, state=Status.DECIDED)
    Appendix._base_manager.filter(decision=draft).update(exempt_paragraphs=[])
    hidden = reverse("decisions:public-appendix", kwargs={"slug": draft.reference_slug, "ref": "A"})
    assert client.get(hidden).status_code == 404


# — S12A-4: no exempt information anywhere public ------------------------------------------------


def test_exempt_marker_appears_in_no_public_response(client, cast):
    """S12A-4: a marker in every exempt field of a published record reaches no public page."""
    record = DecisionFactory(
        cast=cast,
        exempt=True,
        part2_summary=f"{MARKER} part II summary",
        part2_public_interest_reasoning=f"{MARKER} part II reasoning",
    )
    Appendix._base_manager.filter(decision=record).update(public_interest_reasoning=f"{MARKER} appendix reasoning")
    BackgroundPaper._base_manager.filter(decision=record).update(public_interest_reasoning=f"{MARKER} paper reasoning")
    appendix = Appendix.objects.get(decision=record, ref="A")
    appendix.file.save("exempt.pdf", pdf_file(), save=False)
    Appendix._base_manager.filter(pk=appendix.pk).update(file=appendix.file.name)
    from tests.decisions.factories import advance

    record = advance(record, Status.PUBLISHED)
    record = documents.store_public_pdf(record)  # the worker's render, queued on publication
    assert MARKER in (record.part2_summary + record.part2_public_interest_reasoning)

    responses = [
        client.get(reverse("decisions:list")),
        client.get(detail_url(record)),
        *[
            client.get(reverse("decisions:public-appendix", kwargs={"slug": record.reference_slug, "ref": a.ref}))
            for a in record.appendices.all()
        ],
        client.get(reverse("decisions:pdf", kwargs={"slug": record.reference_slug})),
    ]
    contents = [
        b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
        for response in responses
    ]
    for content in contents:
        assert MARKER.encode() not in content
    body = text(responses[1])
    assert "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A" in body
    assert "Business case (commercial)" in body  # the title may be listed ...
    assert "/appendices/A/" not in body  # ... but never the exempt file's link
    assert record.part2_paragraphs == [3]

    # The public PDF: its text, its metadata (document info and XMP), its link annotations.
    pdf = pypdf.PdfReader(io.BytesIO(contents[-1]))
    pdf_text = " ".join(page.extract_text() for page in pdf.pages)
    assert MARKER not in pdf_text
    assert MARKER not in repr(dict(pdf.metadata))
    xmp = pdf.trailer["/Root"].get("/Metadata")
    assert xmp is None or MARKER.encode() not in xmp.get_object().get_data()
    links = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in pdf.pages
        for annotation in page.get("/Annots") or []
    ]
    assert not any("/appendices/A/" in link or MARKER in link for link in links)
    flat_text = " ".join(pdf_text.split())
    assert "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A" in flat_text
    assert "Business case (commercial)" in flat_text


def test_exempt_marker_is_visible_to_staff(client, cast):
    record = DecisionFactory(cast=cast, exempt=True, part2_summary=f"{MARKER} part II", state=Status.PUBLISHED)
    client.force_login(cast.democratic_support)
    body = text(client.get(reverse("decisions:record", kwargs={"pk": record.pk})))
    assert MARKER in body and "Commercially sensitive pricing." in body
    assert today().strftime("%-d %B %Y") in body
    full = client.get(reverse("decisions:record-pdf", kwargs={"pk": record.pk}))
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(full.content)).pages)
    assert MARKER in pdf_text  # the marker would be found, were it in the public version
