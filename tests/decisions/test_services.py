"""Doing things to decision records (decisions.services): effects, the event history, codes, email."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from council.models import Department, YearlySequence
from decisions import rules, rules_signing, services
from decisions.models import ChairAgreement, Event, Status, today
from decisions.workflow import Action, TransitionNotAllowed
from records.models import FrozenRecord
from tests.decisions.factories import (
    Cast,
    DecisionFactory,
    advance,
    agree_all,
    issue_all_sign_offs,
)


def clock(year, month, day, hour=10):
    """Stop the clock at a moment (UTC) for everything that reads django.utils.timezone.now."""
    moment = datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def department(slug):
    return Department.objects.get(slug=slug)


def issue(decision, slug, typed_code=""):
    cast = Cast()
    dep = department(slug)
    return services.issue_sign_off_code(decision, actor=cast.reviewer_for(dep), department=dep, typed_code=typed_code)


def history(decision):
    return [(e.actor_name, e.action, e.from_status, e.to_status) for e in decision.events.order_by("at", "pk")]


# — authoring and the event history ------------------------------------------------------------


def test_start_decision_records_who_started_it(officer):
    decision = services.start_decision(actor=officer)
    assert decision.status == Status.DRAFT and decision.author == officer
    assert history(decision) == [("Olive Officer", Action.CREATE, "", Status.DRAFT)]


def test_start_decision_refused_for_someone_who_is_not_an_officer(finance_reviewer):
    with pytest.raises(PermissionDenied):
        services.start_decision(actor=finance_reviewer)


def test_save_edits_records_what_changed(officer):
    decision = services.start_decision(actor=officer)
    decision.title = "Direct award"
    services.save_edits(decision, actor=officer, fields=["title"])
    event = decision.events.get(action=Action.EDIT)
    assert event.comment == "Changed title of decision"
    assert (event.from_status, event.to_status) == (Status.DRAFT, Status.DRAFT)


def test_save_edits_without_a_change_records_nothing(officer):
    decision = DecisionFactory(author=officer)
    services.save_edits(decision, actor=officer, fields=["title"])
    assert not decision.events.exists()


def test_save_edits_refuses_workflow_fields(officer):
    decision = DecisionFactory(author=officer)
    decision.status = Status.PUBLISHED
    decision.reference = "COD99 21/22"
    with pytest.raises(ValueError, match="Not editable by the author: reference, status"):
        services.save_edits(decision, actor=officer, fields=["status", "reference"])
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT and decision.reference == ""


def test_save_edits_refused_for_someone_else(officer, other_officer):
    decision = DecisionFactory(author=officer)
    decision.title = "Mine now"
    with pytest.raises(PermissionDenied):
        services.save_edits(decision, actor=other_officer, fields=["title"])


def test_every_transition_is_in_the_history_with_who_from_to_and_comment(officer, decision_maker, scrutiny_chair):
    decision = DecisionFactory(author=officer, urgent=True)
    services.submit_for_sign_off(decision, actor=officer)
    services.return_to_author(decision, actor=Cast().finance_reviewer, comment="Add the cost centre.")
    services.submit_for_sign_off(decision, actor=officer)
    issue_all_sign_offs(decision)
    services.agree_urgency(decision, actor=scrutiny_chair, comment="Agreed.")
    services.sign_decision(decision, actor=decision_maker)
    services.publish_decision(decision, actor=Cast().democratic_support)
    rows = history(decision)
    assert rows == [
        ("Olive Officer", Action.SUBMIT, Status.DRAFT, Status.IN_SIGN_OFF),
        ("Olive Officer", Action.REQUEST_AGREEMENT, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Dan Norris", Action.RETURN, Status.IN_SIGN_OFF, Status.DRAFT),
        ("Olive Officer", Action.SUBMIT, Status.DRAFT, Status.IN_SIGN_OFF),
        ("Olive Officer", Action.REQUEST_AGREEMENT, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Della Support", Action.ISSUE_SIGN_OFF, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Dan Norris", Action.ISSUE_SIGN_OFF, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Lee Gall", Action.ISSUE_SIGN_OFF, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Councillor Jemima Laing", Action.AGREE_URGENCY, Status.IN_SIGN_OFF, Status.IN_SIGN_OFF),
        ("Councillor Jemima Laing", Action.SEND_TO_DECISION_MAKER, Status.IN_SIGN_OFF, Status.AWAITING_DECISION),
        ("Dana Director", Action.SIGN, Status.AWAITING_DECISION, Status.DECIDED),
        ("Della Support", Action.PUBLISH, Status.DECIDED, Status.PUBLISHED),
    ]
    assert decision.events.get(action=Action.RETURN).comment == "Add the cost centre."
    assert decision.events.filter(action=Action.ISSUE_SIGN_OFF).first().comment.startswith("Democratic Support: DS")


def test_events_refuse_to_be_saved_again(officer):
    event = services.start_decision(actor=officer).events.get()
    event.comment = "rewritten"
    with pytest.raises(ValidationError, match="append-only"):
        event.save()


def test_events_refuse_to_be_deleted(officer):
    event = services.start_decision(actor=officer).events.get()
    with pytest.raises(ValidationError, match="append-only"):
        event.delete()
    assert Event.objects.filter(pk=event.pk).exists()


def test_add_consultation_refuses_a_future_date(officer):
    from council.models import CabinetPortfolio

    decision = DecisionFactory(author=officer)
    with pytest.raises(ValidationError):
        services.add_consultation(
            decision,
            actor=officer,
            portfolio=CabinetPortfolio.objects.first(),
            consulted_on=today() + datetime.timedelta(days=1),
        )


# — references ---------------------------------------------------------------------------------


def test_reference_allocated_on_first_submission(officer):
    with clock(2021, 7, 1):
        decision = DecisionFactory(author=officer)
        assert decision.reference == ""
        submitted = services.submit_for_sign_off(decision, actor=officer)
    assert submitted.reference == "COD01 21/22"
    assert submitted.reference_slug == "cod01-21-22"


def test_reference_numbers_follow_the_municipal_year(officer):
    with clock(2022, 3, 31):
        march = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    with clock(2022, 4, 1):
        april = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    assert (march.reference, april.reference) == ("COD01 21/22", "COD01 22/23")


def test_reference_kept_on_resubmission(officer, finance_reviewer):
    decision = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    services.return_to_author(decision, actor=finance_reviewer, comment="Please check the amount.")
    again = services.submit_for_sign_off(decision, actor=officer)
    assert again.reference == decision.reference == f"COD01 {decision.reference.split()[1]}"


def test_reference_of_a_withdrawn_record_is_never_reused(officer):
    first = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    services.withdraw_decision(first, actor=officer, comment="Superseded.")
    second = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    assert first.reference.startswith("COD01 ") and second.reference.startswith("COD02 ")


def test_reference_continues_after_an_imported_counter(officer):
    year = today().year if today().month >= 4 else today().year - 1
    YearlySequence.objects.create(key="COD", start_year=year, last_value=41)
    decision = services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    assert decision.reference.startswith("COD42 ")


# — sign-off codes -----------------------------------------------------------------------------


def test_finance_code_is_initials_year_and_sequence_per_municipal_year(officer):
    with clock(2021, 7, 14):
        first = issue(advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF), "finance")
        second = issue(advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF), "finance")
    with clock(2022, 4, 2):
        next_year = issue(advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF), "finance")
    assert [first.code, second.code, next_year.code] == ["djn.21.22.1", "djn.21.22.2", "djn.22.23.1"]


def test_democratic_support_code_is_ds_sequence_and_year(officer):
    with clock(2021, 7, 14):
        sign_off = issue(advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF), "democratic-support")
    assert sign_off.code == "DS01 21/22"


def test_hr_code_is_month_year_initials_and_unique_twice_in_a_month(officer):
    with clock(2021, 7, 14):
        first = issue(
            advance(DecisionFactory(author=officer, applicable=["human-resources"]), Status.IN_SIGN_OFF),
            "human-resources",
        )
        second = issue(
            advance(DecisionFactory(author=officer, applicable=["human-resources"]), Status.IN_SIGN_OFF),
            "human-resources",
        )
    assert first.code == "721KAB"
    assert second.code != first.code and second.code.startswith("721KAB")


def test_procurement_code_has_directorate_sequence_initials_and_month(officer):
    with clock(2021, 7, 14):
        sign_off = issue(
            advance(DecisionFactory(author=officer, applicable=["procurement"]), Status.IN_SIGN_OFF), "procurement"
        )
    assert sign_off.code == "PB/CYP/001/ED/0721"


def test_seed_counters_make_the_next_codes_follow_the_seed(officer):
    """After an import sets the 2021 counters to the seed's numbers, new codes continue from them."""
    for key, value in [("sign-off:finance", 53), ("sign-off:democratic-support", 20), ("sign-off:procurement", 6)]:
        YearlySequence.objects.create(key=key, start_year=2021, last_value=value)
    with clock(2021, 7, 20):
        decision = advance(DecisionFactory(author=officer, applicable=["procurement"]), Status.IN_SIGN_OFF)
        codes = [issue(decision, slug).code for slug in ("finance", "democratic-support", "procurement")]
    assert codes == ["djn.21.22.54", "DS21 21/22", "PB/CYP/007/ED/0721"]


def test_legal_code_is_typed_by_the_reviewer(officer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    assert issue(decision, "legal", typed_code=" MS/36955 ").code == "MS/36955"


def test_legal_code_is_required(officer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError) as error:
        issue(decision, "legal", typed_code="  ")
    assert "code" in error.value.message_dict


def test_typed_code_is_unique_per_department(officer):
    first = advance(DecisionFactory(author=officer, applicable=["corporate-property"]), Status.IN_SIGN_OFF)
    second = advance(DecisionFactory(author=officer, applicable=["corporate-property"]), Status.IN_SIGN_OFF)
    issue(first, "legal", typed_code="MS/36955")
    with pytest.raises(ValidationError, match="already issued the code MS/36955"):
        issue(second, "legal", typed_code="MS/36955")
    # Another department numbers its own files: the same text is its own code.
    assert issue(second, "corporate-property", typed_code="MS/36955").code == "MS/36955"


def test_sign_off_for_another_department_is_refused(officer, finance_reviewer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    with pytest.raises(PermissionDenied):
        services.issue_sign_off_code(decision, actor=finance_reviewer, department=department("legal"), typed_code="x")


def test_second_sign_off_on_the_same_version_is_refused_SIGNOFF_1(officer):
    """SIGNOFF-1: one current code per department per version."""
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(decision, "finance")
    with pytest.raises(TransitionNotAllowed, match="already signed off"):
        issue(decision, "finance")


def test_sign_off_records_who_issued_it_and_when(officer, finance_reviewer):
    with clock(2021, 7, 14, hour=9):
        decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
        sign_off = issue(decision, "finance")
    assert sign_off.issued_by == finance_reviewer
    assert sign_off.issued_at == datetime.datetime(2021, 7, 14, 9, tzinfo=datetime.UTC)
    assert sign_off.content_version == decision.content_version


def test_edit_after_sign_off_makes_it_stale_until_issued_again_SIGNOFF_1(officer):
    """SIGNOFF-1: an edit after sign-off: the record cannot reach the decision maker until re-issued."""
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(decision, "finance")
    issue(decision, "legal", typed_code="LS/1")
    decision.refresh_from_db()
    decision.revenue_amount += 1000
    services.save_edits(decision, actor=officer, fields=["revenue_amount"])
    issue(decision, "democratic-support")
    decision.refresh_from_db()
    assert decision.status == Status.IN_SIGN_OFF
    assert [p.message for p in rules.sign_off_gaps(decision)] == [
        "The Finance sign-off is out of date after an edit",
        "The Legal sign-off is out of date after an edit",
    ]
    issue(decision, "finance")
    issue(decision, "legal", typed_code="LS/2")
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION


def test_edit_in_a_draft_before_submission_keeps_the_version(officer):
    decision = DecisionFactory(author=officer)
    decision.title = "Changed"
    services.save_edits(decision, actor=officer, fields=["title"])
    decision.refresh_from_db()
    assert decision.content_version == 1


def test_changing_applicable_departments_is_an_edit(officer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    services.save_edits(decision, actor=officer, fields=[], m2m={"applicable_departments": [department("procurement")]})
    decision.refresh_from_db()
    assert decision.content_version == 2
    assert "The Procurement sign-off has not been given" in [p.message for p in rules.sign_off_gaps(decision)]


# — moving on to the decision maker -----------------------------------------------------------


def test_record_moves_to_the_decision_maker_when_the_last_sign_off_is_issued(officer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(decision, "democratic-support")
    issue(decision, "finance")
    decision.refresh_from_db()
    assert decision.status == Status.IN_SIGN_OFF
    issue(decision, "legal", typed_code="LS/9")
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION
    event = decision.events.get(action=Action.SEND_TO_DECISION_MAKER)
    assert (event.from_status, event.to_status) == (Status.IN_SIGN_OFF, Status.AWAITING_DECISION)


def test_urgent_record_waits_for_the_chair_after_every_sign_off_CALL_2(officer):
    """CALL-2: the chair's agreement is the last thing the urgent record waits for."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    issue_all_sign_offs(decision)
    decision.refresh_from_db()
    assert decision.status == Status.IN_SIGN_OFF
    agree_all(decision)
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION


def test_submission_asks_the_committees_chair_CALL_2(officer, scrutiny_chair):
    """CALL-2: submitting an urgent record asks the scrutiny committee's chair to agree."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    agreement = decision.chair_agreements.get()
    assert agreement.kind == ChairAgreement.Kind.CALL_IN_WAIVER
    assert agreement.chair == scrutiny_chair and agreement.status == ChairAgreement.Outcome.REQUESTED
    assert agreement.chair_name == "Councillor Jemima Laing"


def test_chair_agrees_in_the_system_CALL_2(officer, scrutiny_chair):
    """CALL-2: the chair's agreement is dated and says how it was given."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    services.agree_urgency(decision, actor=scrutiny_chair, comment="Agreed: cannot wait.")
    agreement = decision.chair_agreements.get()
    assert agreement.status == ChairAgreement.Outcome.AGREED
    assert agreement.how == ChairAgreement.How.IN_SYSTEM and agreement.responded_on == today()
    assert agreement.display == "Councillor Jemima Laing (agreed in this system)"


def test_chair_declines_and_the_record_goes_back_to_the_author_CALL_2(officer, scrutiny_chair):
    """CALL-2: a declined urgency returns the record to its author with the chair's reasons."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    services.decline_urgency(decision, actor=scrutiny_chair, comment="This can wait for the Forward Plan.")
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT
    assert decision.chair_agreements.get().status == ChairAgreement.Outcome.DECLINED
    event = decision.events.get(action=Action.DECLINE_URGENCY)
    assert event.comment == "This can wait for the Forward Plan."


def test_chair_must_say_why_they_decline(officer, scrutiny_chair):
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError):
        services.decline_urgency(decision, actor=scrutiny_chair, comment=" ")


def test_someone_who_is_not_the_chair_cannot_agree(officer, cabinet_member):
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    with pytest.raises(PermissionDenied):
        services.agree_urgency(decision, actor=cabinet_member)


def test_democratic_support_records_agreement_via_email_CALL_2(officer, democratic_support):
    """CALL-2: "Councillor Laing (agreed via email)", with its date and evidence, recorded by Democratic Support."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    issue_all_sign_offs(decision)
    agreed_on = today() - datetime.timedelta(days=1)
    agreement = services.record_chair_agreement(
        decision,
        actor=democratic_support,
        kind=ChairAgreement.Kind.CALL_IN_WAIVER,
        agreed_on=agreed_on,
        how=ChairAgreement.How.EMAIL,
        evidence="Email from Cllr Laing to Democratic Support, subject 'Urgent decision'",
    )
    assert agreement.display == "Councillor Jemima Laing (agreed via email)"
    assert agreement.responded_on == agreed_on and agreement.recorded_by == democratic_support
    assert "Email from Cllr Laing" in agreement.evidence
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION
    assert decision.events.get(action=Action.RECORD_AGREEMENT).actor == democratic_support


def test_recorded_agreement_cannot_overwrite_the_chairs_answer_CALL_2(officer, scrutiny_chair, democratic_support):
    """An agreement the chair gave in the system is not replaced by one recorded later."""
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    services.agree_urgency(decision, actor=scrutiny_chair, comment="Agreed.")
    with pytest.raises(ValidationError, match="already answered"):
        services.record_chair_agreement(
            decision,
            actor=democratic_support,
            kind=ChairAgreement.Kind.CALL_IN_WAIVER,
            agreed_on=today(),
            how=ChairAgreement.How.EMAIL,
            evidence="An email",
        )
    assert decision.chair_agreements.get().how == ChairAgreement.How.IN_SYSTEM


@pytest.mark.parametrize(
    "agreed_on,how,evidence,field",
    [
        (None, "email", "An email", "agreed_on"),
        ("tomorrow", "email", "An email", "agreed_on"),
        ("today", "email", " ", "evidence"),
        ("today", "in_system", "An email", "how"),
    ],
)
def test_recorded_agreement_needs_a_past_date_evidence_and_how(
    officer, democratic_support, agreed_on, how, evidence, field
):
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    day = {None: None, "today": today(), "tomorrow": today() + datetime.timedelta(days=1)}[agreed_on]
    with pytest.raises(ValidationError) as error:
        services.record_chair_agreement(
            decision,
            actor=democratic_support,
            kind=ChairAgreement.Kind.CALL_IN_WAIVER,
            agreed_on=day,
            how=how,
            evidence=evidence,
        )
    assert field in error.value.message_dict


def test_only_democratic_support_records_an_agreement(officer, finance_reviewer):
    decision = advance(DecisionFactory(author=officer, urgent=True), Status.IN_SIGN_OFF)
    with pytest.raises(PermissionDenied):
        services.record_chair_agreement(
            decision,
            actor=finance_reviewer,
            kind=ChairAgreement.Kind.CALL_IN_WAIVER,
            agreed_on=today(),
            how=ChairAgreement.How.EMAIL,
            evidence="x",
        )


# — returning, signing, publishing, withdrawing ------------------------------------------------


def test_return_to_author_needs_a_comment(officer, finance_reviewer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError):
        services.return_to_author(decision, actor=finance_reviewer, comment="")


def test_return_to_author_from_the_decision_maker(officer, decision_maker):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    services.return_to_author(decision, actor=decision_maker, comment="Say more about the exit plan.")
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT
    event = decision.events.get(action=Action.RETURN)
    assert (event.actor, event.from_status, event.to_status, event.comment) == (
        decision_maker,
        Status.AWAITING_DECISION,
        Status.DRAFT,
        "Say more about the exit plan.",
    )


def test_sign_fixes_the_date_of_decision_to_today_EXEC_10(officer, decision_maker):
    """EXEC-10: signing is the decision; its date is the day of signing (Europe/London)."""
    with clock(2021, 6, 30, hour=23):  # 00:00 on 1 July in Plymouth
        decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
        signed = services.sign_decision(decision, actor=decision_maker)
    assert signed.decided_on == datetime.date(2021, 7, 1)
    assert signed.signed_at == datetime.datetime(2021, 6, 30, 23, tzinfo=datetime.UTC)
    assert signed.decision_maker_name == "Dana Director"
    assert signed.cmt_member_name == "Dana Director"
    assert signed.declaration == services.DECLARATION


def test_sign_freezes_the_record_FROZEN_1(officer, decision_maker):
    """FROZEN-1: once signed, the record is frozen."""
    decision = services.sign_decision(
        advance(DecisionFactory(author=officer), Status.AWAITING_DECISION), actor=decision_maker
    )
    assert decision.is_frozen
    decision.amount = 1
    with pytest.raises(FrozenRecord):
        decision.save()


def test_a_record_that_withholds_information_is_signed_only_with_its_classification_confirmed_EXEC_13(
    officer, decision_maker
):
    """EXEC-13: the decision maker confirms the classification of what the public version withholds (here
    the Part II report, an exempt appendix and an exempt background paper); the record keeps the words."""
    decision = advance(DecisionFactory(author=officer, exempt=True), Status.AWAITING_DECISION)
    with pytest.raises(ValidationError) as refused:
        services.sign_decision(decision, actor=decision_maker)
    assert refused.value.message_dict == {"confirm_exemptions": [rules_signing.EXEMPTION_CONFIRMATION_REQUIRED]}
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION and not decision.declaration
    signed = services.sign_decision(decision, actor=decision_maker, exemptions_confirmed=True)
    assert signed.status == Status.DECIDED
    assert signed.declaration == f"{services.DECLARATION}\n\n{rules_signing.EXEMPTION_CONFIRMATION}"


def test_a_record_that_withholds_nothing_asks_no_classification_EXEC_13(officer, decision_maker):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    assert services.sign_decision(decision, actor=decision_maker).declaration == services.DECLARATION


def test_second_signature_is_refused(officer, decision_maker):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    services.sign_decision(decision, actor=decision_maker)
    with pytest.raises(PermissionDenied):
        services.sign_decision(decision, actor=decision_maker)


def test_only_the_records_decision_maker_signs(officer, democratic_support):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    with pytest.raises(PermissionDenied):
        services.sign_decision(decision, actor=democratic_support)


def test_publish_puts_the_record_on_the_register(officer, democratic_support):
    decision = advance(DecisionFactory(author=officer), Status.DECIDED)
    with clock(2030, 1, 2):
        published = services.publish_decision(decision, actor=democratic_support)
    assert published.status == Status.PUBLISHED
    assert published.published_at == datetime.datetime(2030, 1, 2, 10, tzinfo=datetime.UTC)
    assert type(decision).objects.published().get() == decision
    assert published.events.last().action == Action.PUBLISH


def test_publish_before_the_decision_is_refused(officer, democratic_support):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    with pytest.raises(PermissionDenied):
        services.publish_decision(decision, actor=democratic_support)


def test_withdraw_records_the_reason(officer):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    services.withdraw_decision(decision, actor=officer, comment="Funding fell through.")
    decision.refresh_from_db()
    assert decision.status == Status.WITHDRAWN
    assert decision.events.last().comment == "Funding fell through."


def test_withdraw_needs_a_reason(officer):
    with pytest.raises(ValidationError):
        services.withdraw_decision(DecisionFactory(author=officer), actor=officer, comment="")


def test_withdraw_after_the_decision_is_refused(officer):
    decision = advance(DecisionFactory(author=officer), Status.DECIDED)
    with pytest.raises(PermissionDenied):
        services.withdraw_decision(decision, actor=officer, comment="Too late.")


def test_awaiting_sign_off_by_lists_records_without_a_current_code(officer):
    from decisions.models import Decision

    waiting = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    done = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(done, "finance")
    assert list(Decision.objects.awaiting_sign_off_by(department("finance"))) == [waiting]
    assert set(Decision.objects.awaiting_sign_off_by(department("legal"))) == {waiting, done}
    assert not Decision.objects.awaiting_sign_off_by(department("human-resources")).exists()


# — email, after commit -------------------------------------------------------------------------


def recipients(mailoutbox):
    return [(m.subject.split(":")[0], sorted(m.to)) for m in mailoutbox]


def test_no_email_before_the_transaction_commits(officer, django_capture_on_commit_callbacks, mailoutbox):
    Cast().finance_reviewer  # noqa: B018
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    assert callbacks and mailoutbox == []


def test_submission_emails_each_departments_reviewers(officer, django_capture_on_commit_callbacks, mailoutbox):
    cast = Cast()
    cast.finance_reviewer, cast.legal_reviewer, cast.democratic_support  # noqa: B018
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_for_sign_off(DecisionFactory(author=officer), actor=officer)
    assert recipients(mailoutbox) == [
        ("Sign-off needed", ["democratic.support@council.example"]),
        ("Sign-off needed", ["finance@council.example"]),
        ("Sign-off needed", ["legal@council.example"]),
    ]


def test_urgent_submission_emails_the_chair(officer, scrutiny_chair, django_capture_on_commit_callbacks, mailoutbox):
    decision = DecisionFactory(author=officer, urgent=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_for_sign_off(decision, actor=officer)
    assert ("Your agreement is needed", ["chair@council.example"]) in recipients(mailoutbox)


def test_ready_record_emails_the_decision_maker(officer, django_capture_on_commit_callbacks, mailoutbox):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(decision, "democratic-support")
    issue(decision, "finance")
    with django_capture_on_commit_callbacks(execute=True):
        issue(decision, "legal", typed_code="LS/77")
    assert recipients(mailoutbox) == [("Ready for your decision", ["decision.maker@council.example"])]
    assert f"/decisions/records/{decision.pk}/" in mailoutbox[0].body


def test_returned_record_emails_the_author(officer, finance_reviewer, django_capture_on_commit_callbacks, mailoutbox):
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_to_author(decision, actor=finance_reviewer, comment="Add the cost centre.")
    assert recipients(mailoutbox) == [("Returned to you", ["officer@council.example"])]
    assert "Add the cost centre." in mailoutbox[0].body


def test_decided_record_emails_the_author(officer, decision_maker, django_capture_on_commit_callbacks, mailoutbox):
    decision = advance(DecisionFactory(author=officer), Status.AWAITING_DECISION)
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_decision(decision, actor=decision_maker)
    assert recipients(mailoutbox) == [("Decided", ["officer@council.example"])]


def test_edit_after_sign_off_asks_the_department_again_SIGNOFF_1(
    officer, django_capture_on_commit_callbacks, mailoutbox
):
    """SIGNOFF-1: the department whose code went stale is told."""
    decision = advance(DecisionFactory(author=officer), Status.IN_SIGN_OFF)
    issue(decision, "finance")
    decision.refresh_from_db()
    decision.title = "Changed after Finance looked"
    with django_capture_on_commit_callbacks(execute=True):
        services.save_edits(decision, actor=officer, fields=["title"])
    assert recipients(mailoutbox) == [("Sign-off needed", ["finance@council.example"])]
