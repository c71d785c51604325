"""The briefing report as a document: its one context, its PDF, and the public PDF stored once.

`report_context()` is the one context of `templates/scrutiny/_report.html`, for the public page,
the staff pages and the PDF alike, so the HTML and the PDF can never disagree. With `public=True`
every exempt part is replaced by its "Not for publication" text, and a Part II report shows only
its title and the exemption paragraph text.

Publishing a report enqueues `render_public_pdf`, which renders the public version once and keeps
it with its SHA-256 and size (`records.documents.PublicPdf`, shared with the decision records); the
rendering and storage are `council.documents`.
"""

import re

from django.db.models import Prefetch
from django.tasks import task

from council.models import CouncilSettings, Department
from records.documents import PARAGRAPHS, PublicPdf, RecordPdf, paragraph_grid
from scrutiny import rules
from scrutiny.models import BriefingReport, ReportSignOff

TEMPLATE = "documents/report.html"
SUBJECT = "Briefing report to an overview and scrutiny committee"

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
        appendix_grids=[(a, paragraph_grid(a.exempt_paragraphs)) for a in appendices],
        paper_grids=[(p, paragraph_grid(p.exempt_paragraphs)) for p in papers],
        part2_grid=paragraph_grid(report.exempt_paragraphs),
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


render_report_pdf = RecordPdf(TEMPLATE, SUBJECT, report_queryset, report_context, pdf_title)
PUBLIC_PDF = PublicPdf.of(
    render_report_pdf,
    pdf_filename,
    lambda: BriefingReport.objects.select_related("meeting", "committee"),
    services="scrutiny.services",
)
store_public_pdf = PUBLIC_PDF.store


@task
def render_public_pdf(report_id, attempt=1):
    """After publication: the public PDF, rendered and stored once (retried by the worker if it fails)."""
    return PUBLIC_PDF.run(render_public_pdf, report_id, attempt=attempt)
