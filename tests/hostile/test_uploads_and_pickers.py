"""An over-long appendix file name is stored under a safe name and downloaded under its own; an id
no database row could have, ticked in a picker, is an error on the field. Never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.decisions.factories import DecisionFactory
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory

pytestmark = pytest.mark.django_db

LONG_NAME = "Business case " + "x" * 236 + ".pdf"  # 254 characters: within the browser's limit
HUGE_ID = "9" * 40


def _pdf(name=LONG_NAME):
    return SimpleUploadedFile(name, b"%PDF-1.7\nbody", content_type="application/pdf")


def test_decision_appendix_with_a_long_file_name_is_stored_and_keeps_its_name(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    response = client.post(
        reverse("decisions:appendix-add", kwargs={"pk": decision.pk}),
        {"appendix-ref": "A", "appendix-title": "Business case", "appendix-file": _pdf()},
    )
    assert response.status_code == 302
    appendix = decision.appendices.get()
    assert appendix.original_filename == LONG_NAME
    assert len(appendix.file.name.rsplit("/", 1)[-1]) <= 120
    download = client.get(reverse("decisions:appendix-download", kwargs={"pk": decision.pk, "child": appendix.pk}))
    assert download.status_code == 200
    assert LONG_NAME in download["Content-Disposition"]


def test_report_appendix_with_a_long_file_name_is_stored_and_keeps_its_name(client, officer):
    report = BriefingReportFactory()
    client.force_login(officer)
    response = client.post(
        reverse("scrutiny:appendix-add", kwargs={"pk": report.pk}),
        {"appendix-ref": "A", "appendix-title": "Caseloads", "appendix-file": _pdf()},
    )
    assert response.status_code == 302
    appendix = report.appendices.get()
    assert appendix.original_filename == LONG_NAME
    assert len(appendix.file.name.rsplit("/", 1)[-1]) <= 120


def test_department_picker_with_a_40_digit_id_is_an_error_on_the_field(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    response = client.post(
        reverse("decisions:task", kwargs={"pk": decision.pk, "task": "sign-off"}),
        {"applicable_departments": [HUGE_ID], "later": ""},
    )
    assert response.status_code == 200
    assert "Choose departments from the list" in response.content.decode()


def test_report_department_picker_with_a_40_digit_id_is_an_error_on_the_field(client, officer):
    report = BriefingReportFactory()
    client.force_login(officer)
    response = client.post(
        reverse("scrutiny:task", kwargs={"pk": report.pk, "task": "sign-off"}),
        {"applicable_departments": [HUGE_ID], "later": ""},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_committee_member_picker_with_a_40_digit_id_is_an_error_on_the_field(client, democratic_support):
    client.force_login(democratic_support)
    response = client.post(
        reverse("scrutiny-manage:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        {"members": [HUGE_ID], "lead_officers": [HUGE_ID]},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
