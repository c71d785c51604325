"""The council's organisation data, shared by decision records and scrutiny reports.

The council's own settings (name, thresholds, municipal year), its plans and priorities,
directorates, the departments that issue sign-off codes, people, cabinet portfolios and the
overview and scrutiny committees. All of it is data edited in the admin; a data migration
loads Plymouth City Council's values as the defaults.
"""

from decimal import Decimal

from django.contrib.auth.models import AbstractUser, Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from council import codes
from council.models_callin import CallInBy, CallInScope, CallInSettings  # noqa: F401 - the constitution's choices
from council.models_identity import SignInIdentity  # noqa: F401 - staff sign-in through the identity provider
from council.municipal_year import MunicipalYear  # noqa: F401 - named here too
from council.wards import Ward  # noqa: F401 - one of the council's models


class CouncilSettings(CallInSettings):
    """One row: the council this installation serves."""

    class ClearDaysBasis(models.TextChoices):
        CALENDAR = "calendar", "Calendar days (every day counts)"
        WORKING = "working", "Working days (not weekends, bank holidays in England or the council's closure days)"

    name = models.CharField(max_length=200, default="Plymouth City Council")
    municipal_year_start_month = models.PositiveSmallIntegerField(
        default=4,
        help_text="The month the municipal year starts (1 = January). Reference numbers restart then.",
    )
    key_decision_capital_threshold = models.DecimalField(
        "key decision threshold for capital projects and contract awards (£)",
        max_digits=14,
        decimal_places=2,
        default=Decimal("3000000"),
    )
    key_decision_revenue_threshold = models.DecimalField(
        "key decision threshold for revenue (£)", max_digits=14, decimal_places=2, default=Decimal("1000000")
    )
    forward_plan_clear_days = models.PositiveSmallIntegerField(
        default=28, help_text="EXEC-5: clear days between the Forward Plan notice and a key decision."
    )
    call_in_working_days = models.PositiveSmallIntegerField(
        default=5, help_text="CALL-1: working days after publication during which a decision may be called in."
    )
    clear_days_basis = models.CharField(
        "clear days are counted in",
        max_length=10,
        choices=ClearDaysBasis.choices,
        default=ClearDaysBasis.CALENDAR,
        help_text="EXEC-5 and EXEC-6: the days counted between a notice and a decision. "
        "Neither the day of the notice nor the day of the decision is ever counted.",
    )
    # OLGB-6: how long a published record and its background papers stay available, from the date of the
    # decision (or of the meeting). Never below the law's six and four years (records.retention).
    record_retention_years = models.PositiveSmallIntegerField(
        "years a record is kept",
        default=6,
        validators=[MinValueValidator(6), MaxValueValidator(100)],
        help_text="OLGB-6: at least 6, from the date of the decision or of the meeting.",
    )
    background_paper_retention_years = models.PositiveSmallIntegerField(
        "years background papers are kept",
        default=4,
        validators=[MinValueValidator(4), MaxValueValidator(100)],
        help_text="OLGB-6: at least 4, from the date of the decision or of the meeting.",
    )
    website = models.URLField(default="https://www.plymouth.gov.uk")
    democratic_support_email = models.EmailField(default="democratic.support@plymouth.gov.uk")
    democratic_support_phone = models.CharField(max_length=40, default="01752 668000")
    address = models.TextField(default="Ballard House, West Hoe Road, Plymouth PL1 3BJ")
    # EXEC-7 (reg 11): who may agree special urgency when the scrutiny chair cannot. Set each year
    # at the annual meeting; the agreement keeps the name as it was on the day.
    chair_of_council = models.ForeignKey(
        "User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="chair of the council"
    )
    vice_chair_of_council = models.ForeignKey(
        "User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="vice-chair of the council",
    )

    class Meta:
        verbose_name = verbose_name_plural = "council settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(municipal_year_start_month__gte=1, municipal_year_start_month__lte=12),
                name="council_settings_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(record_retention_years__gte=6, record_retention_years__lte=100)
                & Q(background_paper_retention_years__gte=4, background_paper_retention_years__lte=100),
                name="council_settings_retention_at_least_the_law",
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def load(cls):
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @classmethod
    def for_request(cls, request):
        """The settings, read once per request (the context processor reads them for every page)."""
        settings = getattr(request, "_council_settings", None)
        if settings is None:
            settings = request._council_settings = cls.load()
        return settings

    def municipal_year(self, on_date):
        return MunicipalYear.containing(on_date, self.municipal_year_start_month)


class ClosureDay(models.Model):
    """A day the council's offices are closed besides weekends and bank holidays (e.g. 24 December).

    Counted out of clear days only when the council counts clear days in working days
    (council.calendar); edits in the admin are logged there, like every admin change.
    """

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text="e.g. “Offices closed between Christmas and New Year”.")

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%-d %B %Y}: {self.reason}"


class Plan(models.Model):
    """A plan a decision can link to: the Corporate Plan, the Plymouth Plan."""

    name = models.CharField(max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="priorities")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, help_text="As the form's tick column shows it, e.g. “Caring”.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan__order", "order", "name"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="priority_unique_per_plan")]

    def __str__(self):
        return f"{self.name} ({self.plan})"


class Directorate(models.Model):
    """A part of the council that makes decisions (the register filters by it)."""

    name = models.CharField(max_length=200, unique=True)
    code = models.CharField(max_length=10, unique=True, help_text="Short code used in sign-off codes, e.g. CYP.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Department(models.Model):
    """A department that reviews records and issues sign-off codes."""

    class CodeSource(models.TextChoices):
        FORMAT = "format", "Generated from the department's code format"
        TYPED = "typed", "Typed by the reviewer (the department numbers its own files)"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True)
    report_label = models.CharField(
        max_length=20, blank=True, help_text="Label in a briefing report's sign-off row, e.g. “Fin”."
    )
    order = models.PositiveSmallIntegerField(default=0)
    on_decision_form = models.BooleanField(default=True, help_text="Listed in section 16 of a decision record.")
    mandatory_for_decisions = models.BooleanField(default=False)
    on_report_form = models.BooleanField(default=False, help_text="Listed in a briefing report's sign-off row.")
    mandatory_for_reports = models.BooleanField(
        default=False, help_text="Every briefing report needs this department's sign-off."
    )
    code_source = models.CharField(max_length=10, choices=CodeSource.choices, default=CodeSource.FORMAT)
    code_format = models.CharField(
        max_length=100,
        blank=True,
        help_text=codes.FORMAT_HELP,
    )
    reviewer_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="department", help_text="People who review for it."
    )

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(code_source="format") | ~Q(code_format=""),
                name="department_format_given_when_generated",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.code_source == self.CodeSource.FORMAT:
            if not self.code_format:
                raise ValidationError({"code_format": "Enter a code format, or choose “typed by the reviewer”."})
            try:
                codes.validate_format(self.code_format)
            except ValueError as exc:
                raise ValidationError({"code_format": str(exc)}) from exc

    @property
    def example_code(self):
        if self.code_source == self.CodeSource.TYPED:
            return ""
        return codes.example(self.code_format)


class User(AbstractUser):
    """A person who signs in: officers, reviewers, councillors, administrators."""

    honorific = models.CharField(
        max_length=30, blank=True, help_text="Shown before the name, e.g. “Councillor” or “Cllr”."
    )
    job_title = models.CharField(max_length=200, blank=True)
    phone = models.CharField("telephone", max_length=40, blank=True)
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.SET_NULL)
    initials = models.CharField(
        max_length=6, blank=True, help_text="Used in sign-off codes. Left blank, taken from the name."
    )

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        name = self.get_full_name() or self.username
        return f"{self.honorific} {name}" if self.honorific else name

    @property
    def name_and_title(self):
        return f"{self.display_name}, {self.job_title}" if self.job_title else self.display_name

    @property
    def code_initials(self):
        if self.initials:
            return self.initials
        return "".join(part[0] for part in (self.first_name, self.last_name) if part)


class CabinetPortfolio(models.Model):
    title = models.CharField(max_length=200, unique=True, help_text="e.g. Education, Skills, Children and Young People")
    member = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="portfolios")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return f"Cabinet Member for {self.title}"

    @property
    def member_and_title(self):
        return f"{self.member.display_name}, {self}" if self.member else str(self)


class Committee(models.Model):
    """An overview and scrutiny committee. Its chair agrees urgent decisions (12b)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    chair = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_committees")
    vice_chair = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="vice_chaired_committees"
    )
    members = models.ManyToManyField(User, blank=True, related_name="committees")
    lead_officers = models.ManyToManyField(User, blank=True, related_name="served_committees")
    remit = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class YearlySequence(models.Model):
    """A counter per key and municipal year: reference numbers and sign-off codes.

    Numbers are taken under a row lock (see council.codes.next_number), so two records
    submitted at the same instant never share one, and a number once taken is never reused.
    """

    key = models.CharField(max_length=60)
    start_year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "start_year"], name="yearly_sequence_unique")]

    def __str__(self):
        return f"{self.key} {self.start_year}: {self.last_value}"


class IssuedCode(models.Model):
    """Every sign-off code a department has issued, on any kind of record: one namespace per department.

    Each app's sign-off model writes through to this table when a sign-off is created, so a code
    issued on a decision record cannot be issued again on a briefing report, and the unique
    constraint is the last word even for a writer that skips `council.codes`. Rows are never
    deleted: a code once issued is never reused.
    """

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="issued_codes")
    code = models.CharField(max_length=60)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "code"], name="issued_code_unique_per_department")]

    def __str__(self):
        return f"{self.department}: {self.code}"


class PublicVersion(models.Model):
    """One row: goes up whenever anything the public can see changes (council.pagecache)."""

    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"Public version {self.version}"


class DeletedDraft(models.Model):
    """The audit row kept when an author deletes a draft that was never submitted.

    The draft itself goes (with its own event history): it had no reference and nobody but its
    author ever saw it. This row says who started it, what it was called and who deleted it when,
    for decision records and briefing reports alike; it is append-only.
    """

    kind = models.CharField(max_length=40, help_text="“decision record” or “briefing report”.")
    record_id = models.PositiveBigIntegerField(help_text="The id the draft had.")
    title = models.CharField(max_length=300, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    deleted_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    deleted_by_name = models.CharField(max_length=200)
    deleted_at = models.DateTimeField()

    class Meta:
        ordering = ["-deleted_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.record_id} “{self.title or 'untitled'}” deleted by {self.deleted_by_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError("The deleted drafts log is append-only.", code="append_only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The deleted drafts log is append-only.", code="append_only")
