"""The scrutiny app: shares sign-off codes with decision records and registers each role's queue
of briefing reports on the staff home page (each item links to the report's staff page)."""

from dataclasses import dataclass

from django.apps import AppConfig
from django.urls import reverse


def kind():
    """What the shared queues (`records.queues`) need to know of a briefing report: its declaration's."""
    from scrutiny.kind import KIND

    return KIND.queues


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
class ReportsForPerson:
    """Reports waiting for the named lead director or lead member."""

    status: str
    field: str
    hint: str

    def __call__(self, user):
        from scrutiny.models import BriefingReport

        reports = BriefingReport.objects.filter(status=self.status, **{self.field: user}).order_by("updated_at")
        return [kind().item(r, self.hint) for r in reports[:50]]


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
        from records.queues import Authored, AwaitingSignOff, ByStatus, PapersPastRetention, PdfFailed
        from scrutiny.models import BriefingReport, Meeting, Status

        reports = kind()
        pagecache.watch(Meeting)
        # A published report is on its meeting's agenda; a withdrawn one leaves it.
        pagecache.watch(BriefingReport, public_statuses={Status.PUBLISHED, Status.WITHDRAWN})
        pagecache.watch_relation(BriefingReport, "decisions")
        related.register("Scrutiny reports about this decision", public_reports_about)

        register(
            Worklist(
                roles.OFFICER,
                "Your briefing reports",
                Authored(reports),
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
                        AwaitingSignOff(reports, slug, on_report_form=True),
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
                ByStatus(reports, Status.APPROVED, order="updated_at"),
                "No approved briefing report is waiting to be published.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Briefing reports waiting for a cabinet member's approval",
                ByStatus(reports, Status.AWAITING_CABINET_MEMBER, "Record an approval given by email", "updated_at"),
                "No briefing report is waiting for a cabinet member's approval.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Published briefing reports whose PDF could not be made",
                PdfFailed(reports),
                "Every published briefing report has its PDF.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Briefing reports' background papers past their retention date",
                PapersPastRetention(reports),
                "No published briefing report has background papers past their retention date.",
            )
        )
