"""Executive decision records: the council's "Executive Decision made by a Council Officer" form.

Each numbered section of the form (1 to 20, with 4a-c, 8b, 12a/12b, 13a-c, 18a/18b) is a
structured field here, keeping its number in `SECTION` comments and its label in
`decisions.sections`. Sign-offs, consultations, chair agreements, appendices, background papers
and the event history hang off the record.

A decided record is frozen: `Decision.save()` refuses to change any of its content, and the
children refuse to be saved or deleted (see `FrozenRecord`). The columns and guards every kind of
record shares are the abstract bases in `records.models`; this module declares what is the
decision record's own.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from council.models import CabinetPortfolio, Committee, Department, Directorate, Priority, Ward
from decisions.choices import Authorisation, GeneralAuthorisationEffect, KeyDecisionRoute  # noqa: F401 - named here too
from decisions.contract import ContractAward, ProcurementRoute  # noqa: F401 - named here too
from decisions.models_callin import CALL_IN_FIELDS, CallInFields, CallInQuerySet, CallInState  # noqa: F401
from records import models as core
from records.models import appendix_upload_to  # noqa: F401 - named in the first migration: importable here
from records.workflow import statuses

Status = statuses(__name__, ("awaiting_decision", "Awaiting decision"), ("decided", "Decided"))

FROZEN_STATUSES = {Status.DECIDED, Status.PUBLISHED}


class DecisionQuerySet(CallInQuerySet, core.RecordQuerySet):
    def for_list(self):
        return self.select_related("decision_maker", "author", "directorate")


PUBLISHED = Q(status="published")
# Event actions that send a submitted record back to its author (values of workflow.Action).
RETURN_ACTIONS = ("return", "decline_urgency")


class Decision(ContractAward, CallInFields, core.Record):
    # 7b (TC-1), the contract a decision awards, is `ContractAward`'s columns (decisions/contract.py).
    # Versions, timestamps, publication and the public PDF are `Record`'s columns.
    # — Reference: COD + two-digit sequence in the municipal year + yy/yy; allocated on first submission.
    reference = models.CharField(max_length=20, blank=True, editable=False)
    reference_slug = models.SlugField(max_length=30, blank=True, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)

    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.PROTECT)
    # 1
    title = models.CharField("title of decision", max_length=300, blank=True)
    # 2 (name and job title kept as they were on the day of signing)
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions_to_make"
    )
    decision_maker_name = models.CharField(max_length=200, blank=True, editable=False)
    decision_maker_job_title = models.CharField(max_length=200, blank=True, editable=False)
    # 3 (name and job title, kept as on the day of submission, are `Record`'s)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_decisions")
    author_email = models.EmailField(blank=True)
    author_phone = models.CharField(max_length=40, blank=True)
    # 4a, 4b
    decision_to_be_taken = models.TextField(blank=True)
    original_delegation = models.CharField(
        "reference of the original executive decision or date of the committee meeting that delegated it",
        max_length=300,
        blank=True,
    )
    # 4c (OLGB-1): under which authority, and for a general one, why a record is needed.
    authorisation = models.CharField(
        "authority the decision is taken under", max_length=10, choices=Authorisation.choices, blank=True
    )
    general_authorisation_effects = models.JSONField(
        "what the decision does", default=list, blank=True, help_text="Values of GeneralAuthorisationEffect."
    )
    # 5, 6
    reasons = models.TextField("reasons for decision", blank=True)
    alternatives = models.TextField("alternative options considered and rejected", blank=True)
    # 7: capital and revenue apart (EXEC-4: a revenue-funded contract award is both); None is unanswered.
    financial_implications = models.TextField(blank=True)
    capital_amount = models.DecimalField(
        "capital spending or contract commitment (£)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    revenue_amount = models.DecimalField(
        "revenue spending or savings (£)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    # The larger of the two, kept in step by the service: the register's one figure to filter and sort by.
    amount = models.DecimalField("amount (£)", max_digits=14, decimal_places=2, null=True, blank=True, editable=False)
    funding_source = models.CharField(max_length=300, blank=True)
    # 8 (EXEC-4): the wards it affects, and whether its effect on their communities is significant.
    wards = models.ManyToManyField(Ward, blank=True, related_name="+", verbose_name="wards affected")
    significant_ward_effect = models.BooleanField(
        "significant effect on communities living or working in the wards", null=True, blank=True
    )
    # 8: derived from the amounts and wards under the council's thresholds by the service
    # (decisions.rules_key), never typed; None while an answer they follow from is missing.
    is_key_decision = models.BooleanField(null=True, blank=True, editable=False)
    key_capital = models.BooleanField(default=False, editable=False)
    key_revenue = models.BooleanField(default=False, editable=False)
    key_wards = models.BooleanField(default=False, editable=False)
    # 8, 8b: the lawful route of a key decision (blank when it is not key), and its Forward Plan item,
    # whose first publication is what section 8b shows.
    key_decision_route = models.CharField(
        "route of the key decision", max_length=20, choices=KeyDecisionRoute.choices, blank=True
    )
    plan_item = models.ForeignKey(
        "forwardplan.PlanItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name="Forward Plan item",
    )
    # 9, 10
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.PROTECT)
    plan_link = models.TextField(blank=True)
    environmental_implications = models.TextField(blank=True)
    # 11, 12a (12b is ChairAgreement)
    is_urgent = models.BooleanField(null=True, blank=True)
    urgency_reason = models.TextField(blank=True)
    scrutiny_committee = models.ForeignKey(Committee, null=True, blank=True, on_delete=models.PROTECT)
    # 13a (13b, 13c are CabinetConsultation)
    other_portfolios_affected = models.BooleanField(null=True, blank=True)
    # 14
    conflict_of_interest = models.BooleanField(null=True, blank=True)
    conflict_details = models.TextField(blank=True)
    monitoring_officer_involved = models.BooleanField(default=False)
    # EXEC-10 (reg 13): the record names any dispensation granted for the conflict declared.
    dispensation_granted = models.BooleanField("a dispensation was granted", null=True, blank=True)
    dispensation_details = models.TextField("who granted the dispensation, when, and what it allows", blank=True)
    # 15
    cmt_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="cmt_consultations"
    )
    cmt_member_name = models.CharField(max_length=200, blank=True, editable=False)
    cmt_member_job_title = models.CharField(max_length=200, blank=True, editable=False)
    cmt_consulted_on = models.DateField(null=True, blank=True)
    # 16: mandatory departments always apply; these are the "if applicable" ones the author chose.
    applicable_departments = models.ManyToManyField(Department, blank=True, related_name="+")
    # 18a, 18b: the Part II (confidential) briefing report
    has_exempt_information = models.BooleanField(null=True, blank=True)
    part2_title = models.CharField("confidential/exempt briefing report title", max_length=300, blank=True)
    part2_summary = models.TextField("confidential/exempt briefing report", blank=True)
    part2_paragraphs = models.JSONField(default=list, blank=True)
    part2_public_interest_reasoning = models.TextField(blank=True)
    part2_review_on = models.DateField(null=True, blank=True)
    # 20
    decided_on = models.DateField("date of decision", null=True, blank=True, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True, editable=False)
    declaration = models.TextField(blank=True, editable=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="decision_status_valid"),
            models.UniqueConstraint(fields=["reference"], condition=~Q(reference=""), name="decision_reference_unique"),
            models.UniqueConstraint(
                fields=["reference_slug"], condition=~Q(reference_slug=""), name="decision_slug_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["decided", "published"]) | Q(decided_on__isnull=False),
                name="decision_decided_has_date",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{money}__isnull": True}) | Q(**{f"{money}__gte": 0}),
                    name=f"decision_{money}_positive",
                )
                for money in ("amount", "capital_amount", "revenue_amount")
            ),
        ]
        # The public register's filters and orders (decisions/register.py), over published rows only.
        indexes = [
            models.Index(fields=["status", "-decided_on"], name="decision_status_decided"),
            models.Index(fields=["-decided_on", "-published_at", "-id"], condition=PUBLISHED, name="register_newest"),
            models.Index(fields=["-published_at"], condition=PUBLISHED, name="register_published_at"),
            models.Index(fields=["directorate", "-decided_on"], condition=PUBLISHED, name="register_directorate"),
            models.Index(fields=["decision_maker", "-decided_on"], condition=PUBLISHED, name="register_maker"),
            models.Index(
                fields=["is_key_decision", "is_urgent", "-decided_on"], condition=PUBLISHED, name="register_flags"
            ),
            models.Index(fields=["amount"], condition=PUBLISHED, name="register_amount"),
            # "Open to call-in" and "Called in" (decisions.models_callin.CallInQuerySet).
            models.Index(fields=["call_in_state", "call_in_ends_on"], condition=PUBLISHED, name="register_call_in"),
        ]
        permissions = [("publish_decision", "Can publish decision records")]

    def __str__(self):
        return f"{self.reference or 'Draft'}: {self.title or 'Untitled decision'}"

    # FROZEN-1: content freezes on signing (`Record._refuse_change_if_frozen`); publication, which
    # follows the signature, may still set `published_at`, and call-in its state (CALL-1).
    FROZEN_STATUSES = FROZEN_STATUSES
    FIELDS_EDITABLE_WHEN_FROZEN = core.Record.FIELDS_EDITABLE_WHEN_FROZEN | {"published_at"} | CALL_IN_FIELDS
    # The chair declining urgency sends the record back too.
    RETURN_ACTIONS = RETURN_ACTIONS
    DEPARTMENT_MANDATORY_FLAG = "mandatory_for_decisions"

    def get_absolute_url(self):
        if self.is_public:
            return reverse("decisions:detail", kwargs={"slug": self.reference_slug})
        return reverse("decisions:record", kwargs={"pk": self.pk})

    @property
    def spend_type(self):
        """7, as one word for the API and downloads: "capital", "revenue", "capital and revenue",
        "none" (both £0), or "" while unanswered."""
        spends = [name for name in ("capital", "revenue") if getattr(self, f"{name}_amount")]
        if spends:
            return " and ".join(spends)
        answered = self.capital_amount is not None and self.revenue_amount is not None
        return "none" if answered else ""

    @property
    def part2_paragraphs_withheld(self):
        return self.part2_paragraphs

    @property
    def authorisation_effects(self):
        """4c: the labels of what a decision under a general authorisation does, in the form's order."""
        chosen = set(self.general_authorisation_effects or ())
        return [label for value, label in GeneralAuthorisationEffect.choices if value in chosen]

    RETENTION_STARTS_FIELD = "decided_on"

    @property
    def retention_starts_on(self):
        """OLGB-6: six years (its background papers four) beginning with the date of the decision."""
        return self.decided_on

    @property
    def special_urgency(self):
        """EXEC-7: a key decision taken without 28 clear days' notice (its route, read by other code)."""
        return self.key_decision_route == KeyDecisionRoute.SPECIAL_URGENCY

    @property
    def exempt_from_call_in(self):
        """CALL-2: an urgent decision the scrutiny chair agreed is exempt from call-in."""
        return bool(self.is_urgent) and any(
            a.kind == ChairAgreement.Kind.CALL_IN_WAIVER and a.status == ChairAgreement.Outcome.AGREED
            for a in self.chair_agreements.all()
        )


class SignOff(core.SignOffBase):
    """A department's sign-off code on one version of a record (section 16)."""

    RECORD_FIELD = "decision"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="sign_offs")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="decision_sign_offs")
    content_version = models.PositiveIntegerField(help_text="The record's version this sign-off was given on.")

    class Meta(core.SignOffBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="sign_off_code_unique_per_department")
        ]


class ChairAgreement(core.RecordChild):
    """12b: the scrutiny chair's agreement, given in the system or recorded by Democratic Support.

    Two kinds, kept apart: a call-in waiver for an urgent decision (CALL-2), and special urgency
    for a key decision taken without 28 clear days' notice (EXEC-7).
    """

    class Kind(models.TextChoices):
        CALL_IN_WAIVER = "call_in_waiver", "Urgent decision: exempt from call-in (CALL-2)"
        SPECIAL_URGENCY = "special_urgency", "Special urgency: key decision without 28 days' notice (EXEC-7)"

    class Outcome(models.TextChoices):
        REQUESTED = "requested", "Waiting for the chair"
        AGREED = "agreed", "Agreed"
        DECLINED = "declined", "Declined"

    How = core.HowGiven

    class AgreedAs(models.TextChoices):
        # EXEC-7: in this order; each only where those before could not act.
        SCRUTINY_CHAIR = "scrutiny_chair", "Chair of the overview and scrutiny committee"
        COUNCIL_CHAIR = "council_chair", "Chair of the Council"
        COUNCIL_VICE_CHAIR = "council_vice_chair", "Vice-Chair of the Council"

    RECORD_FIELD = "decision"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="chair_agreements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="+")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chair_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.REQUESTED)
    how = models.CharField(max_length=10, choices=How.choices, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    comment = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="For an agreement given outside the system: what shows it.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    content_version = models.PositiveIntegerField(default=1)
    # — EXEC-7 (reg 11): who agreed special urgency, and as what (decisions.special_urgency).
    agreed_as = models.CharField(max_length=20, choices=AgreedAs.choices, default=AgreedAs.SCRUTINY_CHAIR)
    scrutiny_chair_unable = models.TextField(blank=True, help_text="Why the scrutiny chair could not act.")
    council_chair_unable = models.TextField(blank=True, help_text="Why the chair of the council could not act.")
    reasons = models.TextField(blank=True, help_text="Special urgency: why the decision cannot reasonably be deferred.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind"], name="one_chair_agreement_per_kind"),
            models.CheckConstraint(
                condition=Q(status="requested") | Q(responded_on__isnull=False), name="chair_response_dated"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_status_display()}"

    @property
    def is_agreed(self):
        return self.status == self.Outcome.AGREED

    @property
    def display(self):
        """As the form writes it: "Councillor Laing (agreed via email)"."""
        name = self.chair_name or str(self.chair)
        if self.status == self.Outcome.AGREED and self.how == self.How.EMAIL:
            return f"{name} (agreed via email)"
        if self.status == self.Outcome.AGREED and self.how == self.How.IN_SYSTEM:
            return f"{name} (agreed in this system)"
        return f"{name} ({self.get_status_display().lower()})"

    @property
    def agreed_by(self):
        """EXEC-7, as the record and the reg 19 report print it: "Councillor X, Chair of the Council
        (the chair of the … Committee was unable to act: on leave)"."""
        name = self.chair_name or str(self.chair)
        if self.agreed_as == self.AgreedAs.SCRUTINY_CHAIR:
            return f"{name}, Chair of the {self.committee.name}"
        return f"{name}, {self.get_agreed_as_display()} ({self.others_unable_text})"

    @property
    def others_unable_text(self):
        unable = [f"the chair of the {self.committee.name} was unable to act: {self.scrutiny_chair_unable}"]
        if self.agreed_as == self.AgreedAs.COUNCIL_VICE_CHAIR:
            unable.append(f"the Chair of the Council was unable to act: {self.council_chair_unable}")
        return "; ".join(unable)


class CabinetConsultation(core.RecordChild):
    """13b, 13c: a cabinet member whose portfolio is affected, and when they were consulted."""

    RECORD_FIELD = "decision"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="consultations")
    portfolio = models.ForeignKey(CabinetPortfolio, on_delete=models.PROTECT, related_name="+")
    member_name = models.CharField(max_length=200, blank=True, help_text="As on the day consulted.")
    consulted_on = models.DateField()

    class Meta:
        ordering = ["consulted_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["decision", "portfolio"], name="one_consultation_per_portfolio")]

    def __str__(self):
        return f"{self.member_name or self.portfolio}: {self.consulted_on}"


class Appendix(core.AppendixBase):
    """17: an appendix (A, B, ...) with its file, stored privately; may be exempt (S12A-4)."""

    RECORD_FIELD = "decision"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="appendices")

    class Meta(core.AppendixBase.Meta):
        constraints = [models.UniqueConstraint(fields=["decision", "ref"], name="appendix_ref_unique")]


class BackgroundPaper(core.BackgroundPaperBase):
    """19: an unpublished work relied on in preparing the record; may be exempt."""

    RECORD_FIELD = "decision"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="background_papers")


class Event(core.RecordEvent):
    """The append-only history of a record: who did what, when, from which state to which."""

    WORKFLOW_MODULE = "decisions.workflow"
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)


def today():
    return timezone.localdate()
