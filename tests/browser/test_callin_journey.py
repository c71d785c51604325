"""Call-in in Chromium, as its people would live it, axe on every page (issue #13, CALL-1).

A decision is published on the Friday before a bank holiday. A councillor finds it among the
decisions open to call-in and asks for it to be called in, by keyboard alone; two colleagues add
their names; Democratic Support validates it, and a visitor sees "called in" on the record and in
the register. Democratic Support schedules it, the committee refers it back, and the decision
maker confirms it: the visitor sees it effective. The clock is moved at its edge (time-machine,
which the live server's thread sees too).
"""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import expect

from callin.models import CallIn
from callin.models import Status as CallInStatus
from decisions.models import CallInState, Decision, Status
from tests.browser.test_statutory_clock_journeys import day, people  # noqa: F401 - fixtures
from tests.callin.pages_helpers import committee, councillor, meeting
from tests.decisions.factories import DecisionFactory, advance

# Publishing renders the public PDF in the request; these pages and journeys are not about it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_pdf_render")]

PUBLISHED_ON = datetime.date(2026, 8, 28)  # a Friday; Monday 31 August is a bank holiday
REQUESTED_ON = datetime.date(2026, 9, 1)
MEETING_ON = datetime.date(2026, 9, 15)
CONFIRMED_ON = datetime.date(2026, 9, 17)
TITLE = "Closure of Ham Drive day centre"


def tab_to(page, locator, most=120):
    """Press Tab until `locator` has the focus, as someone using a keyboard would."""
    target = locator.element_handle()
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => el === document.activeElement", target):
            return
    raise AssertionError(f"Tab never reached {locator}")


def keyboard_press(page, locator):
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def main_text(page):
    return page.locator("main").inner_text()


def act_on_request(page, people, label, button, call_in):  # noqa: F811 - the fixture, passed on
    """From Your work, open the request, press `button` on its page and again on the action's page."""
    people.go(label, f"the request, to {button.lower()}")
    people.go(button, button.lower(), role="button")
    page.get_by_role("button", name=button).click()
    page.wait_for_url(f"**/call-in/{call_in.pk}/")


def test_a_decision_is_called_in_referred_back_and_confirmed_CALL_1(  # noqa: PLR0915 - one journey
    page,
    axe,
    people,  # noqa: F811 - the imported fixture
    officer,
    decision_maker,
    democratic_support,
):
    ann, bea, cal = (councillor(n) for n in ("Ann Lowry", "Bea Tamar", "Cal Plym"))

    # — Democratic Support publishes the decision on Friday 28 August -----------------------------
    with time_machine.travel(day(PUBLISHED_ON), tick=True):
        decision = advance(DecisionFactory(title=TITLE, scrutiny_committee=committee()), Status.DECIDED)
        people.switch_to(democratic_support)
        people.go(f"/decisions/records/{decision.pk}/publish/", "publish the decision")
        page.get_by_role("button", name="Publish the decision").click()
        page.wait_for_url(f"**/decisions/records/{decision.pk}/")
        decision.refresh_from_db()
        assert decision.call_in_state == CallInState.OPEN
        assert decision.call_in_ends_on == datetime.date(2026, 9, 7)
        assert decision.effective_from == datetime.date(2026, 9, 8)
        axe.check("record just published, open to call-in")

    with time_machine.travel(day(REQUESTED_ON), tick=True):
        # — a councillor finds it and asks for it to be called in, by keyboard alone ----------------
        people.switch_to(ann)
        assert TITLE in main_text(page) and "Last day to call in: 7 September 2026" in main_text(page)
        keyboard_press(page, page.get_by_role("link", name="Call-in", exact=True))
        page.wait_for_url("**/call-in/")
        axe.check("decisions open to call-in")
        keyboard_press(page, page.get_by_role("link", name=f"Request a call-in of {decision.reference}"))
        page.wait_for_url("**/request/")
        axe.check("request a call-in")
        keyboard_press(page, page.get_by_role("button", name="Request a call-in"))
        expect(page).to_have_title(re.compile("^Error: "))
        axe.check("request a call-in, with errors")
        tab_to(page, page.get_by_label("Why should the decision be called in?"))
        page.keyboard.type("The families who use the centre were not consulted.")
        keyboard_press(page, page.get_by_role("button", name="Request a call-in"))
        call_in = CallIn.objects.get()
        page.wait_for_url(f"**/call-in/{call_in.pk}/")
        assert "needs 2 more names" in main_text(page)
        axe.check("the request, waiting for names")

        # — two colleagues add their names ----------------------------------------------------------
        label = f"{call_in.reference}: call-in of {decision.reference} {TITLE}"
        for colleague in (bea, cal):
            people.switch_to(colleague)
            act_on_request(page, people, label, "Add my name", call_in)
        call_in.refresh_from_db()
        assert call_in.status == CallInStatus.REQUESTED
        assert "Call-in requested" in main_text(page)

        # — Democratic Support validates it ------------------------------------------------------------
        people.switch_to(democratic_support)
        act_on_request(page, people, label, "Validate the call-in", call_in)
        decision.refresh_from_db()
        assert decision.call_in_state == CallInState.CALLED_IN and decision.effective_from is None
        people.go(f"/decisions/records/{decision.pk}/", "the staff record, called in")
        assert "History of call-in" in main_text(page)

        # — a visitor sees "called in" on the record and in the register -------------------------------
        people.switch_to(None)
        people.go(f"/decisions/{decision.reference_slug}/", "the public record, called in")
        assert "Called in" in main_text(page)
        people.go("/decisions/", "the register, with a decision called in")
        assert "Called in" in main_text(page)

    # — Democratic Support schedules it; the committee refers it back ------------------------------------
    with time_machine.travel(day(REQUESTED_ON, 14), tick=True):
        the_meeting = meeting(MEETING_ON)
        people.switch_to(democratic_support)
        people.go(f"/call-in/{call_in.pk}/", "the called-in request")
        people.go("Schedule for a meeting", "schedule the call-in", role="button")
        page.get_by_label(f"{MEETING_ON:%-d %B %Y}").check()
        page.get_by_role("button", name="Schedule the call-in").click()
        page.wait_for_url(f"**/call-in/{call_in.pk}/")
        assert CallIn.objects.get(pk=call_in.pk).meeting == the_meeting

    with time_machine.travel(day(MEETING_ON, 18), tick=True):
        people.switch_to(democratic_support)
        people.go(f"/call-in/{call_in.pk}/", "the request, after the meeting")
        people.go("Record the committee's outcome", "record the committee's outcome", role="button")
        page.get_by_label("Referred back to the decision maker").check()
        page.get_by_role("button", name="Record the outcome").click()
        page.wait_for_load_state()
        expect(page).to_have_title(re.compile("^Error: "))
        axe.check("record the outcome, with errors")
        page.get_by_label("The committee's concerns").fill("Consult the families who use the centre.")
        page.get_by_label("Day").fill(str(MEETING_ON.day))
        page.get_by_label("Month").fill(str(MEETING_ON.month))
        page.get_by_label("Year").fill(str(MEETING_ON.year))
        page.get_by_role("button", name="Record the outcome").click()
        page.wait_for_url(f"**/call-in/{call_in.pk}/")
        decision.refresh_from_db()
        assert decision.call_in_state == CallInState.REFERRED_BACK

    # — the decision maker confirms the decision; the visitor sees it effective -------------------------
    with time_machine.travel(day(CONFIRMED_ON), tick=True):
        people.switch_to(decision_maker)
        people.go(label, "reconsider the decision")
        page.get_by_label("Confirm the decision").check()
        page.get_by_label("Day").fill(str(CONFIRMED_ON.day))
        page.get_by_label("Month").fill(str(CONFIRMED_ON.month))
        page.get_by_label("Year").fill(str(CONFIRMED_ON.year))
        page.get_by_role("button", name="Save the decision").click()
        page.wait_for_url(f"**/call-in/{call_in.pk}/")
        axe.check("the request, closed")
        decision = Decision.objects.get(pk=decision.pk)
        assert (decision.call_in_state, decision.effective_from) == (CallInState.EFFECTIVE, CONFIRMED_ON)
        people.go(f"/decisions/records/{decision.pk}/", "the staff record, effective")

        people.switch_to(None)
        people.go(f"/decisions/{decision.reference_slug}/", "the public record, effective")
        assert "Effective from 17 September 2026" in main_text(page)


def test_the_other_call_in_pages_are_accessible(page, live_server, axe, sign_in, democratic_support, decision_maker):
    """Reject, withdraw, full council's outcome, a changed decision and the refusals, with axe."""
    from callin import services

    ann, bea, cal = (councillor(n) for n in ("Ann Lowry", "Bea Tamar", "Cal Plym"))
    with time_machine.travel(day(PUBLISHED_ON), tick=True):
        first = advance(DecisionFactory(title=TITLE, scrutiny_committee=committee()), Status.PUBLISHED)
        second = advance(
            DecisionFactory(title="Library opening hours", scrutiny_committee=committee()), Status.PUBLISHED
        )
    with time_machine.travel(day(REQUESTED_ON), tick=True):
        gathering = services.request_call_in(first, actor=ann, reasons="Not consulted.")
        sign_in(ann)
        page.goto(f"{live_server.url}/call-in/{gathering.pk}/withdraw/")
        axe.check("withdraw the request")
        page.goto(f"{live_server.url}/call-in/{gathering.pk}/add-my-name/")
        axe.check("add my name, already named")

        full = services.request_call_in(second, actor=bea, reasons="Too costly.")
        for colleague in (cal, ann):
            services.add_name(CallIn.objects.get(pk=full.pk), actor=colleague)
        page.get_by_role("button", name="Sign out").click()
        sign_in(democratic_support)
        page.goto(f"{live_server.url}/call-in/{full.pk}/reject/")
        axe.check("reject the request")
        page.get_by_role("button", name="Reject the request").click()
        page.wait_for_load_state()
        axe.check("reject the request, with errors")
        services.validate(CallIn.objects.get(pk=full.pk), actor=democratic_support)
        page.goto(f"{live_server.url}/call-in/{full.pk}/schedule/")
        axe.check("schedule, with no meeting to come")
        services.schedule(CallIn.objects.get(pk=full.pk), actor=democratic_support, meeting=meeting(MEETING_ON))
        services.record_outcome(
            CallIn.objects.get(pk=full.pk),
            actor=democratic_support,
            outcome="referred_to_council",
            on=REQUESTED_ON,
            concerns="Too costly.",
        )
        page.goto(f"{live_server.url}/call-in/{full.pk}/council-outcome/")
        axe.check("record full council's outcome")
        services.record_council_outcome(
            CallIn.objects.get(pk=full.pk), actor=democratic_support, outcome="referred_back", on=REQUESTED_ON
        )
        page.get_by_role("button", name="Sign out").click()
        sign_in(decision_maker)
        page.goto(f"{live_server.url}/call-in/{full.pk}/reconsider/")
        axe.check("reconsider the decision")
        page.get_by_label("Take a changed decision").check()
        page.get_by_role("button", name="Save the decision").click()
        page.wait_for_url(f"**/call-in/{full.pk}/")
        changed = Decision.objects.get(reconsiders=second)
        page.goto(f"{live_server.url}/decisions/records/{second.pk}/")
        axe.check("the original record, with its changed decision")
        # The changed decision's draft is its author's until submitted: the decision maker is told
        # whose it is rather than given a link to a 403.
        assert f"/decisions/records/{changed.pk}/" not in page.content()
        assert f"(draft, with its author, {changed.author.display_name})" in page.inner_text("main")
