"""Demo: three published decisions and their call-ins, made through the services as their people
would, today: one open to call-in (nobody has asked yet), one called in (Councillor Lee Finn asked,
two colleagues added their names, Democratic Support validated it and put it on the committee's
next meeting), and one reconsidered (the committee referred it back and Alison Botham started a
changed decision, a draft linked to the original). Loaded after `decisions`; also settles the
seed record published before call-in existed. Each is looked up by title first and not made again.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from callin import services
from council.demo import EDUCATION_COMMITTEE
from council.demo_history import loading
from council.models import Committee, Priority
from decisions import services as decisions_services
from decisions.contract import ProcurementRoute
from decisions.demo_current import signed_off_by_every_department, submitted
from decisions.models import Authorisation, Decision, GeneralAuthorisationEffect, Status, today
from decisions.models_callin import CallInState
from scrutiny.models import Meeting
from scrutiny.services_meetings import schedule_meeting

OPEN_TITLE = "Extension of the short breaks service for disabled children for 12 months"
CALLED_IN_TITLE = "Closure of the Mount Gould children's centre building and move to the Efford hub"
RECONSIDERED_TITLE = "New charging policy for school transport for post-16 students"
REASONS = {
    CALLED_IN_TITLE: (
        "Families who use the Mount Gould centre were not consulted on the move, and the Efford hub is two "
        "bus journeys away for many of them. The committee should see the equality impact assessment first."
    ),
    RECONSIDERED_TITLE: (
        "The new charge falls on students from low-income families who do not qualify for the bursary. The "
        "decision does not say how many students it affects or what the council will save."
    ),
}
CONCERNS = (
    "The committee asks the decision maker to publish how many students the charge affects and to consider "
    "exempting students whose families receive Universal Credit."
)


def _short_breaks_contract():
    """TC-1: the short breaks contract's extension, in the contracts register once published."""
    return dict(
        awards_contract=True,
        contract_supplier="Tamar Short Breaks CIC",
        contract_supplier_vcse=True,
        contract_description="Short breaks for disabled children and their families, extended for 12 months.",
        contract_value=Decimal("240000"),
        contract_starts_on=today() + datetime.timedelta(days=30),
        contract_ends_on=today() + datetime.timedelta(days=30 + 364),
        contract_procurement=ProcurementRoute.DIRECT,
    )


def _answers(cast, committee, title, what, contract=None):
    alison = cast["alison.botham"]
    return dict(
        # 7b (TC-1): the contract the decision awards, if any.
        **(contract or {"awards_contract": False}),
        title=title,
        decision_maker=alison,
        original_delegation="N/A",
        # OLGB-1: the officer scheme of delegation; the decision spends the council's money.
        authorisation=Authorisation.GENERAL,
        general_authorisation_effects=[GeneralAuthorisationEffect.CONTRACT],
        decision_to_be_taken=what,
        reasons="The service has to change by the start of the next school term.",
        alternatives="- Leave things as they are: the budget for the year does not allow it.",
        financial_implications="£240,000 a year from the Children's Services revenue budget.",
        # EXEC-4: under Plymouth's thresholds, and in no more than one ward: not a key decision.
        capital_amount=Decimal("0"),
        revenue_amount=Decimal("240000"),
        funding_source="Children's Services budget",
        significant_ward_effect=False,
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        plan_link="Caring for People and Communities: families get help close to home.",
        environmental_implications="There are no direct environmental impacts of the decision.",
        is_urgent=False,
        scrutiny_committee=committee,
        other_portfolios_affected=False,
        conflict_of_interest=False,
        cmt_member=alison,
        cmt_consulted_on=today() - datetime.timedelta(days=2),
        has_exempt_information=False,
    )


def _published(cast, committee, title, what, *, papers=(), contract=None):
    """A decision drafted by Jane Anstis, signed off, signed by Alison Botham and published by Sam Okafor."""
    decision = submitted(cast["jane.anstis"], _answers(cast, committee, title, what, contract), papers=papers)
    signed_off_by_every_department(decision, legal_file=39100)
    decision = decisions_services.sign_decision(decision, actor=cast["alison.botham"], exemptions_confirmed=True)
    return decisions_services.publish_decision(decision, actor=cast["sam.okafor"])


def _meeting(cast, committee, date):
    existing = Meeting.objects.filter(committee=committee, date=date).first()
    return existing or schedule_meeting(actor=cast["sam.okafor"], committee=committee, date=date, venue="Warspite Room")


def _called_in(cast, committee, decision, requester, *others, meets_on):
    call_in = services.request_call_in(decision, actor=requester, reasons=REASONS[decision.title])
    for councillor in others:
        call_in = services.add_name(call_in, actor=councillor)
    call_in = services.validate(call_in, actor=cast["sam.okafor"])
    return services.schedule(call_in, actor=cast["sam.okafor"], meeting=_meeting(cast, committee, meets_on))


def settle_published():
    """Decisions published before call-in existed (the seed record): the state their publication would have given."""
    for decision in Decision.objects.filter(status=Status.PUBLISHED, call_in_state=CallInState.NONE):
        services.open_window(decision, on=timezone.localdate(decision.published_at))


def load(stdout=None):
    made = []
    with loading("demo call-ins") as cast:
        committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
        settle_published()
        if not Decision.objects.filter(title=OPEN_TITLE).exists():
            _published(
                cast,
                committee,
                OPEN_TITLE,
                "To extend the short breaks contract for 12 months.",
                papers=["Short breaks: survey of families, 2026"],  # its file public with the record (OLGB-5)
                contract=_short_breaks_contract(),
            )
            made.append("a decision open to call-in")
        if not Decision.objects.filter(title=CALLED_IN_TITLE).exists():
            decision = _published(
                cast, committee, CALLED_IN_TITLE, "To close the Mount Gould building and run its sessions at Efford."
            )
            others = cast["mo.ahmed"], cast["ruth.kemp"]
            in_a_fortnight = today() + datetime.timedelta(days=14)
            _called_in(cast, committee, decision, cast["lee.finn"], *others, meets_on=in_a_fortnight)
            made.append("a called-in decision")
        if not Decision.objects.filter(title=RECONSIDERED_TITLE).exists():
            decision = _published(
                cast, committee, RECONSIDERED_TITLE, "To charge £300 a year for school transport for post-16 students."
            )
            call_in = _called_in(cast, committee, decision, cast["jemima.laing"], meets_on=today())
            call_in = services.record_outcome(
                call_in, actor=cast["sam.okafor"], outcome="referred_back", on=today(), concerns=CONCERNS
            )
            services.start_changed_decision(call_in, actor=cast["alison.botham"])
            made.append("a decision referred back and being reconsidered")
    if stdout:
        stdout.write(
            f"Call-ins: created {', '.join(made)}." if made else "Call-ins: the demo call-ins are already there."
        )
