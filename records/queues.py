"""The staff home page's queues that every kind of record has, written once: the author's own
records, those waiting for a department's sign-off, those in a status, and published ones whose
PDF could not be made. Each app describes its kind of record (`Kind`) and registers the queues it
wants in its `AppConfig.ready()`; what is only its own (the urgency agreements, the meetings)
stays in the app.

Queues are frozen dataclasses, not closures, and a `Kind` holds only classes and module-level
functions: registering twice (ready() run again in a test) compares equal, so a worklist is never
listed twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone

from records.retention import last_day, latest_start_ended
from records.workflow import DISPOSE_PAPERS
from records.worklists import abandoned_draft, pdf_failed_item, returned_hint


def updated_hint(record):
    return f"Updated {record.updated_at:%-d %B %Y}"


@dataclass(frozen=True)
class Kind:
    """What the queues need to know of a kind of record."""

    model: type  # the record's model, e.g. Decision
    statuses: type  # its Status choices (draft, withdrawn and published are every kind's)
    event_model: type  # its append-only history, e.g. decisions.Event
    event_parent: str  # the event's link to its record, e.g. "decision"
    label: Callable  # record -> its line on the home page
    url_name: str  # its staff page, by pk
    draft_url_name: str  # a draft opens on its task list, where the author works on it
    status_hint: Callable = updated_hint  # record -> the hint of a queue by status
    status_related: tuple = ()  # what `status_hint` reads, fetched with the queue

    def url(self, record):
        return reverse(self.url_name, kwargs={"pk": record.pk})

    def item(self, record, hint="", *, url="", returned=None):
        return {
            "label": self.label(record),
            "url": url or self.url(record),
            "status": "Returned to you" if returned else record.get_status_display(),
            "hint": returned_hint(returned) if returned else hint,
            "returned": bool(returned),
        }


@dataclass(frozen=True)
class Authored:
    """The author's own records, newest first, without the withdrawn and the abandoned drafts."""

    kind: Kind
    limit: int = 20

    def __call__(self, user):
        kind = self.kind
        records = (
            kind.model.objects.authored_by(user)
            .exclude(status=kind.statuses.WITHDRAWN)
            .exclude(abandoned_draft(kind.event_model, kind.event_parent))
            .order_by("-created_at")
        )
        return [
            kind.item(
                r,
                updated_hint(r),
                url=reverse(kind.draft_url_name, kwargs={"pk": r.pk}) if r.status == kind.statuses.DRAFT else "",
                returned=r.last_return(),
            )
            for r in records[: self.limit]
        ]


@dataclass(frozen=True)
class AwaitingSignOff:
    """Records waiting for a department's sign-off, oldest submission first."""

    kind: Kind
    department_slug: str
    on_report_form: bool = False  # only a department on the report form signs off reports

    def __call__(self, user):
        from council.models import Department

        departments = Department.objects.filter(slug=self.department_slug)
        if self.on_report_form:
            departments = departments.filter(on_report_form=True)
        department = departments.first()
        if department is None:
            return []
        records = self.kind.model.objects.awaiting_sign_off_by(department).order_by("submitted_at", "pk")
        return [
            self.kind.item(r, f"Submitted {r.submitted_at:%-d %B %Y}" if r.submitted_at else "") for r in records[:50]
        ]


@dataclass(frozen=True)
class ByStatus:
    """Records in a status, for Democratic Support; `order` as the queue wants them."""

    kind: Kind
    status: str
    hint: str = ""
    order: str = "-updated_at"

    def __call__(self, user):
        kind = self.kind
        records = kind.model.objects.filter(status=self.status)
        if kind.status_related:  # select_related() without names would follow every link
            records = records.select_related(*kind.status_related)
        return [kind.item(r, self.hint or kind.status_hint(r)) for r in records.order_by(self.order)[:50]]


@dataclass(frozen=True)
class PdfFailed:
    """Published records whose public PDF failed, newest failure first: one query."""

    kind: Kind

    def __call__(self, user):
        kind = self.kind
        records = kind.model.objects.filter(
            status=kind.statuses.PUBLISHED, public_pdf_failed_at__isnull=False
        ).order_by("-public_pdf_failed_at", "pk")
        return [pdf_failed_item(r, kind.label(r), kind.url(r)) for r in records[:50]]


@dataclass(frozen=True)
class PapersPastRetention:
    """OLGB-6: records on the website (the statuses their workflow disposes of papers in) whose
    background papers' retention date has passed and which still hold a paper's file, the longest
    past first: Democratic Support disposes of those files from the record's page. One query, and
    the council's settings (how many years the papers are kept)."""

    kind: Kind

    def __call__(self, user):
        from council.models import CouncilSettings
        from records import kinds  # it imports this module

        kind, years = self.kind, CouncilSettings.load().background_paper_retention_years
        starts = kind.model.RETENTION_STARTS_FIELD
        papers = kind.model._meta.get_field("background_papers").related_model
        with_a_file = papers.objects.filter(**{papers.RECORD_FIELD: OuterRef("pk")}, disposed_at__isnull=True).exclude(
            file=""
        )
        kept = kinds.declared(kind.model).workflow.WORKFLOW.transitions[DISPOSE_PAPERS].sources  # on the website
        records = (
            kind.model.objects.filter(status__in=kept)
            .filter(**{f"{starts}__lte": latest_start_ended(timezone.localdate(), years)})
            .filter(Exists(with_a_file))
            .annotate(retention_starts=F(starts))
            .order_by("retention_starts", "pk")
        )
        return [
            kind.item(r, f"Background papers kept until {last_day(r.retention_starts, years):%-d %B %Y}")
            for r in records[:50]
        ]
