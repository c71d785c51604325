"""Digits that are not ASCII digits, or numbers too large for the database, in a query parameter are
an error on the filter (or no result), never a 500."""

import pytest
from django.urls import reverse

from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

PATHS = ["/decisions/", "/decisions/download.csv", "/decisions/download.json", "/api/v1/decisions/"]
HOSTILE_IDS = ["²", "١٢", "9" * 40, "-1", "1\x00"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_hostile_decision_maker_is_not_a_server_error(client, decision_maker, path, value):
    response = client.get(path, {"decision_maker": value})
    assert response.status_code < 500
    if path == "/decisions/":
        assert "Choose a decision maker from the list" in response.content.decode()


def test_id_in_the_path_larger_than_any_row_is_404(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    path = reverse("decisions:appendix-download", kwargs={"pk": decision.pk, "child": 1})
    response = client.get(path.replace("/1/file/", "/" + "9" * 40 + "/file/"))
    assert response.status_code == 404


def test_reference_in_the_path_with_a_nul_character_is_404(client):
    # PostgreSQL refuses NUL in any text: looked up, it would be a 500.
    assert client.get("/decisions/cod01-21-22/appendices/A%00/").status_code == 404
