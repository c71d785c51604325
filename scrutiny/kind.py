"""The briefing report as a kind of record (`records.kinds`): declared once, here.

The review pages, the staff home's queues, the authoring pages and the shared services all take
what they need of a briefing report from `KIND`.
"""

from records.kinds import Kind, Modules, Words
from scrutiny import documents, notifications, permissions, rules, workflow
from scrutiny.models import BriefingReport, Status


def report_label(report):
    return f"Briefing report: {report.title or 'Untitled briefing report'}"


def meeting_hint(report):
    return str(report.meeting) if report.meeting else ""


def staff_queryset():
    """What the report's staff pages read."""
    return BriefingReport.objects.select_related(
        "committee__chair",
        "meeting__committee",
        "author__directorate",
        "lead_member",
        "lead_member_portfolio",
        "lead_director",
        "priority",
        "originating_slt_member",
    ).prefetch_related(
        "sections",
        "appendices",
        "background_papers",
        "applicable_departments",
        "decisions",
        "sign_offs__department",
        "events",
    )


KIND = Kind(
    model=BriefingReport,
    statuses=Status,
    words=Words("briefing report", short_noun="report", untitled="Untitled briefing report"),
    modules=Modules(permissions, rules, workflow, notifications, documents),
    label=report_label,
    queryset=staff_queryset,
    caption="scrutiny/record/_caption.html",
    tags={
        Status.DRAFT: "grey",
        Status.PUBLISHED: "green",
        Status.APPROVED: "teal",
        Status.WITHDRAWN: "red",
        None: "yellow",
    },
    page="report",
    status_hint=meeting_hint,
    status_related=("meeting",),
)
