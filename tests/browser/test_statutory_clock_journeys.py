"""The statutory clock in Chromium, as its people would live it, axe on every page (issue #12).

1. The Forward Plan route (EXEC-5): an officer proposes her key decision for the Forward Plan from
   its task list; Democratic Support publishes the item; a visitor finds it on the public plan. On
   day 28 after publication the decision maker is refused; on day 29 he signs, Democratic Support
   publishes, and the visitor reads the record with its plan item in section 8b.
2. The special urgency route (EXEC-7, EXEC-8): the scrutiny chair is on leave, so the Chair of the
   Council agrees by email; Democratic Support records it, the decision maker signs the same day,
   Democratic Support publishes the decision and the notice of reasons, a visitor reads the notice,
   and the report to council for the month lists the decision.

The clock is moved at its edge (time-machine, which the live server's thread sees too).
"""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from playwright.sync_api import expect

from council.models import CouncilSettings
from decisions.models import KeyDecisionRoute, Status
from forwardplan.models import PlanItem
from forwardplan.models import Status as PlanStatus
from notices.models import Notice
from tests.decisions.factories import DecisionFactory, issue_all_sign_offs
from tests.factories import UserFactory
from tests.notices.factories import special_urgency_decision

# Publishing renders PDFs in the request here (tasks run at once); these journeys are not about
# the PDF (the documents' own tests are), so WeasyPrint is stopped at its edge.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_pdf_render")]

LONDON = zoneinfo.ZoneInfo("Europe/London")


def day(date, hour=10):
    return datetime.datetime.combine(date, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture
def people(page, live_server, axe, sign_in):
    """Moves between people as they would: sign out, sign in, axe on their home page."""

    class People:
        def switch_to(self, user):
            if page.get_by_role("button", name="Sign out").count():
                page.get_by_role("button", name="Sign out").click()
                page.wait_for_load_state()
            if user is not None:
                sign_in(user)
                axe.check(f"staff home for {user.username}")

        def go(self, path_or_link, check, role="link"):
            if path_or_link.startswith("/"):
                page.goto(live_server.url + path_or_link)
            else:
                # In the page's main content: the service navigation has links of the same names.
                page.get_by_role("main").get_by_role(role, name=path_or_link).first.click()
                page.wait_for_load_state()
            axe.check(check)

    return People()


def sign(page, axe):
    page.get_by_role("button", name="Sign the decision").first.click()
    page.wait_for_load_state()
    axe.check("sign page")
    page.get_by_label("I have read the declaration and agree the decision").check()
    page.get_by_role("button", name="Sign the decision").click()
    page.wait_for_load_state()


def test_a_key_decision_on_the_forward_plan_is_signed_on_the_29th_clear_day_EXEC_5(  # noqa: PLR0915 - one journey
    page, axe, people, officer, decision_maker, democratic_support
):
    published_on = datetime.date(2027, 1, 4)  # a Monday; calendar days, as Plymouth counts them
    with time_machine.travel(day(published_on, 9), tick=True):
        decision = DecisionFactory(key=True, plan_item=None, key_decision_route="", title="New care leavers' hub")

        # — the officer proposes it for the Forward Plan from the record's task list ---------------
        people.switch_to(officer)
        people.go(f"/decisions/records/{decision.pk}/tasks/", "task list of a key decision with no route")
        people.go("Forward Plan", "Forward Plan task")
        page.get_by_role("button", name="Propose it for the Forward Plan").click()
        page.wait_for_load_state()
        axe.check("the new plan item, made from the record")
        item = PlanItem.objects.get()
        assert item.title == "New care leavers' hub"
        decision.refresh_from_db()
        assert decision.plan_item == item and decision.key_decision_route == KeyDecisionRoute.FORWARD_PLAN
        page.get_by_label("Documents to be submitted to the decision maker").fill("The decision record")
        page.get_by_label("How to get the documents").fill("From Democratic Support, Ballard House")
        page.get_by_role("button", name="Save the changes").click()
        page.wait_for_url(f"**/forward-plan/manage/{item.pk}/")
        assert not page.locator(".govuk-error-summary").count()
        page.get_by_role("button", name="Propose for the Forward Plan").click()
        page.wait_for_url("**/propose/")
        page.get_by_role("button", name="Propose the item").click()
        page.wait_for_url(f"**/forward-plan/manage/{item.pk}/")
        item.refresh_from_db()
        assert item.status == PlanStatus.SUBMITTED

        # The record goes for sign-off meanwhile; the task list says when it may be decided.
        people.go(f"/decisions/records/{decision.pk}/tasks/", "task list with the plan item proposed")
        people.go("Check your answers and submit", "check your answers")
        page.get_by_role("button", name="Submit for sign-off").click()
        page.wait_for_load_state()
        decision.refresh_from_db()
        assert decision.status == Status.IN_SIGN_OFF

        # — Democratic Support publishes the item ----------------------------------------------
        people.switch_to(democratic_support)
        page.get_by_role("button", name="The Forward Plan").click()
        page.wait_for_url("**/forward-plan/manage/")
        axe.check("Democratic Support's Forward Plan, an item waiting")
        people.go("New care leavers' hub", "the proposed item")
        people.go("Publish on the Forward Plan", "publish the item", role="button")
        page.get_by_role("button", name="Publish on the Forward Plan").click()
        page.wait_for_url(f"**/forward-plan/manage/{item.pk}/")
        item.refresh_from_db()
        assert item.status == PlanStatus.PUBLISHED and item.first_published_on == published_on

        # — a visitor finds it on the Forward Plan ------------------------------------------------
        people.switch_to(None)
        people.go("/forward-plan/", "the public Forward Plan")
        people.go("New care leavers' hub", "the public plan item")
        body = page.locator("main").inner_text()
        assert item.reference in body and "4 January 2027" in body

        # The departments sign off (their pages are the decision journey's).
        issue_all_sign_offs(decision)
        decision.refresh_from_db()
        assert decision.status == Status.AWAITING_DECISION

    # — day 28: too early; the page says from when ----------------------------------------------
    with time_machine.travel(day(published_on + datetime.timedelta(days=28)), tick=True):
        people.switch_to(decision_maker)
        people.go(f"/decisions/records/{decision.pk}/", "record for the decision maker on day 28")
        people.go("Sign the decision", "sign page on day 28: not yet", role="button")
        body = page.locator("main").inner_text()
        assert "You cannot sign this decision yet" in body and "It can be taken from 2 February 2027" in body
        assert not page.get_by_label("I have read the declaration and agree the decision").count()
        decision.refresh_from_db()
        assert decision.status == Status.AWAITING_DECISION

    # — day 29: signed, published, read ---------------------------------------------------------
    with time_machine.travel(day(published_on + datetime.timedelta(days=29)), tick=True):
        people.switch_to(decision_maker)
        people.go(f"/decisions/records/{decision.pk}/", "record for the decision maker on day 29")
        sign(page, axe)
        axe.check("record after signing")
        decision.refresh_from_db()
        assert decision.status == Status.DECIDED
        assert decision.decided_on == datetime.date(2027, 2, 2)

        people.switch_to(democratic_support)
        people.go(f"/decisions/records/{decision.pk}/", "record for publication")
        people.go("Publish the decision", "publish page", role="button")
        page.get_by_role("button", name="Publish the decision").click()
        page.wait_for_load_state()
        decision.refresh_from_db()
        assert decision.status == Status.PUBLISHED

        people.switch_to(None)
        people.go(f"/decisions/{decision.reference_slug}/", "the public record with its plan item")
        body = page.locator("main").inner_text()
        assert item.reference in body and "4 January 2027" in body


def test_a_key_decision_under_special_urgency_agreed_by_the_chair_of_the_council_EXEC_7_EXEC_8(  # noqa: PLR0915
    page, axe, people, decision_maker, democratic_support
):
    taken_on = datetime.date(2027, 3, 10)
    with time_machine.travel(day(taken_on, 9), tick=True):
        chair = UserFactory(
            username="pat.trelawny", honorific="Councillor", first_name="Pat", last_name="Trelawny", roles=[]
        )
        council = CouncilSettings.load()
        council.chair_of_council = chair
        council.save()
        decision = special_urgency_decision(title="Emergency placements for children", state=Status.IN_SIGN_OFF)
        issue_all_sign_offs(decision)

        # — Democratic Support records the Chair of the Council's agreement, given by email -------
        people.switch_to(democratic_support)
        people.go(f"/decisions/records/{decision.pk}/", "record waiting for the special urgency agreement")
        people.go("Record the chair's agreement", "record an agreement", role="button")
        page.get_by_label("Special urgency").first.check()
        page.get_by_role("textbox", name="Day").fill(str(taken_on.day))
        page.get_by_role("textbox", name="Month").fill(str(taken_on.month))
        page.get_by_role("textbox", name="Year").fill(str(taken_on.year))
        page.get_by_label("By email").check()
        page.get_by_label("Evidence of the agreement").fill("Email from Cllr Trelawny, 10 March 2027, 08:40")
        page.get_by_label("Councillor Pat Trelawny").check()
        page.get_by_role("button", name="Record the agreement").click()
        page.wait_for_load_state()
        expect(page).to_have_title(re.compile("^Error: "))  # the fallback needs why the scrutiny chair could not act
        axe.check("agreement refused without why the scrutiny chair could not act")
        page.get_by_label("Why could the chair of the overview and scrutiny committee not act?").fill("On leave")
        page.get_by_label("Why the decision cannot reasonably be deferred").fill(
            "The provider stops trading on Friday; children would lose their placements."
        )
        page.get_by_role("button", name="Record the agreement").click()
        page.wait_for_load_state()
        axe.check("record after the agreement")
        decision.refresh_from_db()
        assert decision.status == Status.AWAITING_DECISION

        # — the decision maker signs the same day -------------------------------------------------
        people.switch_to(decision_maker)
        people.go(f"/decisions/records/{decision.pk}/", "record for the decision maker")
        sign(page, axe)
        decision.refresh_from_db()
        assert decision.status == Status.DECIDED and decision.decided_on == taken_on

        # — Democratic Support publishes the decision and the notice of reasons -------------------
        people.switch_to(democratic_support)
        people.go(f"/decisions/records/{decision.pk}/", "record for publication")
        people.go("Publish the decision", "publish page", role="button")
        page.get_by_role("button", name="Publish the decision").click()
        page.wait_for_load_state()
        people.go("Publish special urgency notice", "special urgency notice page", role="button")
        page.get_by_role("button", name="Publish special urgency notice").click()
        page.wait_for_load_state()
        notice = Notice.objects.get(decision=decision)

        # — a visitor reads the notice --------------------------------------------------------------
        people.switch_to(None)
        people.go("/notices/", "public notices")
        people.go("Emergency placements for children", "the public special urgency notice")
        assert page.url.endswith(f"/notices/{notice.pk}/")
        assert "The provider stops trading on Friday" in page.locator("main").inner_text()

    # — at the end of the month, the report to council lists it (EXEC-8) ---------------------------
    with time_machine.travel(day(datetime.date(2027, 4, 1)), tick=True):
        people.switch_to(democratic_support)
        people.go("/urgent-decisions-reports/", "reports of urgent decisions")
        page.get_by_label("Day").first.fill("1")
        page.get_by_label("Month").first.fill("3")
        page.get_by_label("Year").first.fill("2027")
        page.get_by_label("Day").nth(1).fill("31")
        page.get_by_label("Month").nth(1).fill("3")
        page.get_by_label("Year").nth(1).fill("2027")
        page.get_by_role("button", name="Generate the report").click()
        page.wait_for_load_state()
        axe.check("the report to council")
        body = page.locator("main").inner_text()
        assert "Emergency placements for children" in body and "Pat Trelawny" in body
        assert decision.reference in body
