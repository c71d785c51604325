"""EXEC-4 (reg 8): whether a decision is key follows from its amounts and wards, under the council's
thresholds, and the service stores the answer; nobody types it."""

from decimal import Decimal

import pytest
from django.contrib.admin.sites import site

from council.models import CouncilSettings, Ward
from decisions import rules_key, services
from decisions.models import Decision
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def answers(capital="0", revenue="0", significant=False, wards=()):
    """An unsaved record with sections 7 and 8 answered: amounts in pounds, ward names."""
    decision = DecisionFactory.build(
        capital_amount=None if capital is None else Decimal(capital),
        revenue_amount=None if revenue is None else Decimal(revenue),
        significant_ward_effect=significant,
    )
    decision.chosen_wards = list(Ward.objects.filter(name__in=wards))
    return decision


def key(decision, council=None):
    rules_key.derive(decision, council)
    return decision.is_key_decision


def test_revenue_funded_2m_contract_award_is_key_under_plymouths_thresholds_EXEC_4():
    """EXEC-4: a £2m contract award funded from revenue is £2m of each; the revenue makes it key."""
    decision = answers(capital="2000000", revenue="2000000")
    assert key(decision) is True
    assert (decision.key_capital, decision.key_revenue, decision.key_wards) == (False, True, False)
    assert rules_key.explanation(decision) == (
        "This is a key decision because revenue spending of £2,000,000 is over the £1,000,000 threshold."
    )


def test_2_5m_capital_only_is_not_key_EXEC_4():
    decision = answers(capital="2500000")
    assert key(decision) is False
    assert rules_key.explanation(decision) == (
        "This is not a key decision: capital spending of £2,500,000 is not over the £3,000,000 threshold, "
        "there is no revenue spending or saving and it does not have a significant effect on communities in "
        "two or more wards."
    )


@pytest.mark.parametrize(
    ("capital", "revenue", "expected"),
    [
        ("3000000.01", "0", True),
        ("3000000", "0", False),  # "over £3m": exactly the threshold is not over it
        ("0", "1000000.01", True),
        ("0", "1000000", False),
    ],
)
def test_thresholds_are_strictly_over_EXEC_4(capital, revenue, expected):
    assert key(answers(capital=capital, revenue=revenue)) is expected


@pytest.mark.parametrize(
    ("wards", "significant", "expected"),
    [
        (["Drake"], True, False),
        (["Drake", "Stoke"], True, True),
        (["Drake", "Stoke"], False, False),
        (["Drake", "Stoke", "Ham"], True, True),
    ],
)
def test_two_or_more_wards_with_a_significant_effect_is_key_EXEC_4(wards, significant, expected):
    decision = answers(significant=significant, wards=wards)
    assert key(decision) is expected
    assert decision.key_wards is expected


def test_two_wards_with_a_significant_effect_says_why_EXEC_4():
    decision = answers(significant=True, wards=["Drake", "Stoke"])
    assert rules_key.explanation(decision) == (
        "This is a key decision because it has a significant effect on communities in 2 wards."
    )


def test_a_council_with_other_thresholds_gets_another_answer_EXEC_4():
    """EXEC-4: the thresholds are the council's configuration (CouncilSettings)."""
    decision = answers(capital="2500000", revenue="800000")
    assert key(decision) is False
    council = CouncilSettings.load()
    council.key_decision_capital_threshold = Decimal("2000000")
    council.key_decision_revenue_threshold = Decimal("750000")
    council.save()
    assert key(decision) is True
    assert (decision.key_capital, decision.key_revenue) == (True, True)
    assert rules_key.explanation(decision) == (
        "This is a key decision because capital spending of £2,500,000 is over the £2,000,000 threshold "
        "and revenue spending of £800,000 is over the £750,000 threshold."
    )


def test_unanswered_amounts_leave_it_unknown_until_a_criterion_is_met_EXEC_4():
    assert key(answers(capital=None)) is None
    assert key(answers(capital=None, revenue="1500000")) is True  # already key, whatever else is said
    assert rules_key.explanation(answers(capital=None, revenue=None, significant=None)) == ""


def test_the_register_amount_is_the_larger_of_the_two_EXEC_4():
    decision = answers(capital="2000000", revenue="250000")
    rules_key.derive(decision)
    assert decision.amount == Decimal("2000000")
    assert decision.spend_type == "capital and revenue"
    unanswered = answers(capital=None, revenue=None)
    rules_key.derive(unanswered)
    assert unanswered.amount is None and unanswered.spend_type == ""


def test_plymouths_twenty_wards_are_configuration():
    names = list(Ward.objects.values_list("name", flat=True))
    assert len(names) == 20
    assert names[:3] == ["Budshead", "Compton", "Devonport"]
    assert "St Peter and the Waterfront" in names and "Sutton and Mount Gould" in names


# — the service stores the answer ---------------------------------------------------------------


def test_saving_the_amounts_stores_the_derived_answer_EXEC_4(officer):
    decision = services.start_decision(actor=officer)
    decision.capital_amount, decision.revenue_amount = Decimal("2000000"), Decimal("2000000")
    decision.significant_ward_effect = False
    services.save_edits(decision, actor=officer, fields=["capital_amount", "revenue_amount", "significant_ward_effect"])
    stored = Decision.objects.get(pk=decision.pk)
    assert (stored.is_key_decision, stored.key_capital, stored.key_revenue, stored.key_wards) == (
        True,
        False,
        True,
        False,
    )
    assert stored.amount == Decimal("2000000")
    assert stored.events.last().comment.startswith("Changed capital spending or contract commitment")


def test_choosing_a_second_ward_makes_it_key_through_the_service_EXEC_4(officer):
    decision = services.start_decision(actor=officer)
    decision.capital_amount = decision.revenue_amount = Decimal("0")
    decision.significant_ward_effect = True
    fields = ["capital_amount", "revenue_amount", "significant_ward_effect"]
    services.save_edits(decision, actor=officer, fields=fields, m2m={"wards": list(Ward.objects.filter(name="Ham"))})
    assert Decision.objects.get(pk=decision.pk).is_key_decision is False
    two = list(Ward.objects.filter(name__in=["Ham", "Stoke"]))
    services.save_edits(decision, actor=officer, fields=[], m2m={"wards": two})
    stored = Decision.objects.get(pk=decision.pk)
    assert (stored.is_key_decision, stored.key_wards) == (True, True)
    assert stored.events.last().comment == "Changed wards affected"


def test_the_answer_cannot_be_typed_EXEC_4(officer):
    """EXEC-4: the key-decision answer and its ticks are derived: an edit that sets them is refused."""
    decision = services.start_decision(actor=officer)
    decision.is_key_decision = True
    with pytest.raises(ValueError, match="is_key_decision"):
        services.save_edits(decision, actor=officer, fields=["is_key_decision"])


def test_submission_uses_the_thresholds_in_force_then_EXEC_4(officer):
    """EXEC-4: thresholds changed after the last edit are applied when the record is submitted."""
    decision = DecisionFactory(key=True)  # £1.5m revenue: key under Plymouth's £1m
    council = CouncilSettings.load()
    council.key_decision_revenue_threshold = Decimal("2000000")
    council.save()
    services.submit_for_sign_off(decision, actor=decision.author)
    stored = Decision.objects.get(pk=decision.pk)
    assert (stored.is_key_decision, stored.key_revenue) == (False, False)


def test_a_ward_a_record_names_cannot_be_deleted_in_the_admin(rf, administrator):
    """A record keeps its wards: the admin deletes only a ward no record names, one at a time."""
    drake, stoke = Ward.objects.get(name="Drake"), Ward.objects.get(name="Stoke")
    DecisionFactory().wards.set([drake])
    ward_admin = site._registry[Ward]
    request = rf.get("/admin/council/ward/")
    request.user = administrator
    assert drake.in_use() and not stoke.in_use()
    assert ward_admin.has_delete_permission(request, drake) is False
    assert ward_admin.has_delete_permission(request, stoke) is True
    assert "delete_selected" not in ward_admin.get_actions(request)
