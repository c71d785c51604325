"""A public PDF that fails to render is kept on the record, shown to staff, and retried by Democratic Support.

WeasyPrint's own render is made to fail (its edge, `HTML.write_pdf`), never the project's code;
the retry then renders for real. Decision records and briefing reports behave the same (EXEC-14,
A11Y-4: the public document is downloadable; a failure must not be silently lost).
"""

import hashlib
import re
from unittest import mock

import pytest
from django.urls import reverse
from weasyprint import HTML

from council import documents as council_documents
from decisions import services as decision_services
from decisions.models import Decision
from decisions.models import Status as DecisionStatus
from scrutiny import services as report_services
from scrutiny.models import BriefingReport
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory
from tests.test_html_validity import VALID_DATETIME

FAILURE = OSError("cairo could not allocate the page")
SHOWN = "The PDF could not be made: OSError: cairo could not allocate the page"


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


def _decision(cast):
    record = DecisionFactory(cast=cast, state=DecisionStatus.DECIDED)
    return record, (lambda: decision_services.publish_decision(record, actor=cast.democratic_support))


def _report(cast):
    report = BriefingReportFactory(cast=cast, state=ReportStatus.APPROVED)
    return report, (lambda: report_services.publish_report(report, actor=cast.democratic_support))


KINDS = {
    "decision": (_decision, Decision, "decisions:record", "decisions:retry-pdf"),
    "report": (_report, BriefingReport, "scrutiny:report", "scrutiny:retry-pdf"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_render_failure_is_shown_and_retried_by_democratic_support_EXEC_14(
    kind, db, client, django_capture_on_commit_callbacks
):
    make, model, page_name, retry_name = KINDS[kind]
    cast = Cast()
    item, publish = make(cast)
    with (
        mock.patch.object(HTML, "write_pdf", side_effect=FAILURE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish()
    item = model.objects.get(pk=item.pk)
    assert item.status == "published" and not item.public_pdf_sha256
    assert item.public_pdf_error == "OSError: cairo could not allocate the page"
    assert item.public_pdf_failed_at is not None
    failed = item.events.get(action=council_documents.RENDER_FAILED)
    assert failed.actor is None and failed.comment == item.public_pdf_error

    page = reverse(page_name, kwargs={"pk": item.pk})
    retry = reverse(retry_name, kwargs={"pk": item.pk})

    # The author sees why, but only Democratic Support may try again.
    client.force_login(item.author)
    response = client.get(page)
    assert SHOWN in response.text and f'action="{retry}"' not in response.text
    # When it failed, as HTML's datetime accepts it (at most milliseconds: the Nu checker's error).
    stamp = re.search(r'The last attempt failed at <time datetime="([^"]+)"', response.text).group(1)
    assert VALID_DATETIME.match(stamp), stamp
    assert client.post(retry).status_code == 403

    client.force_login(cast.democratic_support)
    response = client.get(page)
    assert SHOWN in response.text and f'action="{retry}"' in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry)
    assert response.status_code == 302 and response["Location"] == page

    item = model.objects.get(pk=item.pk)
    stored = item.public_pdf.open("rb").read()
    assert stored.startswith(b"%PDF") and hashlib.sha256(stored).hexdigest() == item.public_pdf_sha256
    assert item.public_pdf_error == "" and item.public_pdf_failed_at is None
    retried = item.events.get(action=council_documents.RENDERING_RETRIED)
    assert retried.actor == cast.democratic_support
    assert retried.comment == "After: OSError: cairo could not allocate the page"
    after = client.get(page, follow=True)
    # The render ran after the retry's transaction committed, so the message says it is on its way.
    assert SHOWN not in after.text and "The PDF is being made" in after.text
    # Nothing left to retry.
    assert client.post(retry).status_code == 302
    assert model.objects.get(pk=item.pk).events.filter(action=council_documents.RENDERING_RETRIED).count() == 1
