"""The demo records (decisions.demo): the seed record COD02 21/22 exactly as the council's form, and
three records in the current municipal year that give every role something to do."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from council.demo import DemoRefused
from council.models import YearlySequence
from decisions import demo, rules
from decisions.models import ChairAgreement, Decision, Event, SignOff, Status
from decisions.workflow import Action


@pytest.fixture
def loaded(demo_loaded, settings):
    settings.DEBUG = True
    return Decision.objects.get(reference="COD02 21/22")


def test_seed_record_is_published(loaded):
    assert loaded.status == Status.PUBLISHED and loaded.published_at is not None
    assert loaded.reference_slug == "cod02-21-22"


def test_seed_record_sections_1_to_4b(loaded):
    assert loaded.title == (
        "Urgent Decision: Direct Award for Managed Social Work Service in Children's Social Work, CYPFS for 6 months"
    )
    assert (loaded.decision_maker.username, loaded.decision_maker_name, loaded.decision_maker_job_title) == (
        "alison.botham",
        "Alison Botham",
        "Director of Children's Services",
    )
    assert (loaded.author.username, loaded.author_name, loaded.author_job_title) == (
        "jane.anstis",
        "Jane Anstis",
        "Head of Service Children's Social Work",
    )
    assert loaded.decision_to_be_taken == (
        "To direct award a contract for services to Innovate, to the value of £491,000."
    )
    assert loaded.original_delegation == "N/A"


def test_seed_record_reasons_keep_every_paragraph_with_extraction_fixed(loaded):
    paragraphs = loaded.reasons.split("\n\n")
    assert len(paragraphs) == 8
    assert "(on 30th June 2021)" in paragraphs[0]
    assert paragraphs[-1].startswith("It is therefore intended")
    assert paragraphs[-1].endswith("extremely urgent deliverables.")
    assert "negotiated procedure without prior publication" in paragraphs[-1]


def test_seed_record_alternatives_have_intro_eight_bullets_and_closing(loaded):
    intro, bullets, closing = loaded.alternatives.split("\n\n")
    assert intro == "Internal options were explored but have been exhausted including;"
    assert len(bullets.split("\n")) == 8 and all(line.startswith("- ") for line in bullets.split("\n"))
    assert bullets.split("\n")[-1] == "- Exploration of 'whole team' interim solutions."
    assert closing.startswith("None of the above options have yielded")


def test_seed_record_sections_7_to_10(loaded):
    assert loaded.financial_implications == (
        "£491k from revenue funding for a period of 6 months. This will be funded through the The Covid Outbreak "
        "Management Fund"
    )
    # EXEC-4: the seed's one amount is revenue funding; the register's figure is the larger amount.
    assert (loaded.capital_amount, loaded.revenue_amount) == (Decimal("0"), Decimal("491000"))
    assert (loaded.amount, loaded.spend_type) == (Decimal("491000"), "revenue")
    assert loaded.funding_source == "Covid Outbreak Management Fund"
    assert loaded.is_key_decision is False and not (loaded.key_capital or loaded.key_revenue or loaded.key_wards)
    assert loaded.plan_item is None and loaded.key_decision_route == ""  # 8b: N/A
    assert loaded.priority.short_name == "Caring"
    assert loaded.plan_link.startswith("This decision aligns with the Corporate Plan priority of Caring")
    assert loaded.environmental_implications == "There are no environmental impacts of the decision."


def test_seed_record_urgency_and_chair_agreement_via_email_CALL_2(loaded):
    """CALL-2: urgent, agreed by Councillor Jemima Laing via email on 14 July 2021, recorded by Democratic Support."""
    assert loaded.is_urgent is True and loaded.urgency_reason.startswith("As above, the operational")
    agreement = loaded.chair_agreements.get()
    assert agreement.kind == ChairAgreement.Kind.CALL_IN_WAIVER
    assert agreement.display == "Councillor Jemima Laing (agreed via email)"
    assert agreement.responded_on == datetime.date(2021, 7, 14)
    assert agreement.committee.name.startswith("Education and Children")
    assert agreement.committee.name.endswith("Social Care Overview and Scrutiny Committee")
    assert agreement.recorded_by.username == "sam.okafor" and "agreed via email" in agreement.evidence
    assert loaded.exempt_from_call_in


def test_seed_record_consultation_sections_13_to_15(loaded):
    assert loaded.other_portfolios_affected is True
    consultation = loaded.consultations.get()
    assert consultation.member_name == (
        "Cllr Dave Downie, Cabinet Member for Education, Skills, Children and Young People"
    )
    assert consultation.consulted_on == datetime.date(2021, 7, 9)
    assert loaded.conflict_of_interest is False
    assert (loaded.cmt_member.username, loaded.cmt_member_name, loaded.cmt_member_job_title) == (
        "alison.botham",
        "Alison Botham",
        "Director of Children's Services",
    )
    assert loaded.cmt_consulted_on == datetime.date(2021, 7, 9)


def test_seed_record_has_the_six_sign_off_rows(loaded):
    codes = {s.department.slug: s.code for s in loaded.sign_offs.all()}
    assert codes == {
        "democratic-support": "DS20 21/22",
        "finance": "djn.21.22.53",
        "legal": "MS/36955",
        "human-resources": "721KAB",
        "procurement": "PB/CYP/006/ED/0721",
    }
    # Corporate Property: N/A, not applicable.
    assert {d.slug for d in rules.required_departments(loaded)} == set(codes)
    assert rules.sign_off_gaps(loaded) == []


def test_seed_record_appendices_a_and_b_are_real_pdfs(loaded):
    appendices = list(loaded.appendices.all())
    assert [(a.ref, a.title) for a in appendices] == [
        ("A", "EXECUTIVE decision - Business Case. Direct Award for Managed Social Work Team for 6 months"),
        ("B", "EIA"),
    ]
    for appendix in appendices:
        assert not appendix.is_exempt and appendix.content_type == "application/pdf"
        with appendix.file.open("rb") as f:
            assert f.read(5) == b"%PDF-"


def test_seed_record_has_no_exempt_information(loaded):
    assert loaded.has_exempt_information is False and loaded.part2_paragraphs == []
    assert not loaded.background_papers.exists()


def test_seed_record_decided_1_july_2021_by_alison_botham(loaded):
    assert loaded.decided_on == datetime.date(2021, 7, 1)
    assert loaded.declaration.endswith("For further details please see the EIA attached.")
    assert loaded.is_frozen


def test_seed_record_is_complete(loaded):
    assert rules.completeness(loaded) == []


def test_seed_record_shows_its_date_inconsistency_DATES_1(loaded):
    """DATES-1: the chair agreed (14 July) and members were consulted (9 July) after the decision (1 July)."""
    messages = [p.message for p in rules.record_warnings(loaded)]
    assert "The scrutiny chair's agreement is dated 14 July 2021, after the date of decision" in messages
    assert all(p.rule == "DATES-1" for p in rules.record_warnings(loaded))


def test_seed_record_history_runs_from_start_to_publication(loaded):
    actions = list(loaded.events.values_list("action", flat=True))
    assert actions[0] == Action.CREATE and actions[-1] == Action.PUBLISH
    assert actions.count(Action.ISSUE_SIGN_OFF) == 5
    signed = loaded.events.get(action=Action.SIGN)
    assert signed.actor.username == "alison.botham" and signed.at.date() == datetime.date(2021, 7, 1)
    assert loaded.events.filter(action=Action.RECORD_AGREEMENT).exists()


def test_counters_start_after_the_seeds_numbers(loaded):
    counters = dict(YearlySequence.objects.filter(start_year=2021).values_list("key", "last_value"))
    assert counters["COD"] >= 2 and counters["sign-off:democratic-support"] >= 20
    assert counters["sign-off:finance"] >= 53 and counters["sign-off:procurement"] >= 6


def test_loading_twice_creates_nothing_twice(loaded):
    counts = (Decision.objects.count(), SignOff.objects.count(), Event.objects.count())
    stored = (loaded.public_pdf.name, loaded.public_pdf_sha256)
    call_command("load_demo", "--quiet-accounts")
    # Four records of the decisions demo, the general exception and special urgency ones of the notices
    # demo, and the call-in demo's three published decisions and the changed decision drafted after one
    # was referred back.
    assert (Decision.objects.count(), SignOff.objects.count(), Event.objects.count()) == counts == (10, *counts[1:])
    loaded.refresh_from_db()
    assert (loaded.public_pdf.name, loaded.public_pdf_sha256) == stored  # the stored PDF is kept, not redone


def test_seed_record_has_its_stored_public_pdf(loaded):
    assert loaded.public_pdf.name == "documents/decisions/COD02-21-22.pdf"
    with default_storage.open(loaded.public_pdf.name, "rb") as handle:
        stored = handle.read()
    assert stored.startswith(b"%PDF-")
    assert loaded.public_pdf_sha256 == hashlib.sha256(stored).hexdigest() and loaded.public_pdf_size == len(stored)


def test_other_demo_records_are_in_their_states(loaded):
    draft = Decision.objects.get(title=demo.DRAFT_TITLE)
    urgent = Decision.objects.get(title=demo.URGENT_TITLE)
    exempt = Decision.objects.get(title=demo.EXEMPT_TITLE)
    assert draft.status == Status.DRAFT and draft.author.username == "jane.anstis" and rules.completeness(draft)
    assert urgent.status == Status.IN_SIGN_OFF
    assert {p.message for p in rules.sign_off_gaps(urgent)} == {
        "The Finance sign-off has not been given",
        "The Legal sign-off has not been given",
        "The scrutiny chair has not agreed that the decision is urgent",
    }
    assert urgent.chair_agreements.get().chair.username == "jemima.laing"
    assert exempt.status == Status.AWAITING_DECISION and exempt.decision_maker.username == "alison.botham"
    assert exempt.part2_paragraphs == [3] and exempt.part2_public_interest_reasoning and exempt.part2_review_on
    assert exempt.appendices.get(ref="A").is_exempt


def test_demo_records_are_in_the_current_municipal_year(loaded):
    references = set(Decision.objects.exclude(reference="").values_list("reference", flat=True))
    # With the notices demo's general exception and special urgency records and the call-in demo's three
    # published decisions.
    assert len(references) == 8
    assert "COD02 21/22" in references


def test_demo_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(DemoRefused):
        demo.load()
