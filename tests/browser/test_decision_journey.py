"""The whole life of a decision record in Chromium, as its people would live it, axe on every page.

An officer drafts a record and completes every task; Finance, Legal, Democratic Support, Human
Resources and Procurement each issue their codes from their queues; the scrutiny chair agrees
its urgency; the decision maker signs; Democratic Support publishes; a signed-out visitor reads
it at its URL.
"""

import re

import pytest

from decisions.models import Decision, Status
from tests.conftest import STAND_IN_PDF

# Publishing renders the public PDF in the request here (tasks run at once); this journey is
# not about the PDF (tests/decisions/test_documents.py is), so WeasyPrint is stopped at its edge.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_pdf_render")]


def test_a_decision_from_draft_to_the_public_register(  # noqa: PLR0915 - one journey, told in order
    page,
    live_server,
    axe,
    sign_in,
    officer,
    decision_maker,
    finance_reviewer,
    legal_reviewer,
    democratic_support,
    hr_reviewer,
    procurement_reviewer,
    scrutiny_chair,
    cabinet_member,
):
    url = live_server.url

    def go(path_or_link, check, role="link"):
        if path_or_link.startswith("/"):
            page.goto(url + path_or_link)
        else:
            page.get_by_role(role, name=path_or_link).first.click()
            page.wait_for_load_state()
        axe.check(check)

    def save_task():
        # "Save and continue" goes on to the next task (or check your answers); the journey
        # then picks its next task from the task list.
        here = page.url
        page.get_by_role("button", name="Save and continue").click()
        page.wait_for_url(lambda address: address != here)
        assert "/tasks/" not in page.url
        assert not page.locator(".govuk-error-summary").count()
        page.get_by_role("link", name="Back to the task list").click()
        page.wait_for_url("**/tasks/")

    def switch_to(user):
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_load_state()
        sign_in(user)
        axe.check(f"staff home for {user.username}")

    # — the officer drafts ------------------------------------------------------------------
    sign_in(officer)
    go("/decisions/records/new/", "start page")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/tasks/")
    axe.check("task list")
    tasks = page.url

    go("Decision details", "details")
    page.fill("#id_title", "Urgent Decision: Direct Award for Managed Social Work Service")
    page.select_option("#id_decision_maker", label=decision_maker.name_and_title)
    page.select_option("#id_directorate", label="Children’s Services")
    page.fill("#id_author_phone", "01752 307000")
    page.fill(
        "#id_decision_to_be_taken", "To direct award a contract for services to Innovate, to the value of £491,000."
    )
    page.fill("#id_original_delegation", "N/A")
    page.get_by_label("A general authorisation").check()
    page.get_by_label(
        "It awards a contract or incurs expenditure that materially affects the council's finances"
    ).check()
    save_task()

    go("Reasons and alternative options", "reasons")
    page.fill("#id_reasons", "Demand is 25% higher than in March 2020.\n\nAn ordinary procurement would take too long.")
    page.fill("#id_alternatives", "- Permanent recruitment: too slow.\n- Locum social workers: not enough of them.")
    save_task()

    go("Financial implications and key decision", "finance")
    page.fill("#id_financial_implications", "£491k from revenue funding for a period of 6 months.")
    page.fill("#id_capital_amount", "0")
    page.fill("#id_revenue_amount", "491,000")
    page.fill("#id_funding_source", "Covid Outbreak Management Fund")
    page.check("#id_significant_ward_effect_2")
    save_task()

    go("Contract awarded", "contract (TC-1)")
    page.check("#id_awards_contract_1")
    page.fill("#id_contract_supplier", "Innovate")
    page.get_by_label("The supplier is a small or medium-sized enterprise (SME)").check()
    page.fill("#id_contract_description", "A managed social work team in Children's Social Work, for 6 months.")
    page.fill("#id_contract_value", "491,000")
    for name, (day, month, year) in {
        "contract_starts_on": ("1", "2", "2026"),
        "contract_ends_on": ("31", "7", "2026"),
    }.items():
        for part, value in zip("012", [day, month, year], strict=True):
            page.fill(f"#id_{name}_{part}", value)
    page.get_by_label("Directly, without a tender or quotes").check()
    save_task()

    go("Council plan and environmental implications", "plan")
    page.select_option("#id_priority", index=1)
    page.fill("#id_plan_link", "Caring for People and Communities: keeping children protected.")
    page.fill("#id_environmental_implications", "There are no environmental impacts of the decision.")
    save_task()

    go("Urgency", "urgency")
    page.check("#id_is_urgent_1")
    page.fill("#id_urgency_reason", "Caseload pressures are unsafe for children and families.")
    page.select_option(
        "#id_scrutiny_committee", label="Education and Children’s Social Care Overview and Scrutiny Committee"
    )
    save_task()

    go("Consultation", "consultation")
    page.select_option("#id_consultation-portfolio", index=1)
    for part, value in zip("012", ["1", "1", "2026"], strict=True):
        page.fill(f"#id_consultation-consulted_on_{part}", value)
    page.get_by_role("button", name="Add cabinet member").click()
    page.wait_for_load_state()
    axe.check("consultation with a cabinet member added")
    page.check("#id_other_portfolios_affected_1")
    page.check("#id_conflict_of_interest_2")
    page.select_option("#id_cmt_member", label=decision_maker.name_and_title)
    for part, value in zip("012", ["1", "1", "2026"], strict=True):
        page.fill(f"#id_cmt_consulted_on_{part}", value)
    save_task()

    go("Departments to sign off", "sign-off departments")
    page.get_by_label("Human Resources").check()
    page.get_by_label("Procurement").check()
    save_task()

    go("Appendices and background papers", "appendices")
    page.fill("#id_appendix-title", "EIA")
    page.set_input_files(
        "#id_appendix-file", {"name": "eia.pdf", "mimeType": "application/pdf", "buffer": STAND_IN_PDF}
    )
    page.get_by_role("button", name="Add appendix").click()
    page.wait_for_load_state()
    axe.check("appendices with one added")
    assert page.get_by_text("EIA").first.is_visible()
    page.goto(tasks)

    go("Confidential or exempt information", "exempt information")
    page.check("#id_has_exempt_information_2")
    save_task()

    go("Check your answers and submit", "check your answers")
    page.get_by_role("button", name="Submit for sign-off").click()
    page.wait_for_load_state()
    axe.check("record after submission")
    decision = Decision.objects.get(author=officer)
    assert decision.status == Status.IN_SIGN_OFF
    assert re.fullmatch(r"COD\d{2} \d{2}/\d{2}", decision.reference)
    assert page.get_by_text(decision.reference).first.is_visible()

    # — each department signs off from its queue --------------------------------------------
    for reviewer, department, typed in [
        (finance_reviewer, "Finance", ""),
        (legal_reviewer, "Legal", "MS/40001"),
        (democratic_support, "Democratic Support", ""),
        (hr_reviewer, "Human Resources", ""),
        (procurement_reviewer, "Procurement", ""),
    ]:
        switch_to(reviewer)
        go(decision.title, f"record for {department}")
        go(f"Sign off for {department}", f"{department} sign-off page", role="button")
        if typed:
            page.get_by_label("Sign-off code").fill(typed)
        page.get_by_role("button", name=f"Issue {department} sign-off code").click()
        page.wait_for_load_state()
        axe.check(f"record after {department} sign-off")
        assert page.get_by_text(f"{department} sign-off code").first.is_visible()

    # — the scrutiny chair agrees the urgency (CALL-2) ---------------------------------------
    switch_to(scrutiny_chair)
    go(decision.title, "urgency page")  # the chair's queue links straight to the question
    assert page.get_by_role("heading", name="Is this decision urgent?").is_visible()
    page.get_by_label("Yes, I agree").check()
    page.get_by_role("button", name="Send your response").click()
    page.wait_for_load_state()
    axe.check("record after the chair agreed")
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION

    # — the decision maker signs -------------------------------------------------------------
    switch_to(decision_maker)
    go(decision.title, "record for the decision maker")
    go("Sign the decision", "sign page", role="button")
    page.get_by_label("I have read the declaration and agree the decision").check()
    page.get_by_role("button", name="Sign the decision").click()
    page.wait_for_load_state()
    axe.check("record after signing")
    decision.refresh_from_db()
    assert decision.status == Status.DECIDED and decision.decided_on is not None

    # — Democratic Support publishes ---------------------------------------------------------
    switch_to(democratic_support)
    go(decision.title, "record for publication")
    go("Publish the decision", "publish page", role="button")
    page.get_by_role("button", name="Publish the decision").click()
    page.wait_for_load_state()
    axe.check("record after publication")
    decision.refresh_from_db()
    assert decision.status == Status.PUBLISHED

    # — a signed-out visitor reads it --------------------------------------------------------
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    go("/decisions/", "public register")
    go(decision.title, "public record")
    assert page.url.endswith(f"/decisions/{decision.reference_slug}/")
    body = page.locator("main").inner_text()
    for value in [
        decision.reference,
        "To direct award a contract for services to Innovate",
        "Human Resources",
        "Councillor Jemima Laing",
        decision_maker.display_name,
    ]:
        assert value in body, value
    for sign_off in decision.sign_offs.all():
        assert sign_off.code in body
