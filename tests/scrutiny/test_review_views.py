"""Staff pages of a submitted briefing report over HTTP: the report, sign-off, return, the director's
agreement, the cabinet member's approval (in the system or by email), publication, withdrawal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutiny.models import ApprovalHow, Status, today
from tests.decisions.factories import Cast
from tests.scrutiny.factories import BriefingReportFactory, advance, issue_all_sign_offs

pytestmark = pytest.mark.django_db


def url(name, report, **kwargs):
    return reverse(f"scrutiny:{name}", kwargs={"pk": report.pk, **kwargs})


def date_data(name, value):
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


@pytest.fixture
def cast():
    return Cast()


@pytest.fixture
def in_sign_off(cast):
    return BriefingReportFactory(state=Status.IN_SIGN_OFF)


# — the report page ----------------------------------------------------------------------------


def test_report_page_shows_the_report_actions_and_history(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    response = client.get(url("report", in_sign_off))
    html = response.content.decode()
    assert response.status_code == 200
    assert in_sign_off.title in html and "Introduction" in html
    assert "Sign off for Finance" in html and "Sign off for Legal" not in html
    assert "Submitted for sign-off" in html


def test_report_page_unrelated_officer_is_403_and_unknown_404(client, cast, in_sign_off):
    client.force_login(cast.other_officer)
    assert client.get(url("report", in_sign_off)).status_code == 403
    assert client.get(reverse("scrutiny:report", kwargs={"pk": 999999})).status_code == 404


def test_report_page_anonymous_is_sent_to_sign_in(client, in_sign_off):
    response = client.get(url("report", in_sign_off))
    assert response.status_code == 302 and "/sign-in/" in response.url


def test_first_draft_is_the_authors_own(client, cast):
    report = BriefingReportFactory()
    client.force_login(cast.finance_reviewer)
    assert client.get(url("report", report)).status_code == 403
    client.force_login(report.author)
    assert "Edit the report" in client.get(url("report", report)).content.decode()


def test_report_page_queries_do_not_grow_with_sections_and_events(client, cast):
    small = BriefingReportFactory(state=Status.AWAITING_CABINET_MEMBER, sections=[("A", "a")])
    big = BriefingReportFactory(
        state=Status.AWAITING_CABINET_MEMBER,
        sections=[(f"S{i}", "text") for i in range(12)],
        applicable=["human-resources"],
    )
    client.force_login(cast.democratic_support)
    with CaptureQueriesContext(connection) as few:
        client.get(url("report", small))
    with CaptureQueriesContext(connection) as many:
        client.get(url("report", big))
    assert len(many) == len(few)


def test_staff_worklist_links_to_the_report_page(cast):
    report = BriefingReportFactory()
    assert report.get_absolute_url() == url("report", report)


# — sign-off ---------------------------------------------------------------------------------


def test_sign_off_generated_code_issues_and_redirects(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    response = client.post(url("sign-off", in_sign_off, department="finance"))
    assert response.status_code == 302 and response.url == url("report", in_sign_off)
    assert in_sign_off.sign_offs.get(department__slug="finance").code.startswith("djn.")


def test_sign_off_typed_code_missing_is_an_error_then_recorded(client, cast, in_sign_off):
    client.force_login(cast.legal_reviewer)
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": ""})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": "LS/37600/AC/5/11/21"})
    assert response.status_code == 302
    assert in_sign_off.sign_offs.get(department__slug="legal").code == "LS/37600/AC/5/11/21"


def test_sign_off_typed_code_already_used_is_an_error_on_the_field(client, cast, in_sign_off):
    other = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    client.force_login(cast.legal_reviewer)
    client.post(url("sign-off", other, department="legal"), {"code": "LS/1"})
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": "LS/1"})
    assert response.status_code == 200
    assert "already issued" in response.context["form"].errors["code"][0]


def test_sign_off_for_another_department_is_403_and_unknown_404(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    assert client.post(url("sign-off", in_sign_off, department="legal"), {"code": "X"}).status_code == 403
    assert client.get(url("sign-off", in_sign_off, department="nowhere")).status_code == 404


def test_sign_off_after_the_report_moved_on_redirects_not_500(client, cast):
    report = BriefingReportFactory(state=Status.AWAITING_DIRECTOR)
    client.force_login(cast.finance_reviewer)
    response = client.post(url("sign-off", report, department="finance"))
    assert response.status_code == 302 and response.url == url("report", report)


# — return and withdraw ------------------------------------------------------------------------


def test_return_without_comment_is_an_error_then_returns(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    response = client.post(url("return", in_sign_off), {"comment": "  "})
    assert response.status_code == 200 and response.context["form"].errors["comment"]
    response = client.post(url("return", in_sign_off), {"comment": "Add the figures."})
    assert response.status_code == 302
    in_sign_off.refresh_from_db()
    assert in_sign_off.status == Status.DRAFT
    assert in_sign_off.events.last().comment == "Add the figures."


def test_return_by_someone_who_cannot_is_403(client, cast, in_sign_off):
    client.force_login(cast.cabinet_member)
    assert client.post(url("return", in_sign_off), {"comment": "No"}).status_code == 403


def test_withdraw_by_the_author(client, cast):
    report = BriefingReportFactory()
    client.force_login(report.author)
    response = client.post(url("withdraw", report), {"comment": "No longer needed"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.WITHDRAWN


# — agreement, approval, publication ---------------------------------------------------------


def test_director_agrees_and_only_the_lead_director(client, cast):
    report = BriefingReportFactory(state=Status.AWAITING_DIRECTOR)
    client.force_login(cast.cabinet_member)
    assert client.post(url("agree", report)).status_code == 403
    client.force_login(report.lead_director)
    response = client.post(url("agree", report), {"comment": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.AWAITING_CABINET_MEMBER and report.director_agreed_on == today()


def test_cabinet_member_approves_in_the_system(client, cast):
    report = BriefingReportFactory(state=Status.AWAITING_CABINET_MEMBER)
    client.force_login(report.lead_member)
    assert client.post(url("approve", report)).status_code == 302
    report.refresh_from_db()
    assert report.status == Status.APPROVED and report.cabinet_approval_how == ApprovalHow.IN_SYSTEM


def test_democratic_support_records_an_approval_by_email(client, cast):
    report = BriefingReportFactory(state=Status.AWAITING_CABINET_MEMBER)
    client.force_login(cast.democratic_support)
    data = {**date_data("approved_on", today()), "how": "email", "evidence": "Email of 4 November: 'Approved.'"}
    response = client.post(url("record-approval", report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.APPROVED
    assert report.cabinet_approval_display.endswith("approved by email")


def test_record_approval_errors_are_on_the_fields(client, cast):
    report = BriefingReportFactory(state=Status.AWAITING_CABINET_MEMBER)
    client.force_login(cast.democratic_support)
    response = client.post(url("record-approval", report), {"how": "email"})
    form = response.context["form"]
    assert response.status_code == 200 and form.errors["approved_on"] and form.errors["evidence"]
    client.force_login(cast.finance_reviewer)
    assert client.get(url("record-approval", report)).status_code == 403


def test_democratic_support_publishes_to_the_agenda(client, cast):
    report = BriefingReportFactory(state=Status.APPROVED)
    client.force_login(cast.democratic_support)
    response = client.post(url("publish", report))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED and report.agenda_position == 1


def test_publish_by_anyone_else_is_403_and_twice_is_not_a_500(client, cast):
    report = BriefingReportFactory(state=Status.APPROVED)
    client.force_login(report.author)
    assert client.post(url("publish", report)).status_code == 403
    advance(report, to=Status.PUBLISHED, cast=cast)
    client.force_login(cast.democratic_support)
    response = client.post(url("publish", report))
    assert response.status_code == 302 and response.url == url("report", report)


def test_stale_sign_off_is_shown_on_the_report(client, cast):
    report = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    issue_all_sign_offs(report, cast, skip=("legal",))
    from scrutiny import services

    services.add_section(report, actor=report.author, heading="Late addition", body="Text")
    client.force_login(cast.democratic_support)
    assert "Out of date" in client.get(url("report", report)).content.decode()


def test_staff_preview_pdf_is_the_full_version_marked_draft(client, officer):
    """The author previews the full report as PDF, marked DRAFT until it is published."""
    import io

    from pypdf import PdfReader

    report = BriefingReportFactory(author=officer)
    client.force_login(officer)
    response = client.get(reverse("scrutiny:report-pdf", kwargs={"pk": report.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "DRAFT" in text and report.title in text


def test_staff_preview_pdf_is_refused_to_the_public_and_other_officers(client, other_officer):
    report = BriefingReportFactory()
    url = reverse("scrutiny:report-pdf", kwargs={"pk": report.pk})
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(other_officer)
    assert client.get(url).status_code == 403


# — approvals carry the version shown (SIGNOFF-1) -----------------------------------------------


def shown_version(response):
    import re

    return re.search(r'name="version" value="(\d+)"', response.content.decode()).group(1)


def author_edits(report, text="Changed after the page was opened."):
    from scrutiny import services
    from scrutiny.models import BriefingReport

    report = BriefingReport.objects.get(pk=report.pk)
    report.purpose = text
    services.save_edits(report, actor=report.author, fields=["purpose"])


def test_sign_off_on_a_version_the_reviewer_never_saw_is_refused_SIGNOFF_1(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    page = url("sign-off", in_sign_off, department="finance")
    seen = shown_version(client.get(page))
    author_edits(in_sign_off)

    refused = client.post(page, {"version": seen})

    assert refused.status_code == 200
    body = refused.content.decode()
    assert "has changed since you opened this page: it is now version 2" in body
    assert f'href="{url("report", in_sign_off)}"' in body and "Read version 2, the current version" in body
    assert not in_sign_off.sign_offs.filter(department__slug="finance").exists()
    assert client.post(page, {"version": shown_version(refused)}).status_code == 302
    assert in_sign_off.sign_offs.get(department__slug="finance").content_version == 2


@pytest.mark.parametrize(
    "page, at, actor",
    [("agree", Status.AWAITING_DIRECTOR, "lead_director"), ("approve", Status.AWAITING_CABINET_MEMBER, "lead_member")],
)
def test_agreement_or_approval_on_a_version_never_seen_is_refused_SIGNOFF_1(client, cast, page, at, actor):
    from scrutiny import services

    report = BriefingReportFactory(state=at)
    person = getattr(report, actor)
    client.force_login(person)
    seen = shown_version(client.get(url(page, report)))
    services.return_to_author(report, actor=person, comment="Please add the costs.")
    author_edits(report, "With the costs.")
    advance(report, to=at, cast=cast)

    refused = client.post(url(page, report), {"comment": "", "version": seen})

    assert refused.status_code == 200
    assert "it is now version" in refused.content.decode()
    report.refresh_from_db()
    assert report.status == at


# — a second click is told it is done, not shown a 403 ------------------------------------------


def flashed(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_second_click_on_publish_says_already_published(client, cast):
    report = BriefingReportFactory(state=Status.APPROVED)
    client.force_login(cast.democratic_support)
    client.post(url("publish", report))

    again = client.post(url("publish", report))

    assert again.status_code == 302 and again.url == url("report", report)
    assert flashed(again)[-1] == "This report has already been published."
    assert report.events.filter(action="publish").count() == 1


@pytest.mark.parametrize(
    "page, at, actor, phrase",
    [
        ("agree", Status.AWAITING_DIRECTOR, "lead_director", "agreed by the strategic director"),
        ("approve", Status.AWAITING_CABINET_MEMBER, "lead_member", "approved by the cabinet member"),
    ],
)
def test_second_click_on_agree_or_approve_says_already_done(client, page, at, actor, phrase):
    report = BriefingReportFactory(state=at)
    client.force_login(getattr(report, actor))
    assert client.post(url(page, report), {"comment": ""}).status_code == 302

    again = client.post(url(page, report), {"comment": ""})

    assert again.status_code == 302 and flashed(again)[-1] == f"This report has already been {phrase}."


def test_second_click_on_sign_off_goes_to_the_report(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    page = url("sign-off", in_sign_off, department="finance")
    client.post(page)
    code = in_sign_off.sign_offs.get(department__slug="finance").code

    again = client.post(page)

    assert again.status_code == 302 and again.url == url("report", in_sign_off)
    assert flashed(again)[-1] == f"Finance has already signed off this version, with the code {code}."
