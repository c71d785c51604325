"""CALL-1, CALL-2: who may ask for a call-in, when, and when enough names hold the decision."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from callin import services
from callin.models import CallIn, Status
from council import roles
from council.models import CouncilSettings
from decisions.models_callin import CallInState
from decisions.rules_callin import call_in_status
from tests.callin.conftest import EFFECTIVE, LAST_DAY, councillor, on

REASONS = "The consultation with families was too short to weigh their views."
TUESDAY = datetime.date(2026, 9, 1)


def ask(decision, who, when=TUESDAY):
    with on(when):
        return services.request_call_in(decision, actor=who, reasons=REASONS)


def add(call_in, who, when=TUESDAY):
    with on(when):
        return services.add_name(call_in, actor=who)


def refusal(excinfo):
    return " ".join(excinfo.value.messages)


def test_request_on_the_day_after_the_window_is_refused_with_the_last_day_CALL_1(publish, members):
    decision = publish()
    with pytest.raises(ValidationError) as excinfo:
        ask(decision, members[0], EFFECTIVE)
    assert refusal(excinfo) == f"The call-in period for {decision.reference} ended on 7 September 2026."
    assert not CallIn.objects.exists()


def test_request_on_the_last_day_is_accepted_CALL_1(publish, members):
    decision = publish()
    call_in = ask(decision, members[0], LAST_DAY)
    assert call_in.status == Status.GATHERING
    assert call_in.reference == "CI 2026/001"
    assert [s.councillor for s in call_in.signatories.all()] == [members[0]]
    assert call_in.committee == decision.scrutiny_committee


def test_request_on_a_waived_urgent_decision_is_refused_with_its_reason_CALL_2(publish, members):
    decision = publish(urgent=True)
    with pytest.raises(ValidationError) as excinfo:
        ask(decision, members[0])
    assert refusal(excinfo) == (
        "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)."
    )


def test_request_on_a_decision_outside_a_key_only_scope_is_refused_CALL_1(publish, members, council):
    council.call_in_scope = CouncilSettings.CallInScope.KEY
    council.save()
    decision = publish()
    with pytest.raises(ValidationError, match="Only key decisions are subject to call-in"):
        ask(decision, members[0])


@pytest.mark.parametrize(
    ("persona", "why"),
    [
        ("officer", "Only councillors may call in a decision."),
        ("cabinet_member", "Cabinet members are part of the executive and cannot call in an executive decision."),
    ],
)
def test_request_by_an_ineligible_person_is_refused_with_why_CALL_1(publish, request, persona, why):
    decision = publish()
    with pytest.raises(ValidationError) as excinfo:
        ask(decision, request.getfixturevalue(persona))
    assert refusal(excinfo) == why


def test_request_by_a_councillor_in_the_cabinet_is_refused_CALL_1(publish):
    decision = publish()
    both = councillor("both", more=[roles.CABINET_MEMBER])
    with pytest.raises(ValidationError, match="Cabinet members are part of the executive"):
        ask(decision, both)


def test_request_by_a_non_member_is_refused_when_names_must_sit_on_the_committee_CALL_1(publish, council, committee):
    council.call_in_members_of_committee = True
    council.save()
    decision = publish()
    with pytest.raises(ValidationError) as excinfo:
        ask(decision, councillor("outsider"))
    assert refusal(excinfo) == f"Only members of the {committee.name} may call in this decision."


def test_request_by_any_non_executive_councillor_is_accepted_by_default_CALL_1(publish):
    decision = publish()
    assert ask(decision, councillor("outsider")).status == Status.GATHERING


def test_name_added_twice_is_refused_CALL_1(publish, members):
    call_in = ask(publish(), members[0])
    with pytest.raises(ValidationError, match="Your name is already on this request."):
        add(call_in, members[0])
    assert call_in.signatories.count() == 1


def test_second_request_on_the_same_decision_is_refused_CALL_1(publish, members):
    decision = publish()
    ask(decision, members[0])
    with pytest.raises(ValidationError) as excinfo:
        ask(decision, members[1])
    assert refusal(excinfo) == (
        f"There is already a request to call in {decision.reference}: add your name to it instead."
    )


def test_request_without_reasons_is_refused_on_the_field_CALL_1(publish, members):
    decision = publish()
    with pytest.raises(ValidationError) as excinfo, on(TUESDAY):
        services.request_call_in(decision, actor=members[0], reasons="   ")
    assert excinfo.value.message_dict == {"reasons": ["Enter why the decision should be called in"]}


def test_request_meeting_the_members_rule_holds_the_decision_CALL_1(publish, members):
    decision = publish()
    call_in = ask(decision, members[0])
    add(call_in, members[1])
    decision.refresh_from_db()
    assert decision.call_in_state == CallInState.OPEN  # two names of three: not yet
    assert decision.effective_from == EFFECTIVE
    call_in = add(call_in, members[2])
    decision.refresh_from_db()
    assert call_in.status == Status.REQUESTED
    assert decision.call_in_state == CallInState.REQUESTED
    assert decision.effective_from is None
    assert decision.called_in_on == TUESDAY
    assert call_in_status(decision, EFFECTIVE).sentence == (
        "Call-in requested on 1 September 2026: it cannot take effect while Democratic Support checks the request."
    )


def test_request_with_too_few_names_when_the_window_closes_leaves_it_effective_CALL_1(publish, members):
    decision = publish()
    call_in = ask(decision, members[0])
    add(call_in, members[1])
    with pytest.raises(ValidationError, match="ended on 7 September 2026"):
        add(call_in, members[2], EFFECTIVE)
    decision.refresh_from_db()
    call_in.refresh_from_db()
    assert decision.effective_from == EFFECTIVE
    assert call_in_status(decision, EFFECTIVE).label == "Effective"
    assert call_in.status_label(EFFECTIVE) == "Lapsed"
    assert call_in.status_label(LAST_DAY) == "Waiting for names"


@pytest.mark.parametrize("rule", [CouncilSettings.CallInBy.CHAIR, CouncilSettings.CallInBy.CHAIR_OR_MEMBERS])
def test_chair_alone_meets_a_chair_rule_CALL_1(publish, scrutiny_chair, council, rule):
    council.call_in_by = rule
    council.save()
    decision = publish()
    call_in = ask(decision, scrutiny_chair)
    decision.refresh_from_db()
    assert call_in.status == Status.REQUESTED
    assert decision.call_in_state == CallInState.REQUESTED


def test_chair_rule_refuses_any_other_councillor_CALL_1(publish, members, council, committee):
    council.call_in_by = CouncilSettings.CallInBy.CHAIR
    council.save()
    with pytest.raises(ValidationError) as excinfo:
        ask(publish(), members[0])
    assert refusal(excinfo) == f"Only the chair of the {committee.name} may call in this decision."


def test_members_rule_is_not_met_by_the_chair_alone_CALL_1(publish, scrutiny_chair, council):
    council.call_in_by = CouncilSettings.CallInBy.MEMBERS
    council.save()
    assert ask(publish(), scrutiny_chair).status == Status.GATHERING


def test_members_rule_of_one_name_holds_at_once_CALL_1(publish, members, council):
    council.call_in_by = CouncilSettings.CallInBy.MEMBERS
    council.call_in_members_needed = 1
    council.save()
    assert ask(publish(), members[0]).status == Status.REQUESTED


def test_withdrawn_request_lifts_the_hold_and_allows_another_CALL_1(publish, scrutiny_chair, members):
    decision = publish()
    call_in = ask(decision, scrutiny_chair)
    with on(TUESDAY):
        services.withdraw(call_in, actor=scrutiny_chair, reason="Answered by the director.")
    decision.refresh_from_db()
    assert decision.call_in_state == CallInState.OPEN
    assert decision.effective_from == EFFECTIVE
    assert ask(decision, members[0]).status == Status.GATHERING
