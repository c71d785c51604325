"""A briefing report with no lead member chosen yet (as every report starts) shows, as a page and as
a PDF preview, without a 500."""

import pytest
from django.urls import reverse

from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["scrutiny:report", "scrutiny:report-pdf"])
def test_report_without_a_lead_member_is_shown_not_500(client, democratic_support, name):
    report = BriefingReportFactory(lead_member=None)
    assert report.lead_member_name == ""
    client.force_login(democratic_support)
    response = client.get(reverse(name, kwargs={"pk": report.pk}))
    assert response.status_code == 200
    if name == "scrutiny:report":
        assert "Not yet chosen" in response.content.decode()
