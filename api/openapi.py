"""The API's OpenAPI 3.1 description, served at /api/v1/openapi.json and rendered as /api/.

The schemas come from the representations' own field lists, so the description cannot drift from
what the API answers: a decision's properties from `decisions.opendata.FIELDS`, committees',
meetings' and reports' from `scrutiny.opendata` (`*_FIELDS`). Parameters are written out here, with
the enums the data gives (directorate codes, committee slugs) read from the database when the
document is built. The tests check that every URL of api/urls.py is a path here, and that each
path gives exactly the parameters its view reads.
"""

import re

from django.conf import settings
from django.urls import reverse

from api import urls as api_urls
from api.http import (
    ALLOWED_METHODS,
    CACHE_SECONDS,
    DEFAULT_PAGE_SIZE,
    LICENCE,
    MAX_PAGE_SIZE,
    PAGE_ERROR,
    PAGE_SIZE_ERROR,
)
from council.models import Committee, Directorate
from decisions import opendata as decision_opendata
from decisions.models import Decision
from decisions.register import MAX_QUERY
from scrutiny import opendata as scrutiny_opendata
from scrutiny.models import BriefingReport, Meeting, Status

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
SCHEMA = "#/components/schemas/"

DESCRIPTION = f"""\
Open data about the council's executive decisions and its overview and scrutiny committees: \
published decision records, committees, meetings and the briefing reports on their agendas.

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
committee's slug, and numbers for meetings and reports. Dates are ISO 8601 and amounts are pounds.
"""

# — schemas ------------------------------------------------------------------------------------------

_PRIMITIVES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "date-time": {"type": "string", "format": "date-time"},
    "time": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
}


def _schema_name(object_name):
    """ "Committee link" -> "CommitteeLink", "Sign-off" -> "SignOff"."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[\s-]+", object_name))


def _nullable(schema):
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _property(name, kind, description):
    """The JSON Schema of one field from a `*_FIELDS` type (see scrutiny/opendata.py)."""
    nullable = kind.endswith("?")
    kind = kind.rstrip("?")
    if kind.startswith("list of "):
        schema = {"type": "array", "items": _property(name, kind.removeprefix("list of "), "")}
    elif kind in _PRIMITIVES:
        schema = dict(_PRIMITIVES[kind])
        if kind == "string" and name.endswith("url"):
            schema["format"] = "uri"
    else:
        schema = {"$ref": SCHEMA + _schema_name(kind)}
    if nullable:
        schema = _nullable(schema)
    if description:
        if "$ref" in schema:  # siblings of $ref are allowed in 3.1, but keep it plain for tools
            schema = {"allOf": [schema], "description": description}
        else:
            schema["description"] = description
    return schema


def _object(properties, description="", *, required=None):
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }
    if description:
        schema = {"description": description, **schema}
    return schema


def _from_fields(fields, description="", *, extra=None):
    properties = {name: _property(name, kind, text) for name, (kind, text) in fields.items()}
    properties.update(extra or {})
    return _object(properties, description)


def _decision_property(name, kind, description):
    """A decision's field (`decisions.opendata.FIELDS`): numbers and dates may be null."""
    schema = dict(_PRIMITIVES[kind])
    if kind in ("integer", "number", "date", "date-time"):
        schema["type"] = [schema["type"], "null"]
    if kind == "string" and name.endswith("url"):
        schema["format"] = "uri"
    schema["description"] = description
    return schema


def _decision_schemas():
    flat = {name: _decision_property(name, kind, text) for name, (kind, text) in decision_opendata.FIELDS.items()}
    detail = {
        **flat,
        "sign_offs": {
            "type": "array",
            "description": "16. The current sign-off of each department.",
            "items": _object({"department": {"type": "string"}, "code": {"type": "string"}}),
        },
        "appendix_list": {
            "type": "array",
            "description": "17. Appendices; an exempt one gives its title and 'Not for publication' text only.",
            "items": _object(
                {
                    "ref": {"type": "string"},
                    "title": {"type": "string"},
                    "exempt": {"type": "boolean"},
                    "not_for_publication": {"type": "string"},
                    "download_url": {
                        "type": ["string", "null"],
                        "format": "uri",
                        "description": "The file, when it is not exempt and there is one.",
                    },
                }
            ),
        },
        "background_paper_list": {
            "type": "array",
            "description": "19. Background papers; an exempt one gives its title and 'Not for publication' text only.",
            "items": _object(
                {"title": {"type": "string"}, "exempt": {"type": "boolean"}, "not_for_publication": {"type": "string"}}
            ),
        },
    }
    return {
        "Decision": _object(flat, "A published decision record's public fields (as the CSV and JSON downloads)."),
        "DecisionDetail": _object(
            {**detail, "licence": {"$ref": SCHEMA + "Licence"}},
            "A published decision record, with its sign-offs, appendices and background papers as lists.",
        ),
    }


def _with_licence(fields, description):
    return _from_fields(fields, description, extra={"licence": {"$ref": SCHEMA + "Licence"}})


def _page(item_ref, description):
    nullable_uri = {"type": ["string", "null"], "format": "uri"}
    return _object(
        {
            "count": {"type": "integer", "minimum": 0, "description": "How many items match, on every page."},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "next": {**nullable_uri, "description": "The next page, or null on the last."},
            "previous": {**nullable_uri, "description": "The previous page, or null on the first."},
            "licence": {"$ref": SCHEMA + "Licence"},
            "results": {"type": "array", "items": {"$ref": SCHEMA + item_ref}},
        },
        description,
    )


def schemas():
    s = scrutiny_opendata
    result = {
        "Licence": _object(
            {"name": {"type": "string", "const": LICENCE["name"]}, "url": {"type": "string", "const": LICENCE["url"]}},
            "The licence the data is published under.",
        ),
        "Error": _object(
            {
                "status": {"type": "integer", "description": "The HTTP status."},
                "message": {"type": "string"},
                "errors": {
                    "type": "object",
                    "description": "Each parameter at fault, with its messages.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                "licence": {"$ref": SCHEMA + "Licence"},
            },
            "What went wrong.",
            required=["status", "message", "licence"],
        ),
        "Index": _object(
            {
                "name": {"type": "string"},
                "version": {"type": "string"},
                **{
                    name: {"type": "string", "format": "uri", "description": text}
                    for name, text in [
                        ("decisions", "Published decisions."),
                        ("committees", "Overview and scrutiny committees."),
                        ("meetings", "Committee meetings and their agendas."),
                        ("reports", "Published briefing reports."),
                        ("openapi", "This description."),
                        ("documentation", "The documentation page."),
                    ]
                },
                "licence": {"$ref": SCHEMA + "Licence"},
            },
            "Links to everything in the API.",
        ),
        **_decision_schemas(),
        "Committee": _from_fields(s.COMMITTEE_FIELDS, "An overview and scrutiny committee, as its page shows it."),
        "CommitteeDetail": _with_licence(s.COMMITTEE_FIELDS, "A committee, and the licence."),
        "Meeting": _from_fields(s.MEETING_FIELDS, "A committee meeting and its published agenda."),
        "MeetingDetail": _with_licence(s.MEETING_FIELDS, "A meeting, and the licence."),
        "PublicReport": _from_fields(
            s.REPORT_FIELDS,
            "A published Part I briefing report, as its public page shows it (part_2 is false).",
        ),
        "WithheldReport": _from_fields(
            s.WITHHELD_REPORT_FIELDS,
            "A published Part II briefing report: its title and the exemption text only (part_2 is true).",
        ),
        "Report": {
            "description": "A published briefing report: Part I in full, Part II by title and exemption only.",
            "oneOf": [{"$ref": SCHEMA + "PublicReport"}, {"$ref": SCHEMA + "WithheldReport"}],
        },
        "ReportDetail": {
            "description": "A published briefing report, and the licence.",
            "oneOf": [
                _with_licence(s.REPORT_FIELDS, "A Part I report."),
                _with_licence(s.WITHHELD_REPORT_FIELDS, "A Part II report."),
            ],
        },
        "DecisionPage": _page("Decision", "A page of published decisions."),
        "CommitteePage": _page("Committee", "A page of committees."),
        "MeetingPage": _page("Meeting", "A page of meetings."),
        "ReportPage": _page("Report", "A page of published briefing reports."),
    }
    result["PublicReport"]["properties"]["part_2"]["const"] = False
    result["WithheldReport"]["properties"]["part_2"]["const"] = True
    result["ReportDetail"]["oneOf"][0]["properties"]["part_2"]["const"] = False
    result["ReportDetail"]["oneOf"][1]["properties"]["part_2"]["const"] = True
    for name, fields in s.OBJECTS.items():
        result[_schema_name(name)] = _from_fields(fields)
    return result


# — parameters ---------------------------------------------------------------------------------------


def _query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _path_parameter(name, schema, description):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": schema}


def pagination_parameters():
    return [
        _query(
            "page",
            {"type": "integer", "minimum": 1, "default": 1},
            f"The page, from 1. {PAGE_ERROR} (else 400); a page after the last, however large, is 404.",
        ),
        _query(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
            f"Items on a page. {PAGE_SIZE_ERROR} (else 400).",
        ),
    ]


# Pounds and pence below £1 trillion, as the register's form takes them (decisions.register).
AMOUNT = {"type": "number", "minimum": 0, "maximum": 999_999_999_999.99, "multipleOf": 0.01}


def decision_parameters():
    """The register page's search and filters (decisions.register.RegisterForm), as the API takes them."""
    yes_no = {"type": "string", "enum": ["yes", "no"]}
    directorates = [d.code.lower() for d in Directorate.objects.order_by("order", "name")]
    return [
        _query(
            "q",
            {"type": "string", "maxLength": MAX_QUERY, "pattern": "^[^\\u0000]*$"},  # no NUL characters
            "Words to search for in the title, decision, reasons, alternatives and financial implications. "
            "On PostgreSQL, best matches first; put a phrase in quotes.",
        ),
        _query("directorate", {"type": "string", "enum": directorates}, "A directorate's code (`directorate_code`)."),
        _query(
            "decision_maker",
            {"type": "integer", "minimum": 1},
            "A decision maker's number (`decision_maker_id`); a number no decision maker has matches nothing.",
        ),
        _query("key_decision", yes_no, "Only key decisions (yes) or only other decisions (no)."),
        _query("urgent", yes_no, "Only urgent decisions (yes) or only other decisions (no)."),
        _query(
            "decided_from",
            {"type": "string", "format": "date"},
            "Decided on or after this date: 2021-11-17 (17/11/2021 is also understood).",
        ),
        _query(
            "decided_to",
            {"type": "string", "format": "date"},
            "Decided on or before this date; a date before `decided_from` matches nothing.",
        ),
        _query("amount_min", AMOUNT, "An amount of at least this many pounds (and pence)."),
        _query(
            "amount_max",
            AMOUNT,
            "An amount of at most this many pounds; less than `amount_min` matches nothing.",
        ),
    ]


def _committee_filter(committees, what):
    return _query("committee", {"type": "string", "enum": committees}, f"Only {what} of this committee (its slug).")


# — responses ----------------------------------------------------------------------------------------

HEADERS = {
    "Access-Control-Allow-Origin": {
        "description": "Always *: any site may read the API.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": f"public, max-age={CACHE_SECONDS} on success; no-store on errors.",
        "schema": {"type": "string"},
    },
    "Link": {"description": 'The licence: <...>; rel="license".', "schema": {"type": "string"}},
}


def _headers():
    return {name: {"$ref": f"#/components/headers/{name}"} for name in HEADERS}


def _ok(schema_name, description):
    return {
        "description": description,
        "headers": _headers(),
        "content": {"application/json": {"schema": {"$ref": SCHEMA + schema_name}}},
    }


def _error(description):
    return {
        "description": description,
        "headers": _headers(),
        "content": {"application/json": {"schema": {"$ref": SCHEMA + "Error"}}},
    }


# — paths --------------------------------------------------------------------------------------------


def _list_responses(schema_name, description):
    return {
        "200": _ok(schema_name, description),
        "400": _error("A parameter is not valid, or given empty: `errors` gives each one's messages."),
        "404": _error("The page is after the last page."),
    }


def operations():
    """URL name -> the GET operation of its path."""
    committees = list(Committee.objects.order_by("order", "name").values_list("slug", flat=True))
    page = pagination_parameters()
    return {
        "api:docs": {
            "operationId": "documentation",
            "tags": ["About"],
            "summary": "This documentation, as a web page",
            "description": "The endpoints, their parameters and examples, and links to the downloads.",
            "parameters": [],
            "responses": {
                "200": {
                    "description": "The documentation page.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                }
            },
        },
        "api:index": {
            "operationId": "index",
            "tags": ["About"],
            "summary": "Links to every list, the OpenAPI description, the documentation and the licence",
            "parameters": [],
            "responses": {"200": _ok("Index", "Where everything is.")},
        },
        "api:openapi": {
            "operationId": "openapi",
            "tags": ["About"],
            "summary": "This OpenAPI 3.1 description",
            "parameters": [],
            "responses": {
                "200": {
                    "description": "The description of the API.",
                    "headers": _headers(),
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        },
        "api:decisions": {
            "operationId": "listDecisions",
            "tags": ["Decisions"],
            "summary": "Published decisions, searched and filtered as on the register page",
            "description": "Newest decision first (best match first when searching on PostgreSQL). "
            "Each item has the same fields as the register's CSV and JSON downloads.",
            "parameters": [*decision_parameters(), *page],
            "responses": _list_responses("DecisionPage", "A page of published decisions."),
        },
        "api:decision": {
            "operationId": "getDecision",
            "tags": ["Decisions"],
            "summary": "One published decision",
            "parameters": [
                _path_parameter(
                    "id",
                    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                    "The decision's stable id: its reference as in its address, e.g. cod02-21-22.",
                )
            ],
            "responses": {
                "200": _ok("DecisionDetail", "The decision."),
                "404": _error("No published decision has that id (a draft is never shown)."),
            },
        },
        "api:committees": {
            "operationId": "listCommittees",
            "tags": ["Committees"],
            "summary": "Overview and scrutiny committees",
            "description": "In the council's order.",
            "parameters": page,
            "responses": _list_responses("CommitteePage", "A page of committees."),
        },
        "api:committee": {
            "operationId": "getCommittee",
            "tags": ["Committees"],
            "summary": "One committee",
            "parameters": [
                _path_parameter("slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}, "The committee's slug.")
            ],
            "responses": {
                "200": _ok("CommitteeDetail", "The committee."),
                "404": _error("No committee has that slug."),
            },
        },
        "api:meetings": {
            "operationId": "listMeetings",
            "tags": ["Meetings"],
            "summary": "Committee meetings, with their published agendas",
            "description": "Newest first. An unknown committee is 400.",
            "parameters": [_committee_filter(committees, "meetings"), *page],
            "responses": _list_responses("MeetingPage", "A page of meetings."),
        },
        "api:meeting": {
            "operationId": "getMeeting",
            "tags": ["Meetings"],
            "summary": "One meeting and its agenda",
            "parameters": [_path_parameter("id", {"type": "integer", "minimum": 1}, "The meeting's id.")],
            "responses": {"200": _ok("MeetingDetail", "The meeting."), "404": _error("No meeting has that id.")},
        },
        "api:reports": {
            "operationId": "listReports",
            "tags": ["Briefing reports"],
            "summary": "Published briefing reports",
            "description": "Newest meeting first, then in agenda order. A Part II report gives its title and "
            "exemption only. An unknown committee is 400; a meeting number no meeting has matches nothing.",
            "parameters": [
                _committee_filter(committees, "reports"),
                _query(
                    "meeting",
                    {"type": "integer", "minimum": 1},
                    "Only reports on this meeting's agenda (its id).",
                ),
                *page,
            ],
            "responses": _list_responses("ReportPage", "A page of published briefing reports."),
        },
        "api:report": {
            "operationId": "getReport",
            "tags": ["Briefing reports"],
            "summary": "One published briefing report",
            "description": "As its public page shows it: a Part II report gives its title and exemption only.",
            "parameters": [_path_parameter("id", {"type": "integer", "minimum": 1}, "The report's id.")],
            "responses": {
                "200": _ok("ReportDetail", "The report."),
                "404": _error("No published briefing report has that id (a draft is never shown)."),
            },
        },
    }


def url_path(pattern, prefix):
    """An OpenAPI path from a URL pattern: "v1/decisions/<slug:id>/" -> "/api/v1/decisions/{id}/"."""
    return prefix + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))


def build():
    """The OpenAPI document, as a dict."""
    prefix = reverse("api:docs")
    names = {f"{api_urls.app_name}:{p.name}": url_path(p, prefix) for p in api_urls.urlpatterns if p.name}
    paths = {}
    for name, operation in operations().items():
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
            {"name": "About", "description": "The API itself."},
        ],
        "paths": paths,
        "components": {"schemas": schemas(), "headers": HEADERS},
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
    return {
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
    }


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
