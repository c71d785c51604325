"""What the public sees of call-in in Chromium (CALL-1, CALL-2, issue #13): axe finds no WCAG 2.2 AA
violation on a decision's public page in each call-in state (open, not subject, requested, called in
with its meeting, referred back with the committee's concerns, confirmed and effective, replaced
and its replacement), nor on the register with the "open to call-in" and "called in" filters (and
with the filter's error); a visitor filters the register by call-in with the keyboard alone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from callin.models import Outcome, Reconsideration
from callin.models import Status as CallInStatus
from decisions.models import CallInState
from tests.decisions.factories import Cast
from tests.decisions.test_public_callin import call_in, open_decision
from tests.decisions.test_register import published
from tests.scrutiny.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def states():
    """A published decision in each call-in state the public sees, dated around today."""
    cast = Cast()
    today = timezone.localdate()
    window = {
        "call_in_ends_on": today + datetime.timedelta(days=3),
        "effective_from": today + datetime.timedelta(days=4),
    }
    held = {"effective_from": None, "called_in_on": today - datetime.timedelta(days=1)}
    meeting = MeetingFactory(date=today + datetime.timedelta(days=14))
    made = {"open": open_decision(cast, 1, title="Library opening hours", **window)}
    made["not subject"] = open_decision(
        cast,
        2,
        title="Emergency roof repairs",
        subject_to_call_in=False,
        call_in_state=CallInState.NOT_SUBJECT,
        not_subject_reason="An urgent decision: the chair of the scrutiny committee agreed it is exempt from "
        "call-in (CALL-2)",
        **window,
    )
    made["requested"] = open_decision(cast, 3, title="Park cafe lease", call_in_state=CallInState.REQUESTED, **held)
    call_in(made["requested"], CallInStatus.REQUESTED, n=3)
    made["called in"] = open_decision(cast, 4, title="Bus lane cameras", call_in_state=CallInState.CALLED_IN, **held)
    call_in(made["called in"], CallInStatus.CALLED_IN, n=4, meeting=meeting, validated_at=timezone.now())
    made["referred back"] = open_decision(cast, 5, title="Depot sale", call_in_state=CallInState.REFERRED_BACK, **held)
    call_in(
        made["referred back"],
        CallInStatus.REFERRED_BACK,
        n=5,
        meeting=meeting,
        validated_at=timezone.now(),
        outcome=Outcome.REFERRED_BACK,
        outcome_on=today,
        concerns="The committee asks for the valuation to be updated.",
    )
    made["confirmed"] = open_decision(
        cast, 6, title="Street lighting", call_in_state=CallInState.EFFECTIVE, effective_from=today
    )
    call_in(
        made["confirmed"],
        CallInStatus.CLOSED,
        n=6,
        meeting=meeting,
        validated_at=timezone.now(),
        outcome=Outcome.REFERRED_BACK,
        outcome_on=today,
        concerns="Check the costs.",
        reconsideration=Reconsideration.CONFIRMED,
        reconsidered_on=today,
    )
    made["replaced"] = open_decision(cast, 7, title="Market rents", call_in_state=CallInState.REPLACED, **held)
    call_in(
        made["replaced"],
        CallInStatus.CLOSED,
        n=7,
        validated_at=timezone.now(),
        outcome=Outcome.REFERRED_BACK,
        outcome_on=today,
        reconsideration=Reconsideration.CHANGED,
        reconsidered_on=today,
    )
    made["replacement"] = published(
        cast,
        8,
        today,
        title="Market rents, changed",
        reconsiders=made["replaced"],
        subject_to_call_in=False,
        call_in_state=CallInState.NOT_SUBJECT,
        not_subject_reason="A decision reconsidered after call-in cannot be called in again",
    )
    return made


def test_callin_public_pages_are_accessible_in_every_state(page, live_server, axe, states):
    for name, decision in states.items():
        page.goto(f"{live_server.url}/decisions/{decision.reference_slug}/")
        assert page.get_by_role("heading", name="Call-in", exact=True).is_visible(), name
        axe.check(f"the public page of a decision: {name}")
    page.goto(f"{live_server.url}/decisions/{states['replaced'].reference_slug}/")
    page.get_by_role("link", name=f"{states['replacement'].reference}: Market rents, changed").first.click()
    expect(page.get_by_text("This decision replaces")).to_be_visible()


def test_callin_register_filters_are_accessible(page, live_server, axe, states):
    page.goto(f"{live_server.url}/decisions/")
    axe.check("the register with call-in tags")
    page.goto(f"{live_server.url}/decisions/?call_in=open")
    assert page.get_by_role("link", name=f"{states['open'].reference}: Library opening hours").is_visible()
    axe.check("the register: open to call-in")
    page.goto(f"{live_server.url}/decisions/?call_in=called_in")
    axe.check("the register: called in")
    page.goto(f"{live_server.url}/decisions/?call_in=maybe")
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("the register with the call-in filter's error")


def test_visitor_filters_the_register_by_call_in_with_the_keyboard(page, live_server, states):
    page.goto(f"{live_server.url}/decisions/")
    page.get_by_label("Call-in", exact=True).focus()
    page.get_by_label("Call-in", exact=True).select_option("called_in")
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**call_in=called_in**")
    assert page.get_by_role("link", name=f"{states['called in'].reference}: Bus lane cameras").is_visible()
    assert page.get_by_role("link", name=f"{states['open'].reference}: Library opening hours").count() == 0
