"""Who may open each call-in page (a table: each role by each page), checked on the server per
object: 200 for those who may, 403 for those who may not, 404 for what does not exist, and the
sign-in page for a visitor."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from weasyprint import HTML

from callin.models import CallIn
from tests.callin import pages_helpers as made
from tests.callin.pages_helpers import at, councillor
from tests.conftest import STAND_IN_PDF, built_once_per_module, held_for_the_test
from tests.factories import make_persona

pytestmark = pytest.mark.django_db

DAY = made.PUBLISHED_ON + datetime.timedelta(days=4)
MEETING_ON = datetime.date(2026, 9, 15)
PEOPLE = (
    "councillor",
    "requester",
    "democratic_support",
    "decision_maker",
    "officer",
    "finance_reviewer",
    "cabinet_member",
)


# Each state's call-in is built once for the module (tests/conftest.py: built_once_per_module):
# the table's 63 cells only read it, each fetching it afresh in its own savepoint, rolled back. So
# that the states live side by side, each is asked for by its own councillors.
ASKERS = {
    "gathering": ("Ann Lowry",),
    "requested": ("Bea Tamar", "Cal Plym", "Dee Hooe"),
    "called_in": ("Eve Stoke", "Fay Laira", "Gus Efford"),
    "to_council": ("Hal Ford", "Ivy Keyham", "Jo Mannamead"),
    "referred_back": ("Kit Compton", "Lou Peverell", "Max Hartley"),
}


def _requested(ds, state):
    return made.requested(made.published_decision(), [councillor(name) for name in ASKERS[state]])


def _called_in(ds):
    return made.validated(_requested(ds, "called_in"), ds)


def _outcome(ds, state, outcome, meeting_on):
    call_in = made.validated(_requested(ds, state), ds, meeting_on=meeting_on)
    return made.with_outcome(call_in, ds, outcome, on=DAY)


BUILDERS = {
    "gathering": lambda ds: _requested(ds, "gathering"),
    "requested": lambda ds: _requested(ds, "requested"),
    "called_in": _called_in,
    # The two outcomes' meetings are a day apart: a committee has one meeting at a time.
    "to_council": lambda ds: _outcome(ds, "to_council", "referred_to_council", DAY + datetime.timedelta(days=1)),
    "referred_back": lambda ds: _outcome(ds, "referred_back", "referred_back", DAY + datetime.timedelta(days=2)),
}


@built_once_per_module("_call_ins")
def _build_call_ins():
    # Module fixtures run before conftest's no_pdf_render: the publishing here stops WeasyPrint too.
    with at(DAY), mock.patch.object(HTML, "write_pdf", return_value=STAND_IN_PDF):
        ds = make_persona("democratic_support")
        return {state: build(ds).pk for state, build in BUILDERS.items()}


# page -> (the call-in's state, {person: status}); anyone not named gets 403.
TABLE = {
    "detail": (
        "requested",
        {"councillor": 200, "requester": 200, "democratic_support": 200, "decision_maker": 200, "officer": 200},
    ),
    "add-name": ("gathering", {"councillor": 200, "requester": 200}),
    "withdraw": ("gathering", {"requester": 200}),
    "validate": ("requested", {"democratic_support": 200}),
    "reject": ("requested", {"democratic_support": 200}),
    "schedule": ("called_in", {"democratic_support": 200}),
    "outcome": ("called_in", {"democratic_support": 200}),
    "council-outcome": ("to_council", {"democratic_support": 200}),
    "reconsider": ("referred_back", {"democratic_support": 200, "decision_maker": 200}),
}


def _person(request, name, call_in):
    if name == "requester":
        return call_in.author
    if name == "councillor":
        return councillor("Zoe Yelland")
    return request.getfixturevalue(name)


@pytest.mark.parametrize("name", TABLE)
@pytest.mark.parametrize("person", PEOPLE)
def test_call_in_page_answers_each_role(client, request, _call_ins, db, democratic_support, name, person):
    state, allowed = TABLE[name]
    with at(DAY):
        call_in = CallIn.objects.get(pk=held_for_the_test(request, _call_ins)[state])
        user = _person(request, person, call_in)
        client.force_login(user)
        response = client.get(reverse(f"callin:{name}", kwargs={"pk": call_in.pk}))
    # The decision's author (the officer persona) reads the request about their decision.
    assert response.status_code == allowed.get(person, 403), (name, person)


@pytest.mark.parametrize("name", TABLE)
def test_call_in_page_of_no_request_is_404(client, democratic_support, name):
    client.force_login(democratic_support)
    assert client.get(reverse(f"callin:{name}", kwargs={"pk": 987654})).status_code == 404


@pytest.mark.parametrize("name", [*TABLE, "open"])
def test_call_in_page_sends_visitor_to_sign_in(client, democratic_support, name):
    with at(DAY):
        kwargs = {} if name == "open" else {"pk": _requested(democratic_support, "requested").pk}
    response = client.get(reverse(f"callin:{name}", kwargs=kwargs))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("councillor", 200),
        ("democratic_support", 200),
        ("officer", 403),
        ("decision_maker", 403),
        ("cabinet_member", 403),
    ],
)
def test_open_decisions_answers_each_role(client, request, person, status):
    user = councillor("Zoe Yelland") if person == "councillor" else request.getfixturevalue(person)
    client.force_login(user)
    assert client.get(reverse("callin:open")).status_code == status


@pytest.mark.parametrize(
    ("person", "status"),
    [("councillor", 200), ("democratic_support", 403), ("officer", 403), ("cabinet_member", 403)],
)
def test_request_page_answers_each_role(client, request, person, status):
    with at(made.PUBLISHED_ON):
        decision = made.published_decision()
        user = councillor("Zoe Yelland") if person == "councillor" else request.getfixturevalue(person)
        client.force_login(user)
        assert client.get(reverse("callin:request", kwargs={"pk": decision.pk})).status_code == status
        assert client.get(reverse("callin:request", kwargs={"pk": 987654})).status_code == 404
