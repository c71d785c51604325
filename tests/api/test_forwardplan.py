"""The Forward Plan in the JSON API (api/views_forwardplan.py): public items only, each response
validated against the OpenAPI document by the `api` fixture, filters, pagination, 404 for a draft,
constant queries, and an exempt part given by its Schedule 12A paragraph alone."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forwardplan import opendata
from forwardplan.models import DecisionMakerType, Status
from tests.forwardplan.public_items import MARKER, hidden_items, history, plan_item

pytestmark = pytest.mark.django_db
LIST = "/api/v1/forward-plan/"


def detail(item):
    return reverse("api:forward-plan-item", kwargs={"id": item.reference_slug})


def test_forward_plan_urls_are_stable():
    assert reverse("api:forward-plan") == LIST
    assert reverse("api:forward-plan-item", kwargs={"id": "fp-2026-003"}) == "/api/v1/forward-plan/fp-2026-003/"


def test_list_gives_every_public_item_and_never_a_draft_EXEC_5(api):
    hidden_items()
    published = plan_item()
    deferred = plan_item(status=Status.DEFERRED, status_reason="Awaiting the audit")
    withdrawn = plan_item(status=Status.WITHDRAWN, status_reason="No longer needed")
    body = api.get(LIST)
    assert body["count"] == 3
    assert {r["id"] for r in body["results"]} == {i.reference_slug for i in (published, deferred, withdrawn)}
    assert MARKER not in "".join(api.bodies)
    row = next(r for r in body["results"] if r["id"] == deferred.reference_slug)
    assert row["status"] == "deferred" and row["status_reason"] == "Awaiting the audit"
    assert list(row) == list(opendata.FIELDS)


def test_list_filters_by_status_and_decision_maker_type(api):
    plan_item(maker=DecisionMakerType.CABINET)
    officer = plan_item()
    plan_item(status=Status.WITHDRAWN, maker=DecisionMakerType.CABINET, status_reason="Gone")
    assert [r["id"] for r in api.get(LIST, {"decision_maker_type": "officer"})["results"]] == [officer.reference_slug]
    assert api.get(LIST, {"status": "withdrawn", "decision_maker_type": "cabinet"})["count"] == 1
    body = api.get(LIST, {"status": "draft"}, status=400)
    assert list(body["errors"]) == ["status"]


def test_list_pages_as_the_rest_of_the_api(api):
    for n in range(7):
        plan_item(expected_from=datetime.date(2031, 1, 1) + datetime.timedelta(days=n))
    first = api.get(LIST, {"page_size": 5})
    assert first["count"] == 7 and len(first["results"]) == 5 and "page=2" in first["next"]
    second = api.get(LIST, {"page_size": 5, "page": 2})
    assert len(second["results"]) == 2 and second["next"] is None
    api.get(LIST, {"page_size": 5, "page": 3}, status=404)
    dates = [r["expected_from"] for r in first["results"] + second["results"]]
    assert dates == sorted(dates)


def test_detail_gives_reg_9_fields_and_the_public_changes(api):
    item = plan_item(expected_to=datetime.date(2031, 5, 1), expected_from=datetime.date(2031, 4, 1))
    before = item.first_published_at - datetime.timedelta(days=1)
    history(item, "return", Status.SUBMITTED, Status.DRAFT, comment=f"{MARKER} not public", at=before)
    history(item, "edit", Status.PUBLISHED, Status.PUBLISHED, comment="Changed: documents")
    body = api.get(detail(item))
    assert body["reference"] == item.reference
    assert body["expected_from"] == "2031-04-01" and body["expected_to"] == "2031-05-01"
    assert body["first_published_on"] == item.first_published_on.isoformat()
    assert body["decision_maker"] == item.decision_maker.name_and_title
    assert [c["what"] for c in body["changes"]] == ["Published on the Forward Plan", "Changed"]
    assert body["changes"][1]["details"] == "Changed: documents"
    assert MARKER not in "".join(api.bodies)


def test_detail_is_404_for_drafts_and_submitted_items(api):
    for hidden in hidden_items():
        api.get(reverse("api:forward-plan-item", kwargs={"id": f"fp-0000-{hidden.pk}"}), status=404)
    api.get(reverse("api:forward-plan-item", kwargs={"id": "fp-2000-001"}), status=404)


def test_exempt_item_gives_its_paragraphs_and_nothing_more_S12A_4(api):
    item = plan_item(expected_exempt=True, exempt_paragraphs=[1, 3])
    body = api.get(detail(item))
    assert body["expected_exempt"] is True
    assert body["exempt_paragraphs"] == [1, 3]
    assert body["not_for_publication"].endswith(
        "paragraphs 1 and 3 of Part 1 of Schedule 12A of the Local Government Act 1972"
    )


def test_index_links_the_forward_plan(api):
    assert api.get("/api/v1/")["forward_plan"].endswith(LIST)


def _queries(client, url, params=None):
    client.get(url, params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, HTTP_COOKIE="sessionid=none")  # past the page cache
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("params", [{}, {"page_size": 100}, {"status": "published", "page_size": 5}])
def test_list_queries_do_not_grow_with_items(client, params):
    for n in range(3):
        plan_item(maker=[DecisionMakerType.OFFICER, DecisionMakerType.CABINET_MEMBER][n % 2])
    few = _queries(client, LIST, params)
    for n in range(20):
        plan_item(maker=[DecisionMakerType.OFFICER, DecisionMakerType.CABINET_MEMBER][n % 2])
    assert _queries(client, LIST, params) == few


def test_detail_queries_do_not_grow_with_history(client):
    quiet, busy = plan_item(), plan_item()
    for n in range(6):
        history(busy, "edit", Status.PUBLISHED, Status.PUBLISHED, comment=f"Changed {n}")
    assert _queries(client, detail(busy)) == _queries(client, detail(quiet))
