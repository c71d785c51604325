"""EXEC-8 (reg 19): Democratic Support issues the report to the Council; from then on it is public
(/urgent-decisions/, its page, its PDF, the sitemap), and not before. Refused while a decision it
lists is not yet published."""

import datetime
import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import Status
from tests.decisions import test_urgent_report as generation
from tests.decisions.factories import advance
from tests.decisions.test_urgent_report import JANUARY, SECRET, on, taken
from urgent_reports import documents, services
from urgent_reports.models import UrgentDecisionsReport, UrgentReportEvent

january = generation.january  # the fixture: decisions in and around January 2026


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def generated(actor):
    with on(datetime.date(2026, 2, 10)):
        return services.generate_report(actor=actor, period_from=JANUARY[0], period_to=JANUARY[1])


def public(pk, name="report"):
    return reverse(f"urgent-decisions:{name}", kwargs={"pk": pk})


def test_issue_is_refused_while_a_listed_decision_is_unpublished_EXEC_8(client, january, democratic_support):
    report = generated(democratic_support)
    unpublished = january["special_decided"]
    assert unpublished.status == Status.DECIDED and unpublished in report.decisions.all()
    with pytest.raises(ValidationError, match=unpublished.reference):
        services.issue_report(report, actor=democratic_support)

    client.force_login(democratic_support)
    url = reverse("urgent-reports:issue", kwargs={"pk": report.pk})
    shown = client.get(url)
    assert "The report cannot be issued" in shown.text and unpublished.reference in shown.text
    assert "Issue the report</button>" not in shown.text
    posted = client.post(url)
    assert posted.status_code == 200 and posted.text.count(f"Not yet published: {unpublished.reference}") == 1
    assert posted.text.count("<title>Error: ") == 1
    report.refresh_from_db()
    assert report.issued_at is None and not UrgentReportEvent.objects.exists()

    advance(unpublished, Status.PUBLISHED)
    assert client.post(url).status_code == 302
    report.refresh_from_db()
    assert report.issued_at is not None


def test_issued_report_is_public_listed_and_in_the_sitemap_EXEC_8(client, db, democratic_support):
    special = taken(datetime.date(2026, 1, 12), special=True, title="Emergency housing contract")
    report = generated(democratic_support)
    # An anonymous visit first, so the page cache holds the list without the report: issuing purges it.
    assert "No report has been issued." in client.get(reverse("urgent-decisions:list")).text
    assert client.get(public(report.pk)).status_code == 404

    staff = client.__class__()
    staff.force_login(democratic_support)
    response = staff.post(reverse("urgent-reports:issue", kwargs={"pk": report.pk}))
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    event = UrgentReportEvent.objects.get(report=report)
    assert event.action == UrgentReportEvent.Action.ISSUED and event.actor == democratic_support
    assert "Issued</strong> to the Council" in staff.get(report.get_absolute_url()).text
    assert "(public)" in staff.get(reverse("urgent-reports:index")).text

    listing = client.get(reverse("urgent-decisions:list")).text
    assert public(report.pk) in listing and report.period in listing
    page = client.get(public(report.pk))
    assert page.status_code == 200
    assert special.reference in page.text and "Emergency housing contract" in page.text
    assert "Democratic Support" not in page.text  # the staff caption is not on the public page
    assert public(report.pk) in client.get("/sitemap-urgent-decisions.xml").text
    assert "/sitemap-urgent-decisions.xml" in client.get("/sitemap.xml").text
    robots = client.get("/robots.txt").text
    assert "Disallow: /urgent-decisions/" not in robots and "Disallow: /urgent-decisions-reports/" in robots


def test_report_is_issued_once_and_only_by_democratic_support_EXEC_8(client, db, democratic_support, officer):
    report = generated(democratic_support)
    with pytest.raises(PermissionDenied):
        services.issue_report(report, actor=officer)
    client.force_login(officer)
    assert client.post(reverse("urgent-reports:issue", kwargs={"pk": report.pk})).status_code == 403
    services.issue_report(report, actor=democratic_support)
    with pytest.raises(ValidationError, match="already been issued"):
        services.issue_report(report, actor=democratic_support)
    assert UrgentReportEvent.objects.filter(report=report).count() == 1


def test_report_not_issued_is_not_found_by_the_public_EXEC_8(client, db, democratic_support):
    taken(datetime.date(2026, 1, 12), special=True, title="Emergency housing contract")
    report = documents.PDF.store(generated(democratic_support))
    assert report.public_pdf_sha256
    assert client.get(public(report.pk)).status_code == 404
    assert client.get(public(report.pk, "pdf")).status_code == 404
    assert "Emergency housing contract" not in client.get(reverse("urgent-decisions:list")).text
    assert public(report.pk) not in client.get("/sitemap-urgent-decisions.xml").text


def test_staff_pdf_stays_private_and_the_public_pdf_is_the_issued_one_EXEC_8(client, db, democratic_support, officer):
    taken(datetime.date(2026, 1, 12), special=True, title="Emergency housing contract")
    report = documents.PDF.store(generated(democratic_support))
    staff_pdf = reverse("urgent-reports:pdf", kwargs={"pk": report.pk})
    services.issue_report(report, actor=democratic_support)

    assert client.get(staff_pdf).status_code == 302  # to sign in: the staff address stays staff-only
    client.force_login(officer)
    assert client.get(staff_pdf).status_code == 403
    client.logout()
    response = client.get(public(report.pk, "pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{report.public_pdf_sha256}"'
    assert "no-store" not in response.get("Cache-Control", "")
    assert public(report.pk, "pdf") in client.get(public(report.pk)).text


def test_public_report_never_shows_part_two_content_EXEC_8_S12A_4(client, db, democratic_support):
    taken(
        datetime.date(2026, 1, 12),
        special=True,
        exempt=True,
        title="Exempt special urgency",
        part2_summary=f"The provider's rates {SECRET}",
    )
    report = documents.PDF.store(generated(democratic_support))
    services.issue_report(report, actor=democratic_support)
    page = client.get(public(report.pk)).text
    assert "Exempt special urgency" in page and SECRET not in page
    data = b"".join(client.get(public(report.pk, "pdf")).streaming_content)
    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Exempt special urgency" in text and SECRET not in text


def test_public_report_pages_queries_do_not_grow_EXEC_8(client, db, democratic_support):
    def queries_for(count):
        for n in range(count):
            taken(datetime.date(2026, 1, 5 + n), special=True, title=f"Special {count}-{n}")
        for _ in range(count):
            services.issue_report(generated(democratic_support), actor=democratic_support)
        newest = UrgentDecisionsReport.objects.issued().first()
        counts = []
        for url in (reverse("urgent-decisions:list"), public(newest.pk)):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url, {"fresh": count}).status_code == 200  # not from the page cache
            counts.append(len(captured))
        return counts

    assert queries_for(1) == queries_for(4)
