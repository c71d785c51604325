"""Democratic Support's "Your work" lists every published record and report whose public PDF failed,
linked to the page where "Try again" is, in a constant number of queries (EXEC-14: a failure must
not be visible only on the record page). WeasyPrint's render is the only thing made to fail.
"""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from weasyprint import HTML

from decisions import services as decision_services
from decisions.models import Status as DecisionStatus
from scrutiny import services as report_services
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory

FAILURE = OSError("cairo could not allocate the page")


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


def _publish_failing(cast, django_capture_on_commit_callbacks):
    """One record and one report published while WeasyPrint fails: their renders (run on commit, as
    the worker would) fail and are kept on them. Returns their staff page URLs, where "Try again" is."""
    record = DecisionFactory(cast=cast, state=DecisionStatus.DECIDED)
    report = BriefingReportFactory(cast=cast, state=ReportStatus.APPROVED)
    with mock.patch.object(HTML, "write_pdf", side_effect=FAILURE):
        with django_capture_on_commit_callbacks(execute=True):
            decision_services.publish_decision(record, actor=cast.democratic_support)
        with django_capture_on_commit_callbacks(execute=True):
            report_services.publish_report(report, actor=cast.democratic_support)
    return [
        reverse("decisions:record", kwargs={"pk": record.pk}),
        reverse("scrutiny:report", kwargs={"pk": report.pk}),
    ]


def test_staff_home_lists_published_items_whose_pdf_failed_in_constant_queries_EXEC_14(
    db, client, django_capture_on_commit_callbacks
):
    cast = Cast()
    published_fine = DecisionFactory(cast=cast, state=DecisionStatus.DECIDED)
    with django_capture_on_commit_callbacks(execute=True):
        decision_services.publish_decision(published_fine, actor=cast.democratic_support)
    client.force_login(cast.democratic_support)
    home = reverse("staff-home")
    html = client.get(home).text
    assert "Every published record has its PDF." in html
    assert "Every published briefing report has its PDF." in html

    failed = _publish_failing(cast, django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as one_each:
        html = client.get(home).text
    assert "Published records whose PDF could not be made" in html
    assert "Published briefing reports whose PDF could not be made" in html
    for url in failed:
        assert f'href="{url}"' in html
    assert html.count("OSError: cairo could not allocate the page") == 2
    assert f'href="{reverse("decisions:record", kwargs={"pk": published_fine.pk})}"' not in html

    # The page links to where "Try again" is.
    retry = failed[0] + "retry-pdf/"
    assert retry == reverse("decisions:retry-pdf", kwargs={"pk": int(failed[0].rstrip("/").rsplit("/", 1)[1])})
    assert f'action="{retry}"' in client.get(failed[0]).text

    failed += _publish_failing(cast, django_capture_on_commit_callbacks)
    failed += _publish_failing(cast, django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as three_each:
        html = client.get(home).text
    for url in failed:
        assert f'href="{url}"' in html
    assert len(three_each) == len(one_each)


def test_staff_home_shows_no_failed_pdfs_to_others_EXEC_14(db, client, django_capture_on_commit_callbacks):
    cast = Cast()
    _publish_failing(cast, django_capture_on_commit_callbacks)
    client.force_login(cast.officer)
    html = client.get(reverse("staff-home")).text
    assert "whose PDF could not be made" not in html
