"""The public register: published decision records, their public version, their public appendices.

Nothing here shows exempt information (S12A-4): `record_context(..., public=True)` replaces every
exempt part by its "Not for publication" text, and appendices are served only when not exempt.
An unpublished record answers exactly like a record that does not exist (404), so the register
never hints that a draft exists.

`record_context` also prepares the staff record page (decisions/views/review.py) and is what a
PDF renderer should call: `templates/decisions/_record.html` is the one template of the record.
"""

import os
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from council.models import CouncilSettings, Department
from decisions import rules, sections
from decisions.models import (
    SCHEDULE_12A,
    Appendix,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    Event,
    SignOff,
)

PAGE_SIZE = 25
PARAGRAPHS = list(SCHEDULE_12A)


def record_queryset():
    """Everything `_record.html` reads, in a constant number of queries."""
    return Decision.objects.select_related(
        "decision_maker",
        "author",
        "directorate",
        "priority__plan",
        "scrutiny_committee__chair",
        "cmt_member",
    ).prefetch_related(
        Prefetch("sign_offs", SignOff.objects.select_related("department", "issued_by")),
        Prefetch("chair_agreements", ChairAgreement.objects.select_related("committee", "chair")),
        Prefetch("consultations", CabinetConsultation.objects.select_related("portfolio__member")),
        "appendices",
        "background_papers",
        "applicable_departments",
        Prefetch("events", Event.objects.order_by("at", "pk")),
    )


def _pounds(amount):
    """Thresholds as the form writes them: £3 million, £1 million, £250,000."""
    amount = Decimal(amount)
    if amount >= 1_000_000 and amount % 100_000 == 0:
        millions = amount / Decimal(1_000_000)
        return f"{millions.normalize():f} million"
    return f"{amount:,.0f}"


def _paragraph_grid(paragraphs):
    chosen = set(paragraphs or [])
    return [{"number": n, "ticked": n in chosen} for n in PARAGRAPHS]


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
        "groups": [(title, [(n, sections.LABELS[n]) for n in numbers]) for title, numbers in sections.GROUPS],
        "form_title": sections.TITLE,
        "form_subtitle": sections.SUBTITLE,
        "form_heading": sections.HEADING,
        "reference_label": sections.REFERENCE_LABEL,
        "background_papers_guidance": sections.BACKGROUND_PAPERS_GUIDANCE,
        "criteria": criteria,
        "agreements": agreements,
        "consultations": list(decision.consultations.all()),
        "sign_off_rows": _sign_off_rows(decision, departments, public=public),
        "appendices": appendices,
        "papers": papers,
        "paper_grids": [(paper, _paragraph_grid(paper.exempt_paragraphs)) for paper in papers],
        "part2_grid": _paragraph_grid(decision.part2_paragraphs),
        "paragraph_numbers": PARAGRAPHS,
        "declaration": decision.declaration or _declaration(),
        "exempt_from_call_in": decision.exempt_from_call_in,
    }


def _declaration():
    from decisions.services import DECLARATION

    return DECLARATION


def _council(request):
    return getattr(request, "_council_settings", None) or CouncilSettings.load()


@require_GET
def decision_list(request):
    decisions = Decision.objects.published().for_list().order_by("-decided_on", "-published_at", "-pk")
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "decisions/public/list.html", {"page": page, "decisions": page.object_list})


def _published(slug):
    decision = record_queryset().published().filter(reference_slug=slug).first()
    if decision is None:
        raise Http404("No published decision has that reference")
    return decision


@require_GET
def detail(request, slug):
    decision = _published(slug)
    context = record_context(decision, public=True, council=_council(request))
    return render(request, "decisions/public/detail.html", context)


@require_GET
def appendix(request, slug, ref):
    """S12A-4, EXEC-14: a non-exempt appendix of a published record, as a download."""
    item = (
        Appendix.objects.filter(decision__reference_slug=slug, decision__status="published", ref=ref)
        .select_related("decision")
        .first()
    )
    if item is None or item.is_exempt or not item.file:
        raise Http404("No public appendix has that reference")
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The appendix file is missing") from exc
    filename = item.original_filename or os.path.basename(item.file.name)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=item.content_type or None)
