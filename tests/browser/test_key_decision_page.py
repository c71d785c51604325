"""EXEC-4 in Chromium: the officer gives a revenue-funded contract award's two amounts and its wards,
and the finance page says it is a key decision and why; axe on the page with the answer shown."""

import pytest

from decisions.models import Decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_finance_page_shows_the_derived_key_decision_answer_EXEC_4(page, live_server, axe, sign_in, officer):
    sign_in(officer)
    page.goto(f"{live_server.url}/decisions/records/new/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/tasks/")
    page.get_by_role("link", name="Financial implications and key decision").click()
    page.wait_for_url("**/edit/finance/")

    page.get_by_label("7. Capital spending or contract commitment").fill("£2,000,000")
    page.get_by_label("7. Revenue spending or savings").fill("2,000,000")
    page.get_by_label("Drake").check()
    page.get_by_label("Stoke").check()
    page.locator("#id_significant_ward_effect_2").check()  # No
    page.get_by_role("button", name="Save and come back later").click()
    page.wait_for_url("**/tasks/")
    page.get_by_role("link", name="Financial implications and key decision").click()
    page.wait_for_url("**/edit/finance/")

    answer = page.locator("#key-decision-answer")
    assert "This is a key decision because revenue spending of £2,000,000 is over the £1,000,000 threshold." in (
        answer.inner_text()
    )
    assert page.get_by_label("Drake").is_checked() and page.get_by_label("Stoke").is_checked()
    axe.check("finance task with the key decision answer")
    decision = Decision.objects.get(author=officer)
    assert (decision.is_key_decision, decision.key_revenue, decision.key_wards) == (True, True, False)
