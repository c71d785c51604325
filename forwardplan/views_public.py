"""The public Forward Plan (reg 9; EXEC-5), under /forward-plan/: the current plan, each item's page,
the plan as CSV, JSON and Atom.

Only public items are ever shown (`forwardplan.opendata.public_items`): a draft or an item waiting
for Democratic Support answers exactly like one that does not exist (404). A withdrawn item keeps
its page, with the reason. What the downloads and the feed say of an item is
`forwardplan.opendata`'s, the same as the API's. The pages go through the public page cache, which
a change to a public item empties (`council.pagecache.watch` in forwardplan/apps.py).
"""

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from council.models import CouncilSettings
from council.opendata import PublicFeed, csv_value, download, streamed_csv, streamed_json
from council.pagecache import public_page
from council.pagination import page_links
from forwardplan import opendata
from forwardplan.models import Status
from forwardplan.public_query import CURRENT_MONTHS, PlanQuery

PAGE_SIZE = 50
FEED_SIZE = 50
EXPORT_CHUNK = 2000


def _groups(items):
    """The page's items grouped by the month they are expected in, in order, with what the list shows."""
    groups = []
    for plan_item in items:
        month = f"{plan_item.expected_from:%B %Y}"
        if not groups or groups[-1]["month"] != month:
            groups.append({"month": month, "rows": []})
        groups[-1]["rows"].append(
            {
                "item": plan_item,
                "decision_maker": opendata.decision_maker_text(plan_item),
                "expected": opendata.expected_text(plan_item),
            }
        )
    return groups


@public_page
@require_safe
def plan(request):
    """The current plan, by expected date; filters and pages in the URL (a stable, shareable address)."""
    query = PlanQuery(request.GET)
    public = opendata.public_items()
    query.form.set_months(query.scope(public).dates("expected_from", "month"))
    page = Paginator(query.filtered(public), PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = query.query_string()
    suffix = f"?{query_string}" if query_string else ""
    return render(
        request,
        "forwardplan/public/plan.html",
        {
            "query": query,
            "form": query.form,
            "error_links": [
                (f"#{query.form[name].auto_id}", error) for name in query.errors for error in query.errors[name]
            ],
            "page": page,
            "groups": _groups(page.object_list),
            "pages": page_links(page, query_string),
            "csv_url": reverse("forwardplan_public:csv") + suffix,
            "json_url": reverse("forwardplan_public:json") + suffix,
            "all_url": reverse("forwardplan_public:plan") + "?show=all",
            "current_months": CURRENT_MONTHS,
        },
    )


@public_page
@require_safe
def item(request, reference_slug):
    """Reg 9: everything the notice says, its first publication, and every later public change."""
    found = opendata.with_history(opendata.public_items().filter(reference_slug=reference_slug)).first()
    if found is None:
        raise Http404("No published Forward Plan item has that reference")
    return render(
        request,
        "forwardplan/public/item.html",
        {
            "item": found,
            "decision_maker": opendata.decision_maker_text(found),
            "expected": opendata.expected_text(found),
            "paragraphs": opendata.paragraphs(found),
            "changes": opendata.history(found),
        },
    )


# — downloads and the feed -------------------------------------------------------------------------


def _export(request):
    """The filtered plan for a download, or the field errors as a 400 response."""
    query = PlanQuery(request.GET)
    if query.errors:
        errors = {field: [str(e) for e in messages] for field, messages in query.errors.items()}
        return None, JsonResponse({"errors": errors}, status=400)
    return query.filtered(opendata.public_items()), None


@require_safe
def download_csv(request):
    """The plan as CSV, the page's filters applied: every public field, one row per item (OGL)."""
    items, error = _export(request)
    if error:
        return error
    rows = (opendata.item_data(item) for item in items.iterator(chunk_size=EXPORT_CHUNK))
    return download(streamed_csv(opendata.FIELDS, rows, cell=csv_value), "forward-plan", "csv")


@require_safe
def download_json(request):
    """The plan as JSON, the page's filters applied, each item with its public history (OGL)."""
    items, error = _export(request)
    if error:
        return error
    details = (opendata.item_detail(item) for item in opendata.with_history(items).iterator(chunk_size=EXPORT_CHUNK))
    response = streamed_json(request, publisher=CouncilSettings.for_request(request).name, key="items", items=details)
    return download(response, "forward-plan", "json")


class ForwardPlanFeed(PublicFeed):
    """Atom: items as they are published, changed, deferred or withdrawn, the latest first."""

    def title(self):
        return f"{CouncilSettings.load().name}: Forward Plan"

    def subtitle(self):
        return "Key decisions the council expects to take: new items, changes, deferrals and withdrawals."

    def link(self):
        return reverse("forwardplan_public:plan")

    def feed_url(self):
        return reverse("forwardplan_public:feed")

    def items(self):
        return opendata.public_items().order_by("-updated_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        status = "" if item.status == Status.PUBLISHED else f" ({item.get_status_display().lower()})"
        return f"{item.reference}: {item.title}{status}"

    def item_description(self, item):
        text = f"Decision maker: {opendata.decision_maker_text(item)}. Expected: {opendata.expected_text(item)}."
        if item.summary:
            text = f"{item.summary}\n\n{text}"
        if item.status_reason and item.status != Status.PUBLISHED:
            text += f"\n\n{item.get_status_display()}: {item.status_reason}"
        return text

    def item_link(self, item):
        return reverse("forwardplan_public:item", kwargs={"reference_slug": item.reference_slug})

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.directorate.name] if item.directorate else []


feed = public_page(require_safe(ForwardPlanFeed()))
