"""Democratic Support's and the decision maker's call-in pages (CALL-1): validate or reject,
schedule for the committee's meetings, the committee's and full council's outcomes, the decision
maker's reconsideration, the staff decision page's call-in panel, and their Your work."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from callin.models import CallIn, Status
from decisions.models import CallInState, Decision
from scrutiny.models import Meeting
from tests.callin.pages_helpers import (
    PUBLISHED_ON,
    at,
    committee,
    meeting,
    published_decision,
    requested,
    three_councillors,
    validated,
    with_outcome,
)

pytestmark = pytest.mark.django_db

DAY_AFTER = PUBLISHED_ON + datetime.timedelta(days=4)  # Tuesday 1 September 2026
MEETING_ON = datetime.date(2026, 9, 15)


def page(call_in, name="detail"):
    return reverse(f"callin:{name}", kwargs={"pk": call_in.pk})


def record(decision):
    return reverse("decisions:record", kwargs={"pk": decision.pk})


@pytest.fixture
def call_in(democratic_support):
    """A request with the three names it needs, with Democratic Support."""
    with at(PUBLISHED_ON):
        decision = published_decision(title="Closure of Ham Drive day centre")
    with at(DAY_AFTER):
        return requested(decision, three_councillors())


def scheduled(call_in, democratic_support):
    with at(DAY_AFTER):
        return validated(call_in, democratic_support, meeting_on=MEETING_ON)


def referred_back(call_in, democratic_support):
    call_in = scheduled(call_in, democratic_support)
    with at(MEETING_ON):
        return with_outcome(call_in, democratic_support, "referred_back", on=MEETING_ON)


def dated(outcome, on):
    """The outcome page's answers: the outcome and its date as typed."""
    return {"outcome": outcome, "on_0": str(on.day), "on_1": str(on.month), "on_2": str(on.year)}


# — validate, reject -------------------------------------------------------------------------------------


def test_democratic_support_validates_and_decision_is_called_in_CALL_1(client, call_in, democratic_support):
    client.force_login(democratic_support)
    with at(DAY_AFTER):
        assert "Validate the call-in" in client.get(page(call_in)).text
        assert client.get(page(call_in, "validate")).status_code == 200
        response = client.post(page(call_in, "validate"))
    assert response.status_code == 302 and response["Location"] == page(call_in)
    call_in.refresh_from_db()
    decision = Decision.objects.get(pk=call_in.decision_id)
    assert call_in.status == Status.CALLED_IN
    assert decision.call_in_state == CallInState.CALLED_IN and decision.effective_from is None


def test_validate_twice_goes_back_to_request_with_message(client, call_in, democratic_support):
    client.force_login(democratic_support)
    with at(DAY_AFTER):
        client.post(page(call_in, "validate"))
        again = client.post(page(call_in, "validate"), follow=True)
    assert again.status_code == 200 and "already been" in again.text


def test_reject_needs_reason_then_decision_open_again_CALL_1(client, call_in, democratic_support):
    client.force_login(democratic_support)
    with at(DAY_AFTER):
        empty = client.post(page(call_in, "reject"), {"comment": ""})
        done = client.post(page(call_in, "reject"), {"comment": "Two of the names are cabinet members."})
    assert "Enter why the request is not valid" in empty.text and "govuk-error-summary" in empty.text
    assert done.status_code == 302
    call_in.refresh_from_db()
    assert call_in.status == Status.REJECTED
    assert Decision.objects.get(pk=call_in.decision_id).call_in_state == CallInState.OPEN


# — schedule -----------------------------------------------------------------------------------------------


def test_schedule_offers_only_the_committees_future_meetings(client, call_in, democratic_support):
    from callin import services
    from council.models import Committee

    other = Committee.objects.exclude(pk=committee().pk).first()
    past, future = meeting(datetime.date(2026, 8, 1)), meeting(MEETING_ON)
    elsewhere = Meeting.objects.create(committee=other, date=MEETING_ON) if other else None
    with at(DAY_AFTER):
        services.validate(call_in, actor=democratic_support)
        client.force_login(democratic_support)
        html = client.get(page(call_in, "schedule")).text
        refused = client.post(page(call_in, "schedule"), {"meeting": past.pk})
        done = client.post(page(call_in, "schedule"), {"meeting": future.pk})
    offered = set(re.findall(r'<input[^>]*name="meeting"[^>]*value="(\d+)"', html))
    assert offered == {str(future.pk)}, (offered, past.pk, elsewhere)
    assert refused.status_code == 200 and "Select one of the committee's meetings still to come" in unescape(
        refused.text
    )
    assert done.status_code == 302
    assert CallIn.objects.get(pk=call_in.pk).meeting == future


def test_two_people_scheduling_at_once_the_second_is_refused_not_silently_replaced(client, call_in, democratic_support):
    """Each scheduling is a version of the request: the page carries the one it showed."""
    from tests.factories import UserFactory

    colleague = UserFactory(username="della.two", roles=["Democratic Support"])
    first, second = meeting(MEETING_ON), meeting(datetime.date(2026, 9, 29))
    with at(DAY_AFTER):
        services_validate(call_in, democratic_support)
        client.force_login(democratic_support)
        seen = re.search(r'name="version" value="(\d+)"', client.get(page(call_in, "schedule")).text)[1]
        done = client.post(page(call_in, "schedule"), {"meeting": first.pk, "version": seen})
        client.force_login(colleague)
        refused = client.post(page(call_in, "schedule"), {"meeting": second.pk, "version": seen})
        again = client.get(page(call_in, "schedule")).text
    assert done.status_code == 302
    assert refused.status_code == 200
    assert "has changed since you opened this page" in unescape(refused.text)
    assert CallIn.objects.get(pk=call_in.pk).meeting == first
    assert "It is on the agenda of the meeting on 15 September 2026" in again
    chosen = re.findall(r'<input[^>]*name="meeting"[^>]*value="(\d+)"[^>]*checked', again)
    assert chosen == [str(first.pk)]


def services_validate(call_in, democratic_support):
    from callin import services

    services.validate(call_in, actor=democratic_support)


# — outcomes -----------------------------------------------------------------------------------------------


def test_outcome_referred_back_needs_concerns_CALL_1(client, call_in, democratic_support):
    call_in = scheduled(call_in, democratic_support)
    client.force_login(democratic_support)
    data = dated("referred_back", MEETING_ON)
    with at(MEETING_ON):
        missing = client.post(page(call_in, "outcome"), data)
        done = client.post(page(call_in, "outcome"), {**data, "concerns": "Consult the families."})
    assert missing.status_code == 200 and "Enter the committee's concerns" in unescape(missing.text)
    assert done.status_code == 302
    call_in.refresh_from_db()
    assert (call_in.status, call_in.concerns, call_in.outcome_on) == (
        Status.REFERRED_BACK,
        "Consult the families.",
        MEETING_ON,
    )
    assert Decision.objects.get(pk=call_in.decision_id).call_in_state == CallInState.REFERRED_BACK


def test_outcome_no_further_action_makes_decision_effective_CALL_1(client, call_in, democratic_support):
    call_in = scheduled(call_in, democratic_support)
    client.force_login(democratic_support)
    with at(MEETING_ON):
        response = client.post(page(call_in, "outcome"), dated("no_further_action", MEETING_ON))
    assert response.status_code == 302
    decision = Decision.objects.get(pk=call_in.decision_id)
    assert (decision.call_in_state, decision.effective_from) == (CallInState.EFFECTIVE, MEETING_ON)


@pytest.mark.parametrize(
    "data",
    [
        dated("nonsense", MEETING_ON),
        {"outcome": "no_further_action", "on_0": "31", "on_1": "2", "on_2": "2026"},
        {"outcome": "no_further_action", "on_0": "9" * 40, "on_1": "9", "on_2": "2026"},
        {"outcome": "no_further_action", "on_0": "1", "on_1": "1", "on_2": "2099"},
        {"outcome": "no_further_action"},
    ],
)
def test_outcome_bad_input_is_field_error_not_500(client, call_in, democratic_support, data):
    call_in = scheduled(call_in, democratic_support)
    client.force_login(democratic_support)
    with at(MEETING_ON):
        response = client.post(page(call_in, "outcome"), data)
    assert response.status_code == 200 and "govuk-error-summary" in response.text
    assert CallIn.objects.get(pk=call_in.pk).status == Status.CALLED_IN


def test_full_council_outcome_no_objection_makes_decision_effective_CALL_1(client, call_in, democratic_support):

    call_in = scheduled(call_in, democratic_support)
    with at(MEETING_ON):
        with_outcome(call_in, democratic_support, "referred_to_council", on=MEETING_ON)
    client.force_login(democratic_support)
    council_day = datetime.date(2026, 9, 28)
    with at(council_day):
        response = client.post(page(call_in, "council-outcome"), dated("no_objection", council_day))
    assert response.status_code == 302
    decision = Decision.objects.get(pk=call_in.decision_id)
    assert (decision.call_in_state, decision.effective_from) == (CallInState.EFFECTIVE, council_day)


# — the decision maker reconsiders ---------------------------------------------------------------------------


def test_decision_maker_confirms_referred_back_decision_CALL_1(client, call_in, democratic_support, decision_maker):
    call_in = referred_back(call_in, democratic_support)
    client.force_login(decision_maker)
    confirmed_on = datetime.date(2026, 9, 17)
    with at(confirmed_on):
        panel = client.get(record(call_in.decision)).text
        missing = client.post(page(call_in, "reconsider"), {"choice": "confirm"})
        done = client.post(
            page(call_in, "reconsider"), {"choice": "confirm", "on_0": "17", "on_1": "9", "on_2": "2026"}
        )
    assert "Reconsider this decision" in panel and "Referred back" in panel
    assert "Enter the date you confirmed the decision" in missing.text
    assert done.status_code == 302
    decision = Decision.objects.get(pk=call_in.decision_id)
    assert (decision.call_in_state, decision.effective_from) == (CallInState.EFFECTIVE, confirmed_on)
    assert CallIn.objects.get(pk=call_in.pk).status == Status.CLOSED


def test_changed_decision_started_and_linked_both_ways_CALL_1(client, call_in, democratic_support, decision_maker):
    call_in = referred_back(call_in, democratic_support)
    client.force_login(decision_maker)
    with at(datetime.date(2026, 9, 17)):
        response = client.post(page(call_in, "reconsider"), {"choice": "change"})
    assert response.status_code == 302
    original = Decision.objects.get(pk=call_in.decision_id)
    changed = Decision.objects.get(reconsiders=original)
    assert changed.author == original.author and changed.status == "draft"
    client.force_login(original.author)
    with at(datetime.date(2026, 9, 17)):
        on_changed = client.get(record(changed)).text
        on_original = client.get(record(original)).text
    assert record(original) in on_changed and record(changed) in on_original
    client.force_login(democratic_support)
    assert record(changed) in client.get(page(call_in)).text


def test_reconsider_refused_to_another_decision_maker_and_councillor(client, call_in, democratic_support):
    from tests.factories import UserFactory

    call_in = referred_back(call_in, democratic_support)
    other = UserFactory(username="other.director", roles=["Decision maker", "Officer"])
    councillor = call_in.author
    for person in (other, councillor):
        client.force_login(person)
        assert client.get(page(call_in, "reconsider")).status_code == 403


# — the staff decision page and Your work ---------------------------------------------------------------------


def test_staff_decision_page_shows_state_sentence_and_call_in_history(client, call_in, democratic_support):
    client.force_login(democratic_support)
    with at(DAY_AFTER):
        html = client.get(record(call_in.decision)).text
    assert "Call-in requested" in html and call_in.reference in html
    assert "History of call-in" in html and page(call_in) in html


def test_staff_decision_page_queries_constant_with_call_in(client, democratic_support, django_assert_max_num_queries):
    with at(PUBLISHED_ON):
        plain = published_decision()
        decision = published_decision()
    with at(DAY_AFTER):
        requested(decision, three_councillors())
        client.force_login(democratic_support)
        client.get(record(plain))
        with django_assert_max_num_queries(200) as without:
            client.get(record(plain))
        with django_assert_max_num_queries(len(without.captured_queries) + 4):
            client.get(record(decision))


def test_your_work_lists_call_ins_for_democratic_support_and_decision_maker(
    client, call_in, democratic_support, decision_maker
):
    client.force_login(democratic_support)
    with at(DAY_AFTER):
        waiting = client.get(reverse("staff-home")).text
    assert "Call-in requests to check" in waiting and call_in.reference in waiting
    call_in = referred_back(call_in, democratic_support)
    client.force_login(decision_maker)
    with at(MEETING_ON):
        theirs = client.get(reverse("staff-home")).text
    assert "Decisions referred back to you after call-in" in theirs and page(call_in, "reconsider") in theirs


def _home_queries(client, person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("staff-home")).status_code == 200
    return len(queries.captured_queries)


def test_your_work_queries_constant_for_democratic_support_and_councillors(client, democratic_support):
    ann, bea, cal = three_councillors()
    with at(PUBLISHED_ON):
        decisions = [published_decision() for _ in range(4)]
    with at(DAY_AFTER):
        requested(decisions[0], [ann, bea, cal])
        requested(decisions[1], [ann])
        counts = {}
        for person in (democratic_support, ann, bea):
            client.force_login(person)
            client.get(reverse("staff-home"))  # the session and the council's settings, read once
            counts[person.pk] = _home_queries(client, person)
        requested(decisions[2], [ann, bea, cal])
        validated(requested(decisions[3], [bea, cal, ann]), democratic_support)
        requested_more = {}
        for person in (democratic_support, ann, bea):
            client.force_login(person)
            client.get(reverse("staff-home"))
            requested_more[person.pk] = _home_queries(client, person)
    assert requested_more == counts


def test_decision_maker_is_told_whose_changed_draft_it_is_not_linked_to_a_403(
    client, call_in, democratic_support, decision_maker
):
    """The changed decision's draft is its author's until submitted: the decision maker who started it
    sees its name and whose it is on both pages, and every link to it answers them."""
    call_in = referred_back(call_in, democratic_support)
    client.force_login(decision_maker)
    with at(datetime.date(2026, 9, 17)):
        client.post(page(call_in, "reconsider"), {"choice": "change"})
        changed = Decision.objects.get(reconsiders_id=call_in.decision_id)
        pages = [client.get(record(call_in.decision)).text, client.get(page(call_in)).text]
        draft = client.get(record(changed)).status_code
    assert draft == 403  # the draft stays its author's
    for text in pages:
        assert record(changed) not in text
        assert f"(draft, with its author, {changed.author.display_name})" in unescape(text)
    client.force_login(democratic_support)
    with at(datetime.date(2026, 9, 17)):
        assert record(changed) in client.get(record(call_in.decision)).text
