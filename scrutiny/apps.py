"""The scrutiny app: shares sign-off codes with decision records and registers each role's queue
of briefing reports on the staff home page (each item links to the report's staff page)."""

from dataclasses import dataclass

from django.apps import AppConfig
from django.urls import reverse


def _item(report, hint="", url="", returned=None):
    from records.worklists import returned_hint

    return {
        "label": f"Briefing report: {report.title or 'Untitled briefing report'}",
        "url": url or report.get_absolute_url(),
        "status": "Returned to you" if returned else report.get_status_display(),
        "hint": returned_hint(returned) if returned else hint,
        "returned": bool(returned),
    }


def public_reports_about(decision):
    """The published reports about a decision record, for its public page (`decisions.related`)."""
    from scrutiny.models import Status

    reports = decision.scrutiny_reports.filter(status=Status.PUBLISHED).select_related("committee", "meeting")
    return [
        {
            "title": report.title,
            "withheld": report.part2_not_for_publication if report.is_part_2 else "",
            "url": ""
            if report.is_part_2
            else reverse("committees:report", kwargs={"slug": report.committee.slug, "pk": report.pk}),
            "where": report.committee.name,
            "date": report.meeting.date if report.meeting else None,
        }
        for report in reports
    ]


# Fetchers are frozen dataclasses, not closures: registering twice (ready() run again in a test)
# compares equal, so a worklist is never listed twice.


@dataclass(frozen=True)
class AuthoredReports:
    limit: int = 20

    def __call__(self, user):
        from records.worklists import abandoned_draft
        from scrutiny.models import BriefingReport, ReportEvent, Status

        reports = (
            BriefingReport.objects.authored_by(user)
            .exclude(status=Status.WITHDRAWN)
            .exclude(abandoned_draft(ReportEvent, "report"))
            .order_by("-created_at")
        )
        # A draft opens on its task list, where the author works on it (and sees why it came back).
        return [
            _item(
                r,
                f"Updated {r.updated_at:%-d %B %Y}",
                url=reverse("scrutiny:tasks", kwargs={"pk": r.pk}) if r.status == Status.DRAFT else "",
                returned=r.last_return(),
            )
            for r in reports[: self.limit]
        ]


@dataclass(frozen=True)
class ReportsAwaitingSignOff:
    department_slug: str

    def __call__(self, user):
        from council.models import Department
        from scrutiny.models import BriefingReport

        department = Department.objects.filter(slug=self.department_slug, on_report_form=True).first()
        if department is None:
            return []
        reports = BriefingReport.objects.awaiting_sign_off_by(department).order_by("submitted_at", "pk")
        return [_item(r, f"Submitted {r.submitted_at:%-d %B %Y}" if r.submitted_at else "") for r in reports[:50]]


@dataclass(frozen=True)
class ReportsForPerson:
    """Reports waiting for the named lead director or lead member."""

    status: str
    field: str
    hint: str

    def __call__(self, user):
        from scrutiny.models import BriefingReport

        reports = BriefingReport.objects.filter(status=self.status, **{self.field: user}).order_by("updated_at")
        return [_item(r, self.hint) for r in reports[:50]]


@dataclass(frozen=True)
class ReportsByStatus:
    status: str
    hint: str = ""

    def __call__(self, user):
        from scrutiny.models import BriefingReport

        reports = BriefingReport.objects.filter(status=self.status).select_related("meeting").order_by("updated_at")
        return [_item(r, self.hint or (str(r.meeting) if r.meeting else "")) for r in reports[:50]]


@dataclass(frozen=True)
class ReportsPdfFailed:
    """Published reports whose public PDF failed, newest failure first: one query."""

    def __call__(self, user):
        from records.worklists import pdf_failed_item
        from scrutiny.models import BriefingReport, Status

        reports = BriefingReport.objects.filter(status=Status.PUBLISHED, public_pdf_failed_at__isnull=False).order_by(
            "-public_pdf_failed_at", "pk"
        )
        return [
            pdf_failed_item(r, f"Briefing report: {r.title}", reverse("scrutiny:report", kwargs={"pk": r.pk}))
            for r in reports[:50]
        ]


@dataclass(frozen=True)
class UpcomingMeetings:
    """Committees' meetings still to come, for Democratic Support, who arrange them."""

    limit: int = 10

    def __call__(self, user):
        from django.db.models import Count, Q

        from scrutiny.models import Meeting, Status, today

        meetings = (
            Meeting.objects.filter(date__gte=today())
            .select_related("committee")
            .annotate(published=Count("reports", filter=Q(reports__status=Status.PUBLISHED)))
            .order_by("date", "starts_at", "pk")
        )
        return [
            {
                "label": str(m),
                "url": reverse("scrutiny-manage:meeting", kwargs={"slug": m.committee.slug, "pk": m.pk}),
                "status": "Agenda published" if m.is_agenda_published else "No agenda yet",
                "hint": f"{m.published} report{'s' if m.published != 1 else ''} on the agenda"
                + (f", {m.venue}" if m.venue else ""),
            }
            for m in meetings[: self.limit]
        ]


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Overview and scrutiny"

    def ready(self):
        from council import pagecache, roles
        from council.defaults import DEPARTMENTS
        from council.worklists import Worklist, register
        from decisions import related
        from scrutiny.models import BriefingReport, Meeting, Status

        pagecache.watch(Meeting)
        # A published report is on its meeting's agenda; a withdrawn one leaves it.
        pagecache.watch(BriefingReport, public_statuses={Status.PUBLISHED, Status.WITHDRAWN})
        pagecache.watch_relation(BriefingReport, "decisions")
        related.register("Scrutiny reports about this decision", public_reports_about)

        register(
            Worklist(
                roles.OFFICER,
                "Your briefing reports",
                AuthoredReports(),
                "You have no briefing reports yet.",
                action=("Start a new briefing report", "scrutiny:start"),
            )
        )
        for name, slug, _label, _on_decision, _mandatory, on_report, *_rest, group in DEPARTMENTS:
            if on_report:
                register(
                    Worklist(
                        group,
                        f"Briefing reports waiting for {name} sign-off",
                        ReportsAwaitingSignOff(slug),
                        f"No briefing report is waiting for {name} sign-off.",
                    )
                )
        register(
            Worklist(
                roles.DECISION_MAKER,
                "Briefing reports waiting for your agreement",
                ReportsForPerson(Status.AWAITING_DIRECTOR, "lead_director", "Agree the report as strategic director"),
                "No briefing report is waiting for your agreement.",
            )
        )
        register(
            Worklist(
                roles.CABINET_MEMBER,
                "Briefing reports waiting for your approval",
                ReportsForPerson(Status.AWAITING_CABINET_MEMBER, "lead_member", "Approve the report as lead member"),
                "No briefing report is waiting for your approval.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Committee meetings coming up",
                UpcomingMeetings(),
                "No committee meeting is arranged yet.",
                action=("Manage committees and meetings", "scrutiny-manage:list"),
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Briefing reports approved, ready to publish",
                ReportsByStatus(Status.APPROVED),
                "No approved briefing report is waiting to be published.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Briefing reports waiting for a cabinet member's approval",
                ReportsByStatus(Status.AWAITING_CABINET_MEMBER, "Record an approval given by email"),
                "No briefing report is waiting for a cabinet member's approval.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Published briefing reports whose PDF could not be made",
                ReportsPdfFailed(),
                "Every published briefing report has its PDF.",
            )
        )
