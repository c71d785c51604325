"""The admin is a viewer for briefing reports and their children (sections, appendices, papers,
sign-offs, events): a superuser cannot change or delete them round the services. Through the
admin's real URLs."""

import pytest
from django.urls import reverse

from scrutiny.models import BriefingReport, ReportEvent, ReportSection, Status
from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    assert administrator.is_superuser
    client.force_login(administrator)
    return client


@pytest.mark.parametrize("state", [Status.IN_SIGN_OFF, Status.AWAITING_DIRECTOR])
def test_admin_cannot_change_an_in_flight_report_or_its_sections(admin_client, state):
    report = BriefingReportFactory(state=state)
    section = report.sections.first()
    address = reverse("admin:scrutiny_briefingreport_change", args=[report.pk])

    page = admin_client.get(address)
    posted = admin_client.post(
        address,
        {
            "title": "The admin's own wording",
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "1",
            "sections-0-id": section.pk,
            "sections-0-report": report.pk,
            "sections-0-heading": "Admin heading",
            "sections-0-body": "Admin body",
        },
    )

    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert posted.status_code == 403
    report.refresh_from_db()
    section.refresh_from_db()
    assert report.title != "The admin's own wording" and section.heading != "Admin heading"
    assert report.content_version == 1


def test_admin_cannot_delete_an_in_flight_report(admin_client):
    report = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    address = reverse("admin:scrutiny_briefingreport_delete", args=[report.pk])

    assert admin_client.get(address).status_code == 403
    assert admin_client.post(address, {"post": "yes"}).status_code == 403
    admin_client.post(
        reverse("admin:scrutiny_briefingreport_changelist"),
        {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"},
    )
    assert BriefingReport.objects.filter(pk=report.pk).exists()
    assert ReportEvent.objects.filter(report=report).exists()
    assert ReportSection.objects.filter(report=report).exists()


def test_admin_cannot_add_a_report(admin_client):
    assert admin_client.get(reverse("admin:scrutiny_briefingreport_add")).status_code == 403


def test_admin_still_shows_reports(admin_client):
    report = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    page = admin_client.get(reverse("admin:scrutiny_briefingreport_change", args=[report.pk]))
    assert page.status_code == 200 and report.title in page.content.decode()
