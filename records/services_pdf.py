"""The public PDF's operations every kind of record shares: its failure, a retry, the render queued.

A part of `records.services.RecordServices`, kept apart to keep each module short: it uses the
record's `lock`, `record_event`, `permissions`, `documents` and `model`.
"""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from council import documents as council_documents


def require(allowed):
    if not allowed:
        raise PermissionDenied


class PublicPdfServices:
    @transaction.atomic
    def record_public_pdf_failure(self, record, *, actor=None, error):
        """The public PDF could not be made: keep why on the record (every process sees it) and in its history.

        `actor` is None when the task worker failed, which is the usual case.
        """
        locked = self.lock(record)
        self.model.objects.filter(pk=locked.pk).update(public_pdf_error=error, public_pdf_failed_at=timezone.now())
        self.record_event(
            locked, actor=actor, action=council_documents.RENDER_FAILED, from_status=locked.status, comment=error
        )
        return locked

    @transaction.atomic
    def retry_public_pdf(self, record, *, actor):
        """Democratic Support asks for the public PDF again after a failure: clear it, re-enqueue, record it."""
        locked = self.lock(record)
        require(self.permissions.can_retry_public_pdf(actor, locked))
        comment = f"After: {locked.public_pdf_error}" if locked.public_pdf_error else ""
        self.model.objects.filter(pk=locked.pk).update(public_pdf_error="", public_pdf_failed_at=None)
        self.record_event(
            locked, actor=actor, action=council_documents.RENDERING_RETRIED, from_status=locked.status, comment=comment
        )
        self.enqueue_public_pdf(locked)
        return locked

    def enqueue_public_pdf(self, locked):
        """A11Y-4, EXEC-14: the public PDF is rendered once, by the worker, after the transaction commits."""
        transaction.on_commit(partial(self.documents.render_public_pdf.enqueue, locked.pk))
