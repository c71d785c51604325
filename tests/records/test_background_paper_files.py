"""OLGB-5: a record's background papers are on the website with it. An author may attach a paper's file
(the same checks as an appendix's); a published record's papers that are not exempt are downloads on its
public page, numbered as listed, and nothing exempt or unpublished is (S12A-4). Staff download them from
the record. A removed paper, or a deleted draft, takes its file with it."""

import html
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import Status
from scrutiny.models import Confidentiality
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory, advance, pdf_file
from tests.scrutiny.factories import BriefingReportFactory
from tests.scrutiny.factories import advance as advance_report

pytestmark = pytest.mark.usefixtures("no_pdf_render")

PDF = b"%PDF-1.4\n% the traffic survey\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def cast(db):
    return Cast()


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def add_paper(client, decision, **data):
    return client.post(reverse("decisions:paper-add", args=[decision.pk]), {"revision": decision.revision, **data})


def test_an_author_attaches_a_background_papers_file_OLGB_5(client, cast, media):
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    upload = SimpleUploadedFile("Traffic survey, Royal Parade (2021).pdf", PDF, content_type="application/pdf")
    response = add_paper(client, decision, **{"paper-title": "Traffic survey of Royal Parade", "paper-file": upload})
    assert response.status_code == 302
    paper = decision.background_papers.get()
    assert paper.original_filename == "Traffic survey, Royal Parade (2021).pdf"
    assert paper.size == len(PDF) and paper.content_type == "application/pdf"
    assert paper.file.name.startswith(f"private/decisions/{decision.pk}/background-papers/")
    assert (media / paper.file.name).read_bytes() == PDF
    staff = client.get(reverse("decisions:paper-download", args=[decision.pk, paper.pk]))
    assert b"".join(staff.streaming_content) == PDF
    assert 'filename="Traffic survey, Royal Parade (2021).pdf"' in staff["Content-Disposition"]


def test_a_background_paper_needs_no_file_OLGB_5(client, cast):
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    assert add_paper(client, decision, **{"paper-title": "Cabinet minutes, 8 June 2021"}).status_code == 302
    assert not decision.background_papers.get().file


def test_a_file_that_is_not_a_document_is_refused_on_its_field_OLGB_5(client, cast):
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    upload = SimpleUploadedFile("survey.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = add_paper(client, decision, **{"paper-title": "Traffic survey", "paper-file": upload})
    assert response.status_code == 200
    form = response.context["paper_form"]
    assert form.errors["file"] == ["The selected file must be a PDF, Word, Excel or OpenDocument file"]
    assert form["title"].value() == "Traffic survey"  # kept
    assert 'href="#id_paper-file"' in response.content.decode()
    assert not decision.background_papers.exists()


def test_a_chosen_file_is_asked_for_again_when_another_answer_is_wrong_OLGB_5(client, cast):
    """Browsers never send a file back: the error says so rather than the file vanishing."""
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    upload = SimpleUploadedFile("survey.pdf", PDF, content_type="application/pdf")
    response = add_paper(client, decision, **{"paper-title": "", "paper-file": upload})
    assert response.context["paper_form"].errors["file"] == ["Select the background paper file again"]


def published_with_papers(cast):
    decision = DecisionFactory(cast=cast, exempt=True)  # its exempt background paper has no file
    decision.background_papers.all().delete()
    decision.background_papers.create(
        title="Traffic survey", order=1, file=pdf_file("survey.pdf"), original_filename="survey.pdf"
    )
    decision.background_papers.create(
        title="Operator's pricing",
        order=2,
        file=pdf_file("pricing.pdf"),
        original_filename="pricing.pdf",
        exempt_paragraphs=[3],
        public_interest_reasoning="Commercially sensitive.",
        exemption_review_on=decision.part2_review_on,
    )
    return advance(decision, Status.PUBLISHED, cast)


def test_a_published_records_public_papers_are_downloads_and_exempt_ones_are_not_S12A_4_OLGB_5(client, cast):
    decision = published_with_papers(cast)
    page = client.get(reverse("decisions:detail", args=[decision.reference_slug])).content.decode()
    first = reverse("decisions:public-paper", args=[decision.reference_slug, 1])
    second = reverse("decisions:public-paper", args=[decision.reference_slug, 2])
    assert f'href="{first}"' in page and f'href="{second}"' not in page
    assert "Operator's pricing" in html.unescape(page)  # listed, with its paragraph, never linked
    response = client.get(first)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    for missing in (second, reverse("decisions:public-paper", args=[decision.reference_slug, 3])):
        assert client.get(missing).status_code == 404
    papers = client.get(reverse("api:decision", args=[decision.reference_slug])).json()["background_paper_list"]
    assert [p["download_url"] for p in papers] == [settings.SITE_URL + first, None]
    # The staff download of the exempt one is for staff who may see the record; the public gets a 404.
    exempt = decision.background_papers.get(order=2)
    assert client.get(reverse("decisions:paper-download", args=[decision.pk, exempt.pk])).status_code == 404


def test_an_unpublished_records_papers_are_not_public_OLGB_5(client, cast):
    decision = DecisionFactory(cast=cast)
    paper = decision.background_papers.create(title="Survey", file=pdf_file("survey.pdf"))
    decision = advance(decision, Status.DECIDED, cast)
    assert client.get(reverse("decisions:paper-download", args=[decision.pk, paper.pk])).status_code == 404
    client.force_login(cast.finance_reviewer)
    assert client.get(reverse("decisions:paper-download", args=[decision.pk, paper.pk])).status_code == 200


def test_removing_a_paper_or_deleting_the_draft_removes_its_file(
    client, cast, media, django_capture_on_commit_callbacks
):
    decision = DecisionFactory(cast=cast)
    client.force_login(cast.officer)
    for title in ("Survey", "Minutes"):
        upload = SimpleUploadedFile(f"{title}.pdf", PDF, content_type="application/pdf")
        add_paper(client, decision, **{"paper-title": title, "paper-file": upload})
        decision.refresh_from_db()
    survey, minutes = decision.background_papers.order_by("order")
    with django_capture_on_commit_callbacks(execute=True):
        remove = reverse("decisions:paper-remove", args=[decision.pk, survey.pk])
        assert client.post(remove, {"revision": decision.revision}).status_code == 302
    assert not (media / survey.file.name).exists() and (media / minutes.file.name).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("decisions:delete-draft", args=[decision.pk]), {"confirm": "yes"})
    assert not (media / minutes.file.name).exists()


def test_a_published_reports_public_papers_are_downloads_and_a_part_2_reports_are_not_OLGB_5(client, db):
    for confidentiality, expected in ((Confidentiality.PART_1, 200), (Confidentiality.PART_2, 404)):
        report = BriefingReportFactory(**({"part_2": True} if confidentiality == Confidentiality.PART_2 else {}))
        report.background_papers.create(title="Workforce plan", file=pdf_file("workforce.pdf"))
        report.background_papers.create(
            title="Pay offer",
            file=pdf_file("pay.pdf"),
            exempt_paragraphs=[4],
            public_interest_reasoning="Negotiations are under way.",
            exemption_review_on=report.meeting.date,
        )
        report = advance_report(report, ReportStatus.PUBLISHED)
        paper = reverse("committees:report-paper", args=[report.committee.slug, report.pk, 1])
        exempt = reverse("committees:report-paper", args=[report.committee.slug, report.pk, 2])
        assert client.get(paper).status_code == expected, confidentiality
        assert client.get(exempt).status_code == 404
        page = client.get(reverse("committees:report", args=[report.committee.slug, report.pk])).content.decode()
        assert (f'href="{paper}"' in page) == (expected == 200) and f'href="{exempt}"' not in page
        listed = client.get(reverse("api:report", args=[report.pk])).json().get("background_papers", [])
        urls = [p["download_url"] for p in listed]
        assert urls == ([settings.SITE_URL + paper, None] if expected == 200 else [None] * len(urls))
