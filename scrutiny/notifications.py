"""Emails about briefing reports. Called only after the transaction commits (see services)."""

from council import roles
from council.models import User
from records import notifications
from records.notifications import send as _send
from scrutiny.models import BriefingReport


def _link(report):
    return notifications.link(report.get_absolute_url())


def _name(report):
    return f"briefing report “{report.title}” ({report.committee})"


def _report(pk):
    return BriefingReport.objects.select_related("author", "lead_director", "lead_member", "committee").get(pk=pk)


def sign_off_needed(report_pk, department_pks):
    report = _report(report_pk)
    notifications.sign_off_needed(
        report, department_pks, name=_name(report), what="a briefing report", url=_link(report)
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
    notifications.returned_to_author(report, comment, name=_name(report), what="briefing report", url=_link(report))


def published(report_pk):
    report = _report(report_pk)
    _send(
        f"Published: {_name(report)}",
        f"Democratic Support has published your report on the agenda of {report.meeting}.\n\nOpen it: {_link(report)}",
        [report.author.email],
    )
