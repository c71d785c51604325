"""The published report page links to the decisions it is about (issue #10, part 4, item 8)."""

import pytest
from django.urls import reverse

from decisions.models import Status as DecisionStatus
from scrutiny.models import Status
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db


def test_published_report_links_to_its_published_decision_only(client):
    cast = Cast()
    published = DecisionFactory(cast=cast, title="Direct award to Innovate", state=DecisionStatus.PUBLISHED)
    unpublished = DecisionFactory(cast=cast, title="Still in sign-off", state=DecisionStatus.IN_SIGN_OFF)
    report = BriefingReportFactory(cast=cast, state=Status.PUBLISHED)
    report.decisions.add(published, unpublished)
    page = reverse("committees:report", kwargs={"slug": report.committee.slug, "pk": report.pk})
    html = client.get(page).content.decode()
    assert "The decision this report is about" in html
    assert f'href="{reverse("decisions:detail", kwargs={"slug": published.reference_slug})}"' in html
    assert f"{published.reference}: Direct award to Innovate" in html
    assert "Still in sign-off" not in html and unpublished.reference not in html
