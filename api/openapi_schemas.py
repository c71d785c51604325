"""The OpenAPI document's schemas (`components.schemas`), built from the representations' own field
lists: a decision's properties from `decisions.opendata.FIELDS`, committees', meetings' and
reports' from `scrutiny.opendata` (`*_FIELDS`), so the description cannot drift from the answers."""

import re

from api.http import LICENCE, MAX_PAGE_SIZE
from decisions import opendata as decision_opendata
from scrutiny import opendata as scrutiny_opendata

SCHEMA = "#/components/schemas/"

_PRIMITIVES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "date-time": {"type": "string", "format": "date-time"},
    "time": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
}


# An appendix's or a background paper's file, in a decision's lists.
DOWNLOAD_URL = {
    "type": ["string", "null"],
    "format": "uri",
    "description": "The file, when it is not exempt and there is one.",
}


def _schema_name(object_name):
    """ "Committee link" -> "CommitteeLink", "Sign-off" -> "SignOff"."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[\s-]+", object_name))


def _nullable(schema):
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _property(name, kind, description):
    """The JSON Schema of one field of a `*_FIELDS` table (the convention: council/opendata.py)."""
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


def _decision_schemas():
    flat = {name: _property(name, kind, text) for name, (kind, text) in decision_opendata.FIELDS.items()}
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
                    "download_url": DOWNLOAD_URL,
                }
            ),
        },
        "background_paper_list": {
            "type": "array",
            "description": "19. Background papers; an exempt one gives its title and 'Not for publication' text only.",
            "items": _object(
                {
                    "title": {"type": "string"},
                    "exempt": {"type": "boolean"},
                    "not_for_publication": {"type": "string"},
                    "download_url": DOWNLOAD_URL,  # OLGB-5
                }
            ),
        },
        "call_ins": {
            "type": "array",
            "description": "CALL-1: the decision's call-ins once validated (a request not validated is not public).",
            "items": {"$ref": SCHEMA + "CallIn"},
        },
    }
    return {
        "CallIn": _from_fields(
            decision_opendata.CALL_IN_FIELDS, "A validated call-in of a decision: the reasons, meeting and outcome."
        ),
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
                        ("forward_plan", "Forward Plan items: key decisions the council expects to take."),
                        ("notices", "General exception and special urgency notices."),
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
