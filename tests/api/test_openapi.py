"""The OpenAPI description (api/openapi.py): valid OpenAPI 3.1, complete (every URL of api/urls.py,
every parameter each view reads), and true (every response in tests/api is validated against it by
the `api` fixture; here, each documented parameter is shown to be one the view really reads)."""

import importlib.util
import json
import re

import pytest
from django.urls import reverse

from api import openapi
from api import urls as api_urls
from council.models import Committee, Directorate
from decisions import opendata
from decisions.register import RegisterForm
from scrutiny import opendata as scrutiny_opendata
from tests.api.schema import check_document

PREFIX = "/api/"


def document(client):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)  # valid JSON


def template(pattern):
    """Written independently of api/openapi.py: <int:id> -> {id}."""
    route = str(pattern.pattern)
    return PREFIX + re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", route)


def operation(doc, pattern):
    return doc["paths"][template(pattern)]["get"]


def test_is_valid_openapi_3_1(client, db):
    doc = document(client)
    assert re.fullmatch(r"3\.1\.\d+", doc["openapi"])
    check_document(doc)
    assert doc["info"]["license"]["url"] == opendata.LICENCE_URL


@pytest.mark.skipif(
    not importlib.util.find_spec("openapi_spec_validator"), reason="openapi-spec-validator is not installed"
)
def test_passes_openapi_spec_validator(client, db):
    from openapi_spec_validator import validate

    validate(document(client))


def test_every_url_of_the_api_is_described(client, db):
    doc = document(client)
    patterns = {template(p) for p in api_urls.urlpatterns}
    missing = patterns - doc["paths"].keys()
    assert not missing, f"Describe these URLs in api/openapi.py: {sorted(missing)}"
    assert doc["paths"].keys() == patterns, "the description has paths that are not URLs"
    for path, item in doc["paths"].items():
        assert list(item) == ["get"], f"{path}: only GET is offered"


@pytest.mark.parametrize("pattern", api_urls.urlpatterns, ids=lambda p: p.name)
def test_each_paths_parameters_are_exactly_what_its_view_reads(client, db, pattern):
    parameters = operation(document(client), pattern)["parameters"]
    in_path = {p["name"] for p in parameters if p["in"] == "path"}
    in_query = [p["name"] for p in parameters if p["in"] == "query"]
    assert in_path == set(pattern.pattern.converters)
    assert sorted(in_query) == sorted(getattr(pattern.callback, "query_parameters", ())), pattern.name
    assert {p["in"] for p in parameters} <= {"path", "query"}


def test_decision_filters_are_the_register_pages(client, db):
    decisions = next(p for p in api_urls.urlpatterns if p.name == "decisions")
    in_query = {p["name"] for p in operation(document(client), decisions)["parameters"]}
    assert in_query == {*RegisterForm.base_fields, "page", "page_size"}


# A value each documented query parameter refuses: the view answers 400 naming that parameter, which
# shows the view reads it. A new parameter fails `test_every_query_parameter_is_checked` until added.
INVALID = {
    "q": "x" * 201,
    "directorate": "no-such-directorate",
    "decision_maker": "abc",
    "key_decision": "maybe",
    "urgent": "sometimes",
    "decided_from": "31/02/2021",
    "decided_to": "not a date",
    "amount_min": "lots",
    "amount_max": "-5",
    "committee": "no-such-committee",
    "meeting": "x",
    "status": "draft",
    "decision_maker_type": "the mayor",
    "kind": "draft",
    "call_in": "maybe",
    "page": "0",
    "page_size": "1000",
}


def _query_parameters(doc):
    for pattern in api_urls.urlpatterns:
        for parameter in operation(doc, pattern)["parameters"]:
            if parameter["in"] == "query":
                yield pattern, parameter


def test_every_query_parameter_is_checked(client, db):
    documented = {parameter["name"] for _, parameter in _query_parameters(document(client))}
    assert documented == INVALID.keys()


def test_each_documented_query_parameter_is_read_by_its_view(api, client, db):
    for pattern, parameter in _query_parameters(document(client)):
        name = parameter["name"]
        body = api.get(reverse(f"api:{pattern.name}"), {name: INVALID[name]}, status=400)
        assert list(body["errors"]) == [name], (pattern.name, name, body)


def test_parameter_types_and_enums(client, db):
    doc = document(client)
    parameters = {(pattern.name, p["name"]): p["schema"] for pattern, p in _query_parameters(doc)}
    directorates = sorted(d.code.lower() for d in Directorate.objects.all())
    assert sorted(parameters[("decisions", "directorate")]["enum"]) == directorates
    assert parameters[("decisions", "key_decision")]["enum"] == ["yes", "no"]
    assert parameters[("decisions", "urgent")]["enum"] == ["yes", "no"]
    assert parameters[("decisions", "decision_maker")]["type"] == "integer"
    assert parameters[("decisions", "amount_min")]["type"] == "number"
    assert parameters[("decisions", "decided_from")]["format"] == "date"
    slugs = sorted(Committee.objects.values_list("slug", flat=True))
    for name in ("meetings", "reports"):
        assert sorted(parameters[(name, "committee")]["enum"]) == slugs
        assert parameters[(name, "page_size")] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 25}


def test_decision_schema_comes_from_the_open_data_fields(client, db):
    schemas = document(client)["components"]["schemas"]
    decision = schemas["Decision"]
    assert list(decision["properties"]) == list(opendata.FIELDS) == decision["required"]
    for name, (kind, description) in opendata.FIELDS.items():
        prop = decision["properties"][name]
        assert prop["description"] == description
        types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        # "?": null is allowed (the convention of council/opendata.py).
        kind, nullable = kind.removesuffix("?"), kind.endswith("?")
        assert ("null" in types) == nullable, name
        expected = {"date": "string", "date-time": "string"}.get(kind, kind)
        assert expected in types, name
        if kind in ("date", "date-time"):
            assert prop["format"] == kind
    assert set(opendata.FIELDS) < set(schemas["DecisionDetail"]["properties"])


def test_scrutiny_schemas_come_from_the_open_data_fields(client, db):
    schemas = document(client)["components"]["schemas"]
    assert list(schemas["Committee"]["properties"]) == list(scrutiny_opendata.COMMITTEE_FIELDS)
    assert list(schemas["Meeting"]["properties"]) == list(scrutiny_opendata.MEETING_FIELDS)
    assert list(schemas["PublicReport"]["properties"]) == list(scrutiny_opendata.REPORT_FIELDS)
    assert list(schemas["WithheldReport"]["properties"]) == list(scrutiny_opendata.WITHHELD_REPORT_FIELDS)
    assert schemas["WithheldReport"]["additionalProperties"] is False
    for name, fields in scrutiny_opendata.OBJECTS.items():
        assert list(schemas[openapi._schema_name(name)]["properties"]) == list(fields)


def test_lists_document_400_and_the_404_after_the_last_page(client, db):
    doc = document(client)
    for name in ("decisions", "committees", "meetings", "reports", "notices"):
        pattern = next(p for p in api_urls.urlpatterns if p.name == name)
        responses = operation(doc, pattern)["responses"]
        assert {"200", "400", "404"} <= responses.keys()
        assert "after the last page" in responses["404"]["description"]
    assert "A page after the last is 404" in doc["info"]["description"]
