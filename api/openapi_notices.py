"""The notices' part of the OpenAPI document: their schemas, built from `notices.opendata.FIELDS`
so the description cannot drift from the answers, and their two operations. api/openapi.py merges
them into the document."""

from api.openapi_paths import _error, _list_responses, _ok, _path_parameter, _query, pagination_parameters
from api.openapi_schemas import SCHEMA, _object, _page, _property
from notices import opendata
from notices.models import Kind

TAG = {
    "name": "Notices",
    "description": "General exception (reg 10) and special urgency (reg 11) notices of key decisions.",
}


def schemas():
    flat = {name: _property(name, kind, text) for name, (kind, text) in opendata.FIELDS.items()}
    flat["kind"] = {**flat["kind"], "enum": list(Kind.values)}
    return {
        "Notice": _object(flat, "A published general exception or special urgency notice."),
        "NoticeDetail": _object(
            {**flat, "licence": {"$ref": SCHEMA + "Licence"}}, "A published notice, with the licence."
        ),
        "NoticePage": _page("Notice", "A page of published notices."),
    }


def operations():
    return {
        "api:notices": {
            "operationId": "listNotices",
            "tags": [TAG["name"]],
            "summary": "General exception and special urgency notices",
            "description": "Every published notice, newest first. A notice's reasons are null until "
            "the notice of reasons is published.",
            "parameters": [
                _query("kind", {"type": "string", "enum": list(Kind.values)}, "Only notices of this kind."),
                *pagination_parameters(),
            ],
            "responses": _list_responses("NoticePage", "A page of notices."),
        },
        "api:notice": {
            "operationId": "getNotice",
            "tags": [TAG["name"]],
            "summary": "One notice",
            "parameters": [_path_parameter("id", {"type": "integer", "minimum": 1}, "The notice's number.")],
            "responses": {
                "200": _ok("NoticeDetail", "The notice."),
                "404": _error("No published notice has that id."),
            },
        },
    }
