"""A call-in request (CALL-1): councillors ask for an executive decision to be called in for scrutiny.

A call-in is a record on the shared core (`records.models.Record`: timestamps, publication, the
author's name) with an append-only history (`CallInEvent`), declared once in `callin.kind`. It is
never drafted or signed off: a councillor asks (`callin.services.request_call_in`), others add
their names (`CallInSignatory`) until the constitution's rule is met (`callin.rules.meets_rule`),
Democratic Support validates it and schedules it for the scrutiny committee, and the committee's
outcome (and full council's, and the decision maker's reconsideration) is recorded. The decision's
own call-in state (`decisions.models_callin`) moves with it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from records.models import FrozenRecord, Record, RecordChild, RecordEvent, RecordQuerySet


class Status(models.TextChoices):
    GATHERING = "gathering", "Waiting for names"
    REQUESTED = "requested", "With Democratic Support"
    CALLED_IN = "called_in", "Called in"
    REJECTED = "rejected", "Not valid"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REFERRED_BACK = "referred_back", "Referred back to the decision maker"
    REFERRED_TO_COUNCIL = "referred_to_council", "Referred to full council"
    CLOSED = "closed", "Closed"


# A request still open: a second one on the same decision is refused while one of these stands.
OPEN_STATUSES = frozenset(
    {Status.GATHERING, Status.REQUESTED, Status.CALLED_IN, Status.REFERRED_BACK, Status.REFERRED_TO_COUNCIL}
)
# Validated: the request's reasons, the outcome and the dates are public from then on.
VALIDATED_STATUSES = frozenset({Status.CALLED_IN, Status.REFERRED_BACK, Status.REFERRED_TO_COUNCIL, Status.CLOSED})
# A GATHERING request whose window has closed has lapsed: shown so, nothing runs at midnight.
LAPSED_LABEL = "Lapsed"


class Outcome(models.TextChoices):
    """The scrutiny committee's outcome on a call-in."""

    NO_FURTHER_ACTION = "no_further_action", "No further action: the decision takes effect"
    REFERRED_BACK = "referred_back", "Referred back to the decision maker"
    REFERRED_TO_COUNCIL = "referred_to_council", "Referred to full council"


class CouncilOutcome(models.TextChoices):
    """Full council's outcome on a call-in referred to it."""

    NO_OBJECTION = "no_objection", "No objection: the decision takes effect"
    REFERRED_BACK = "referred_back", "Referred back to the decision maker"


class Reconsideration(models.TextChoices):
    """The decision maker's answer to a referral back."""

    CONFIRMED = "confirmed", "Confirmed the decision"
    CHANGED = "changed", "Took a changed decision"


class ClosedCallIn(FrozenRecord):
    def __init__(self, message="This call-in is closed and cannot be changed."):
        super().__init__(message)


class CallInQuerySet(RecordQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def validated(self):
        return self.filter(status__in=VALIDATED_STATUSES)


class CallIn(Record):
    # "CI 2026/001" (council.codes), given when the request is made.
    reference = models.CharField(max_length=20, blank=True, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GATHERING, editable=False)
    decision = models.ForeignKey("decisions.Decision", on_delete=models.PROTECT, related_name="call_ins")
    # The councillor who asked (the first signatory).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="call_ins_asked")
    # The decision's scrutiny committee on the day of the request, kept (None: the decision names none).
    committee = models.ForeignKey(
        "council.Committee", null=True, blank=True, on_delete=models.PROTECT, related_name="call_ins", editable=False
    )
    reasons = models.TextField("reasons for the call-in")  # public once validated
    meeting = models.ForeignKey(
        "scrutiny.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="call_ins", editable=False
    )
    validated_at = models.DateTimeField(null=True, blank=True, editable=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    rejection_reason = models.TextField("why the request is not valid", blank=True, editable=False)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, editable=False)
    outcome_on = models.DateField("date of the committee's outcome", null=True, blank=True, editable=False)
    concerns = models.TextField("the committee's concerns", blank=True, editable=False)  # public
    council_outcome = models.CharField(max_length=20, choices=CouncilOutcome.choices, blank=True, editable=False)
    council_outcome_on = models.DateField("date of full council's outcome", null=True, blank=True, editable=False)
    reconsideration = models.CharField(max_length=20, choices=Reconsideration.choices, blank=True, editable=False)
    reconsidered_on = models.DateField(null=True, blank=True, editable=False)

    objects = CallInQuerySet.as_manager()

    # Never drafted nor signed off. Public from validation (`is_public` counts the later states too).
    # Closed, rejected or withdrawn is final: the request, its names and its dates never change again.
    DRAFT_STATUS = None
    SIGN_OFF_STATUS = None
    PUBLIC_STATUS = Status.CALLED_IN
    FROZEN_STATUSES = frozenset({Status.CLOSED, Status.REJECTED, Status.WITHDRAWN})
    FROZEN_ERROR = ClosedCallIn
    FROZEN_MESSAGE = "This call-in is closed: its {field} cannot be changed."
    FROZEN_REOPEN_MESSAGE = "This call-in is closed: it cannot be opened again."

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "call-in"
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="call_in_status_valid"),
            models.UniqueConstraint(fields=["reference"], condition=~Q(reference=""), name="call_in_reference_unique"),
            # CALL-1: one open request per decision (others add their names to it).
            models.UniqueConstraint(
                fields=["decision"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="one_open_call_in_per_decision",
            ),
        ]

    def __str__(self):
        return f"{self.reference or 'Call-in'}: {self.decision.reference}"

    def get_absolute_url(self):
        return reverse("callin:detail", kwargs={"pk": self.pk})

    @property
    def is_validated(self):
        """Its reasons, outcome and dates are public from validation on."""
        return self.status in VALIDATED_STATUSES

    @property
    def is_public(self):
        return self.is_validated

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def part2_paragraphs_withheld(self):
        return []  # a call-in holds only public text: it never quotes the decision's Part II

    def status_label(self, today):
        """The status as shown: a request still waiting for names after its window closed has lapsed."""
        ends = self.decision.call_in_ends_on
        if self.status == Status.GATHERING and ends is not None and today > ends:
            return LAPSED_LABEL
        return self.get_status_display()


class CallInSignatory(RecordChild):
    """A councillor's name on a call-in request; the councillor who asked is the first. Never
    added to, nor taken from, a call-in once it is closed."""

    RECORD_FIELD = "call_in"
    call_in = models.ForeignKey(CallIn, on_delete=models.CASCADE, related_name="signatories")
    councillor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    councillor_name = models.CharField(max_length=200, blank=True)  # as on the day
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name_plural = "call-in signatories"
        constraints = [
            models.UniqueConstraint(fields=["call_in", "councillor"], name="one_name_per_councillor_per_call_in")
        ]

    def __str__(self):
        return self.councillor_name


class CallInEvent(RecordEvent):
    """The append-only history of a call-in: who asked, who added their names, validation,
    scheduling, outcome, reconsideration."""

    WORKFLOW_MODULE = "callin.workflow"
    call_in = models.ForeignKey(CallIn, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)

    class Meta(RecordEvent.Meta):
        pass
