"""The OpenAPI document's operations: each path's parameters and responses, with the enums the data
gives (directorate codes, committee slugs) read from the database when the document is built."""

from api.http import CACHE_SECONDS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PAGE_ERROR, PAGE_SIZE_ERROR
from api.openapi_schemas import SCHEMA
from council.models import Committee, Directorate
from decisions.register import MAX_QUERY

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
            "call_in",
            {"type": "string", "enum": ["open", "called_in"]},
            "CALL-1: only decisions open to call-in today (open), or only those a call-in holds (called_in: "
            "requested, called in, or referred back or to full council).",
        ),
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
