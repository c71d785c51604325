"""The querysets of every kind of record, its children and its history, and the error a frozen record
raises: what a bulk delete or update may not do (it never calls a model's own save() or delete(), so
each refuses here what the model refuses there), and the lists every kind of record has."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q


class FrozenRecord(ValidationError):
    """Raised when anything tries to change a frozen record (a decision record signed, a report published)."""

    def __init__(self, message="This record has been signed and cannot be changed."):
        super().__init__(message, code="frozen")


class AppendOnlyQuerySet(models.QuerySet):
    def delete(self):
        # A bulk delete never calls AppendOnlyEvent.delete(). (A deleted draft's history goes with it:
        # the cascade deletes without this.)
        raise ValidationError("The event history is append-only.", code="append_only")

    def update(self, **kwargs):
        # Nor does a bulk update call AppendOnlyEvent.save(): no row of a history is ever changed.
        raise ValidationError("The event history is append-only.", code="append_only")


class RecordQuerySet(models.QuerySet):
    """The lists every kind of record has, asked through what the record declares."""

    def delete(self):
        # A bulk delete never calls Record.delete(): a frozen record is refused here too (OLGB-6).
        if self.filter(status__in=self.model.FROZEN_STATUSES).exists():
            raise self.model.FROZEN_ERROR()
        return super().delete()

    def update(self, **kwargs):
        # Nor does a bulk update call Record.save(): a frozen record refuses here what save() refuses (its
        # content, going back to an earlier stage). Its bookkeeping may still change, and the public PDF's
        # columns, which the worker stores once (records.documents).
        model = self.model
        content = set(kwargs) - model.FIELDS_EDITABLE_WHEN_FROZEN - model.PUBLIC_PDF_FIELDS
        reopens = "status" in kwargs and kwargs["status"] not in model.FROZEN_STATUSES
        if (content or reopens) and self.filter(status__in=model.FROZEN_STATUSES).exists():
            if content:
                field = model._meta.get_field(sorted(content)[0]).verbose_name
                raise model.FROZEN_ERROR(model.FROZEN_MESSAGE.format(field=field))
            raise model.FROZEN_ERROR(model.FROZEN_REOPEN_MESSAGE)
        return super().update(**kwargs)

    def published(self):
        return self.filter(status=self.model.PUBLIC_STATUS)

    def authored_by(self, user):
        return self.filter(author=user)

    def awaiting_sign_off_by(self, department):
        """Submitted records this department applies to and has no current sign-off on."""
        model = self.model
        mandatory = getattr(department, model.DEPARTMENT_MANDATORY_FLAG)
        applies = Q() if mandatory else Q(applicable_departments=department)
        sign_offs = model._meta.get_field("sign_offs")  # the reverse of SignOffBase's FK to the record
        current = sign_offs.related_model.objects.filter(
            **{sign_offs.field.name: OuterRef("pk")},
            department=department,
            content_version=OuterRef("content_version"),
        )
        return self.filter(applies, status=model.SIGN_OFF_STATUS).exclude(Exists(current)).distinct()


class RecordChildQuerySet(models.QuerySet):
    # Neither a bulk delete nor a bulk update calls RecordChild's delete() or save(): a frozen record's
    # children are refused here too (OLGB-6). The record's own delete is refused before it could cascade.

    def _refuse_if_a_record_is_frozen(self):
        record_model = self.model._meta.get_field(self.model.RECORD_FIELD).related_model
        if self.filter(**{f"{self.model.RECORD_FIELD}__status__in": record_model.FROZEN_STATUSES}).exists():
            raise record_model.FROZEN_ERROR()

    def delete(self):
        self._refuse_if_a_record_is_frozen()
        return super().delete()

    def update(self, **kwargs):
        self._refuse_if_a_record_is_frozen()
        return super().update(**kwargs)
