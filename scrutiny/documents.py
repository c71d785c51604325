"""The briefing report as a document: its one context, its PDF, and the public PDF stored once.

`report_context()` is the one context of `templates/scrutiny/_report.html`, for the public page,
the staff pages and the PDF alike, so the HTML and the PDF can never disagree. With `public=True`
every exempt part is replaced by its "Not for publication" text, and a Part II report shows only
its title and the exemption paragraph text.

Publishing a report enqueues `render_public_pdf`, which renders the public version once and keeps
it with its SHA-256 and size. The rendering and storage are `council.documents`, shared with the
decision records (`decisions.documents` is the pattern this module mirrors).
"""

import logging
import re

from django.db.models import Prefetch
from django.tasks import task
from django.utils import timezone

from council import documents, pagecache
from council.models import CouncilSettings, Department
from council.tasks import enqueue_retry
from records.models import SCHEDULE_12A
from scrutiny import rules
from scrutiny.models import BriefingReport, ReportSignOff, Status

logger = logging.getLogger(__name__)

TEMPLATE = "documents/report.html"
SUBJECT = "Briefing report to an overview and scrutiny committee"
PARAGRAPHS = list(SCHEDULE_12A)

# The fixed sections of the council's briefing-report template, in its order: (field, heading).
FIXED_SECTIONS = [
    ("purpose", "Purpose of Report"),
    ("recommendations", "Recommendations and Reasons"),
    ("alternatives", "Alternative options considered and rejected"),
    ("plan_relevance", "Relevance to the Corporate Plan and/or the Plymouth Plan"),
    (
        "financial_implications",
        "Implications for the Medium Term Financial Plan and Resource Implications:",
    ),
    ("carbon_implications", "Carbon Footprint (Environmental) Implications:"),
]
EXEMPTION_GUIDANCE = (
    "If some/all of the information is confidential, you must indicate why it is not for publication by virtue "
    "of Part 1 of Schedule 12A of the Local Government Act 1972 by ticking the relevant box."
)
BACKGROUND_PAPERS_GUIDANCE = (
    "Please list all unpublished, background papers relevant to the decision in the table below. Background "
    "papers are unpublished works, relied on to a material extent in preparing the report, which disclose facts "
    "or matters on which the report or an important part of the work is based."
)


def report_queryset():
    """Everything `_report.html` reads, in a constant number of queries."""
    return BriefingReport.objects.select_related(
        "committee", "meeting", "priority__plan", "lead_member_portfolio"
    ).prefetch_related(
        "sections",
        "appendices",
        "background_papers",
        "applicable_departments",
        Prefetch("sign_offs", ReportSignOff.objects.select_related("department")),
    )


def _paragraph_grid(paragraphs):
    chosen = set(paragraphs or [])
    return [{"number": n, "ticked": n in chosen} for n in PARAGRAPHS]


def _sign_off_row(report, departments):
    """Fin, Leg, Mon Off, HR, Assets, Strat Proc: each department's current code, or N/A."""
    chosen = {d.pk for d in report.applicable_departments.all()}
    current = rules.current_sign_offs(report)
    row = []
    for dep in departments:
        applies = dep.mandatory_for_reports or dep.pk in chosen
        sign_off = current.get(dep.pk)
        row.append(
            {
                "label": dep.report_label or dep.name,
                "name": dep.name,
                "code": sign_off.code if sign_off else "",
                "applies": applies,
            }
        )
    return row


def report_context(report, *, public, council=None):
    """The context `templates/scrutiny/_report.html` needs. `report` from `report_queryset()`."""
    council = council or CouncilSettings.load()
    withheld = public and report.is_part_2
    context = {
        "report": report,
        "public": public,
        "withheld": withheld,
        "council": council,
        "paragraph_numbers": PARAGRAPHS,
    }
    if withheld:
        return context  # a Part II report: its title and the exemption text, nothing more
    papers = list(report.background_papers.all())
    appendices = list(report.appendices.all())
    departments = [d for d in Department.objects.filter(on_report_form=True)]
    context.update(
        fixed_sections=[(heading, getattr(report, field), field) for field, heading in FIXED_SECTIONS],
        body_sections=list(report.sections.all()),
        appendix_grids=[(a, _paragraph_grid(a.exempt_paragraphs)) for a in appendices],
        paper_grids=[(p, _paragraph_grid(p.exempt_paragraphs)) for p in papers],
        part2_grid=_paragraph_grid(report.exempt_paragraphs),
        sign_off_row=_sign_off_row(report, departments),
        exemption_guidance=EXEMPTION_GUIDANCE,
        background_papers_guidance=BACKGROUND_PAPERS_GUIDANCE,
    )
    return context


def pdf_filename(report, *, public=True):
    """Innovate-Team-CYPFS-2021-11-17.pdf: the title and the meeting's date."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", report.title or "").strip("-")[:80] or f"briefing-report-{report.pk}"
    if report.meeting_id:
        stem = f"{stem}-{report.meeting.date:%Y-%m-%d}"
    return f"{stem}.pdf" if public else f"{stem}-full.pdf"


def pdf_title(report):
    return f"{report.title or 'Untitled briefing report'} – {report.committee.name}"


def render_report_pdf(report, *, public, watermark=None, council=None):
    """The report as a tagged A4 PDF, public or full, from the report's own template and context."""
    council = council or CouncilSettings.load()
    fresh = report_queryset().get(pk=report.pk)
    return documents.render_pdf(
        TEMPLATE,
        report_context(fresh, public=public, council=council),
        title=pdf_title(fresh),
        author=council.name,
        subject=SUBJECT,
        watermark=watermark,
    )


def store_public_pdf(report):
    """Render and store the public PDF of a published report, once. Returns the report, refreshed.

    A report that already has a stored PDF is left alone. Two renders racing: the first to record
    its hash wins and the other's file is deleted.
    """
    report = BriefingReport.objects.select_related("meeting", "committee").get(pk=report.pk)
    if report.public_pdf_sha256 or report.status != Status.PUBLISHED:
        return report
    data = render_report_pdf(report, public=True)
    name, digest, size = documents.store_pdf(data, f"scrutiny/{pdf_filename(report)}")
    updated = BriefingReport.objects.filter(pk=report.pk, public_pdf_sha256="").update(
        public_pdf=name,
        public_pdf_sha256=digest,
        public_pdf_size=size,
        public_pdf_rendered_at=timezone.now(),
        public_pdf_error="",
        public_pdf_failed_at=None,
    )
    if not updated:
        documents.delete_stored(name)
    else:
        pagecache.bump()  # the public page shows the stored PDF's size and hash
    return BriefingReport.objects.select_related("meeting", "committee").get(pk=report.pk)


@task
def render_public_pdf(report_id, attempt=1):
    """After publication: the public PDF, rendered and stored once (retried by the worker if it fails)."""
    report = BriefingReport.objects.filter(pk=report_id).first()
    if report is None:
        logger.warning("No briefing report %s to render", report_id)
        return None
    try:
        return store_public_pdf(report).public_pdf_sha256
    except Exception as exc:
        # Not just logged and forgotten: kept on the record, where Democratic Support sees it
        # and can try again; re-raised so the task backend marks the task failed.
        logger.exception("The public PDF of report %s could not be made", report_id)
        from scrutiny.services import record_public_pdf_failure

        record_public_pdf_failure(report, error=documents.failure_text(exc))
        enqueue_retry(render_public_pdf, report_id, attempt=attempt)
        raise
