"""Who may open each call-in page (a table: each role by each page), checked on the server per
object: 200 for those who may, 403 for those who may not, 404 for what does not exist, and the
sign-in page for a visitor."""

import datetime

import pytest
from django.urls import reverse

from tests.callin import pages_helpers as made
from tests.callin.pages_helpers import at, councillor

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


def _gathering(ds):
    return made.requested(made.published_decision(), [councillor("Ann Lowry")])


def _requested(ds):
    return made.requested(made.published_decision(), made.three_councillors())


def _called_in(ds):
    return made.validated(_requested(ds), ds)


def _outcome(outcome):
    def state(ds):
        call_in = made.validated(_requested(ds), ds, meeting_on=DAY + datetime.timedelta(days=1))
        return made.with_outcome(call_in, ds, outcome, on=DAY)

    return state


_to_council, _referred_back = _outcome("referred_to_council"), _outcome("referred_back")


# page -> (the call-in's state, {person: status}); anyone not named gets 403.
TABLE = {
    "detail": (
        _requested,
        {"councillor": 200, "requester": 200, "democratic_support": 200, "decision_maker": 200, "officer": 200},
    ),
    "add-name": (_gathering, {"councillor": 200, "requester": 200}),
    "withdraw": (_gathering, {"requester": 200}),
    "validate": (_requested, {"democratic_support": 200}),
    "reject": (_requested, {"democratic_support": 200}),
    "schedule": (_called_in, {"democratic_support": 200}),
    "outcome": (_called_in, {"democratic_support": 200}),
    "council-outcome": (_to_council, {"democratic_support": 200}),
    "reconsider": (_referred_back, {"democratic_support": 200, "decision_maker": 200}),
}


def _person(request, name, call_in):
    if name == "requester":
        return call_in.author
    if name == "councillor":
        return councillor("Zoe Yelland")
    return request.getfixturevalue(name)


@pytest.mark.parametrize("name", TABLE)
@pytest.mark.parametrize("person", PEOPLE)
def test_call_in_page_answers_each_role(client, request, democratic_support, name, person):
    state, allowed = TABLE[name]
    with at(DAY):
        call_in = state(democratic_support)
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
        kwargs = {} if name == "open" else {"pk": _requested(democratic_support).pk}
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
