"""/api/v1/decisions/: published decisions with the register page's search, filters and order, as
`decisions.opendata` represents them; one decision by its stable id; drafts are never shown."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from decisions import opendata
from decisions.models import Decision, Status
from decisions.register import RegisterQuery
from tests.api.data import quick_decision
from tests.decisions.factories import DecisionFactory

LIST = "/api/v1/decisions/"


def detail(decision_or_slug):
    slug = getattr(decision_or_slug, "reference_slug", decision_or_slug)
    return reverse("api:decision", kwargs={"id": slug})


@pytest.fixture
def register(cast):
    """The demo's kinds of record: urgent and not key (like COD02 21/22), key and not urgent, neither."""
    urgent = DecisionFactory(cast=cast, urgent=True, title="Urgent social work team", state=Status.PUBLISHED)
    key = quick_decision(cast, 2, key=True, decided_on=datetime.date(2022, 6, 1))
    plain = quick_decision(cast, 3, decided_on=datetime.date(2022, 4, 1), amount=Decimal("20000"))
    DecisionFactory(cast=cast, title="A draft that must not show")
    return {"urgent": urgent, "key": key, "plain": plain}


def ids(body):
    return [item["id"] for item in body["results"]]


def test_list_gives_published_decisions_newest_first_as_open_data(api, register):
    body = api.get(LIST)
    expected = opendata.export_queryset(RegisterQuery({}).ordered())
    assert body["count"] == 3 and ids(body) == [d.reference_slug for d in expected]
    assert body["results"] == [opendata.decision_data(d) for d in expected]
    assert "A draft that must not show" not in str(body)


def test_urgent_non_key_filter_finds_the_demo_like_record(api, register):
    body = api.get(LIST, {"key_decision": "no", "urgent": "yes"})
    assert ids(body) == [register["urgent"].reference_slug]
    assert body["results"][0]["urgent"] is True and body["results"][0]["key_decision"] is False


@pytest.mark.parametrize(
    "params",
    [
        {"key_decision": "yes"},
        {"urgent": "no"},
        {"directorate": "cyp"},
        {"decided_from": "2022-05-01"},
        {"decided_to": "01/05/2022"},
        {"amount_min": "100000"},
        {"amount_max": "£20,000"},
        {"q": "social work"},
        {"q": "number 3"},
    ],
)
def test_filters_answer_as_the_register_page_does(api, register, params):
    register_slugs = [d.reference_slug for d in RegisterQuery(params).ordered()]
    assert ids(api.get(LIST, params)) == register_slugs


def test_decision_maker_filter(api, register, decision_maker):
    body = api.get(LIST, {"decision_maker": decision_maker.pk})
    assert body["count"] == 3
    assert {item["decision_maker_id"] for item in body["results"]} == {decision_maker.pk}


def test_invalid_filters_are_400_listing_each_fields_message(api, register):
    params = {"amount_min": "lots", "decided_from": "31/02/2021", "directorate": "nope", "urgent": "maybe"}
    body = api.get(LIST, params, status=400)
    expected = RegisterQuery(params).errors
    assert set(body["errors"]) == set(params)
    for name, messages in expected.items():
        assert body["errors"][name] == list(messages)


def test_dates_and_amounts_the_wrong_way_round_match_nothing(api, register):
    # Each value is valid on its own (as the description allows it), so not a 400: nothing is in the range.
    body = api.get(LIST, {"decided_from": "2022-06-01", "decided_to": "2022-05-01"})
    assert body["count"] == 0 and body["results"] == []
    body = api.get(LIST, {"amount_min": "10", "amount_max": "5"})
    assert body["count"] == 0 and body["results"] == []


def test_filter_and_page_errors_come_together(api, register):
    body = api.get(LIST, {"amount_max": "x", "page": "0", "page_size": "1000"}, status=400)
    assert set(body["errors"]) == {"amount_max", "page", "page_size"}


def test_detail_is_the_decisions_open_data_detail(api, cast):
    decision = DecisionFactory(cast=cast, urgent=True, exempt=True, consulted=True, state=Status.PUBLISHED)
    body = api.get(detail(decision))
    fresh = opendata.export_queryset(Decision.objects.filter(pk=decision.pk)).get()
    assert body == {**opendata.decision_detail(fresh), "licence": body["licence"]}
    assert body["id"] == decision.reference_slug and body["reference"] == decision.reference
    assert body["exempt_report_title"] == decision.part2_title
    assert [a["ref"] for a in body["appendix_list"]] == ["A", "B"]
    assert body["appendix_list"][0]["exempt"] is True and body["appendix_list"][0]["download_url"] is None


@pytest.mark.parametrize("state", [Status.DRAFT, Status.IN_SIGN_OFF, Status.DECIDED, Status.WITHDRAWN])
def test_unpublished_decision_answers_exactly_like_an_unknown_one(api, client, cast, state, democratic_support):
    decision = DecisionFactory(cast=cast, urgent=True, state=state)
    if not decision.reference_slug:
        Decision.objects.filter(pk=decision.pk).update(reference="COD77 22/23", reference_slug="cod77-22-23")
        decision.refresh_from_db()
    client.force_login(democratic_support)  # staff see no more through the API than anyone else
    hidden = client.get(detail(decision))
    unknown = client.get(detail("cod99-99-00"))
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.content == unknown.content
    assert hidden.json() == unknown.json() == api.get(detail("cod98-99-00"), status=404)
    assert dict(hidden.headers).keys() == dict(unknown.headers).keys()
