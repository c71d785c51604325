"""A notice of the statutory clock about one key decision: general exception (reg 10, EXEC-6) or
special urgency (reg 11, EXEC-7).

A notice is a record on the shared core (`records.models.Record`: timestamps, publication, the
author's name) with an append-only history (`Event`). It is given, and published, by Democratic
Support in one step (`notices.services`); a general exception notice's reasons follow later, as
their own notice (`reasons_published_at`). What the public sees is copied onto the notice when it
is given (the matter, the decision maker), so a notice never reads a decision's exempt fields.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from records.models import Record, RecordEvent, RecordQuerySet


class Status(models.TextChoices):
    PUBLISHED = "published", "Published"


class Kind(models.TextChoices):
    GENERAL_EXCEPTION = "general_exception", "General exception"  # EXEC-6
    SPECIAL_URGENCY = "special_urgency", "Special urgency"  # EXEC-7


class NoticeQuerySet(RecordQuerySet):
    def public(self):
        return self.filter(status=Status.PUBLISHED, published_at__isnull=False)


class Notice(Record):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    decision = models.ForeignKey("decisions.Decision", on_delete=models.PROTECT, related_name="notices")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED, editable=False)
    # Democratic Support, who gave the notice.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The public part, copied from the decision when the notice is given.
    title = models.CharField("matter to be decided", max_length=300)
    decision_maker_name = models.CharField(max_length=200, blank=True)
    decision_maker_job_title = models.CharField(max_length=200, blank=True)
    # Why 28 days' notice is impracticable (general exception), or why the decision cannot
    # reasonably be deferred (special urgency).
    reasons = models.TextField()
    # General exception: the written notice to the chair of the relevant overview and scrutiny committee.
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    chair_name = models.CharField(max_length=200, blank=True)
    committee_name = models.CharField(max_length=200, blank=True)
    chair_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the notice of the reasons was published (reg 10(4), reg 11(c)); the reasons stay
    # off the public page until then.
    reasons_published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NoticeQuerySet.as_manager()

    # A notice is given published: no draft, no sign-off. What it said stays as it was published;
    # only a general exception notice's reasons follow (reg 10(4)), with the chair's notification.
    DRAFT_STATUS = None
    SIGN_OFF_STATUS = None
    FROZEN_STATUSES = frozenset({Status.PUBLISHED})
    FROZEN_MESSAGE = "This notice is published: its {field} cannot be changed."
    FROZEN_REOPEN_MESSAGE = "This notice is published: it cannot be taken back."
    FIELDS_EDITABLE_WHEN_FROZEN = Record.FIELDS_EDITABLE_WHEN_FROZEN | {
        "reasons",
        "reasons_published_at",
        "chair_notified_at",
        "revision",
        "content_version",
    }

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind"], name="one_notice_per_decision_and_kind"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="notice_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} notice: {self.title}"

    def get_absolute_url(self):
        return reverse("notices:detail", kwargs={"pk": self.pk})

    @property
    def published_on(self):
        """The day the notice was published, in the council's time zone: the clock counts from it."""
        from django.utils import timezone

        return timezone.localdate(self.published_at) if self.published_at else None

    @property
    def part2_paragraphs_withheld(self):
        return []  # a notice holds only public text


class Event(RecordEvent):
    """The append-only history of a notice: published, chair notified, reasons published."""

    WORKFLOW_MODULE = "notices.workflow"
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)

    class Meta(RecordEvent.Meta):
        pass
