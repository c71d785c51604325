"""A record's public PDF, stored once, and the pieces every record's document prints alike.

Each app's documents.py says how its record becomes a document (its template, context, file name)
and keeps its own `render_public_pdf` task (the task's path is its queue name); `PublicPdf` is
what those tasks do: render the public version once after publication, keep it with its SHA-256
and size (A11Y-4, EXEC-14), and on failure keep why on the record and try again later. Rendering
and storage are `council.documents`.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.module_loading import import_string

from council import documents, pagecache
from council.models import CouncilSettings
from council.tasks import enqueue_retry
from records.models import SCHEDULE_12A

logger = logging.getLogger(__name__)

PARAGRAPHS = list(SCHEDULE_12A)


def paragraph_grid(paragraphs):
    """Schedule 12A's paragraphs 1 to 7, each ticked or not, as the council's forms print them."""
    chosen = set(paragraphs or [])
    return [{"number": n, "ticked": n in chosen} for n in PARAGRAPHS]


@dataclass(frozen=True)
class RecordPdf:
    """One kind of record as a tagged A4 PDF, public or full, from the template and the context its
    pages use too, so the HTML and the PDF cannot disagree: `context(record, public=, council=)` of
    the record as `queryset()` fetches it, titled `title(record)`, with the kind's `subject`.
    Called as the app's `render_<record>_pdf(record, *, public, watermark=None, council=None)`."""

    template: str
    subject: str
    queryset: Callable
    context: Callable
    title: Callable

    def __call__(self, record, *, public, watermark=None, council=None):
        council = council or CouncilSettings.load()
        fresh = self.queryset().get(pk=record.pk)
        context = self.context(fresh, public=public, council=council)
        title = self.title(fresh)
        return documents.render_pdf(
            self.template, context, title=title, author=council.name, subject=self.subject, watermark=watermark
        )


class PublicPdf:
    """The public PDF of one kind of record.

    `queryset()` fetches the record with what `filename` reads; `render(record)` makes the public
    PDF's bytes; `filename(record)` names it under `folder/`; `published` is the status a record
    must have; `record_failure(record, error=)` is the app's service that keeps a failure.
    `PublicPdf.of(pdf, ...)` makes one from the kind's `RecordPdf`.
    """

    @classmethod
    def of(cls, pdf, filename, queryset, *, services):
        """`pdf`: the kind's `RecordPdf`; `services`: the dotted path of its services module (which
        imports this app's documents module, so the failure service is found when it runs)."""
        model = queryset().model

        def record_failure(record, *, error):
            import_string(f"{services}.record_public_pdf_failure")(record, error=error)

        return cls(
            queryset=queryset,
            render=lambda record: pdf(record, public=True),
            filename=filename,
            folder=model._meta.app_label,
            published="published",  # every kind's Status.PUBLISHED
            noun=str(model._meta.verbose_name),
            record_failure=record_failure,
        )

    def __init__(self, *, queryset, render, filename, folder, published, noun, record_failure):
        self.queryset = queryset
        self.render = render
        self.filename = filename
        self.folder = folder
        self.published = published
        self.noun = noun
        self.record_failure = record_failure

    def store(self, record):
        """Render and store the public PDF of a published record, once. Returns the record, refreshed.

        A record that already has a stored PDF is left alone. Two renders racing: the first to
        record its hash wins and the other's file is deleted.
        """
        record = self.queryset().get(pk=record.pk)
        if record.public_pdf_sha256 or record.status != self.published:
            return record
        data = self.render(record)
        name, digest, size = documents.store_pdf(data, f"{self.folder}/{self.filename(record)}")
        updated = (
            type(record)
            .objects.filter(pk=record.pk, public_pdf_sha256="")
            .update(
                public_pdf=name,
                public_pdf_sha256=digest,
                public_pdf_size=size,
                public_pdf_rendered_at=timezone.now(),
                public_pdf_error="",
                public_pdf_failed_at=None,
            )
        )
        if not updated:
            documents.delete_stored(name)
        else:
            pagecache.bump()  # the public page shows the stored PDF's size and hash
        return self.queryset().get(pk=record.pk)

    def run(self, task, record_id, *, attempt):
        """The body of the app's `render_public_pdf` task (retried by the worker if it fails)."""
        record = self.queryset().filter(pk=record_id).first()
        if record is None:
            logger.warning("No %s %s to render", self.noun, record_id)
            return None
        try:
            return self.store(record).public_pdf_sha256
        except Exception as exc:
            # Not just logged and forgotten: kept on the record, where Democratic Support sees it
            # and can try again; re-raised so the task backend marks the task failed.
            logger.exception("The public PDF of %s %s could not be made", self.noun, record_id)
            self.record_failure(record, error=documents.failure_text(exc))
            enqueue_retry(task, record_id, attempt=attempt)
            raise
