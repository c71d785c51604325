"""CALL-1: validation stays a decision; each outcome leads to its state and dates; reconsideration."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from callin import services
from callin.models import CallInEvent, Outcome, Reconsideration, Status
from callin.workflow import TransitionNotAllowed
from decisions.models import Status as DecisionStatus
from decisions.models_callin import CallInState
from decisions.rules_callin import call_in_status
from scrutiny.models import Meeting
from tests.callin.conftest import EFFECTIVE, on
from tests.decisions.factories import advance

TUESDAY = datetime.date(2026, 9, 1)
THURSDAY = datetime.date(2026, 9, 3)
MEETING_DAY = datetime.date(2026, 9, 15)
COUNCIL_DAY = datetime.date(2026, 9, 28)
CONCERNS = "The committee was not shown the consultation responses."


@pytest.fixture
def requested(publish, scrutiny_chair):
    """A decision published on Friday 28 August 2026, which the committee's chair called in on the Tuesday."""
    decision = publish()
    with on(TUESDAY):
        call_in = services.request_call_in(decision, actor=scrutiny_chair, reasons="Families were not consulted.")
    return call_in


@pytest.fixture
def called_in(requested, democratic_support, committee):
    with on(THURSDAY):
        call_in = services.validate(requested, actor=democratic_support)
        meeting = Meeting.objects.create(committee=committee, date=MEETING_DAY)
        return services.schedule(call_in, actor=democratic_support, meeting=meeting)


def states(call_in):
    call_in.refresh_from_db()
    call_in.decision.refresh_from_db()
    return call_in.status, call_in.decision.call_in_state, call_in.decision.effective_from


def outcome(call_in, actor, result, concerns=CONCERNS, when=MEETING_DAY):
    with on(when):
        return services.record_outcome(call_in, actor=actor, outcome=result, on=when, concerns=concerns)


def test_validation_stays_the_decision_CALL_1(called_in):
    assert states(called_in) == (Status.CALLED_IN, CallInState.CALLED_IN, None)
    assert called_in.validated_at is not None
    status = call_in_status(called_in.decision, EFFECTIVE)
    assert status.label == "Called in"
    assert status.sentence == (
        "Called in on 1 September 2026: it cannot take effect until the scrutiny committee has considered it."
    )
    assert called_in.meeting.date == MEETING_DAY


def test_rejection_lifts_the_hold_from_its_original_date_CALL_1(requested, democratic_support):
    with on(TUESDAY):
        services.reject(requested, actor=democratic_support, reason="The reasons do not concern the decision.")
    assert states(requested) == (Status.REJECTED, CallInState.OPEN, EFFECTIVE)
    assert requested.rejection_reason == "The reasons do not concern the decision."


def test_rejection_after_the_window_makes_it_effective_from_the_next_working_day_CALL_1(requested, democratic_support):
    friday = datetime.date(2026, 9, 11)
    with on(friday):
        services.reject(requested, actor=democratic_support, reason="Not signed by enough councillors.")
    assert states(requested) == (Status.REJECTED, CallInState.OPEN, datetime.date(2026, 9, 14))
    assert call_in_status(requested.decision, friday).label == "Effective"


def test_rejection_needs_a_reason_CALL_1(requested, democratic_support):
    with pytest.raises(ValidationError):
        services.reject(requested, actor=democratic_support, reason=" ")
    assert states(requested)[0] == Status.REQUESTED


def test_no_further_action_makes_it_effective_from_that_day_CALL_1(called_in, democratic_support):
    outcome(called_in, democratic_support, Outcome.NO_FURTHER_ACTION, concerns="")
    assert states(called_in) == (Status.CLOSED, CallInState.EFFECTIVE, MEETING_DAY)
    assert called_in.outcome_on == MEETING_DAY
    assert call_in_status(called_in.decision, MEETING_DAY).sentence == "Effective from 15 September 2026."


def test_referral_back_holds_it_for_the_decision_maker_CALL_1(called_in, democratic_support):
    outcome(called_in, democratic_support, Outcome.REFERRED_BACK)
    assert states(called_in) == (Status.REFERRED_BACK, CallInState.REFERRED_BACK, None)
    assert called_in.concerns == CONCERNS


def test_referral_needs_the_committees_concerns_CALL_1(called_in, democratic_support):
    with pytest.raises(ValidationError) as excinfo:
        outcome(called_in, democratic_support, Outcome.REFERRED_BACK, concerns="")
    assert excinfo.value.message_dict == {"concerns": ["Enter the committee's concerns"]}


def test_outcome_waits_for_the_meeting_to_be_scheduled_CALL_1(requested, democratic_support):
    with on(THURSDAY):
        services.validate(requested, actor=democratic_support)
    with pytest.raises(TransitionNotAllowed, match="Schedule the call-in"):
        outcome(requested, democratic_support, Outcome.NO_FURTHER_ACTION, concerns="")


def test_outcome_in_the_future_is_refused_CALL_1(called_in, democratic_support):
    with on(THURSDAY), pytest.raises(ValidationError):
        services.record_outcome(called_in, actor=democratic_support, outcome=Outcome.NO_FURTHER_ACTION, on=MEETING_DAY)


def test_referral_to_council_holds_it_until_councils_outcome_CALL_1(called_in, democratic_support):
    outcome(called_in, democratic_support, Outcome.REFERRED_TO_COUNCIL)
    assert states(called_in) == (Status.REFERRED_TO_COUNCIL, CallInState.REFERRED_TO_COUNCIL, None)
    with on(COUNCIL_DAY):
        services.record_council_outcome(called_in, actor=democratic_support, outcome="no_objection", on=COUNCIL_DAY)
    assert states(called_in) == (Status.CLOSED, CallInState.EFFECTIVE, COUNCIL_DAY)
    assert called_in.council_outcome_on == COUNCIL_DAY


def test_council_referring_back_holds_it_for_the_decision_maker_CALL_1(called_in, democratic_support):
    outcome(called_in, democratic_support, Outcome.REFERRED_TO_COUNCIL)
    with on(COUNCIL_DAY):
        services.record_council_outcome(called_in, actor=democratic_support, outcome="referred_back", on=COUNCIL_DAY)
    assert states(called_in) == (Status.REFERRED_BACK, CallInState.REFERRED_BACK, None)


@pytest.fixture
def referred_back(called_in, democratic_support):
    outcome(called_in, democratic_support, Outcome.REFERRED_BACK)
    return called_in


def test_confirmation_makes_it_effective_from_that_day_CALL_1(referred_back, decision_maker):
    confirmed_on = datetime.date(2026, 9, 22)
    with on(confirmed_on):
        services.confirm_decision(referred_back, actor=decision_maker, on=confirmed_on)
    assert states(referred_back) == (Status.CLOSED, CallInState.EFFECTIVE, confirmed_on)
    assert referred_back.reconsideration == Reconsideration.CONFIRMED


def test_confirmation_by_democratic_support_says_it_was_for_the_decision_maker_CALL_1(
    referred_back, democratic_support
):
    with on(MEETING_DAY):
        services.confirm_decision(referred_back, actor=democratic_support, on=MEETING_DAY)
    event = referred_back.events.get(action="confirm")
    assert "recorded by Della Support for the decision maker" in event.comment


def test_confirmation_by_another_officer_is_refused_CALL_1(referred_back, officer):
    with pytest.raises(PermissionDenied), on(MEETING_DAY):
        services.confirm_decision(referred_back, actor=officer, on=MEETING_DAY)


def test_changed_decision_is_a_new_draft_linked_both_ways_CALL_1(referred_back, decision_maker):
    original = referred_back.decision
    with on(MEETING_DAY):
        changed = services.start_changed_decision(referred_back, actor=decision_maker)
    assert changed.status == DecisionStatus.DRAFT
    assert changed.reconsiders == original
    assert list(original.reconsidered_by.all()) == [changed]
    assert changed.author == original.author
    assert (changed.title, changed.decision_to_be_taken) == (original.title, original.decision_to_be_taken)
    assert changed.reference == ""
    assert states(referred_back)[:2] == (Status.REFERRED_BACK, CallInState.REFERRED_BACK)
    with pytest.raises(PermissionDenied), on(MEETING_DAY):
        services.start_changed_decision(referred_back, actor=decision_maker)


def test_changed_decisions_publication_replaces_the_original_and_closes_the_call_in_CALL_1(
    referred_back, decision_maker, cast
):
    original = referred_back.decision
    with on(MEETING_DAY):
        changed = services.start_changed_decision(referred_back, actor=decision_maker)
    published_on = datetime.date(2026, 9, 24)
    with on(published_on):
        changed = advance(changed, DecisionStatus.PUBLISHED, cast)
    assert changed.reference and changed.reference != original.reference
    assert changed.sign_offs.exists()  # through the normal sign-off workflow
    assert changed.subject_to_call_in is False
    assert changed.call_in_state == CallInState.NOT_SUBJECT
    assert changed.not_subject_reason == "A decision reconsidered after call-in cannot be called in again"
    assert changed.effective_from == published_on
    assert states(referred_back) == (Status.CLOSED, CallInState.REPLACED, None)
    assert referred_back.reconsideration == Reconsideration.CHANGED
    assert referred_back.reconsidered_on == published_on
    assert call_in_status(referred_back.decision, published_on).label == "Replaced"


def test_every_step_leaves_an_event_CALL_1(referred_back, decision_maker):
    with on(MEETING_DAY):
        services.confirm_decision(referred_back, actor=decision_maker, on=MEETING_DAY)
    actions = list(referred_back.events.values_list("action", flat=True))
    assert actions == ["create", "rule_met", "validate", "schedule", "refer_back", "confirm"]
    decision_history = list(referred_back.decision.events.filter(action="call_in").values_list("comment", flat=True))
    assert len(decision_history) == 4  # requested, called in, referred back, confirmed


def test_history_is_append_only_CALL_1(requested):
    event = requested.events.first()
    event.comment = "Rewritten"
    with pytest.raises(ValidationError, match="append-only"):
        event.save()
    with pytest.raises(ValidationError, match="append-only"):
        CallInEvent.objects.get(pk=event.pk).delete()


def test_a_second_click_on_validate_is_refused_CALL_1(called_in, democratic_support):
    # Who may answers the state too (as every kind's services do): the shared action view sends
    # a second click back to the record with a message.
    with pytest.raises(PermissionDenied):
        services.validate(called_in, actor=democratic_support)


def test_decision_stays_frozen_apart_from_its_call_in_state_CALL_1(called_in):
    from records.models import FrozenRecord

    decision = called_in.decision
    decision.refresh_from_db()
    decision.title = "Changed after call-in"
    with pytest.raises(FrozenRecord):
        decision.save()


def test_validation_is_democratic_supports_CALL_1(requested, scrutiny_chair):
    with pytest.raises(PermissionDenied):
        services.validate(requested, actor=scrutiny_chair)


def test_outcome_stays_with_the_decision_published(called_in):
    assert called_in.decision.status == DecisionStatus.PUBLISHED


def test_closed_call_in_takes_no_more_names_CALL_1(requested, democratic_support, members):
    from django.utils import timezone

    from callin.models import CallInSignatory, ClosedCallIn

    with on(TUESDAY):
        services.reject(requested, actor=democratic_support, reason="The reasons do not concern the decision.")
    with pytest.raises(ClosedCallIn):
        CallInSignatory.objects.create(call_in=requested, councillor=members[0], added_at=timezone.now())
    requested.refresh_from_db()
    requested.reasons = "Rewritten after rejection"
    with pytest.raises(ClosedCallIn):
        requested.save()


def test_confirmation_is_refused_while_a_changed_decision_is_being_taken_CALL_1(referred_back, decision_maker, cast):
    with on(MEETING_DAY):
        changed = services.start_changed_decision(referred_back, actor=decision_maker)
        with pytest.raises(ValidationError, match="A changed decision is already being taken"):
            services.confirm_decision(referred_back, actor=decision_maker, on=MEETING_DAY)
    assert states(referred_back)[:2] == (Status.REFERRED_BACK, CallInState.REFERRED_BACK)
    # Once the changed draft is withdrawn, the decision maker may confirm the original after all.
    advance(changed, DecisionStatus.WITHDRAWN, cast)
    with on(MEETING_DAY):
        services.confirm_decision(referred_back, actor=decision_maker, on=MEETING_DAY)
    assert states(referred_back)[:2] == (Status.CLOSED, CallInState.EFFECTIVE)
