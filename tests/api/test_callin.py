"""The JSON API's call-in (CALL-1, issue #13): every decision carries its call-in fields, the list
takes `call_in=open|called_in` as the register does, a decision's detail lists its validated
call-ins (never a request not validated), in a constant number of queries; every response is
checked against the OpenAPI document by the `api` fixture."""

import datetime

import pytest
from django.urls import reverse

from callin.models import Outcome
from callin.models import Status as CallInStatus
from tests.api.test_forwardplan import _queries as queries  # past the page cache
from tests.decisions.test_public_callin import UNVALIDATED_REASONS, call_in, called_in, on, open_decision
from tests.scrutiny.factories import MeetingFactory

LIST = "/api/v1/decisions/"


def detail(decision):
    return reverse("api:decision", kwargs={"id": decision.reference_slug})


def test_api_filters_open_to_call_in_and_called_in_CALL_1(api, cast):
    open_one = open_decision(cast, 1)
    held, _ = called_in(cast, 2)
    with on(datetime.date(2026, 9, 3)):
        opened = api.get(LIST, {"call_in": "open"})
        held_only = api.get(LIST, {"call_in": "called_in"})
        everything = api.get(LIST)
    assert [d["id"] for d in opened["results"]] == [open_one.reference_slug]
    assert [d["id"] for d in held_only["results"]] == [held.reference_slug]
    first = next(d for d in everything["results"] if d["id"] == open_one.reference_slug)
    assert first["subject_to_call_in"] is True and first["called_in"] is False
    assert first["call_in_ends_on"] == "2026-09-07" and first["effective_from"] == "2026-09-08"
    assert first["call_in_state"] == "open" and first["reconsiders"] is None


def test_api_call_in_filter_refuses_an_unknown_value(api, db):
    body = api.get(LIST, {"call_in": "maybe"}, status=400)
    assert "call_in" in body["errors"]


def test_api_detail_lists_validated_call_ins_only_CALL_1(api, cast):
    meeting = MeetingFactory(date=datetime.date(2026, 9, 21))
    decision, made = called_in(cast, 1, meeting=meeting, outcome=Outcome.REFERRED_BACK, concerns="Ask the users.")
    other = open_decision(cast, 2)
    call_in(other, CallInStatus.GATHERING, n=2, reasons=UNVALIDATED_REASONS)
    body = api.get(detail(decision))
    [item] = body["call_ins"]
    assert item["reference"] == made.reference and item["reasons"] == made.reasons
    assert item["meeting_on"] == "2026-09-21" and item["outcome"] == "referred_back"
    assert item["concerns"] == "Ask the users."
    assert item["meeting_url"].endswith(f"/meetings/{meeting.pk}/")
    unvalidated = api.get(detail(other))
    assert unvalidated["call_ins"] == []
    assert "ZZUNVALIDATED" not in "".join(api.bodies)


@pytest.mark.parametrize("params", [{}, {"call_in": "called_in"}, {"call_in": "open"}])
def test_api_call_in_queries_do_not_grow_with_rows(client, cast, params):
    with on(datetime.date(2026, 9, 3)):
        for n in range(1, 3):
            called_in(cast, n) if n % 2 else open_decision(cast, n)
        few = queries(client, LIST, params)
        for n in range(3, 15):
            called_in(cast, n) if n % 2 else open_decision(cast, n)
        assert queries(client, LIST, params) == few


def test_api_detail_queries_do_not_grow_with_call_ins(client, cast):
    decision, _ = called_in(cast, 1)
    few = queries(client, detail(decision))
    for n in range(2, 6):
        call_in(decision, CallInStatus.CLOSED, n=n)
    assert queries(client, detail(decision)) == few
