"""The public register: published decision records, their public version, their public appendices.

Nothing here shows exempt information (S12A-4): `record_context(..., public=True)` replaces every
exempt part by its "Not for publication" text, and appendices are served only when not exempt.
An unpublished record answers exactly like a record that does not exist (404), so the register
never hints that a draft exists.

`record_context` (decisions/documents.py) prepares the record for this page, the staff record page
and the PDF alike: `templates/decisions/_record.html` is the one template of the record. The public
PDF is rendered once, by the worker, on publication and served from storage (`pdf`).
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from council import documents as council_documents
from council.models import CouncilSettings
from council.opendata import PublicFeed, csv_value, download, streamed_csv, streamed_json
from council.pagecache import public_page
from council.pagination import page_links
from decisions import documents, opendata, related
from decisions.documents import record_context, record_queryset
from decisions.models import Appendix, Decision
from decisions.register import RegisterQuery
from decisions.rules_callin import call_in_status
from records.retention import retention
from records.views_record import numbered

PAGE_SIZE = 25
FEED_SIZE = 50
EXPORT_CHUNK = 2000
# The list shows these; the long texts it does not show stay in the database.
LIST_FIELDS = [
    "pk",
    "reference",
    "reference_slug",
    "title",
    "decision_to_be_taken",
    "decided_on",
    "published_at",
    "is_key_decision",
    "is_urgent",
    "amount",
    "capital_amount",
    "revenue_amount",
    "decision_maker_name",
    "decision_maker_job_title",
    "decision_maker__first_name",
    "decision_maker__last_name",
    "decision_maker__username",
    "decision_maker__honorific",
    "directorate__name",
    # What `call_in_status` reads (CALL-1): the register's "Call-in" column, per row without a query.
    "call_in_state",
    "call_in_ends_on",
    "effective_from",
    "called_in_on",
    "not_subject_reason",
]


@public_page
@require_safe
def decision_list(request):
    """The register: search, filters and pages, all in the URL (so every result page can be shared)."""
    register = RegisterQuery(request.GET)
    decisions = register.ordered(
        Decision.objects.select_related("decision_maker", "directorate").only(*LIST_FIELDS).prefetch_related("wards")
    )
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = register.with_excerpts(page.object_list)
    today = timezone.localdate()
    for row in rows:
        row.call_in = call_in_status(row, today)
    query = register.query_string()
    return render(
        request,
        "decisions/public/list.html",
        {
            "register": register,
            "form": register.form,
            "page": page,
            "decisions": rows,
            "query": query,
            "pages": page_links(page, query),
            "csv_url": reverse("decisions:download-csv") + (f"?{query}" if query else ""),
            "json_url": reverse("decisions:download-json") + (f"?{query}" if query else ""),
        },
    )


def _export(request):
    """The filtered register for a download, or the field errors as a 400 response."""
    register = RegisterQuery(request.GET)
    if register.errors:
        errors = {field: [str(e) for e in messages] for field, messages in register.errors.items()}
        return None, JsonResponse({"errors": errors}, status=400)
    return opendata.export_queryset(register.ordered()), None


@require_safe
def download_csv(request):
    """The register as CSV, the page's filters applied: every public field, one row per decision (OGL)."""
    decisions, error = _export(request)
    if error:
        return error
    rows = (opendata.decision_data(decision) for decision in decisions.iterator(chunk_size=EXPORT_CHUNK))
    return download(streamed_csv(opendata.FIELDS, rows, cell=csv_value), "decisions", "csv")


@require_safe
def download_json(request):
    """The register as JSON, the page's filters applied, with its licence (OGL)."""
    decisions, error = _export(request)
    if error:
        return error
    items = (opendata.decision_data(decision) for decision in decisions.iterator(chunk_size=EXPORT_CHUNK))
    response = streamed_json(request, publisher=CouncilSettings.for_request(request).name, key="decisions", items=items)
    return download(response, "decisions", "json")


class DecisionsFeed(PublicFeed):
    """Atom: the newest published decisions, and those whose call-in changed lately (CALL-1).

    Each entry says its call-in status, and its `updated` is the latest public change of its
    call-in (called in, outcome, reconsideration), so a reader sees a decision change after it was
    published; entries are newest `updated` first, so a call-in's outcome weeks later comes back
    to the top of the feed even after fifty newer decisions (three queries, whatever the size).
    """

    def title(self):
        return f"{CouncilSettings.load().name}: decisions"

    def subtitle(self):
        return "Executive decisions made by council officers, newest first."

    def link(self):
        return reverse("decisions:list")

    def feed_url(self):
        return reverse("decisions:feed")

    def items(self):
        changes = opendata.public_call_in_changes()
        base = (
            Decision.objects.published()
            .select_related("directorate", "decision_maker")
            .only(*LIST_FIELDS, "directorate__code", "updated_at")
            .annotate(call_in_changed_at=Subquery(changes.filter(call_in__decision=OuterRef("pk")).values("at")[:1]))
        )
        newest = list(base.order_by("-published_at", "-pk")[:FEED_SIZE])
        recent = changes.values("call_in__decision_id")[:FEED_SIZE]
        changed = list(base.filter(pk__in=Subquery(recent)).exclude(pk__in=[d.pk for d in newest]))
        oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)  # a row imported without a publication time
        return sorted(newest + changed, key=lambda d: (self.item_updateddate(d) or oldest, d.pk), reverse=True)[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return f"{item.reference}: {item.title}"

    def item_description(self, item):
        maker = item.decision_maker_name or (item.decision_maker.display_name if item.decision_maker else "")
        text = f"{item.decision_to_be_taken}\n\nDecision maker: {maker}. Date of decision: {item.decided_on:%-d %B %Y}."
        status = call_in_status(item, timezone.localdate())
        return f"{text}\n\nCall-in: {status.sentence}" if status else text

    def item_updateddate(self, item):
        changed = getattr(item, "call_in_changed_at", None)
        return max(changed, item.published_at) if changed and item.published_at else item.published_at

    def item_link(self, item):
        return reverse("decisions:detail", kwargs={"slug": item.reference_slug})

    def item_author_name(self, item):
        return item.decision_maker_name or None

    def item_categories(self, item):
        return [item.directorate.name] if item.directorate else []


feed = public_page(require_safe(DecisionsFeed()))


def _published(slug):
    decision = record_queryset().published().filter(reference_slug=slug).first()
    if decision is None:
        raise Http404("No published decision has that reference")
    return decision


@public_page
@require_safe
def detail(request, slug):
    decision = _published(slug)
    council = CouncilSettings.for_request(request)
    context = record_context(decision, public=True, council=council)
    context["retention"] = retention(decision, council)  # OLGB-6
    context["related"] = related.public_about(decision)  # e.g. scrutiny reports, registered by their app
    # CALL-1: the status in words, the validated call-ins' public part, and the records linked by a
    # reconsideration (only when published). An unvalidated request shows only as the decision's
    # "requested" status: what councillors are still gathering or withdrew is not the council's record.
    context["call_in"] = call_in_status(decision, timezone.localdate())
    context["call_ins"] = opendata.public_call_ins(decision)
    context["reconsiders"] = opendata.public_reconsiders(decision)
    context["reconsidered_by"] = opendata.public_reconsidered_by(decision)
    return render(request, "decisions/public/detail.html", context)


@require_safe
def appendix(request, slug, ref):
    """S12A-4, EXEC-14: a non-exempt appendix of a published record, as a download."""
    item = (
        Appendix.objects.filter(decision__reference_slug=slug, decision__status="published", ref=ref)
        .select_related("decision")
        .first()
    )
    if item is None or item.is_exempt or not item.file:
        raise Http404("No public appendix has that reference")
    return council_documents.serve_attachment(item)


@require_safe
def background_paper(request, slug, number):
    """OLGB-5, S12A-4: a non-exempt background paper of a published record, as a download, by its number
    in section 19."""
    decision = Decision.objects.published().filter(reference_slug=slug).first()
    item = numbered(decision.background_papers.all(), number) if decision else None
    if item is None or item.is_exempt or not item.file:
        raise Http404("No public background paper has that number")
    return council_documents.serve_attachment(item)


@require_safe
def pdf(request, slug):
    """EXEC-14, A11Y-4: the public PDF, as the worker stored it on publication; a 503 until it has."""
    decision = Decision.objects.published().filter(reference_slug=slug).first()
    if decision is None:
        raise Http404("No published decision has that reference")
    return council_documents.serve_public_pdf(request, decision, filename=documents.pdf_filename(decision))
