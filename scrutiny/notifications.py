"""Emails about briefing reports. Called only after the transaction commits (see services)."""

from django.conf import settings
from django.core.mail import send_mail

from council import roles
from council.models import CouncilSettings, Department, User
from scrutiny.models import BriefingReport


def _link(report):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{report.get_absolute_url()}"


def _send(subject, body, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    council = CouncilSettings.load()
    return send_mail(
        subject, f"{body}\n\n{council.name}\nDecisions and scrutiny", settings.DEFAULT_FROM_EMAIL, recipients
    )


def _name(report):
    return f"briefing report “{report.title}” ({report.committee})"


def _report(pk):
    return BriefingReport.objects.select_related("author", "lead_director", "lead_member", "committee").get(pk=pk)


def sign_off_needed(report_pk, department_pks):
    report = _report(report_pk)
    for department in Department.objects.filter(pk__in=department_pks).select_related("reviewer_group"):
        emails = User.objects.filter(groups=department.reviewer_group, is_active=True).values_list("email", flat=True)
        _send(
            f"Sign-off needed: {_name(report)}",
            f"{report.author_name} has submitted a briefing report for {department.name} sign-off.\n\n"
            f"Open it: {_link(report)}",
            emails,
        )


def director_agreement_needed(report_pk):
    report = _report(report_pk)
    if report.lead_director:
        _send(
            f"Your agreement is needed: {_name(report)}",
            f"Every sign-off is in place. As lead strategic director, please agree the report.\n\n"
            f"Open it: {_link(report)}",
            [report.lead_director.email],
        )


def cabinet_approval_needed(report_pk):
    report = _report(report_pk)
    if report.lead_member:
        _send(
            f"Your approval is needed: {_name(report)}",
            f"{report.director_agreed_by_name} has agreed the report. As lead member, please approve it.\n\n"
            f"Open it: {_link(report)}",
            [report.lead_member.email],
        )


def ready_to_publish(report_pk):
    report = _report(report_pk)
    emails = User.objects.filter(groups__name=roles.DEMOCRATIC_SUPPORT, is_active=True).values_list("email", flat=True)
    _send(
        f"Ready to publish: {_name(report)}",
        f"{report.cabinet_approval_display} on {report.cabinet_approved_on:%-d %B %Y}. "
        f"Publish it to the agenda of {report.meeting}.\n\nOpen it: {_link(report)}",
        emails,
    )


def returned_to_author(report_pk, comment):
    report = _report(report_pk)
    _send(
        f"Returned to you: {_name(report)}",
        f"Your briefing report has been returned with these comments:\n\n{comment}\n\nOpen it: {_link(report)}",
        [report.author.email],
    )


def published(report_pk):
    report = _report(report_pk)
    _send(
        f"Published: {_name(report)}",
        f"Democratic Support has published your report on the agenda of {report.meeting}.\n\nOpen it: {_link(report)}",
        [report.author.email],
    )
