"""OWASP CSV injection: a cell a spreadsheet would run as a formula is written as text in the CSV
download, and the JSON keeps the words exactly as typed."""

import csv
import io
from decimal import Decimal

import pytest

from council.opendata import csv_value
from decisions.models import Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturned"]


def _rows(client):
    body = b"".join(client.get("/decisions/download.csv").streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body, newline="")))


@pytest.mark.parametrize("title", FORMULAS)
def test_csv_cell_that_looks_like_a_formula_is_written_as_text(client, title):
    DecisionFactory(state=Status.PUBLISHED, title=title)
    (row,) = _rows(client)
    assert row["title"] == "'" + title
    body = b"".join(client.get("/decisions/download.json").streaming_content).decode()
    assert title.replace("\t", "\\t").replace("\r", "\\r").replace('"', '\\"') in body


def test_csv_plain_cells_and_amounts_are_unchanged(client):
    DecisionFactory(state=Status.PUBLISHED, title="Award of the contract")
    (row,) = _rows(client)
    assert row["title"] == "Award of the contract"
    assert not row["amount"].startswith("'") and not row["decided_on"].startswith("'")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (True, "yes"),
        (False, "no"),
        ([3, 5], "3, 5"),  # a Forward Plan item's Schedule 12A paragraphs
        (["=1+1", "x"], "'=1+1, x"),  # a list is one cell, defused like any text
        ("=1+1", "'=1+1"),
        (Decimal("491000.00"), Decimal("491000.00")),  # amounts stay numbers
    ],
)
def test_every_csv_download_writes_a_cell_by_one_rule(value, cell):
    assert csv_value(value) == cell
