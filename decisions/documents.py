"""The decision record as a document: its one context, its PDF, and the public PDF stored once.

`record_context()` is the one context of `templates/decisions/_record.html`, for the staff page,
the public page and the PDF alike, so the HTML and the PDF can never disagree. With
`public=True` every exempt part is replaced by its "Not for publication" text (S12A-4).

Publishing a record enqueues `render_public_pdf`, which renders the public version once and
keeps it with its SHA-256 and size: a published record's stored PDF never changes (A11Y-4,
EXEC-14): `records.documents.PublicPdf` does it for every kind of record; the rendering itself is
`council.documents`.
"""

from decimal import Decimal

from django.db.models import Prefetch
from django.tasks import task

from council import documents
from council.models import CouncilSettings, Department
from decisions import rules, sections
from decisions.models import (
    CabinetConsultation,
    ChairAgreement,
    Decision,
    Event,
    SignOff,
)
from records.documents import PARAGRAPHS, PublicPdf, RecordPdf, paragraph_grid

TEMPLATE = "documents/decision.html"
SUBJECT = "Executive decision made by a council officer"
WATERMARK = documents.WATERMARK
# Sections whose text can run long: their rows may break across pages; the others stay whole.
FLOWING_SECTIONS = {"4a", "5", "6", "7", "9", "10", "12a", "14", "18b"}
# 17 and 19 stay whole on a page unless their table is longer than this many rows.
LONG_TABLE = 10


def record_queryset():
    """Everything `_record.html` reads, in a constant number of queries."""
    return Decision.objects.select_related(
        "decision_maker",
        "author",
        "directorate",
        "priority__plan",
        "scrutiny_committee__chair",
        "cmt_member",
        "plan_item",
    ).prefetch_related(
        Prefetch("sign_offs", SignOff.objects.select_related("department", "issued_by")),
        "notices",
        Prefetch("chair_agreements", ChairAgreement.objects.select_related("committee", "chair")),
        Prefetch("consultations", CabinetConsultation.objects.select_related("portfolio__member")),
        "appendices",
        "background_papers",
        "applicable_departments",
        "wards",
        Prefetch("events", Event.objects.order_by("at", "pk")),
    )


def _pounds(amount):
    """Thresholds as the form writes them: £3 million, £1 million, £250,000."""
    amount = Decimal(amount)
    if amount >= 1_000_000 and amount % 100_000 == 0:
        millions = amount / Decimal(1_000_000)
        return f"{millions.normalize():f} million"
    return f"{amount:,.0f}"


def _sign_off_rows(decision, departments, *, public):
    """Section 16: every department on the form, with its current code, N/A, or its state."""
    chosen = {d.pk for d in decision.applicable_departments.all()}
    latest = {}
    for sign_off in decision.sign_offs.all():  # newest first within a department (Meta.ordering)
        latest.setdefault(sign_off.department_id, sign_off)
    current = rules.current_sign_offs(decision)
    rows = []
    for dep in departments:
        applies = dep.mandatory_for_decisions or dep.pk in chosen
        row = {
            "department": dep,
            "mandatory": dep.mandatory_for_decisions,
            "applies": applies,
            "sign_off": current.get(dep.pk),
            "stale": None,
        }
        if applies and row["sign_off"] is None and not public:
            row["stale"] = latest.get(dep.pk)
        rows.append(row)
    return rows


def record_context(decision, *, public, council=None):
    """The context `templates/decisions/_record.html` needs. `decision` from `record_queryset()`."""
    council = council or CouncilSettings.load()
    departments = list(Department.objects.filter(on_decision_form=True))
    criteria_values = {
        "capital": _pounds(council.key_decision_capital_threshold),
        "revenue": _pounds(council.key_decision_revenue_threshold),
    }
    criteria = [
        {"text": text.format(**criteria_values), "ticked": bool(getattr(decision, field))}
        for field, text in sections.KEY_DECISION_CRITERIA.items()
    ]
    agreements = list(decision.chair_agreements.all())
    if public:
        agreements = [a for a in agreements if a.is_agreed]
    appendices = list(decision.appendices.all())
    papers = list(decision.background_papers.all())
    return {
        "decision": decision,
        "public": public,
        "council": council,
        "groups": [(title, [(n, sections.LABELS[n]) for n in numbers]) for title, numbers in sections.GROUPS],
        "flowing_sections": _flowing_sections(appendices, papers),
        "form_title": sections.TITLE,
        "form_subtitle": sections.SUBTITLE,
        "form_heading": sections.HEADING,
        "reference_label": sections.REFERENCE_LABEL,
        "background_papers_guidance": sections.BACKGROUND_PAPERS_GUIDANCE,
        "criteria": criteria,
        "wards": list(decision.wards.all()),
        "agreements": agreements,
        "consultations": list(decision.consultations.all()),
        "sign_off_rows": _sign_off_rows(decision, departments, public=public),
        "appendices": appendices,
        "papers": papers,
        "paper_grids": [(paper, paragraph_grid(paper.exempt_paragraphs)) for paper in papers],
        "part2_grid": paragraph_grid(decision.part2_paragraphs),
        "paragraph_numbers": PARAGRAPHS,
        "declaration": decision.declaration or _declaration(decision),
        "exempt_from_call_in": decision.exempt_from_call_in,
    }


def _flowing_sections(appendices, papers):
    flowing = set(FLOWING_SECTIONS)
    if len(appendices) > LONG_TABLE:
        flowing.add("17")
    if len(papers) > LONG_TABLE:
        flowing.add("19")
    return flowing


def _declaration(decision):
    from decisions.services import declaration

    return declaration(decision)


def pdf_filename(decision, *, public=True):
    """COD02-21-22.pdf for the public version; the full version says so."""
    stem = decision.reference_slug.upper() if decision.reference_slug else f"draft-decision-{decision.pk}"
    return f"{stem}.pdf" if public else f"{stem}-full.pdf"


def pdf_title(decision):
    return f"{decision.reference or 'Draft decision record'}: {decision.title or 'Untitled decision'}"


render_decision_pdf = RecordPdf(TEMPLATE, SUBJECT, record_queryset, record_context, pdf_title)
PUBLIC_PDF = PublicPdf.of(render_decision_pdf, pdf_filename, Decision.objects.all, services="decisions.services")
store_public_pdf = PUBLIC_PDF.store


@task
def render_public_pdf(decision_id, attempt=1):
    """After publication: the public PDF, rendered and stored once (retried by the worker if it fails)."""
    return PUBLIC_PDF.run(render_public_pdf, decision_id, attempt=attempt)
