"""A decision's call-in state (CALL-1, CALL-2): columns `Decision` inherits, set only by `callin.services`.

Set at publication (`callin.services.open_window`) and moved on by a call-in's services; never
typed (every column is `editable=False`) and still changeable once the record is frozen
(`CALL_IN_FIELDS` are among the decision's `FIELDS_EDITABLE_WHEN_FROZEN`): whether a decision
takes effect is what happens after it is signed. What it says in words is
`decisions.rules_callin.call_in_status`.
"""

from django.db import models


class CallInState(models.TextChoices):
    NONE = "", "Not published"
    NOT_SUBJECT = "not_subject", "Not subject to call-in"
    # The window is running, or passed with no request: effective from `effective_from`.
    OPEN = "open", "Open to call-in"
    # A request met the constitution's rule inside the window: held while Democratic Support checks it.
    REQUESTED = "requested", "Call-in requested"
    CALLED_IN = "called_in", "Called in"
    REFERRED_BACK = "referred_back", "Referred back to the decision maker"
    REFERRED_TO_COUNCIL = "referred_to_council", "Referred to full council"
    EFFECTIVE = "effective", "Effective"
    REPLACED = "replaced", "Replaced by a changed decision"


# The states in which a decision is held: it cannot take effect (the register's "called in" filter).
HELD_STATES = frozenset(
    {CallInState.REQUESTED, CallInState.CALLED_IN, CallInState.REFERRED_BACK, CallInState.REFERRED_TO_COUNCIL}
)

CALL_IN_FIELDS = frozenset(
    {"subject_to_call_in", "not_subject_reason", "call_in_ends_on", "effective_from", "called_in_on", "call_in_state"}
)


class CallInQuerySet(models.QuerySet):
    """The register's call-in filters: one query each, no per-row work."""

    def open_to_call_in(self, today):
        """Published decisions whose call-in window is still running on `today`."""
        return self.filter(status=self.model.PUBLIC_STATUS, call_in_state=CallInState.OPEN, call_in_ends_on__gte=today)

    def called_in(self):
        """Published decisions held by a call-in: requested, called in, or referred back or to council."""
        return self.filter(status=self.model.PUBLIC_STATUS, call_in_state__in=HELD_STATES)


class CallInFields(models.Model):
    subject_to_call_in = models.BooleanField(null=True, blank=True, editable=False)  # None before publication
    not_subject_reason = models.CharField("why not subject to call-in", max_length=300, blank=True, editable=False)
    call_in_ends_on = models.DateField("last day for call-in", null=True, blank=True, editable=False)
    effective_from = models.DateField(null=True, blank=True, editable=False)  # None while held
    # The day a request met the constitution's rule: "Called in on 3 September 2026".
    called_in_on = models.DateField("called in on", null=True, blank=True, editable=False)
    call_in_state = models.CharField(
        max_length=20, choices=CallInState.choices, default=CallInState.NONE, blank=True, editable=False
    )
    # On a changed decision taken after call-in (reconsideration): the original it replaces.
    reconsiders = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reconsidered_by",
        editable=False,
        verbose_name="reconsiders the decision",
    )

    class Meta:
        abstract = True

    @property
    def is_held(self):
        return self.call_in_state in HELD_STATES
