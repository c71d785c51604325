"""The rules a decision record must satisfy (decisions.rules), each test carrying the rule's id."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest

from council.models import CouncilSettings, Department, Ward
from decisions import rules, rules_key, services
from decisions.models import (
    Appendix,
    BackgroundPaper,
    CabinetConsultation,
    ChairAgreement,
    KeyDecisionRoute,
    SignOff,
    Status,
    today,
)
from decisions.tasklist import TASKS
from decisions.workflow import TransitionNotAllowed
from records.models import FrozenRecord
from tests.decisions.factories import DecisionFactory, advance
from tests.decisions.routes_factories import plan_item
from tests.factories import make_persona

SPECIAL_URGENCY = KeyDecisionRoute.SPECIAL_URGENCY


def _item(published_on):
    """The decision's Forward Plan item, first published on that day (EXEC-5's notice)."""
    return plan_item(make_persona("officer"), published_on=published_on)


def rule_fields(problems):
    return {(p.rule, p.field) for p in problems}


def local_noon(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


# — REQUIRED-1 --------------------------------------------------------------------------------


def test_complete_record_has_no_problems_REQUIRED_1(db):
    """REQUIRED-1: the factory's record is complete, so nothing is reported."""
    assert rules.completeness(DecisionFactory()) == []


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", ""),
        ("decision_maker", None),
        ("directorate", None),
        ("financial_implications", " "),
        ("capital_amount", None),
        ("revenue_amount", None),
        ("significant_ward_effect", None),
        ("priority", None),
        ("plan_link", ""),
        ("environmental_implications", ""),
        ("is_urgent", None),
        ("other_portfolios_affected", None),
        ("has_exempt_information", None),
    ],
)
def test_required_section_left_empty_is_reported_REQUIRED_1(db, field, value):
    """REQUIRED-1: each required section, left empty, is reported on its field."""
    decision = DecisionFactory(**{field: value})
    assert ("REQUIRED-1", field) in rule_fields(rules.completeness(decision))


def test_author_contact_needs_email_or_phone_REQUIRED_1(db):
    """REQUIRED-1: section 3 needs a way to contact the author."""
    decision = DecisionFactory(author_email="", author_phone="")
    assert ("REQUIRED-1", "author_email") in rule_fields(rules.details(decision))
    decision.author_phone = "01752 307000"
    assert rules.details(decision) == []


def test_amount_required_when_spending_REQUIRED_1(db):
    """REQUIRED-1: both amounts are asked for; £0 ("no spending") is an answer."""
    assert ("REQUIRED-1", "capital_amount") in rule_fields(rules.finance(DecisionFactory(capital_amount=None)))
    assert rules.finance(DecisionFactory(capital_amount=Decimal(0), revenue_amount=Decimal(0))) == []


def test_other_portfolios_affected_needs_a_consultation_REQUIRED_1(db):
    """REQUIRED-1: 13a "yes" needs 13b/13c."""
    decision = DecisionFactory(other_portfolios_affected=True)
    assert ("REQUIRED-1", "portfolio") in rule_fields(rules.consultation(decision))
    assert rules.consultation(DecisionFactory(consulted=True)) == []


def test_task_problems_group_by_task_list_page_REQUIRED_1(db):
    """REQUIRED-1: problems are filed under the task-list page where they are fixed."""
    decision = DecisionFactory(title="", plan_link="")
    problems = TASKS.problems_by_task(rules.completeness(decision))
    assert [p.field for p in problems["details"]] == ["title"]
    assert [p.field for p in problems["plan"]] == ["plan_link"]
    assert problems["reasons"] == []


# — OLGB-3 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["decision_to_be_taken", "reasons", "alternatives"])
def test_record_holds_decision_reasons_and_alternatives_OLGB_3(db, field):
    """OLGB-3: the decision, its reasons and the alternatives rejected must be recorded."""
    assert ("OLGB-3", field) in rule_fields(rules.completeness(DecisionFactory(**{field: ""})))


def test_conflict_of_interest_must_be_answered_even_if_none_OLGB_3(db):
    """OLGB-3: the record states whether any member declared a conflict, even when none did."""
    unanswered = DecisionFactory(conflict_of_interest=None)
    assert ("OLGB-3", "conflict_of_interest") in rule_fields(rules.consultation(unanswered))
    assert rules.consultation(DecisionFactory(conflict_of_interest=False)) == []


# — EXEC-4 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "capital,revenue,expected",
    [
        ("0", "1000000", {"key_capital": False, "key_revenue": False}),
        ("0", "1000000.01", {"key_capital": False, "key_revenue": True}),
        ("3000000", "0", {"key_capital": False, "key_revenue": False}),
        ("3000001", "0", {"key_capital": True, "key_revenue": False}),
        ("2000000", "0", {"key_capital": False, "key_revenue": False}),
        ("0", "0", {"key_capital": False, "key_revenue": False}),
    ],
)
def test_key_criteria_derived_from_amount_and_plymouth_thresholds_EXEC_4(db, capital, revenue, expected):
    """EXEC-4: "in excess of" Plymouth's £3m capital / £1m revenue thresholds."""
    decision = DecisionFactory.build(capital_amount=Decimal(capital), revenue_amount=Decimal(revenue))
    met = rules_key.criteria(decision)
    assert {name: met[name] for name in expected} == expected


def test_key_criteria_follow_the_councils_own_thresholds_EXEC_4(db):
    """EXEC-4: the thresholds are configuration: lowering them in CouncilSettings changes the result."""
    decision = DecisionFactory(revenue_amount=Decimal("600000"))
    assert rules_key.criteria(decision)["key_revenue"] is False
    council = CouncilSettings.load()
    council.key_decision_revenue_threshold = Decimal("500000")
    council.save()
    assert rules_key.criteria(decision)["key_revenue"] is True
    assert "over the £500,000 threshold" in rules_key.explanation(decision)


def test_capital_threshold_change_makes_a_contract_key_EXEC_4(db):
    """EXEC-4: a council with a £250k capital threshold sees a £491k contract award as key."""
    council = CouncilSettings.load()
    council.key_decision_capital_threshold = Decimal("250000")
    council.save()
    decision = DecisionFactory(capital_amount=Decimal("491000"))
    assert rules_key.criteria(decision)["key_capital"] is True


def test_criterion_met_makes_it_a_key_decision_EXEC_4(db):
    """EXEC-4: a decision meeting a criterion is a key decision, whatever was stored before."""
    decision = DecisionFactory(significant_ward_effect=True, is_key_decision=False)
    decision.wards.set(Ward.objects.filter(name__in=["Ham", "Stoke"]))
    rules_key.derive(decision)
    assert (decision.key_wards, decision.is_key_decision) == (True, True)


def test_significant_effect_without_wards_is_reported_EXEC_4(db):
    """EXEC-4: a significant effect on communities needs the wards they live or work in."""
    decision = DecisionFactory(significant_ward_effect=True)
    assert ("EXEC-4", "wards") in rule_fields(rules.finance(decision))


def test_key_decision_trait_is_complete_EXEC_4(db):
    """EXEC-4: over £1m revenue, ticked and marked key, with a notice: nothing to report."""
    assert rules.completeness(DecisionFactory(key=True)) == []


# — EXEC-5 / EXEC-7 ----------------------------------------------------------------------------


def test_clear_days_exclude_publication_and_decision_days_EXEC_5(db):
    """EXEC-5: published 1 June, decided 30 June: 28 clear days between them (the one calendar)."""
    from council.calendar import clear_days_between

    council = CouncilSettings.load()
    assert clear_days_between(datetime.date(2021, 6, 1), datetime.date(2021, 6, 30), council=council) == 28


def test_notice_published_28_days_before_is_not_enough_EXEC_5(db):
    """EXEC-5: 28 days before the decision leaves only 27 clear days."""
    decided_on = datetime.date(2021, 7, 30)
    decision = DecisionFactory(key=True, plan_item=_item(decided_on - datetime.timedelta(days=28)))
    problems = rules.key_decision_notice(decision, decided_on)
    assert [p.rule for p in problems] == ["EXEC-5"]
    assert "27 clear days" in problems[0].message and "30 July 2021" not in problems[0].message
    assert "31 July 2021" in problems[0].message  # the earliest lawful date


def test_notice_published_29_days_before_is_enough_EXEC_5(db):
    """EXEC-5: 29 days before the decision is 28 clear days."""
    decided_on = datetime.date(2021, 7, 30)
    decision = DecisionFactory(key=True, plan_item=_item(decided_on - datetime.timedelta(days=29)))
    assert rules.key_decision_notice(decision, decided_on) == []


def test_notice_period_is_the_councils_setting_EXEC_5(db):
    """EXEC-5: the clear days are configuration (Plymouth's value is the statutory 28)."""
    council = CouncilSettings.load()
    council.forward_plan_clear_days = 35
    council.save()
    decided_on = datetime.date(2021, 7, 30)
    decision = DecisionFactory(key=True, plan_item=_item(decided_on - datetime.timedelta(days=29)))
    assert [p.rule for p in rules.key_decision_notice(decision, decided_on)] == ["EXEC-5"]


def test_working_days_council_counts_the_notice_over_a_bank_holiday_EXEC_5(db):
    """EXEC-5 on a council that counts working days (council.calendar). Notice on Friday 21 August
    2026; the clear working days are 24-28 Aug (5), 1-4 Sep (4: Monday 31 August is a bank
    holiday), 7-25 Sep (15), 28-30 Sep (3) = 27 by Wednesday 30 September, the 28th is Thursday 1
    October: a decision that day has 27 clear days, one on Friday 2 October has 28. Calendar days
    would have allowed 19 September."""
    council = CouncilSettings.load()
    council.clear_days_basis = "working"
    council.save()
    decision = DecisionFactory(key=True, plan_item=_item(datetime.date(2026, 8, 21)))

    problems = rules.key_decision_notice(decision, datetime.date(2026, 10, 1))
    assert [p.rule for p in problems] == ["EXEC-5"]
    assert "27 clear days" in problems[0].message and "2 October 2026" in problems[0].message
    assert rules.key_decision_notice(decision, datetime.date(2026, 10, 2)) == []


def test_key_decision_needs_a_notice_or_special_urgency_EXEC_5(db):
    """EXEC-5: a key decision on the Forward Plan route with no plan item cannot be submitted."""
    decision = DecisionFactory(key=True, plan_item=None)
    assert ("EXEC-5", "plan_item") in rule_fields(rules.completeness(decision))


def test_key_decision_signed_too_soon_is_refused_EXEC_5(db):
    """EXEC-5: the decision maker cannot sign 28 days after the notice."""
    decision = advance(
        DecisionFactory(key=True, plan_item=_item(today() - datetime.timedelta(days=28))),
        to=Status.AWAITING_DECISION,
    )
    with pytest.raises(TransitionNotAllowed) as refused:
        services.sign_decision(decision, actor=decision.decision_maker)
    assert "EXEC-5" in [p.rule for p in refused.value.reasons]


def test_special_urgency_route_needs_no_notice_but_the_chairs_agreement_EXEC_5_EXEC_7(db):
    """EXEC-5/EXEC-7: special urgency replaces the 28 days' notice with the scrutiny chair's agreement."""
    decision = DecisionFactory(key=True, plan_item=None, key_decision_route=SPECIAL_URGENCY, urgent=True)
    assert rules.key_decision_notice(decision, today()) == []
    assert rules.completeness(decision) == []
    assert set(rules.required_agreements(decision)) == {
        ChairAgreement.Kind.CALL_IN_WAIVER,
        ChairAgreement.Kind.SPECIAL_URGENCY,
    }
    decision = advance(decision, to=Status.IN_SIGN_OFF)
    assert "EXEC-7" in [p.rule for p in rules.sign_off_gaps(decision)]
    decision = advance(decision, to=Status.DECIDED)
    assert decision.decided_on == today()


def test_special_urgency_needs_a_committee_with_a_chair_EXEC_7(db):
    """EXEC-7: special urgency, even on a non-urgent record, names the committee whose chair agrees."""
    decision = DecisionFactory(key=True, plan_item=None, key_decision_route=SPECIAL_URGENCY)
    assert ("CALL-2", "scrutiny_committee") in rule_fields(rules.urgency(decision))


def test_special_urgency_tick_on_a_non_key_decision_asks_nothing_EXEC_7(db):
    """EXEC-7: special urgency exists only for key decisions."""
    decision = DecisionFactory(key_decision_route=SPECIAL_URGENCY)
    assert rules.urgency(decision) == [] and rules.required_agreements(decision) == []


# — EXEC-10 ------------------------------------------------------------------------------------


def test_signed_record_holds_date_maker_and_declaration_EXEC_10(db):
    """EXEC-10: the record of an individual's decision: date, decision maker as on the day, declaration."""
    decision = advance(DecisionFactory(), to=Status.DECIDED)
    assert decision.decided_on == today()
    assert decision.decision_maker_name == "Dana Director"
    assert decision.decision_maker_job_title == "Director of Children's Services"
    assert decision.declaration.startswith("I agree the decision")
    assert decision.reasons and decision.alternatives and decision.conflict_of_interest is False


def test_declared_conflict_is_recorded_with_details_EXEC_10(db):
    """EXEC-10: a conflict declared by an executive member consulted is part of the record."""
    decision = DecisionFactory(conflict_of_interest=True, conflict_details="", monitoring_officer_involved=True)
    assert ("CONFLICT-1", "conflict_details") in rule_fields(rules.consultation(decision))


# — CALL-2 -------------------------------------------------------------------------------------


def test_urgent_decision_needs_a_reason_CALL_2(db):
    """CALL-2: an urgent decision says why."""
    decision = DecisionFactory(urgent=True, urgency_reason="")
    assert ("CALL-2", "urgency_reason") in rule_fields(rules.urgency(decision))


def test_urgent_decision_needs_a_committee_with_a_chair_CALL_2(db):
    """CALL-2: the chair who agrees must exist."""
    from council.models import Committee

    decision = DecisionFactory(is_urgent=True, urgency_reason="Now.", scrutiny_committee=None)
    assert ("CALL-2", "scrutiny_committee") in rule_fields(rules.urgency(decision))
    chairless = Committee.objects.get(slug="growth-and-infrastructure")
    decision.scrutiny_committee = chairless
    assert "no chair" in next(p.message for p in rules.urgency(decision))


def test_urgent_decision_cannot_reach_the_decision_maker_before_the_chair_agrees_CALL_2(db):
    """CALL-2: every sign-off in place is not enough; the chair's agreement is missing."""
    from tests.decisions.factories import issue_all_sign_offs

    decision = advance(DecisionFactory(urgent=True), to=Status.IN_SIGN_OFF)
    issue_all_sign_offs(decision)
    decision.refresh_from_db()
    assert decision.status == Status.IN_SIGN_OFF
    assert [p.rule for p in rules.sign_off_gaps(decision)] == ["CALL-2"]


def test_urgent_decision_with_chairs_agreement_is_exempt_from_call_in_CALL_2(db):
    """CALL-2: the chair's agreement exempts an urgent decision from call-in."""
    decision = advance(DecisionFactory(urgent=True), to=Status.DECIDED)
    assert decision.exempt_from_call_in is True


def test_ordinary_decision_is_not_exempt_from_call_in_CALL_2(db):
    """CALL-2: without urgency there is no waiver."""
    assert advance(DecisionFactory(), to=Status.DECIDED).exempt_from_call_in is False


# — CONFLICT-1 ---------------------------------------------------------------------------------


def test_declared_conflict_needs_details_and_monitoring_officer_CONFLICT_1(db):
    """CONFLICT-1: a declared conflict needs who and what, and the Monitoring Officer's involvement."""
    decision = DecisionFactory(conflict_of_interest=True, dispensation_granted=False)
    assert rule_fields(rules.consultation(decision)) == {
        ("CONFLICT-1", "conflict_details"),
        ("CONFLICT-1", "monitoring_officer_involved"),
    }
    decision.conflict_details = "Cllr Downie's spouse works for the provider."
    decision.monitoring_officer_involved = True
    assert rules.consultation(decision) == []


def test_a_declared_conflict_says_whether_a_dispensation_was_granted_EXEC_10(db):
    """EXEC-10 (reg 13): the record of a decision names any dispensation granted for a declared conflict:
    the question is asked only when a conflict was declared, and a dispensation needs its details."""
    declared = dict(conflict_of_interest=True, conflict_details="Cllr Downie's spouse works for it.")
    decision = DecisionFactory(**declared, monitoring_officer_involved=True)
    assert rule_fields(rules.consultation(decision)) == {("EXEC-10", "dispensation_granted")}
    decision.dispensation_granted = True
    assert rule_fields(rules.consultation(decision)) == {("EXEC-10", "dispensation_details")}
    decision.dispensation_details = "The Standards Committee, 2 June 2021: to take part in the discussion."
    assert rules.consultation(decision) == []
    decision.dispensation_granted, decision.dispensation_details = False, ""
    assert rules.consultation(decision) == []
    assert rules.consultation(DecisionFactory(conflict_of_interest=False)) == []


# — S12A-2 -------------------------------------------------------------------------------------


def test_part_two_report_needs_paragraph_reasoning_and_review_date_S12A_2(db):
    """S12A-2: exempt information records its paragraph(s), public-interest reasoning and review date."""
    decision = DecisionFactory(has_exempt_information=True, part2_title="Pricing")
    assert rule_fields(rules.exempt(decision)) == {
        ("S12A-2", "part2_paragraphs"),
        ("S12A-2", "part2_public_interest_reasoning"),
        ("S12A-2", "part2_review_on"),
    }


def test_exempt_record_trait_is_complete_S12A_2(db):
    """S12A-2: the exempt trait (Part II, exempt appendix, exempt background paper) satisfies every rule."""
    decision = DecisionFactory(exempt=True)
    assert rules.completeness(decision) == []
    assert decision.part2_not_for_publication == (
        "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972"
    )


def test_exempt_appendix_without_reasoning_is_reported_S12A_2(db):
    """S12A-2 (and S12A-4, per document part): an exempt appendix needs its own reasoning and review date."""
    decision = DecisionFactory(exempt=True)  # 18a yes (S12A-4), with its own complete exempt appendix A
    Appendix.objects.create(decision=decision, ref="C", title="Pricing", exempt_paragraphs=[3])
    problems = rules.exempt(decision)
    assert rule_fields(problems) == {("S12A-2", "public_interest_reasoning"), ("S12A-2", "exemption_review_on")}
    assert problems[0].message.startswith("Appendix C: Pricing:")


def test_exempt_background_paper_outside_paragraphs_1_to_7_is_reported_S12A_2(db):
    """S12A-2: only paragraphs 1 to 7 of Schedule 12A exist."""
    decision = DecisionFactory(exempt=True)
    BackgroundPaper.objects.create(
        decision=decision,
        title="Notes",
        exempt_paragraphs=[8],
        public_interest_reasoning="x",
        exemption_review_on=today(),
    )
    assert rule_fields(rules.exempt(decision)) == {("S12A-2", "exempt_paragraphs")}


def test_not_for_publication_cites_every_paragraph_S12A_2():
    """S12A-2: "paragraphs 1, 3 and 5"."""
    from records.models import not_for_publication_text

    assert "paragraphs 1, 3 and 5 of Part 1" in not_for_publication_text([5, 1, 3])


# — SIGNOFF-1 ----------------------------------------------------------------------------------


def test_mandatory_departments_always_apply_SIGNOFF_1(db):
    """SIGNOFF-1: Democratic Support, Finance and Legal are required on every record."""
    names = [d.name for d in rules.required_departments(DecisionFactory())]
    assert names == ["Democratic Support", "Finance", "Legal"]


def test_applicable_departments_are_added_SIGNOFF_1(db):
    """SIGNOFF-1: "if applicable" departments the author chose are required too; the others are not."""
    decision = DecisionFactory(applicable=["human-resources", "procurement"])
    names = {d.name for d in rules.required_departments(decision)}
    assert names == {"Democratic Support", "Finance", "Legal", "Human Resources", "Procurement"}
    assert "Corporate Property" not in names


def test_missing_sign_off_is_reported_SIGNOFF_1(db):
    """SIGNOFF-1: each required department without a current code is named."""
    decision = advance(DecisionFactory(applicable=["human-resources"]), to=Status.IN_SIGN_OFF)
    messages = [p.message for p in rules.sign_off_gaps(decision)]
    assert messages == [
        "The Democratic Support sign-off has not been given",
        "The Finance sign-off has not been given",
        "The Legal sign-off has not been given",
        "The Human Resources sign-off has not been given",
    ]


def test_sign_off_goes_stale_after_an_edit_SIGNOFF_1(db, finance_reviewer, officer):
    """SIGNOFF-1: an edit after a sign-off makes it out of date, visibly."""
    decision = advance(DecisionFactory(author=officer), to=Status.IN_SIGN_OFF)
    finance = Department.objects.get(slug="finance")
    sign_off = services.issue_sign_off_code(decision, actor=finance_reviewer, department=finance)
    assert sign_off.is_current
    decision.refresh_from_db()
    decision.reasons += "\n\nUpdated after the Finance review."
    services.save_edits(decision, actor=officer, fields=["reasons"])
    sign_off.refresh_from_db()
    assert not sign_off.is_current
    messages = [p.message for p in rules.sign_off_gaps(sign_off.decision)]
    assert "The Finance sign-off is out of date after an edit" in messages


def test_section_15_must_be_answered_SIGNOFF_1(db):
    """SIGNOFF-1: the record names the Corporate Management Team member consulted, and when."""
    decision = DecisionFactory(cmt_member=None, cmt_consulted_on=None)
    assert rule_fields(rules.consultation(decision)) == {("SIGNOFF-1", "cmt_member"), ("SIGNOFF-1", "cmt_consulted_on")}


# — DATES-1 ------------------------------------------------------------------------------------


def test_consultation_after_the_decision_is_reported_DATES_1(db):
    """DATES-1: nothing is consulted after the date of decision."""
    decision = DecisionFactory(consulted=True, cmt_consulted_on=today())
    problems = rules.dates_after_decision(decision, today() - datetime.timedelta(days=2))
    assert [p.rule for p in problems] == ["DATES-1", "DATES-1"]
    assert "was consulted on" in problems[0].message and "Corporate Management Team" in problems[1].message


def test_chair_agreement_after_the_decision_is_reported_DATES_1(db):
    """DATES-1: the seed record's own inconsistency: the chair agreed after the date of decision."""
    decision = advance(DecisionFactory(urgent=True), to=Status.AWAITING_DECISION)
    problems = rules.dates_after_decision(decision, today() - datetime.timedelta(days=1))
    assert any("scrutiny chair's agreement is dated" in p.message for p in problems)


def test_sign_off_counts_on_the_councils_calendar_day_DATES_1(db, finance_reviewer):
    """DATES-1: a sign-off at 00:30 on 2 July (BST) is dated 2 July, though it is still 1 July in UTC."""
    decision = advance(DecisionFactory(), to=Status.IN_SIGN_OFF)
    SignOff.objects.create(
        decision=decision,
        department=Department.objects.get(slug="finance"),
        code="late",
        issued_by=finance_reviewer,
        issued_at=datetime.datetime(2021, 7, 1, 23, 30, tzinfo=datetime.UTC),
        content_version=decision.content_version,
    )

    def sign_off_messages(decided_on):
        return [p.message for p in rules.dates_after_decision(decision, decided_on) if "sign-off" in p.message]

    assert sign_off_messages(datetime.date(2021, 7, 1)) == [
        "The Finance sign-off is dated 2 July 2021, after the date of decision"
    ]
    assert sign_off_messages(datetime.date(2021, 7, 2)) == []


def test_nothing_after_the_decision_reports_nothing_DATES_1(db):
    """DATES-1: a record signed through the services is consistent."""
    decision = advance(DecisionFactory(urgent=True, consulted=True), to=Status.DECIDED)
    assert rules.record_warnings(decision) == []


def test_signing_is_refused_when_a_date_follows_the_decision_DATES_1(db):
    """DATES-1: the decision maker cannot sign before a consultation it relies on."""
    decision = advance(DecisionFactory(), to=Status.AWAITING_DECISION)
    CabinetConsultation.objects.filter(decision=decision).delete()
    type(decision).objects.filter(pk=decision.pk).update(cmt_consulted_on=today() + datetime.timedelta(days=1))
    with pytest.raises(TransitionNotAllowed) as refused:
        services.sign_decision(decision, actor=decision.decision_maker)
    assert "DATES-1" in [p.rule for p in refused.value.reasons]


# — FROZEN-1 -----------------------------------------------------------------------------------


def test_signed_record_refuses_a_changed_field_FROZEN_1(db):
    """FROZEN-1: Decision.save() with any content changed raises FrozenRecord."""
    decision = advance(DecisionFactory(), to=Status.DECIDED)
    decision.title = "Something else"
    with pytest.raises(FrozenRecord, match="title of decision"):
        decision.save()


def test_signed_record_saves_unchanged_FROZEN_1(db):
    """FROZEN-1: saving without a change is harmless."""
    decision = advance(DecisionFactory(), to=Status.DECIDED)
    decision.save()


def test_signed_record_cannot_go_back_to_draft_FROZEN_1(db):
    """FROZEN-1: the status of a signed record only moves on to published."""
    decision = advance(DecisionFactory(), to=Status.DECIDED)
    decision.status = Status.DRAFT
    with pytest.raises(FrozenRecord):
        decision.save()


def test_signed_record_cannot_be_deleted_FROZEN_1(db):
    """FROZEN-1: not even through a stale copy that still says "awaiting decision"."""
    decision = advance(DecisionFactory(), to=Status.AWAITING_DECISION)
    stale = type(decision).objects.get(pk=decision.pk)
    services.sign_decision(decision, actor=decision.decision_maker)
    with pytest.raises(FrozenRecord):
        stale.delete()


@pytest.mark.parametrize(
    "related", ["appendices", "consultations", "sign_offs", "background_papers", "chair_agreements"]
)
def test_signed_records_children_refuse_save_and_delete_FROZEN_1(db, related):
    """FROZEN-1: appendices, consultations, sign-offs, background papers and agreements are frozen too."""
    decision = advance(DecisionFactory(exempt=True, urgent=True, consulted=True), to=Status.DECIDED)
    child = getattr(decision, related).first()
    assert child is not None
    with pytest.raises(FrozenRecord):
        child.save()
    with pytest.raises(FrozenRecord):
        child.delete()


def test_signed_record_refuses_new_children_FROZEN_1(db):
    """FROZEN-1: nothing can be added to a signed record."""
    decision = advance(DecisionFactory(), to=Status.DECIDED)
    with pytest.raises(FrozenRecord):
        Appendix.objects.create(decision=decision, ref="Z", title="Late addition")


def test_published_record_is_frozen_FROZEN_1(db):
    """FROZEN-1: publication keeps the record frozen."""
    decision = advance(DecisionFactory(), to=Status.PUBLISHED)
    decision.reasons = "Rewritten"
    with pytest.raises(FrozenRecord):
        decision.save()


def test_clock_is_the_councils_local_date(db):
    """The date of decision is the council's (Europe/London) date, from django.utils.timezone.now."""
    late_evening_utc = datetime.datetime(2021, 6, 30, 23, 30, tzinfo=datetime.UTC)  # 00:30 BST on 1 July
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        assert today() == datetime.date(2021, 7, 1)
