"""A public PDF is rendered once, by the worker, never in a visitor's request (EXEC-14, A11Y-4).

Until the worker has stored it, the public PDF URL answers a 503 that says the PDF is being prepared
and when to try again; it never renders, so a WeasyPrint failure can never be a visitor's 500.
WeasyPrint's own render (`HTML.write_pdf`) is the only thing patched: made to fail, or made to
refuse to run in the request. Decision records and briefing reports behave the same.
"""

from unittest import mock

import pytest
from django.urls import reverse
from weasyprint import HTML

from council import documents as council_documents
from decisions import documents as decision_documents
from decisions import services as decision_services
from decisions.models import Decision
from decisions.models import Status as DecisionStatus
from scrutiny import documents as report_documents
from scrutiny import services as report_services
from scrutiny.models import BriefingReport
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory

PREPARING = "The PDF of this record is being prepared. Try again in a few minutes"
COMPARED = ("Content-Type", "Retry-After", "Cache-Control")


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


def _decision(cast):
    record = DecisionFactory(cast=cast, state=DecisionStatus.DECIDED)
    decision_services.publish_decision(record, actor=cast.democratic_support)
    url = reverse("decisions:pdf", kwargs={"slug": Decision.objects.get(pk=record.pk).reference_slug})
    return Decision, record.pk, url, decision_documents.render_public_pdf


def _report(cast):
    report = BriefingReportFactory(cast=cast, state=ReportStatus.APPROVED)
    report_services.publish_report(report, actor=cast.democratic_support)
    report = BriefingReport.objects.select_related("committee").get(pk=report.pk)
    url = reverse("committees:report-pdf", kwargs={"slug": report.committee.slug, "pk": report.pk})
    return BriefingReport, report.pk, url, report_documents.render_public_pdf


KINDS = {"decision": _decision, "report": _report}


def _assert_being_prepared(client, url):
    got = client.get(url)
    assert got.status_code == 503
    assert PREPARING in " ".join(got.content.decode().split())
    assert got["Retry-After"] == str(council_documents.PDF_RETRY_AFTER_SECONDS)
    assert got["Cache-Control"] == "no-store" and got["Content-Type"].startswith("text/html")
    head = client.head(url)
    assert head.status_code == 503 and head.content == b""
    for header in COMPARED:
        assert head.get(header) == got.get(header), header


@pytest.mark.parametrize("kind", KINDS)
def test_public_pdf_before_the_worker_ran_is_503_and_never_rendered_in_the_request_EXEC_14(
    kind, db, client, django_capture_on_commit_callbacks
):
    cast = Cast()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        model, pk, url, task = KINDS[kind](cast)
    # Publication queued the render (the worker's job), and it has not run yet.
    assert [(c.func, c.args) for c in queued if getattr(c, "func", None) == task.enqueue] == [(task.enqueue, (pk,))]
    with mock.patch.object(HTML, "write_pdf", side_effect=AssertionError("rendered in the request")) as write:
        _assert_being_prepared(client, url)
    write.assert_not_called()
    assert not model.objects.get(pk=pk).public_pdf_sha256

    # The worker runs the queued render; the same URL now serves the stored PDF.
    for callback in queued:
        callback()
    stored = model.objects.get(pk=pk)
    assert stored.public_pdf_sha256
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("kind", KINDS)
def test_public_pdf_whose_render_failed_is_503_not_500_EXEC_14(kind, db, client, django_capture_on_commit_callbacks):
    cast = Cast()
    failure = OSError("cairo could not allocate the page")
    with mock.patch.object(HTML, "write_pdf", side_effect=failure) as write:
        with django_capture_on_commit_callbacks(execute=True):  # the worker runs on commit, and fails
            model, pk, url, _ = KINDS[kind](cast)
        assert write.called and model.objects.get(pk=pk).public_pdf_failed_at is not None
        rendered = write.call_count
        _assert_being_prepared(client, url)
        assert write.call_count == rendered  # the visitor's requests did not try again
