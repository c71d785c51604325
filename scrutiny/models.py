"""Overview and scrutiny: committees' meetings and the briefing reports on their agendas.

A briefing report is the council's Word template (seed 003) as structured fields: the header
table, the six fixed sections, the body as ordered `ReportSection`s, appendices and background
papers (each a Schedule 12A `Exemption`), the sign-off row (`ReportSignOff`, codes shared with
decision records through `council.codes`), the strategic director's agreement and the cabinet
member's approval. The history is the append-only `ReportEvent`.

A published report is frozen: `BriefingReport.save()` refuses to change any of its content and
its children refuse to be saved or deleted, exactly as a decided decision record does.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from council import codes
from council.models import CabinetPortfolio, Committee, Department, Priority
from decisions.models import Decision
from records.models import AppendOnlyEvent, Exemption, FrozenRecord, not_for_publication_text


class FrozenReport(FrozenRecord):
    """Raised when anything tries to change a report after it has been published.

    A `FrozenRecord`, so code that guards any kind of record catches it; its own message names the report.
    """

    def __init__(self, message="This report has been published and cannot be changed."):
        super().__init__(message)  # code="frozen", as every FrozenRecord


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_SIGN_OFF = "in_sign_off", "In sign-off"
    AWAITING_DIRECTOR = "awaiting_director", "Awaiting the strategic director"
    AWAITING_CABINET_MEMBER = "awaiting_cabinet_member", "Awaiting the cabinet member"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


FROZEN_STATUSES = {Status.PUBLISHED}


class Confidentiality(models.TextChoices):
    PART_1 = "part_1", "Part I - Official"
    PART_2 = "part_2", "Part II - Not for publication"


class ApprovalHow(models.TextChoices):
    IN_SYSTEM = "in_system", "In this system"
    EMAIL = "email", "By email"
    OTHER = "other", "Another way (in writing)"


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


class BriefingReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def authored_by(self, user):
        return self.filter(author=user)

    def awaiting_sign_off_by(self, department):
        """Submitted reports this department applies to and has no current sign-off on."""
        applies = Q() if department.mandatory_for_reports else Q(applicable_departments=department)
        current = ReportSignOff.objects.filter(
            report=models.OuterRef("pk"),
            department=department,
            content_version=models.OuterRef("content_version"),
        )
        return self.filter(applies, status=Status.IN_SIGN_OFF).exclude(models.Exists(current)).distinct()


class BriefingReport(Exemption):
    """A briefing report to an overview and scrutiny committee (seed 003).

    The inherited `Exemption` fields are the Part II exemption (S12A-2): used when
    `confidentiality` is Part II.
    """

    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT, editable=False)
    content_version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up with every edit after submission: older sign-offs go stale."
    )
    revision = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up with every saved change, drafts too: stale forms are refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)

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
    author_name = models.CharField(max_length=200, blank=True, editable=False)
    author_job_title = models.CharField(max_length=200, blank=True, editable=False)
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
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    # — the public PDF, rendered once on publication (scrutiny.documents) and kept with its hash
    public_pdf = models.FileField(max_length=300, blank=True, editable=False)
    public_pdf_sha256 = models.CharField("SHA-256 of the public PDF", max_length=64, blank=True, editable=False)
    public_pdf_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    public_pdf_rendered_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Why the last attempt to make the public PDF failed, until one succeeds: Democratic Support
    # sees it on the staff page and can try again (`services.retry_public_pdf`).
    public_pdf_error = models.TextField("why the public PDF could not be made", blank=True, editable=False)
    public_pdf_failed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = BriefingReportQuerySet.as_manager()

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

    # Fields that may still change on a published report: bookkeeping only.
    WORKFLOW_FIELDS = {"updated_at"}
    # Stored once after publication, then never changed.
    PUBLIC_PDF_FIELDS = {"public_pdf", "public_pdf_sha256", "public_pdf_size", "public_pdf_rendered_at"}
    # A failed render and its retry are bookkeeping about the PDF, not content: they may change.
    PDF_FAILURE_FIELDS = {"public_pdf_error", "public_pdf_failed_at"}

    def save(self, *args, **kwargs):
        if self.pk:
            self._refuse_change_if_frozen()
        super().save(*args, **kwargs)

    def _refuse_change_if_frozen(self):
        stored = BriefingReport.objects.filter(pk=self.pk).values().first()
        if stored and stored["public_pdf_sha256"]:
            for name in self.PUBLIC_PDF_FIELDS:
                if stored[name] != getattr(self, self._meta.get_field(name).attname):
                    raise FrozenReport("This report's public PDF has been stored: it cannot be changed.")
        if not stored or stored["status"] not in FROZEN_STATUSES:
            return
        for field in self._meta.concrete_fields:
            if field.attname in self.WORKFLOW_FIELDS or field.name in self.PUBLIC_PDF_FIELDS | self.PDF_FAILURE_FIELDS:
                continue
            if stored[field.attname] != getattr(self, field.attname):
                raise FrozenReport(f"This report has been published: its {field.verbose_name} cannot be changed.")

    def delete(self, *args, **kwargs):
        stored = BriefingReport.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if self.status in FROZEN_STATUSES or stored in FROZEN_STATUSES:
            raise FrozenReport()
        return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        # The staff page of the report (scrutiny/views/review.py); the public one is under /committees/.
        return reverse("scrutiny:report", kwargs={"pk": self.pk})

    def last_return(self):
        """The event that sent a submitted report back to its author, while it waits in draft."""
        if self.status != Status.DRAFT or self.submitted_at is None:
            return None
        return self.events.filter(action="return").order_by("-at", "-pk").first()

    @property
    def is_frozen(self):
        return self.status in FROZEN_STATUSES

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED

    @property
    def is_part_2(self):
        return self.confidentiality == Confidentiality.PART_2

    @property
    def part2_not_for_publication(self):
        return not_for_publication_text(self.exempt_paragraphs) if self.is_part_2 else ""

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


def _refuse_if_parent_frozen(child):
    status = BriefingReport.objects.filter(pk=child.report_id).values_list("status", flat=True).first()
    if status in FROZEN_STATUSES:
        raise FrozenReport()


class _ReportChild(models.Model):
    """Refuses to change once its report is published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        _refuse_if_parent_frozen(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_parent_frozen(self)
        return super().delete(*args, **kwargs)


class ReportSection(_ReportChild):
    """A body section: heading and plain text (blank-line paragraphs, "- " bullets, "1. " numbers).

    `order` is dense (1, 2, 3 ...) within a report; services keep it so. A level-2 section is a
    sub-heading of the level-1 section before it ("Caseloads and performance" under "Evidence of
    impact"); a level-1 section followed by sub-sections may have no text of its own.
    """

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


def report_appendix_upload_to(instance, filename):
    return f"private/scrutiny/{instance.report_id}/appendices/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class ReportAppendix(Exemption, _ReportChild):
    """An appendix (A, B, ...), its file optional and stored privately; may be exempt (S12A-4)."""

    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="appendices")
    ref = models.CharField(max_length=4)
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=report_appendix_upload_to, max_length=300, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["ref"]
        verbose_name = "appendix"
        verbose_name_plural = "appendices"
        constraints = [models.UniqueConstraint(fields=["report", "ref"], name="report_appendix_ref_unique")]

    def __str__(self):
        return f"Appendix {self.ref}: {self.title}"


class ReportBackgroundPaper(Exemption, _ReportChild):
    """An unpublished work relied on in preparing the report; may be exempt."""

    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="background_papers")
    title = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "background paper"

    def __str__(self):
        return self.title


class ReportSignOff(_ReportChild):
    """A department's sign-off code on one version of a report. Codes are unique per department
    across decision records and reports (`council.IssuedCode`, written through on creation)."""

    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="sign_offs")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="report_sign_offs")
    code = models.CharField(max_length=60)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    content_version = models.PositiveIntegerField(help_text="The report's version this sign-off was given on.")

    class Meta:
        ordering = ["department__order", "-issued_at"]
        verbose_name = "sign-off"
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="report_sign_off_code_unique_per_department")
        ]

    def __str__(self):
        return f"{self.department.report_label or self.department}: {self.code}"

    def save(self, *args, **kwargs):
        creating = self._state.adding
        super().save(*args, **kwargs)
        if creating:
            # One namespace per department across every kind of record (council.IssuedCode).
            codes.record_issued(self.department_id, self.code)

    @property
    def is_current(self):
        return self.content_version == self.report.content_version


class ReportEvent(AppendOnlyEvent):
    """The append-only history of a report: who did what, when, from which state to which."""

    report = models.ForeignKey(BriefingReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    comment = models.TextField(blank=True)

    class Meta(AppendOnlyEvent.Meta):
        verbose_name = "event"

    @property
    def action_label(self):
        from scrutiny.workflow import ACTION_LABELS

        return ACTION_LABELS.get(self.action, self.action.replace("_", " ").capitalize())


class CommitteeEvent(AppendOnlyEvent):
    """The append-only history of Democratic Support's changes to a committee and its meetings."""

    class Action(models.TextChoices):
        COMMITTEE_CHANGED = "committee_changed", "Changed the committee"
        MEETING_SCHEDULED = "meeting_scheduled", "Added a meeting"
        MEETING_CHANGED = "meeting_changed", "Changed a meeting"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="events")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40, choices=Action.choices)
    summary = models.TextField(blank=True)

    class Meta(AppendOnlyEvent.Meta):
        verbose_name = "committee event"


def today():
    return timezone.localdate()
