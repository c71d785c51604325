"""Councillors' call-in pages (CALL-1, CALL-2): the decisions open to call-in, the request and its
refusals, adding names, withdrawing, and what Your work shows them."""

import datetime

import pytest
from django.urls import reverse

from callin.models import CallIn, Status
from decisions.models import CallInState
from tests.callin.pages_helpers import (
    LAST_DAY,
    PUBLISHED_ON,
    at,
    councillor,
    published_decision,
    requested,
    three_councillors,
)

pytestmark = pytest.mark.django_db

OPEN = reverse("callin:open")
REASONS = "The consultation did not include the families affected."


def request_url(decision):
    return reverse("callin:request", kwargs={"pk": decision.pk})


def page(call_in, name="detail"):
    return reverse(f"callin:{name}", kwargs={"pk": call_in.pk})


# — decisions open to call-in ------------------------------------------------------------------------


def test_open_decisions_lists_decision_with_its_last_day_CALL_1(client):
    with at(PUBLISHED_ON):
        decision = published_decision(title="Closure of Ham Drive day centre")
    ann = councillor("Ann Lowry")
    client.force_login(ann)
    with at(PUBLISHED_ON + datetime.timedelta(days=3)):
        html = client.get(OPEN).text
    assert "Closure of Ham Drive day centre" in html
    assert "7 September 2026" in html
    assert request_url(decision) in html


def test_open_decisions_leaves_out_window_closed_CALL_1(client):
    with at(PUBLISHED_ON):
        published_decision(title="Closure of Ham Drive day centre")
    client.force_login(councillor("Ann Lowry"))
    with at(LAST_DAY + datetime.timedelta(days=1)):
        html = client.get(OPEN).text
    assert "Closure of Ham Drive day centre" not in html
    assert "No published decision is open to call-in today" in html


def test_open_decisions_refused_to_officer_and_cabinet_member(client, officer, cabinet_member):
    for person in (officer, cabinet_member):
        client.force_login(person)
        assert client.get(OPEN).status_code == 403
    client.logout()
    assert client.get(OPEN).status_code == 302


def test_open_decisions_queries_constant(client, django_assert_max_num_queries):
    ann = councillor("Ann Lowry")
    client.force_login(ann)
    with at(PUBLISHED_ON):
        published_decision()
        client.get(OPEN)  # warm the session and the council's settings
        with django_assert_max_num_queries(12) as one:
            client.get(OPEN)
        first = published_decision()
        for _ in range(4):
            published_decision()
        requested(first, [ann])
        with django_assert_max_num_queries(len(one.captured_queries)):
            assert client.get(OPEN).status_code == 200


# — the request ----------------------------------------------------------------------------------------


def test_request_without_reasons_shows_error_summary(client):
    with at(PUBLISHED_ON):
        decision = published_decision()
        client.force_login(councillor("Ann Lowry"))
        response = client.post(request_url(decision), {"reasons": "   "})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text and "Enter why the decision should be called in" in response.text
    assert not CallIn.objects.exists()


@pytest.mark.parametrize("reasons", ["Reasons\x00", "x" * 100_000, "<script>alert(1)</script>"])
def test_request_hostile_reasons_field_error_not_500(client, reasons):
    with at(PUBLISHED_ON):
        decision = published_decision()
        client.force_login(councillor("Ann Lowry"))
        response = client.post(request_url(decision), {"reasons": reasons})
    assert response.status_code == 200 and "govuk-error-summary" in response.text
    assert not CallIn.objects.exists()


def test_request_by_councillor_waits_for_names_CALL_1(client):
    with at(PUBLISHED_ON):
        decision = published_decision()
        ann = councillor("Ann Lowry")
        client.force_login(ann)
        response = client.post(request_url(decision), {"reasons": REASONS})
    call_in = CallIn.objects.get()
    assert response.status_code == 302 and response["Location"] == page(call_in)
    assert (call_in.status, call_in.author, call_in.reasons) == (Status.GATHERING, ann, REASONS)
    with at(PUBLISHED_ON):
        html = client.get(page(call_in)).text
    assert "needs 2 more names" in html and "Councillor Ann Lowry" in html


def test_request_after_window_refused_with_reason_CALL_1(client):
    with at(PUBLISHED_ON):
        decision = published_decision()
    client.force_login(councillor("Ann Lowry"))
    with at(LAST_DAY + datetime.timedelta(days=1)):
        shown = client.get(request_url(decision)).text
        posted = client.post(request_url(decision), {"reasons": REASONS})
    message = f"The call-in period for {decision.reference} ended on 7 September 2026."
    assert message in shown and 'name="reasons"' not in shown
    assert posted.status_code == 200 and message in posted.text
    assert not CallIn.objects.exists()


def test_request_on_waived_urgent_decision_refused_CALL_2(client, scrutiny_chair):
    with at(PUBLISHED_ON):
        decision = published_decision(urgent=True)
        assert decision.call_in_state == CallInState.NOT_SUBJECT
        client.force_login(councillor("Ann Lowry"))
        shown = client.get(request_url(decision)).text
        posted = client.post(request_url(decision), {"reasons": REASONS})
    assert "exempt from call-in (CALL-2)" in shown
    assert posted.status_code == 200 and "exempt from call-in (CALL-2)" in posted.text
    assert not CallIn.objects.exists()


def test_request_by_cabinet_member_refused_with_reason_CALL_1(client):
    with at(PUBLISHED_ON):
        decision = published_decision()
        cabinet_councillor = councillor("Dee Cabot", extra_roles=["Cabinet member"])
        client.force_login(cabinet_councillor)
        listed = client.get(OPEN)
        shown = client.get(request_url(decision)).text
        response = client.post(request_url(decision), {"reasons": REASONS})
    assert listed.status_code == 200
    assert "Cabinet members are part of the executive" in shown and 'name="reasons"' not in shown
    assert response.status_code == 200
    assert "Cabinet members are part of the executive" in response.text
    assert not CallIn.objects.exists()


def test_request_page_of_unpublished_decision_is_404(client):
    from tests.decisions.factories import DecisionFactory

    client.force_login(councillor("Ann Lowry"))
    assert client.get(request_url(DecisionFactory())).status_code == 404


# — adding names, withdrawing --------------------------------------------------------------------------


def test_two_colleagues_add_names_and_request_goes_to_democratic_support_CALL_1(client):
    ann, bea, cal = three_councillors()
    with at(PUBLISHED_ON):
        decision = published_decision()
        call_in = requested(decision, [ann])
        for colleague in (bea, cal):
            client.force_login(colleague)
            assert "Add my name" in client.get(page(call_in)).text
            response = client.post(page(call_in, "add-name"))
            assert response.status_code == 302
    call_in.refresh_from_db()
    decision.refresh_from_db()
    assert call_in.status == Status.REQUESTED
    assert decision.call_in_state == CallInState.REQUESTED and decision.effective_from is None
    assert [s.councillor for s in call_in.signatories.all()] == [ann, bea, cal]


def test_add_name_twice_said_on_page_not_500(client):
    ann, bea = councillor("Ann Lowry"), councillor("Bea Tamar")
    with at(PUBLISHED_ON):
        call_in = requested(published_decision(), [ann, bea])
        client.force_login(bea)
        response = client.post(page(call_in, "add-name"))
    assert response.status_code == 200
    assert "Your name is already on this request." in response.text
    assert call_in.signatories.count() == 2


def test_requester_withdraws_with_reason(client):
    ann = councillor("Ann Lowry")
    with at(PUBLISHED_ON):
        call_in = requested(published_decision(), [ann])
        client.force_login(ann)
        empty = client.post(page(call_in, "withdraw"), {"comment": ""})
        done = client.post(page(call_in, "withdraw"), {"comment": "The cabinet member answered my question."})
    assert "Enter why the call-in is being withdrawn" in empty.text
    assert done.status_code == 302
    call_in.refresh_from_db()
    assert call_in.status == Status.WITHDRAWN


def test_withdraw_refused_to_another_councillor(client):
    ann, bea = councillor("Ann Lowry"), councillor("Bea Tamar")
    with at(PUBLISHED_ON):
        call_in = requested(published_decision(), [ann])
        client.force_login(bea)
        assert client.get(page(call_in, "withdraw")).status_code == 403


# — Your work ----------------------------------------------------------------------------------------


def test_your_work_lists_councillors_requests_and_those_waiting_for_names(client):
    ann, bea = councillor("Ann Lowry"), councillor("Bea Tamar")
    with at(PUBLISHED_ON):
        decision = published_decision(title="Closure of Ham Drive day centre")
        call_in = requested(decision, [ann])
        client.force_login(ann)
        mine = client.get(reverse("staff-home")).text
        client.force_login(bea)
        theirs = client.get(reverse("staff-home")).text
    assert "Your call-in requests" in mine and call_in.reference in mine
    assert "Requests waiting for names" in theirs and "Needs 2 more names by 7 September 2026" in theirs


def test_sign_in_lands_councillor_on_decisions_open_to_call_in(client):
    ann = councillor("Ann Lowry")
    ann.set_password("correct horse battery staple")
    ann.save()
    with at(PUBLISHED_ON):
        published_decision(title="Closure of Ham Drive day centre")
        response = client.post(
            reverse("login"), {"username": ann.username, "password": "correct horse battery staple"}, follow=True
        )
    html = response.text
    assert "Decisions open to call-in" in html and "Closure of Ham Drive day centre" in html
    assert 'href="/call-in/"' in html  # in the navigation too


def test_your_work_gives_scrutiny_chair_the_call_in_lists_CALL_1(client, scrutiny_chair):
    with at(PUBLISHED_ON):
        published_decision(title="Closure of Ham Drive day centre")
        client.force_login(scrutiny_chair)
        html = client.get(reverse("staff-home")).text
    assert "Decisions open to call-in" in html and "Closure of Ham Drive day centre" in html


def test_request_without_enough_names_after_window_shows_lapsed_CALL_1(client):
    ann = councillor("Ann Lowry")
    with at(PUBLISHED_ON):
        call_in = requested(published_decision(), [ann])
    client.force_login(ann)
    with at(LAST_DAY + datetime.timedelta(days=1)):
        html = client.get(page(call_in)).text
        home = client.get(reverse("staff-home")).text
    assert "Lapsed" in html and "it has lapsed" in html and "Add my name" not in html
    assert "Lapsed" in home
