"""EXEC-7 (reg 11): who may agree special urgency, in what order, and why; and that the chair's
two agreements (special urgency, the call-in waiver) are separate answers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from council.models import Committee, CouncilSettings
from decisions import rules, services
from decisions.models import ChairAgreement, Status, today
from decisions.workflow import Action
from tests.decisions.factories import Cast, DecisionFactory, advance, education_committee, issue_all_sign_offs
from tests.factories import UserFactory

AgreedAs = ChairAgreement.AgreedAs
SPECIAL = ChairAgreement.Kind.SPECIAL_URGENCY
WAIVER = ChairAgreement.Kind.CALL_IN_WAIVER


def special_urgency_decision(**fields):
    """A key decision on the special urgency route, submitted: the scrutiny chair is asked (EXEC-7)."""
    fields.setdefault("scrutiny_committee", education_committee(Cast()))
    decision = DecisionFactory(key=True, plan_item=None, key_decision_route="special_urgency", **fields)
    decision = advance(decision, Status.IN_SIGN_OFF)
    issue_all_sign_offs(decision)
    return decision


@pytest.fixture
def council_chairs(db):
    """The chair and vice-chair of the council, and a councillor who holds neither role."""
    chair = UserFactory(username="council.chair", honorific="Councillor", first_name="Pat", last_name="Trelawny")
    vice = UserFactory(username="council.vice", honorific="Councillor", first_name="Rosa", last_name="Penrose")
    member = UserFactory(username="ordinary.member", honorific="Councillor", first_name="Ned", last_name="Member")
    council = CouncilSettings.load()
    council.chair_of_council, council.vice_chair_of_council = chair, vice
    council.save()
    return chair, vice, member


def record(decision, actor, **agreer):
    return services.record_chair_agreement(
        decision,
        actor=actor,
        kind=SPECIAL,
        agreed_on=today() - datetime.timedelta(days=1),
        how=ChairAgreement.How.EMAIL,
        evidence="Email to Democratic Support, 'Special urgency: COD', 9:14",
        **agreer,
    )


def test_council_chair_with_the_scrutiny_chair_unable_is_accepted_EXEC_7(
    officer, scrutiny_chair, democratic_support, council_chairs
):
    chair, _vice, _member = council_chairs
    decision = special_urgency_decision(author=officer, urgent=True)
    agreement = record(
        decision,
        democratic_support,
        agreer=chair,
        agreed_as=AgreedAs.COUNCIL_CHAIR,
        scrutiny_chair_unable="on leave",
        reasons="The contract ends on Friday and children would be left without a social worker.",
    )
    agreement.refresh_from_db()
    assert agreement.is_agreed and agreement.chair == chair and agreement.agreed_as == AgreedAs.COUNCIL_CHAIR
    committee = Committee.objects.get(pk=decision.scrutiny_committee_id)
    assert agreement.agreed_by == (
        f"Councillor Pat Trelawny, Chair of the Council (the chair of the {committee.name} was unable to act: on leave)"
    )
    # The call-in waiver is the scrutiny chair's own question, still waiting for them.
    assert decision.chair_agreements.get(kind=WAIVER).chair == scrutiny_chair
    services.agree_urgency(decision, actor=scrutiny_chair, comment="Agreed")
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION


def test_ordinary_member_is_refused_EXEC_7(officer, democratic_support, council_chairs):
    _chair, _vice, member = council_chairs
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError) as error:
        record(
            decision,
            democratic_support,
            agreer=member,
            agreed_as=AgreedAs.COUNCIL_CHAIR,
            scrutiny_chair_unable="on leave",
            reasons="It cannot wait.",
        )
    assert "is not the Chair of the Council" in str(error.value.message_dict["agreed_as"])
    assert not decision.chair_agreements.get(kind=SPECIAL).is_agreed


def test_scrutiny_chair_agreement_recorded_by_someone_else_is_refused_EXEC_7(
    officer, democratic_support, council_chairs
):
    """An agreer recorded as the scrutiny chair must be that committee's chair."""
    _chair, vice, _member = council_chairs
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError, match="is not the Chair of the overview and scrutiny committee"):
        record(decision, democratic_support, agreer=vice, agreed_as=AgreedAs.SCRUTINY_CHAIR, reasons="It cannot wait.")


def test_vice_chair_without_both_others_unable_is_refused_EXEC_7(officer, democratic_support, council_chairs):
    _chair, vice, _member = council_chairs
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError) as error:
        record(
            decision,
            democratic_support,
            agreer=vice,
            agreed_as=AgreedAs.COUNCIL_VICE_CHAIR,
            scrutiny_chair_unable="on leave",
            reasons="It cannot wait.",
        )
    assert set(error.value.message_dict) == {"council_chair_unable"}
    agreement = record(
        decision,
        democratic_support,
        agreer=vice,
        agreed_as=AgreedAs.COUNCIL_VICE_CHAIR,
        scrutiny_chair_unable="on leave",
        council_chair_unable="abroad on council business",
        reasons="It cannot wait.",
    )
    assert agreement.agreed_by.startswith("Councillor Rosa Penrose, Vice-Chair of the Council (the chair of the ")
    assert agreement.agreed_by.endswith("; the Chair of the Council was unable to act: abroad on council business)")


def test_council_chair_without_the_scrutiny_chair_unable_is_refused_EXEC_7(officer, democratic_support, council_chairs):
    chair, _vice, _member = council_chairs
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError) as error:
        record(decision, democratic_support, agreer=chair, agreed_as=AgreedAs.COUNCIL_CHAIR, reasons="It cannot wait.")
    assert set(error.value.message_dict) == {"scrutiny_chair_unable"}


def test_scrutiny_chair_needs_no_others_unable_but_reasons_EXEC_7(officer, scrutiny_chair, democratic_support):
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError) as error:
        record(decision, democratic_support, agreed_as=AgreedAs.SCRUTINY_CHAIR, reasons=" ")
    assert set(error.value.message_dict) == {"reasons"}
    agreement = record(decision, democratic_support, agreed_as=AgreedAs.SCRUTINY_CHAIR, reasons="It cannot wait.")
    assert agreement.chair == scrutiny_chair and agreement.scrutiny_chair_unable == ""
    assert agreement.agreed_by == f"Councillor Jemima Laing, Chair of the {agreement.committee.name}"


def test_no_council_chair_recorded_is_refused_EXEC_7(officer, democratic_support, council_chairs):
    _chair, _vice, member = council_chairs
    council = CouncilSettings.load()
    council.chair_of_council = None
    council.save()
    decision = special_urgency_decision(author=officer)
    with pytest.raises(ValidationError, match="Nobody is recorded as the Chair of the Council"):
        record(
            decision,
            democratic_support,
            agreed_as=AgreedAs.COUNCIL_CHAIR,
            scrutiny_chair_unable="on leave",
            reasons="It cannot wait.",
        )


def test_chair_agrees_special_urgency_and_refuses_the_call_in_waiver_EXEC_7_CALL_2(officer, scrutiny_chair):
    decision = special_urgency_decision(author=officer, urgent=True)
    services.answer_urgency(
        decision, actor=scrutiny_chair, agreed=[SPECIAL], declined=[WAIVER], comment="Urgent, but call-in stays."
    )
    decision.refresh_from_db()
    agreements = {a.kind: a for a in decision.chair_agreements.all()}
    assert agreements[SPECIAL].is_agreed and agreements[SPECIAL].reasons == "Urgent, but call-in stays."
    assert agreements[WAIVER].status == ChairAgreement.Outcome.DECLINED
    assert decision.status == Status.DRAFT
    assert decision.events.filter(action=Action.AGREE_URGENCY).exists()


def test_chair_agrees_the_call_in_waiver_and_refuses_special_urgency_EXEC_7_CALL_2(officer, scrutiny_chair):
    decision = special_urgency_decision(author=officer, urgent=True)
    services.answer_urgency(
        decision, actor=scrutiny_chair, agreed=[WAIVER], declined=[SPECIAL], comment="This can wait 5 clear days."
    )
    decision.refresh_from_db()
    agreements = {a.kind: a for a in decision.chair_agreements.all()}
    assert agreements[WAIVER].is_agreed and agreements[SPECIAL].status == ChairAgreement.Outcome.DECLINED
    assert decision.status == Status.DRAFT


def test_chair_answers_each_agreement_on_the_page_EXEC_7_CALL_2(client, officer, scrutiny_chair):
    decision = special_urgency_decision(author=officer, urgent=True)
    client.force_login(scrutiny_chair)
    url = reverse("decisions:urgency", kwargs={"pk": decision.pk})
    page = client.get(url)
    assert f'name="response_{SPECIAL}"' in page.text and f'name="response_{WAIVER}"' in page.text
    refused = client.post(url, {f"response_{SPECIAL}": "agree", f"response_{WAIVER}": "decline", "comment": ""})
    assert refused.status_code == 200 and "Explain why you do not agree" in refused.text
    client.post(
        url, {f"response_{SPECIAL}": "agree", f"response_{WAIVER}": "decline", "comment": "Call-in stays open."}
    )
    agreements = {a.kind: a for a in decision.chair_agreements.all()}
    assert agreements[SPECIAL].is_agreed and agreements[WAIVER].status == ChairAgreement.Outcome.DECLINED


def test_in_system_agreement_keeps_the_authors_reason_EXEC_7(officer, scrutiny_chair):
    decision = special_urgency_decision(author=officer, urgent=True)
    services.agree_urgency(decision, actor=scrutiny_chair, comment="")
    agreement = decision.chair_agreements.get(kind=SPECIAL)
    assert agreement.is_agreed and agreement.reasons == decision.urgency_reason
    assert agreement.agreed_as == AgreedAs.SCRUTINY_CHAIR


def test_democratic_support_records_the_council_chairs_agreement_on_the_page_EXEC_7(
    client, officer, scrutiny_chair, democratic_support, council_chairs
):
    decision = special_urgency_decision(author=officer)
    client.force_login(democratic_support)
    url = reverse("decisions:record-agreement", kwargs={"pk": decision.pk})
    page = client.get(url)
    assert "Chair of the Council: Councillor Pat Trelawny" in page.text
    fields = {
        "kind": SPECIAL,
        "agreed_on_0": "1",
        "agreed_on_1": "1",
        "agreed_on_2": str(today().year - 1),
        "how": "email",
        "evidence": "Email from Cllr Trelawny",
        "agreed_as": AgreedAs.COUNCIL_CHAIR,
        "scrutiny_chair_unable": "",
        "reasons": "The contract ends on Friday.",
        "version": decision.content_version,
    }
    refused = client.post(url, fields)
    assert refused.status_code == 200
    assert "Say why the chair of the overview and scrutiny committee could not act" in refused.text
    assert "The contract ends on Friday." in refused.text  # the other answers are kept
    client.post(url, {**fields, "scrutiny_chair_unable": "on leave"})
    agreement = decision.chair_agreements.get(kind=SPECIAL)
    assert agreement.is_agreed and agreement.agreed_as == AgreedAs.COUNCIL_CHAIR
    record_page = client.get(reverse("decisions:record", kwargs={"pk": decision.pk}))
    assert "Councillor Pat Trelawny, Chair of the Council (the chair of the" in record_page.text
    assert "was unable to act: on leave" in record_page.text


def test_committee_without_a_chair_asks_the_chair_of_the_council_EXEC_7(
    officer, scrutiny_chair, democratic_support, council_chairs, mailoutbox, django_capture_on_commit_callbacks
):
    """ "Where there is none": special urgency alone goes to the Chair of the Council, who answers
    Democratic Support; the record says why without anyone typing it again."""
    chair, _vice, _member = council_chairs
    committee = education_committee(Cast())
    committee.chair = None
    committee.save()
    with django_capture_on_commit_callbacks(execute=True):
        decision = special_urgency_decision(author=officer, scrutiny_committee=committee)
    asked = decision.chair_agreements.get(kind=SPECIAL)
    assert asked.chair == chair and asked.agreed_as == AgreedAs.COUNCIL_CHAIR
    assert any(chair.email in m.to and "As Chair of the Council" in m.body for m in mailoutbox)
    agreement = record(decision, democratic_support, agreed_as=AgreedAs.COUNCIL_CHAIR, reasons="It cannot wait.")
    assert agreement.agreed_by.endswith("was unable to act: the committee has no chair)")
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION


def test_urgent_record_still_needs_the_committees_chair_CALL_2(officer, council_chairs):
    """The call-in waiver has no fallback: an urgent record's committee must have a chair."""
    committee = education_committee(Cast())
    committee.chair = None
    committee.save()
    decision = DecisionFactory(author=officer, urgent=True, scrutiny_committee=committee)
    assert any(p.field == "scrutiny_committee" for p in rules.urgency(decision))


def test_hostile_fallback_agreement_is_an_error_on_its_field_EXEC_7(
    client, officer, scrutiny_chair, democratic_support, council_chairs
):
    decision = special_urgency_decision(author=officer)
    client.force_login(democratic_support)
    url = reverse("decisions:record-agreement", kwargs={"pk": decision.pk})
    response = client.post(
        url,
        {
            "kind": SPECIAL,
            "agreed_on_0": "9" * 100,
            "agreed_on_1": "1",
            "agreed_on_2": "2026",
            "how": "email",
            "evidence": "a\x00b",
            "agreed_as": "99999999999999999999",
            "scrutiny_chair_unable": "x" * 100_000,
            "reasons": "x" * 100_000,
        },
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.text
    for message in (
        "must be a real date",
        "Null characters are not allowed",
        "Select a valid choice",
        "at most 2000 characters",
        "at most 5000 characters",
    ):
        assert message in response.text, message
    assert not decision.chair_agreements.get(kind=SPECIAL).is_agreed
