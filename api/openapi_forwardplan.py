"""The Forward Plan's part of the OpenAPI document: its schemas, built from
`forwardplan.opendata.FIELDS` so the description cannot drift from the answers, and its two
operations. api/openapi.py merges them into the document."""

from api.openapi_paths import _error, _list_responses, _ok, _path_parameter, _query, pagination_parameters
from api.openapi_schemas import SCHEMA, _from_fields, _object, _page, _property
from forwardplan import opendata
from forwardplan.models import PUBLIC_STATUSES, DecisionMakerType

TAG = {"name": "Forward Plan", "description": "Notices of key decisions the council expects to take (reg 9)."}


def schemas():
    flat = {name: _property(name, kind, text) for name, (kind, text) in opendata.FIELDS.items()}
    change = _from_fields(opendata.CHANGE_FIELDS, "A public change to an item.")
    return {
        "PlanItem": _object(flat, "A public Forward Plan item (as the plan's CSV download)."),
        "PlanItemChange": change,
        "PlanItemDetail": _object(
            {
                **flat,
                "changes": {
                    "type": "array",
                    "description": "Its history since first publication, oldest first.",
                    "items": {"$ref": SCHEMA + "PlanItemChange"},
                },
                "licence": {"$ref": SCHEMA + "Licence"},
            },
            "A public Forward Plan item, with its changes since first publication.",
        ),
        "PlanItemPage": _page("PlanItem", "A page of public Forward Plan items."),
    }


def operations():
    statuses = sorted(s.value for s in PUBLIC_STATUSES)
    return {
        "api:forward-plan": {
            "operationId": "listPlanItems",
            "tags": [TAG["name"]],
            "summary": "Forward Plan items: key decisions the council expects to take",
            "description": "Every item ever published, withdrawn and past ones too, earliest expected date first. "
            "Never a draft.",
            "parameters": [
                _query("status", {"type": "string", "enum": statuses}, "Only items with this status."),
                _query(
                    "decision_maker_type",
                    {"type": "string", "enum": list(DecisionMakerType.values)},
                    "Only items decided by an officer, the Cabinet or a cabinet member.",
                ),
                *pagination_parameters(),
            ],
            "responses": _list_responses("PlanItemPage", "A page of Forward Plan items."),
        },
        "api:forward-plan-item": {
            "operationId": "getPlanItem",
            "tags": [TAG["name"]],
            "summary": "One Forward Plan item and its changes",
            "parameters": [
                _path_parameter(
                    "id",
                    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                    "The item's stable id: its reference as in its address, e.g. fp-2026-003.",
                )
            ],
            "responses": {
                "200": _ok("PlanItemDetail", "The item."),
                "404": _error("No published Forward Plan item has that id (a draft is never shown)."),
            },
        },
    }
