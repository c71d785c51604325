"""The API's OpenAPI 3.1 description, served at /api/v1/openapi.json and rendered as /api/.

The document is assembled here from its parts: the schemas (`api.openapi_schemas`, built from the
representations' own field lists, so the description cannot drift from what the API answers) and
the operations (`api.openapi_paths`, parameters written out, with the enums the data gives read
from the database when the document is built). The tests check that every URL of api/urls.py is a
path here, and that each path gives exactly the parameters its view reads.
"""

import re

from django.conf import settings
from django.urls import reverse

from api import openapi_forwardplan, openapi_notices
from api import urls as api_urls
from api.http import ALLOWED_METHODS, CACHE_SECONDS, DEFAULT_PAGE_SIZE, LICENCE, MAX_PAGE_SIZE
from api.openapi_paths import HEADERS, operations
from api.openapi_schemas import _schema_name, schemas  # noqa: F401 - _schema_name: the tests name schemas by it
from council.models import Committee
from decisions.models import Decision
from forwardplan.models import PlanItem
from notices.models import Notice
from scrutiny.models import BriefingReport, Meeting, Status

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
DESCRIPTION = f"""\
Open data about the council's executive decisions and its overview and scrutiny committees: \
published decision records, committees, meetings and the briefing reports on their agendas, and \
the Forward Plan of key decisions the council expects to take, and the general exception and \
special urgency notices of key decisions taken without it.

- Read-only and open: no sign-in, only {", ".join(ALLOWED_METHODS)}; any other method is answered 405.
- Only what the public pages show: exempt (Part II) information is never in the API. A Part II \
briefing report gives its title and the paragraphs of Schedule 12A it is exempt under, and \
nothing else.
- Every response carries the licence (Open Government Licence v3.0) in its body and in a \
`Link: <...>; rel="license"` header, and `Access-Control-Allow-Origin: *`. Successful responses \
may be cached for {CACHE_SECONDS} seconds.
- Lists are paged: `page` from 1 and `page_size` from 1 to {MAX_PAGE_SIZE} \
(default {DEFAULT_PAGE_SIZE}). A page after the last is 404; page 1 of an empty list is an empty page. \
A parameter given empty is 400 (leave it out instead), except the search `q`.
- Errors are JSON: `status`, `message` and, when parameters are at fault, `errors` with each \
parameter's messages.
- Stable identifiers: a decision's reference as it appears in its address (`cod02-21-22`), a \
committee's slug, a Forward Plan item's reference as in its address (`fp-2026-003`), and numbers \
for meetings, reports and notices. Dates are ISO 8601 and amounts are pounds.
"""


def url_path(pattern, prefix):
    """An OpenAPI path from a URL pattern: "v1/decisions/<slug:id>/" -> "/api/v1/decisions/{id}/"."""
    return prefix + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))


def build():
    """The OpenAPI document, as a dict."""
    prefix = reverse("api:docs")
    names = {f"{api_urls.app_name}:{p.name}": url_path(p, prefix) for p in api_urls.urlpatterns if p.name}
    paths = {}
    for name, operation in {**operations(), **openapi_forwardplan.operations(), **openapi_notices.operations()}.items():
        paths[names[name]] = {"get": operation}
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Decisions and scrutiny open data API",
            "version": API_VERSION,
            "summary": "Published decisions, committees, meetings and briefing reports as open data.",
            "description": DESCRIPTION,
            "license": {"name": LICENCE["name"], "url": LICENCE["url"]},
        },
        "servers": [{"url": settings.SITE_URL.rstrip("/")}],
        "tags": [
            {"name": "Decisions", "description": "Executive decisions made by officers, once published."},
            {"name": "Committees", "description": "Overview and scrutiny committees."},
            {"name": "Meetings", "description": "Committee meetings and their agendas."},
            {"name": "Briefing reports", "description": "Reports published on meetings' agendas."},
            openapi_forwardplan.TAG,
            openapi_notices.TAG,
            {"name": "About", "description": "The API itself."},
        ],
        "paths": paths,
        "components": {
            "schemas": {**schemas(), **openapi_forwardplan.schemas(), **openapi_notices.schemas()},
            "headers": HEADERS,
        },
    }


# — the documentation page ---------------------------------------------------------------------------


def examples():
    """A request to show for each URL name, with real ids where the data has them."""
    decision = Decision.objects.published().order_by("-published_at").values_list("reference_slug", flat=True).first()
    committee = Committee.objects.order_by("order", "name").values_list("slug", flat=True).first()
    meeting = Meeting.objects.order_by("-date").values_list("pk", flat=True).first()
    report = (
        BriefingReport.objects.filter(status=Status.PUBLISHED)
        .order_by("-published_at")
        .values_list("pk", flat=True)
        .first()
    )
    committee = committee or "education-and-childrens-social-care"
    plan_item = (
        PlanItem.objects.public().order_by("-first_published_at").values_list("reference_slug", flat=True).first()
    )
    result = {
        "api:docs": reverse("api:docs"),
        "api:index": reverse("api:index"),
        "api:openapi": reverse("api:openapi"),
        "api:decisions": reverse("api:decisions") + "?key_decision=no&urgent=yes&page_size=10",
        "api:decision": reverse("api:decision", kwargs={"id": decision or "cod02-21-22"}),
        "api:committees": reverse("api:committees"),
        "api:committee": reverse("api:committee", kwargs={"slug": committee}),
        "api:meetings": reverse("api:meetings") + f"?committee={committee}",
        "api:meeting": reverse("api:meeting", kwargs={"id": meeting or 1}),
        "api:reports": reverse("api:reports") + f"?committee={committee}",
        "api:report": reverse("api:report", kwargs={"id": report or 1}),
        "api:forward-plan": reverse("api:forward-plan") + "?decision_maker_type=cabinet_member",
    }
    if plan_item:  # an item's example only when one is public: every example shown must answer
        result["api:forward-plan-item"] = reverse("api:forward-plan-item", kwargs={"id": plan_item})
    result["api:notices"] = reverse("api:notices") + "?kind=general_exception"
    notice = Notice.objects.public().order_by("-published_at").values_list("pk", flat=True).first()
    if notice:  # as the plan item's: an example only when a notice is published
        result["api:notice"] = reverse("api:notice", kwargs={"id": notice})
    return result


def _type_text(schema):
    kind = schema.get("type", "string")
    text = {"integer": "whole number", "number": "number", "string": "text", "boolean": "true or false"}[kind]
    if schema.get("format") == "date":
        text = "date"
    if schema.get("enum"):
        text = "one of " + ", ".join(schema["enum"])
    return text


def endpoints(document, *, examples):
    """The paths of `document`, in order, as the documentation page lists them."""
    names = {url_path(p, reverse("api:docs")): f"{api_urls.app_name}:{p.name}" for p in api_urls.urlpatterns}
    result = []
    for path, item in document["paths"].items():
        operation = item["get"]
        result.append(
            {
                "path": path,
                "anchor": operation["operationId"],
                "summary": operation["summary"],
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": p["name"],
                        "where": "in the path" if p["in"] == "path" else "query",
                        "type": _type_text(p["schema"]),
                        "description": p["description"],
                    }
                    for p in operation["parameters"]
                ],
                "responses": [(status, response["description"]) for status, response in operation["responses"].items()],
                "example": examples.get(names[path]),
            }
        )
    return result
