"""Overview and scrutiny: committees' meetings and the briefing reports on their agendas.

A briefing report is the council's Word template (seed 003) as structured fields: the header
table, the six fixed sections, the body as ordered `ReportSection`s, appendices and background
papers (each a Schedule 12A `Exemption`), the sign-off row (`ReportSignOff`, codes shared with
decision records through `council.codes`), the strategic director's agreement and the cabinet
member's approval. The history is the append-only `ReportEvent`.

A published report is frozen: `BriefingReport.save()` refuses to change any of its content and
its children refuse to be saved or deleted, exactly as a decided decision record does: the
columns and guards both share are the abstract bases in `records.models`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from council.models import CabinetPortfolio, Committee, Department, Priority
from decisions.models import Decision
from records import models as core
from records.models import appendix_upload_to
from records.workflow import statuses


class FrozenReport(core.FrozenRecord):
    """Raised when anything tries to change a report after it has been published.

    A `FrozenRecord`, so code that guards any kind of record catches it; its own message names the report.
    """

    def __init__(self, message="This report has been published and cannot be changed."):
        super().__init__(message)  # code="frozen", as every FrozenRecord


Status = statuses(
    __name__,
    ("awaiting_director", "Awaiting the strategic director"),
    ("awaiting_cabinet_member", "Awaiting the cabinet member"),
    ("approved", "Approved"),
)


FROZEN_STATUSES = {Status.PUBLISHED}


class Confidentiality(models.TextChoices):
    PART_1 = "part_1", "Part I - Official"
    PART_2 = "part_2", "Part II - Not for publication"


# How the cabinet member's approval was given.
ApprovalHow = core.HowGiven


# — meetings -------------------------------------------------------------------------------------


class MeetingQuerySet(models.QuerySet):
    def with_published_agenda(self):
        return self.filter(agenda_published_at__isnull=False)


class Meeting(models.Model):
    """A meeting of an overview and scrutiny committee; its agenda is its published reports, in order."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    agenda_published_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="Set when Democratic Support first publishes a report to it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["committee__order", "date", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "date", "starts_at"], name="meeting_unique_per_committee_time")
        ]

    def __str__(self):
        return f"{self.committee}, {self.date:%-d %B %Y}"

    @property
    def is_agenda_published(self):
        return self.agenda_published_at is not None

    def agenda(self):
        """The published reports, in agenda order."""
        return self.reports.filter(status=Status.PUBLISHED).order_by("agenda_position", "pk")


# — the briefing report ---------------------------------------------------------------------------


class BriefingReport(core.Exemption, core.Record):
    """A briefing report to an overview and scrutiny committee (seed 003).

    The inherited `Exemption` fields are the Part II exemption (S12A-2): used when
    `confidentiality` is Part II. Versions, timestamps, publication and the public PDF are
    `Record`'s columns.
    """

    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT, editable=False)

    # — header table
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="briefing_reports")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    title = models.CharField("title of report", max_length=300, blank=True)
    lead_member_portfolio = models.ForeignKey(
        CabinetPortfolio, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lead_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="led_reports"
    )
    lead_member_name = models.CharField(max_length=200, blank=True, editable=False, help_text="As on the day.")
    lead_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directed_reports",
        verbose_name="lead strategic director",
    )
    lead_director_name = models.CharField(max_length=200, blank=True, editable=False)
    lead_director_job_title = models.CharField(max_length=200, blank=True, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_reports")
    author_email = models.EmailField("contact email", blank=True)
    your_reference = models.CharField("your reference", max_length=100, blank=True)
    is_key_decision = models.BooleanField("key decision", null=True, blank=True)
    confidentiality = models.CharField(max_length=10, choices=Confidentiality.choices, blank=True)
    part2_title = models.CharField("title of the Part II report", max_length=300, blank=True)

    # — the six fixed sections
    purpose = models.TextField("purpose of report", blank=True)
    recommendations = models.TextField("recommendations and reasons", blank=True)
    alternatives = models.TextField("alternative options considered and rejected", blank=True)
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.PROTECT)
    plan_relevance = models.TextField("relevance to the Corporate Plan and/or the Plymouth Plan", blank=True)
    financial_implications = models.TextField(
        "implications for the Medium Term Financial Plan and resource implications", blank=True
    )
    carbon_implications = models.TextField("carbon footprint (environmental) implications", blank=True)

    # — sign-off row: departments with mandatory_for_reports always apply; these are the others chosen.
    applicable_departments = models.ManyToManyField(Department, blank=True, related_name="+")
    originating_slt_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="originated_reports",
        verbose_name="originating Senior Leadership Team member",
    )
    originating_slt_member_name = models.CharField(max_length=200, blank=True, editable=False)

    # — the strategic director's agreement
    director_agreed_on = models.DateField("date the strategic director agreed", null=True, blank=True, editable=False)
    director_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    director_agreed_by_name = models.CharField(max_length=200, blank=True, editable=False)

    # — the cabinet member's approval
    cabinet_approved_on = models.DateField("date the cabinet member approved", null=True, blank=True, editable=False)
    cabinet_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    cabinet_approver_name = models.CharField(max_length=200, blank=True, editable=False)
    cabinet_approval_how = models.CharField(max_length=10, choices=ApprovalHow.choices, blank=True, editable=False)
    cabinet_approval_evidence = models.TextField(blank=True, editable=False)
    cabinet_approval_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )

    # — the decisions it is about; a published decision lists its published reports.
    decisions = models.ManyToManyField(Decision, blank=True, related_name="scrutiny_reports")

    # — publication on the meeting's agenda
    agenda_position = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    objects = core.RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="report_status_valid"),
            models.CheckConstraint(
                condition=~Q(status="published") | (Q(meeting__isnull=False) & Q(published_at__isnull=False)),
                name="report_published_on_a_meeting",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["awaiting_cabinet_member", "approved", "published"])
                | Q(director_agreed_on__isnull=False),
                name="report_director_agreed_before_cabinet",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "published"]) | Q(cabinet_approved_on__isnull=False),
                name="report_approved_has_date",
            ),
            models.UniqueConstraint(
                fields=["meeting", "agenda_position"],
                condition=Q(agenda_position__isnull=False),
                name="report_agenda_position_unique",
            ),
        ]
        permissions = [("publish_briefingreport", "Can publish briefing reports")]

    def __str__(self):
        return self.title or "Untitled briefing report"

    RETENTION_STARTS_FIELD = "meeting__date"  # a published report's: it has a meeting by then

    @property
    def retention_starts_on(self):
        """OLGB-6 (LGA 1972 ss. 100C, 100D): six years (its background papers four) beginning with the
        date of the meeting it is published for."""
        return self.meeting.date if self.is_public and self.meeting_id else None

    # Frozen once published (`Record._refuse_change_if_frozen`), in the report's own words.
    FROZEN_STATUSES = FROZEN_STATUSES
    FROZEN_ERROR = FrozenReport
    FROZEN_MESSAGE = "This report has been published: its {field} cannot be changed."
    FROZEN_REOPEN_MESSAGE = "This report has been published: its status cannot be changed."
    FROZEN_PDF_MESSAGE = "This report's public PDF has been stored: it cannot be changed."
    DEPARTMENT_MANDATORY_FLAG = "mandatory_for_reports"

    def get_absolute_url(self):
        # The staff page of the report (scrutiny/views/review.py); the public one is under /committees/.
        return reverse("scrutiny:report", kwargs={"pk": self.pk})

    @property
    def is_part_2(self):
        return self.confidentiality == Confidentiality.PART_2

    @property
    def part2_paragraphs_withheld(self):
        return self.exempt_paragraphs if self.is_part_2 else []

    @property
    def cabinet_approval_display(self):
        """As the template writes it: "Cllr Dave Downie – approved by email"."""
        if not self.cabinet_approved_on:
            return ""
        how = {
            ApprovalHow.EMAIL: "approved by email",
            ApprovalHow.IN_SYSTEM: "approved in this system",
            ApprovalHow.OTHER: "approved in writing",
        }.get(self.cabinet_approval_how, "approved")
        return f"{self.cabinet_approver_name} – {how}"


class ReportSection(core.RecordChild):
    """A body section: heading and plain text (blank-line paragraphs, "- " bullets, "1. " numbers).

    `order` is dense (1, 2, 3 ...) within a report; services keep it so. A level-2 section is a
    sub-heading of the level-1 section before it ("Caseloads and performance" under "Evidence of
    impact"); a level-1 section followed by sub-sections may have no text of its own.
    """

    RECORD_FIELD = "report"
    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    level = models.PositiveSmallIntegerField(default=1, choices=[(1, "Section"), (2, "Sub-section")])
    heading = models.CharField(max_length=300)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "order"], name="report_section_order_unique"),
            models.CheckConstraint(condition=Q(level__in=[1, 2]), name="report_section_level_valid"),
        ]

    def __str__(self):
        return self.heading


# Named in the first migration: it stays importable here (the shared one, `AppendixBase.file`'s).
report_appendix_upload_to = appendix_upload_to


class ReportAppendix(core.AppendixBase):
    RECORD_FIELD = "report"
    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="appendices")

    class Meta(core.AppendixBase.Meta):
        verbose_name = "appendix"
        constraints = [models.UniqueConstraint(fields=["report", "ref"], name="report_appendix_ref_unique")]


class ReportBackgroundPaper(core.BackgroundPaperBase):
    RECORD_FIELD = "report"
    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="background_papers")

    class Meta(core.BackgroundPaperBase.Meta):
        verbose_name = "background paper"


class ReportSignOff(core.SignOffBase):
    """Codes are unique per department across decision records and reports (`council.IssuedCode`,
    written through on creation by `SignOffBase.save`)."""

    RECORD_FIELD = "report"
    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="sign_offs")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="report_sign_offs")
    content_version = models.PositiveIntegerField(help_text="The report's version this sign-off was given on.")

    class Meta(core.SignOffBase.Meta):
        verbose_name = "sign-off"
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="report_sign_off_code_unique_per_department")
        ]

    def __str__(self):
        return f"{self.department.report_label or self.department}: {self.code}"


class ReportEvent(core.RecordEvent):
    WORKFLOW_MODULE = "scrutiny.workflow"
    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)

    class Meta(core.RecordEvent.Meta):
        verbose_name = "event"


class CommitteeEvent(core.AppendOnlyEvent):
    """The append-only history of Democratic Support's changes to a committee and its meetings."""

    class Action(models.TextChoices):
        COMMITTEE_ADDED = "committee_added", "Added the committee"
        COMMITTEE_CHANGED = "committee_changed", "Changed the committee"
        MEETING_SCHEDULED = "meeting_scheduled", "Added a meeting"
        MEETING_CHANGED = "meeting_changed", "Changed a meeting"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="events")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40, choices=Action.choices)
    summary = models.TextField(blank=True)

    class Meta(core.AppendOnlyEvent.Meta):
        verbose_name = "committee event"


def today():
    return timezone.localdate()
