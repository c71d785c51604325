"""Democratic Support's Forward Plan page with a general exception notice waiting for its 5 clear
days (EXEC-6), in Chromium: axe finds no WCAG 2.2 AA violation (A11Y-2), and the decision's link
opens its staff page."""

import pytest

from notices import services
from tests.decisions.factories import Cast
from tests.notices.factories import general_exception_decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_lists_a_notice_waiting_for_its_5_clear_days_EXEC_6(page, live_server, axe, sign_in, democratic_support):
    decision = general_exception_decision(cast=Cast(), title="Emergency repairs to the Civic Centre roof")
    services.give_general_exception_notice(decision, actor=democratic_support, reasons="The roof leaks now.")
    sign_in(democratic_support)
    page.goto(f"{live_server.url}/forward-plan/manage/")
    heading = page.get_by_role("heading", name="General exception notices waiting for their 5 clear days (1)")
    assert heading.is_visible()
    axe.check("Democratic Support's Forward Plan, a notice waiting")
    page.get_by_role("link", name="Emergency repairs to the Civic Centre roof").click()
    page.wait_for_url(f"**/records/{decision.pk}/")
