"""The report of urgent decisions to council as a document: one context for the staff page and
the PDF (so they cannot disagree), and the PDF rendered once by the worker and stored with its
SHA-256 by the records' own `PublicPdf`.

Each decision prints only what its public page shows: reference, title, the decision (4a), its
date, the decision maker, who agreed to special urgency and as what, and why it could not be
deferred. Never its Part II report, exempt appendices or papers.
"""

from django.db.models import Prefetch
from django.tasks import task

from council import documents
from council.models import CouncilSettings
from decisions.models import ChairAgreement, Decision
from records.documents import PublicPdf
from urgent_reports.models import UrgentDecisionsReport

TEMPLATE = "documents/urgent_decisions_report.html"
SUBJECT = "Report to council of key decisions taken under special urgency (regulation 19)"


def report_queryset():
    """A report with everything its template reads, in a constant number of queries."""
    agreements = ChairAgreement.objects.filter(kind=ChairAgreement.Kind.SPECIAL_URGENCY).select_related(
        "committee", "chair"
    )
    decisions = Decision.objects.order_by("decided_on", "reference").prefetch_related(
        Prefetch("chair_agreements", agreements, to_attr="special_urgency_agreements")
    )
    return UrgentDecisionsReport.objects.prefetch_related(Prefetch("decisions", decisions, to_attr="listed"))


def report_context(report, *, council=None):
    council = council or CouncilSettings.load()
    rows = [{"decision": d, "agreement": next(iter(d.special_urgency_agreements), None)} for d in report.listed]
    return {"report": report, "rows": rows, "council": council, "title": str(report)}


def pdf_filename(report):
    return f"urgent-decisions-{report.period_from:%Y-%m-%d}-to-{report.period_to:%Y-%m-%d}.pdf"


def render_report(report, *, council=None):
    council = council or CouncilSettings.load()
    fresh = report_queryset().get(pk=report.pk)
    return documents.render_pdf(
        TEMPLATE, report_context(fresh, council=council), title=str(fresh), author=council.name, subject=SUBJECT
    )


def _record_failure(report, *, error):
    from urgent_reports.services import record_pdf_failure  # at run time: services reach this module too

    record_pdf_failure(report, error=error)


PDF = PublicPdf(
    queryset=UrgentDecisionsReport.objects.all,
    render=render_report,
    filename=pdf_filename,
    folder="urgent-reports",
    published=UrgentDecisionsReport.GENERATED,
    noun="report of urgent decisions",
    record_failure=_record_failure,
)


@task
def render_report_pdf(report_id, attempt=1):
    """After generation: the report's PDF, rendered and stored once (retried by the worker if it fails)."""
    return PDF.run(render_report_pdf, report_id, attempt=attempt)
