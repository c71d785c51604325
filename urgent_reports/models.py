"""The report to council of key decisions taken under special urgency (EXEC-8, reg 19).

Democratic Support generates one for a period; it keeps the decisions it found when it was
generated (so the page and the PDF never change after), and its PDF, rendered once by the worker.
A report row is never edited but once, when Democratic Support issues it to the Council: then,
and only then, it is public (`/urgent-decisions/`); who issued it, and when, is an event row.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from records.models import AppendOnlyEvent


class ReportQuerySet(models.QuerySet):
    def issued(self):
        """The reports the public sees: issued to the Council (EXEC-8)."""
        return self.filter(issued_at__isnull=False)


class UrgentDecisionsReport(models.Model):
    period_from = models.DateField()
    period_to = models.DateField()
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    generated_by_name = models.CharField(max_length=200)
    generated_at = models.DateTimeField()
    decisions = models.ManyToManyField("decisions.Decision", blank=True, related_name="+")
    # The PDF, as the worker stored it (records.documents.PublicPdf, the records' own machinery:
    # hence the names), and why it failed if it did.
    public_pdf = models.FileField(max_length=300, blank=True)
    public_pdf_sha256 = models.CharField(max_length=64, blank=True)
    public_pdf_size = models.PositiveIntegerField(null=True, blank=True)
    public_pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    public_pdf_error = models.TextField(blank=True)
    public_pdf_failed_at = models.DateTimeField(null=True, blank=True)
    # Issued to the Council: public from then on (set once, by services.issue_report).
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by_name = models.CharField(max_length=200, blank=True)

    objects = ReportQuerySet.as_manager()

    # A report is generated whole: PublicPdf renders records whose status is their published one.
    GENERATED = "generated"
    status = GENERATED

    class Meta:
        ordering = ["-generated_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_from__lte=models.F("period_to")), name="urgent_report_period")
        ]

    def __str__(self):
        return f"Key decisions taken under special urgency, {self.period}"

    def get_absolute_url(self):
        return reverse("urgent-reports:report", kwargs={"pk": self.pk})

    def get_public_url(self):
        return reverse("urgent-decisions:report", kwargs={"pk": self.pk})

    @property
    def is_issued(self):
        return self.issued_at is not None

    @property
    def period(self):
        return f"{self.period_from:%-d %B %Y} to {self.period_to:%-d %B %Y}"

    @property
    def pdf_state(self):
        if self.public_pdf_sha256:
            return "PDF ready"
        return "The PDF could not be made" if self.public_pdf_error else "PDF being prepared"


class UrgentReportEvent(AppendOnlyEvent):
    """A report's history beyond its generation (its own row): issuing it to the Council."""

    class Action(models.TextChoices):
        ISSUED = "issued", "Issued the report to the Council"

    report = models.ForeignKey(UrgentDecisionsReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40, choices=Action.choices)

    class Meta(AppendOnlyEvent.Meta):
        verbose_name = "report event"
