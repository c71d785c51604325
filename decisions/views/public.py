"""The public register: published decision records, their public version, their public appendices.

Nothing here shows exempt information (S12A-4): `record_context(..., public=True)` replaces every
exempt part by its "Not for publication" text, and appendices are served only when not exempt.
An unpublished record answers exactly like a record that does not exist (404), so the register
never hints that a draft exists.

`record_context` (decisions/documents.py) prepares the record for this page, the staff record page
and the PDF alike: `templates/decisions/_record.html` is the one template of the record. The public
PDF is rendered once on publication and served from storage (`pdf`).
"""

import os

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from council import documents as council_documents
from council.models import CouncilSettings
from decisions import documents
from decisions.documents import record_context, record_queryset
from decisions.models import Appendix, Decision

PAGE_SIZE = 25


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


@require_GET
def pdf(request, slug):
    """EXEC-14, A11Y-4: the public PDF, as stored on publication; rendered here only if it never was."""
    decision = Decision.objects.published().filter(reference_slug=slug).first()
    if decision is None:
        raise Http404("No published decision has that reference")
    if not decision.public_pdf_sha256:
        decision = documents.store_public_pdf(decision)  # once: the task failed or has not run yet
    return council_documents.serve_stored(
        request,
        decision.public_pdf.name,
        sha256_hex=decision.public_pdf_sha256,
        filename=documents.pdf_filename(decision),
    )
