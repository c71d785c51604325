"""The model parts every kind of record shares, written once: the Schedule 12A exemption (in
`records/exemptions.py`, named here too), the frozen-record error, the append-only event row, and the
abstract bases of a record (`Record`, its queryset `RecordQuerySet`) and of its children (`RecordChild`,
`SignOffBase`, `AppendixBase`, `BackgroundPaperBase`, `RecordEvent`).

Every class here is abstract: each app's models inherit their columns, so moving them here changed
no table. A kind of record declares what differs as class attributes (its frozen states, its
words, the FK from a child to its record), never an `if` on the app. Fields whose definitions
differ between the kinds (the status's choices and length, the author's related name, a
help text naming "record" or "report", an upload path) stay on the concrete model, because moving
them would change a column or a migration.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from council import codes
from records.exemptions import SCHEDULE_12A, Exemption, not_for_publication_text  # noqa: F401 - named here too
from records.querysets import (  # noqa: F401 - named here too
    AppendOnlyQuerySet,
    FrozenRecord,
    RecordChildQuerySet,
    RecordQuerySet,
)


class HowGiven(models.TextChoices):
    """How an agreement or approval given to a record was given (the chair's, the cabinet member's)."""

    IN_SYSTEM = "in_system", "In this system"
    EMAIL = "email", "By email"
    OTHER = "other", "Another way (in writing)"


class AppendOnlyEvent(models.Model):
    """A row of a history: who did what, when. Never changed or deleted once written."""

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    actor_name = models.CharField(max_length=200, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError("The event history is append-only.", code="append_only")
        if self.actor and not self.actor_name:
            self.actor_name = self.actor.display_name
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The event history is append-only.", code="append_only")


# — the record -----------------------------------------------------------------------------------


class Record(models.Model):
    """What every kind of record has: versions, timestamps, publication, the public PDF, the freeze.

    A frozen record (FROZEN-1 for a decision record, a published report) refuses every change to
    its content in `save()` and refuses `delete()`; its children refuse too (`RecordChild`). The
    concrete model declares `status` (its own choices) and `author` (its own related name).
    """

    content_version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up with every edit after submission: older sign-offs go stale."
    )
    revision = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up with every saved change, drafts too: stale forms are refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The author's name and job title, kept as on the day of submission.
    author_name = models.CharField(max_length=200, blank=True, editable=False)
    author_job_title = models.CharField(max_length=200, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The public PDF, rendered once on publication (each app's documents.py) and kept with its hash.
    public_pdf = models.FileField(max_length=300, blank=True, editable=False)
    public_pdf_sha256 = models.CharField("SHA-256 of the public PDF", max_length=64, blank=True, editable=False)
    public_pdf_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    public_pdf_rendered_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Why the last attempt to make the public PDF failed, until one succeeds: Democratic Support
    # sees it on the staff page and can try again (`services.retry_public_pdf`).
    public_pdf_error = models.TextField("why the public PDF could not be made", blank=True, editable=False)
    public_pdf_failed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # — declared by each kind of record ---------------------------------------------------------
    # The states in which the record is frozen.
    FROZEN_STATUSES = frozenset()
    # Raised, with its own message, by delete() and by the children of a frozen record.
    FROZEN_ERROR = FrozenRecord
    FROZEN_MESSAGE = "This record has been signed: its {field} cannot be changed."
    FROZEN_REOPEN_MESSAGE = "This record has been signed: it cannot go back to an earlier stage."
    FROZEN_PDF_MESSAGE = "This record's public PDF has been stored: it cannot be changed."
    # Bookkeeping that may still change on a frozen record: the status (only onwards, between
    # frozen states), the save stamp, and a failed render of the PDF and its retry.
    FIELDS_EDITABLE_WHEN_FROZEN = frozenset({"status", "updated_at", "public_pdf_error", "public_pdf_failed_at"})
    # Stored once after publication, then never changed.
    PUBLIC_PDF_FIELDS = frozenset({"public_pdf", "public_pdf_sha256", "public_pdf_size", "public_pdf_rendered_at"})
    # Status values every kind's `Status` has.
    DRAFT_STATUS = "draft"
    SIGN_OFF_STATUS = "in_sign_off"
    PUBLIC_STATUS = "published"
    # Event actions that send a submitted record back to its author (values of its workflow's Action).
    RETURN_ACTIONS = ("return",)
    # The Department flag that makes a department's sign-off apply to every record of this kind.
    DEPARTMENT_MANDATORY_FLAG = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk:
            self._refuse_change_if_frozen()
        super().save(*args, **kwargs)

    def _refuse_change_if_frozen(self):
        stored = type(self)._base_manager.filter(pk=self.pk).values().first()
        if stored and stored["public_pdf_sha256"]:
            for name in self.PUBLIC_PDF_FIELDS:
                if stored[name] != getattr(self, self._meta.get_field(name).attname):
                    raise self.FROZEN_ERROR(self.FROZEN_PDF_MESSAGE)
        if not stored or stored["status"] not in self.FROZEN_STATUSES:
            return
        # A frozen record only moves on between frozen states; it never reopens.
        if self.status not in self.FROZEN_STATUSES:
            raise self.FROZEN_ERROR(self.FROZEN_REOPEN_MESSAGE)
        for field in self._meta.concrete_fields:
            if field.name in self.FIELDS_EDITABLE_WHEN_FROZEN or field.name in self.PUBLIC_PDF_FIELDS:
                continue
            if stored[field.attname] != getattr(self, field.attname):
                raise self.FROZEN_ERROR(self.FROZEN_MESSAGE.format(field=field.verbose_name))

    def delete(self, *args, **kwargs):
        # The stored status decides, not this (possibly stale) instance's.
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("status", flat=True).first()
        if self.status in self.FROZEN_STATUSES or stored in self.FROZEN_STATUSES:
            raise self.FROZEN_ERROR()
        return super().delete(*args, **kwargs)

    @property
    def is_frozen(self):
        return self.status in self.FROZEN_STATUSES

    # The same day as a field path, for queries (`records.queues.PapersPastRetention`): "decided_on".
    RETENTION_STARTS_FIELD = None

    @property
    def retention_starts_on(self):
        """OLGB-6: the day its retention period begins (`records.retention`), or None before then. A kind
        of record that is kept says which day: a decision's date, a report's meeting."""
        return None

    @property
    def is_public(self):
        return self.status == self.PUBLIC_STATUS

    @property
    def part2_not_for_publication(self):
        return not_for_publication_text(self.part2_paragraphs_withheld)

    @property
    def part2_paragraphs_withheld(self):
        """The Schedule 12A paragraphs its Part II report is withheld under; each kind says where they are."""
        raise NotImplementedError

    def last_return(self):
        """The event that sent a submitted record back to its author, while it waits in draft.

        A record is only back in draft after submission because someone returned it: the author
        must see why.
        """
        if self.status != self.DRAFT_STATUS or self.submitted_at is None:
            return None
        return self.events.filter(action__in=self.RETURN_ACTIONS).order_by("-at", "-pk").first()


# — its children ---------------------------------------------------------------------------------


class RecordChild(models.Model):
    """A row that belongs to one record and freezes with it: it refuses to be saved (created or
    changed) or deleted once its record is frozen. Each child declares `RECORD_FIELD`, the name
    of its FK to the record."""

    RECORD_FIELD = None

    objects = RecordChildQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.changes_allowed_when_frozen(kwargs.get("update_fields")):
            self._refuse_if_record_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_record_frozen()
        return super().delete(*args, **kwargs)

    def changes_allowed_when_frozen(self, update_fields):
        """Whether saving just `update_fields` may go ahead on a frozen record: never, unless a kind of
        child says (a background paper's disposal after its retention date)."""
        return False

    @property
    def record(self):
        return getattr(self, self.RECORD_FIELD)

    def _refuse_if_record_frozen(self):
        # The stored status decides: the instance's copy of its record may be stale.
        fk = self._meta.get_field(self.RECORD_FIELD)
        record_model = fk.related_model
        pk = getattr(self, fk.attname)
        status = record_model._base_manager.filter(pk=pk).values_list("status", flat=True).first()
        if status in record_model.FROZEN_STATUSES:
            raise record_model.FROZEN_ERROR()


class SignOffBase(RecordChild):
    """A department's sign-off code on one version of a record. The concrete model adds the FK to
    the record (related name "sign_offs"), the department and the `content_version` it was given on."""

    code = models.CharField(max_length=60)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["department__order", "-issued_at"]

    def __str__(self):
        return f"{self.department}: {self.code}"

    def save(self, *args, **kwargs):
        creating = self._state.adding
        super().save(*args, **kwargs)
        if creating:
            # One namespace per department across every kind of record (council.IssuedCode).
            codes.record_issued(self.department_id, self.code)

    @property
    def is_current(self):
        return self.content_version == self.record.content_version


def appendix_upload_to(instance, filename):
    """Where a child's file (an appendix's, a background paper's) is stored: private, under its app, record
    and `FILE_FOLDER`, stamped so names never clash. Each app's first migration names it by the app's
    models module, which names it again."""
    record_id = getattr(instance, instance._meta.get_field(instance.RECORD_FIELD).attname)
    folder = instance.FILE_FOLDER
    return f"private/{instance._meta.app_label}/{record_id}/{folder}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class StoredFile(models.Model):
    """A child's uploaded file, optional and stored privately (`appendix_upload_to`), with the name it was
    chosen under (for the download), its size and what it is (checked on upload, records.forms_appendices)."""

    FILE_FOLDER = "appendices"

    original_filename = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    file = models.FileField(upload_to=appendix_upload_to, max_length=300, blank=True)

    class Meta:
        abstract = True


class AppendixBase(Exemption, StoredFile, RecordChild):
    """An appendix (A, B, ...), its file optional and stored privately; may be exempt (S12A-4).
    The concrete model adds the FK to the record."""

    ref = models.CharField(max_length=4)
    title = models.CharField(max_length=300)

    class Meta:
        abstract = True
        ordering = ["ref"]
        verbose_name_plural = "appendices"

    def __str__(self):
        return f"Appendix {self.ref}: {self.title}"


class BackgroundPaperBase(Exemption, StoredFile, RecordChild):
    """An unpublished work relied on in preparing the record; may be exempt. Its file, when the author
    attaches one, is published with the record unless it is exempt (OLGB-5)."""

    FILE_FOLDER = "background-papers"
    DISPOSAL_FIELDS = frozenset({"file", "disposed_at"})

    title = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    # OLGB-6: when its file was disposed of, after the papers' retention date (the title stays listed).
    disposed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def changes_allowed_when_frozen(self, update_fields):
        """A frozen record's paper may lose its file, and say when, once the papers' retention date has
        passed (RecordServices.dispose_papers); before it, nothing is removed by any door (OLGB-6)."""
        if not update_fields or not set(update_fields) <= self.DISPOSAL_FIELDS:
            return False
        if self.file or self.disposed_at is None:
            return False
        from records.retention import papers_passed

        return papers_passed(self.record)[0]


class RecordEvent(AppendOnlyEvent):
    """A row of a record's history: the workflow action, and a comment. The concrete model adds the
    FK to the record (related name "events") and `from_status`/`to_status` (its status's length)."""

    action = models.CharField(max_length=40)
    comment = models.TextField(blank=True)

    # The module whose ACTION_LABELS name this kind's actions (imported late: workflow imports models).
    WORKFLOW_MODULE = None

    class Meta(AppendOnlyEvent.Meta):
        abstract = True

    @property
    def action_label(self):
        labels = import_module(self.WORKFLOW_MODULE).ACTION_LABELS
        return labels.get(self.action, self.action.replace("_", " ").capitalize())
