"""The API answers what its OpenAPI description says, for the values the description allows."""

import pytest

from decisions.models import Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/decisions/"


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/v2/", "/api/v1/meetings/" + "9" * 40 + "/"])
def test_unroutable_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["status"] == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unroutable_page_outside_the_api_is_still_the_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("page", ["10000000000", "9" * 40, "9" * 5000])
def test_page_number_of_any_length_after_the_last_is_404(client, page):
    response = client.get(LIST, {"page": page})
    assert response.status_code == 404
    assert response.json()["message"].startswith("There is no page")


def test_unknown_decision_maker_number_is_an_empty_list(client, decision_maker):
    DecisionFactory(state=Status.PUBLISHED)
    body = client.get(LIST, {"decision_maker": "987654"}).json()
    assert body["count"] == 0 and body["results"] == []
    assert client.get(LIST, {"decision_maker": "abc"}).status_code == 400


def test_unknown_meeting_number_is_an_empty_list(client):
    body = client.get("/api/v1/reports/", {"meeting": "987654"}).json()
    assert body["count"] == 0 and body["results"] == []


@pytest.mark.parametrize(
    ("path", "parameter"),
    [("/api/v1/meetings/", "committee"), ("/api/v1/reports/", "meeting"), (LIST, "directorate"), (LIST, "page")],
)
def test_empty_parameter_is_400_as_its_schema_says(client, path, parameter):
    response = client.get(path, {parameter: ""})
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_empty_search_is_allowed(client):
    assert client.get(LIST, {"q": ""}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"decided_from": "2021-07-02", "decided_to": "2021-07-01"}, {"amount_min": "500", "amount_max": "100"}],
)
def test_reversed_range_is_an_empty_list_not_400(client, params):
    DecisionFactory(state=Status.PUBLISHED)
    response = client.get(LIST, params)
    assert response.status_code == 200 and response.json()["count"] == 0
