"""The Forward Plan: notices of key decisions (reg 9 of the 2012 Regulations; EXEC-5).

A plan item is a kind of record on the shared core (`records.models.Record`): versions,
timestamps, the author's name, publication. An officer proposes it, Democratic Support publishes
it; its first publication is the notice EXEC-5 counts 28 clear days from, so `first_published_at`
is set once and never changes. Later changes, deferrals and a withdrawal stay public, each an
append-only `Event`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from council.models import CabinetPortfolio, Directorate
from records.models import SCHEDULE_12A, FrozenRecord, Record, RecordEvent, RecordQuerySet, not_for_publication_text


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for Democratic Support"  # the officer proposed it
    PUBLISHED = "published", "Published"  # on the public plan
    DEFERRED = "deferred", "Deferred"  # still public, with the reason and a new date
    WITHDRAWN = "withdrawn", "Withdrawn"  # still public (history), with the reason


# Once published, an item stays public in each of these (its history is part of the notice).
PUBLIC_STATUSES = frozenset({Status.PUBLISHED, Status.DEFERRED, Status.WITHDRAWN})


class DecisionMakerType(models.TextChoices):
    OFFICER = "officer", "An officer"
    CABINET = "cabinet", "The Cabinet"
    CABINET_MEMBER = "cabinet_member", "A cabinet member"


class FrozenPlanItem(FrozenRecord):
    def __init__(self, message="This Forward Plan item has been withdrawn and cannot be changed."):
        super().__init__(message)


class PlanItemQuerySet(RecordQuerySet):
    def public(self):
        """Items the public may see: published, deferred or withdrawn after being published; never
        a draft or an item waiting for Democratic Support."""
        return self.filter(status__in=PUBLIC_STATUSES, first_published_at__isnull=False)


class PlanItem(Record):
    """A notice of a key decision: what reg 9(1) says the Forward Plan states."""

    reference = models.CharField(max_length=20, blank=True, editable=False)  # "FP 2026/003", on first publication
    reference_slug = models.SlugField(max_length=30, blank=True, editable=False)  # "fp-2026-003"
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_plan_items")
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    # reg 9(1)(a)
    title = models.CharField("matter to be decided", max_length=300)
    summary = models.TextField("what the decision is about", blank=True)
    # reg 9(1)(b): the decision maker, and their name where an individual
    decision_maker_type = models.CharField(
        "who will make the decision", max_length=20, choices=DecisionMakerType.choices
    )
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="officer making the decision",
    )
    portfolio = models.ForeignKey(
        CabinetPortfolio,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="cabinet member's portfolio",
    )
    # reg 9(1)(d): the date, or the period, in which the decision is to be made
    expected_from = models.DateField("expected date of decision")
    expected_to = models.DateField("end of the period of decision", null=True, blank=True)
    # reg 9(1)(e)-(h)
    documents = models.TextField("documents to be submitted to the decision maker", blank=True)
    documents_how = models.TextField("how to get the documents", blank=True)
    other_documents = models.TextField("other documents relevant to the matter", blank=True)
    contact_name = models.CharField("contact for details", max_length=200, blank=True)
    contact_email = models.EmailField("contact email", blank=True)
    contact_phone = models.CharField("contact telephone", max_length=50, blank=True)
    # reg 9(1)(c), 9(2): whether the decision is expected to be taken in private, and why
    expected_exempt = models.BooleanField("part of it expected to be exempt", null=True)
    exempt_paragraphs = models.JSONField(
        "Schedule 12A paragraphs", default=list, blank=True, help_text="Paragraph numbers 1 to 7."
    )

    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)  # set once, never changes
    status_reason = models.TextField("why it was deferred or withdrawn", blank=True)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["expected_from", "pk"]
        verbose_name = "Forward Plan item"
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="plan_item_status_valid"),
            models.CheckConstraint(
                condition=Q(expected_to__isnull=True) | Q(expected_to__gte=models.F("expected_from")),
                name="plan_item_period_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(PUBLIC_STATUSES))
                | (Q(first_published_at__isnull=False) & ~Q(reference="")),
                name="plan_item_public_has_reference",
            ),
            models.UniqueConstraint(
                fields=["reference_slug"], condition=~Q(reference_slug=""), name="plan_item_reference_slug_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "expected_from"], name="plan_item_status_expected")]

    # A withdrawn item is history: nothing about it changes again.
    FROZEN_STATUSES = frozenset({Status.WITHDRAWN})
    FROZEN_ERROR = FrozenPlanItem
    FROZEN_MESSAGE = "This Forward Plan item has been withdrawn: its {field} cannot be changed."
    FROZEN_REOPEN_MESSAGE = "This Forward Plan item has been withdrawn: it cannot go back on the plan."
    SIGN_OFF_STATUS = None  # no department signs a notice off

    def __str__(self):
        return f"{self.reference}: {self.title}" if self.reference else self.title

    def get_absolute_url(self):
        # The staff page; the public one is /forward-plan/<reference_slug>/ (forwardplan_public:item).
        return reverse("forwardplan:item", kwargs={"pk": self.pk})

    @property
    def first_published_on(self):
        """The day of the notice, in the council's time zone: EXEC-5's clear days count from it."""
        return timezone.localdate(self.first_published_at) if self.first_published_at else None

    @property
    def is_on_public_plan(self):
        return self.status in PUBLIC_STATUSES and self.first_published_at is not None

    @property
    def is_exempt(self):
        return bool(self.expected_exempt)

    @property
    def exempt_paragraph_choices(self):
        return SCHEDULE_12A

    @property
    def not_for_publication(self):
        """The notice's words for the part expected to be exempt (reg 9(2)); public, as the notice is."""
        return not_for_publication_text(self.exempt_paragraphs) if self.is_exempt else ""

    @property
    def part2_paragraphs_withheld(self):
        # A notice holds no exempt text: it only says which paragraphs the decision will rely on.
        return []

    @property
    def decision_maker_display(self):
        if self.decision_maker_type == DecisionMakerType.OFFICER and self.decision_maker_id:
            return self.decision_maker.name_and_title
        if self.decision_maker_type == DecisionMakerType.CABINET_MEMBER and self.portfolio_id:
            return self.portfolio.member_and_title
        if self.decision_maker_type == DecisionMakerType.CABINET:
            return "The Cabinet"
        return ""

    @property
    def expected_display(self):
        if not self.expected_from:
            return ""
        if self.expected_to and self.expected_to != self.expected_from:
            return f"Between {self.expected_from:%-d %B %Y} and {self.expected_to:%-d %B %Y}"
        return f"{self.expected_from:%-d %B %Y}"

    def public_events(self):
        """The history the public sees: from the first publication on (publication, changes,
        deferrals, withdrawal); what happened while it was a draft stays with staff."""
        if not self.first_published_at:
            return self.events.none()
        return self.events.filter(at__gte=self.first_published_at, action__in=PUBLIC_EVENT_ACTIONS)


# Event actions that are part of the public notice's history (values of workflow.Action).
PUBLIC_EVENT_ACTIONS = ("publish", "edit", "defer", "republish", "withdraw")


class Event(RecordEvent):
    """The append-only history of a plan item: proposed, returned, published, changed (naming what
    changed), deferred, back on the plan, withdrawn."""

    WORKFLOW_MODULE = "forwardplan.workflow"
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)

    class Meta(RecordEvent.Meta):
        verbose_name = "event"


def today():
    return timezone.localdate()
