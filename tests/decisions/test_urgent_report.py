"""EXEC-8 (reg 19): the report to council of key decisions taken under special urgency in a period."""

import datetime
import io
from unittest import mock

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import CouncilSettings
from decisions import services as decision_services
from decisions.models import ChairAgreement, Status
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee, issue_all_sign_offs
from tests.factories import UserFactory
from urgent_reports import services
from urgent_reports.models import UrgentDecisionsReport

JANUARY = (datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
SECRET = "PART-TWO-MARKER-7731"


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def on(day):
    """Stop the clock at 10:00 UTC on `day` (the edge the product reads: django.utils.timezone.now)."""
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def taken(day, *, to=Status.PUBLISHED, special=False, title, **fields):
    """A decision signed on `day` (and published), on the special urgency route if `special`."""
    with on(day):
        if special:
            fields.update(key=True, plan_item=None, key_decision_route="special_urgency")
            fields.setdefault("scrutiny_committee", education_committee(Cast()))
        return advance(DecisionFactory(title=title, **fields), to)


@pytest.fixture
def january(db):
    """Decisions in and around January 2026, only some of them special urgency (EXEC-7)."""
    return {
        "special": taken(datetime.date(2026, 1, 12), special=True, title="Emergency housing contract"),
        "special_decided": taken(
            datetime.date(2026, 1, 30), special=True, to=Status.DECIDED, title="Flood defences repair"
        ),
        "before": taken(datetime.date(2025, 12, 31), special=True, title="Winter shelter (December)"),
        "after": taken(datetime.date(2026, 2, 1), special=True, title="School roof (February)"),
        "urgent_only": taken(datetime.date(2026, 1, 15), urgent=True, title="Urgent only: call-in waiver"),
        "forward_plan": taken(datetime.date(2026, 1, 20), key=True, title="Forward Plan key decision"),
        "withdrawn": taken(
            datetime.date(2026, 1, 14), special=True, to=Status.WITHDRAWN, title="Withdrawn special urgency"
        ),
    }


def test_report_lists_exactly_the_special_urgency_decisions_in_the_period_EXEC_8(january, democratic_support):
    with on(datetime.date(2026, 2, 10)):
        report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    listed = list(report.decisions.order_by("decided_on"))
    assert listed == [january["special"], january["special_decided"]]
    assert report.generated_by_name == democratic_support.display_name


def test_report_page_shows_each_decision_who_agreed_and_why_EXEC_8(client, january, democratic_support):
    with on(datetime.date(2026, 2, 10)):
        report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    client.force_login(democratic_support)
    page = client.get(reverse("urgent-reports:report", kwargs={"pk": report.pk})).text
    special = january["special"]
    assert special.reference in page and "Emergency housing contract" in page
    assert "12 January 2026" in page and special.decision_maker_name in page
    assert "Councillor Jemima Laing, Chair of the Education" in page
    assert "Agreed: this cannot wait." in page
    for left_out in ("before", "after", "urgent_only", "forward_plan", "withdrawn"):
        assert january[left_out].title not in page


def test_report_never_shows_part_two_content_EXEC_8_S12A_4(client, db, democratic_support):
    decision = taken(
        datetime.date(2026, 1, 12),
        special=True,
        exempt=True,
        title="Exempt special urgency",
        part2_summary=f"The provider's rates {SECRET}",
    )
    assert decision.part2_summary.endswith(SECRET)
    with on(datetime.date(2026, 2, 10)):
        report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    client.force_login(democratic_support)
    page = client.get(reverse("urgent-reports:report", kwargs={"pk": report.pk})).text
    assert "Exempt special urgency" in page and SECRET not in page


def test_report_pdf_is_rendered_once_by_the_task_and_reads_back_EXEC_8(
    client, db, democratic_support, council_chair_agreement, django_capture_on_commit_callbacks
):
    with on(datetime.date(2026, 2, 10)), django_capture_on_commit_callbacks(execute=True):
        report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    report.refresh_from_db()
    assert report.public_pdf_sha256 and report.public_pdf_size
    with (
        default_storage.open(report.public_pdf.name, "rb") as handle,
        pdfplumber.open(io.BytesIO(handle.read())) as pdf,
    ):
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        assert pdf.metadata["Title"] == str(report)
    assert "Key decisions taken under special urgency" in text
    assert council_chair_agreement.decision.reference in text
    assert "Councillor Pat Trelawny, Chair of the Council (the chair of the" in text
    assert "was unable to act: on leave" in text and "The contract ends on Friday." in text
    client.force_login(democratic_support)
    response = client.get(reverse("urgent-reports:pdf", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{report.public_pdf_sha256}"' and "no-store" in response["Cache-Control"]


@pytest.fixture
def council_chair_agreement(db, democratic_support):
    """A special urgency decision agreed by the Chair of the Council, the scrutiny chair on leave, signed in January."""
    chair = UserFactory(username="council.chair", honorific="Councillor", first_name="Pat", last_name="Trelawny")
    council = CouncilSettings.load()
    council.chair_of_council = chair
    council.save()
    with on(datetime.date(2026, 1, 12)):
        decision = advance(
            DecisionFactory(
                key=True,
                plan_item=None,
                key_decision_route="special_urgency",
                scrutiny_committee=education_committee(Cast()),
            ),
            Status.IN_SIGN_OFF,
        )
        issue_all_sign_offs(decision)
        agreement = decision_services.record_chair_agreement(
            decision,
            actor=democratic_support,
            kind=ChairAgreement.Kind.SPECIAL_URGENCY,
            agreed_on=datetime.date(2026, 1, 12),
            how=ChairAgreement.How.EMAIL,
            evidence="Email from Cllr Trelawny",
            agreed_as=ChairAgreement.AgreedAs.COUNCIL_CHAIR,
            scrutiny_chair_unable="on leave",
            reasons="The contract ends on Friday.",
        )
        advance(decision, Status.PUBLISHED)
    return agreement


def test_report_page_queries_do_not_grow_with_decisions_EXEC_8(client, db, democratic_support):
    client.force_login(democratic_support)

    def queries_for(count):
        for n in range(count):
            taken(datetime.date(2026, 1, 5 + n), special=True, title=f"Special {count}-{n}")
        with on(datetime.date(2026, 2, 10)):
            report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
        url = reverse("urgent-reports:report", kwargs={"pk": report.pk})
        client.get(url)  # the session and the council's settings, as on any page
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries_for(1) == queries_for(4)


@pytest.mark.parametrize(
    "period_from,period_to,field",
    [
        (datetime.date(2026, 2, 1), datetime.date(2026, 1, 1), "period_to"),
        (datetime.date(2026, 1, 1), datetime.date(2026, 3, 1), "period_to"),  # the end is after today
        (datetime.date(2000, 1, 1), datetime.date(2026, 1, 1), "period_from"),
    ],
)
def test_report_period_must_be_a_past_period_EXEC_8(db, democratic_support, period_from, period_to, field):
    with on(datetime.date(2026, 2, 10)), pytest.raises(ValidationError) as error:
        services.generate_report(actor=democratic_support, period_from=period_from, period_to=period_to)
    assert field in error.value.message_dict
    assert not UrgentDecisionsReport.objects.exists()


def test_report_form_shows_errors_and_keeps_answers_EXEC_8(client, db, democratic_support):
    client.force_login(democratic_support)
    url = reverse("urgent-reports:index")
    fields = {
        "period_from_0": "1",
        "period_from_1": "2",
        "period_from_2": "2026",
        "period_to_0": "31",
        "period_to_1": "1",
        "period_to_2": "2026",
    }
    with on(datetime.date(2026, 2, 10)):
        refused = client.post(url, fields)
        assert refused.status_code == 200 and "govuk-error-summary" in refused.text
        assert "The end of the period must be the same as or after the start" in refused.text
        assert 'value="31"' in refused.text
        hostile = client.post(url, {**fields, "period_to_0": "9" * 100_000, "period_from_2": "\x00"})
        assert hostile.status_code == 200 and "govuk-error-summary" in hostile.text
        made = client.post(url, {**fields, "period_from_1": "1"})
    report = UrgentDecisionsReport.objects.get()
    assert made.status_code == 302 and made["Location"] == report.get_absolute_url()
    said = [str(m) for m in client.get(made["Location"]).context["messages"]]
    assert said == ["The report lists no decisions: none was taken under special urgency in the period"]


def test_report_made_says_how_many_decisions_it_lists_EXEC_8(client, january, democratic_support):
    client.force_login(democratic_support)
    fields = {"period_from_0": "1", "period_from_1": "1", "period_from_2": "2026"}
    fields |= {"period_to_0": "13", "period_to_1": "1", "period_to_2": "2026"}
    with on(datetime.date(2026, 2, 10)):
        made = client.post(reverse("urgent-reports:index"), fields, follow=True)
    assert [str(m) for m in made.context["messages"]] == ["The report lists 1 decision"]  # not "1 decisions"


def test_only_democratic_support_generates_or_reads_reports_EXEC_8(client, db, officer, democratic_support):
    with pytest.raises(PermissionDenied):
        services.generate_report(actor=officer, period_from=JANUARY[0], period_to=JANUARY[1])
    with on(datetime.date(2026, 2, 10)):
        report = services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    for name, kwargs in (("index", {}), ("report", {"pk": report.pk}), ("pdf", {"pk": report.pk})):
        url = reverse(f"urgent-reports:{name}", kwargs=kwargs)
        assert client.get(url).status_code == 302  # a visitor is sent to sign in
        client.force_login(officer)
        assert client.get(url).status_code == 403
        client.logout()


def test_democratic_support_home_links_to_the_reports_EXEC_8(client, db, democratic_support):
    client.force_login(democratic_support)
    home = client.get(reverse("staff-home")).text
    assert reverse("urgent-reports:index") in home and "Generate a report" in home


def test_report_pdf_failure_is_kept_and_tried_again_EXEC_8(
    client, db, democratic_support, django_capture_on_commit_callbacks
):
    with (
        on(datetime.date(2026, 2, 10)),
        mock.patch("weasyprint.HTML.write_pdf", side_effect=OSError("disk full")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.generate_report(actor=democratic_support, period_from=JANUARY[0], period_to=JANUARY[1])
    report = UrgentDecisionsReport.objects.get()
    assert report.public_pdf_error == "OSError: disk full" and not report.public_pdf_sha256
    client.force_login(democratic_support)
    page = client.get(reverse("urgent-reports:report", kwargs={"pk": report.pk})).text
    assert "The PDF could not be made: OSError: disk full" in page
    pdf = client.get(reverse("urgent-reports:pdf", kwargs={"pk": report.pk}))
    assert pdf.status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("urgent-reports:retry-pdf", kwargs={"pk": report.pk}))
    report.refresh_from_db()
    assert report.public_pdf_sha256 and not report.public_pdf_error
