"""Demo: two key decisions that could not wait 28 clear days, made and noticed through the services
as their people would. On the general exception route (EXEC-6): Jane Anstis drafts and submits it,
Sam Okafor (Democratic Support) gives the general exception notice, which emails the scrutiny chair.
Under special urgency (EXEC-7): the scrutiny chair, Jemima Laing, agrees it cannot be deferred (and
waives call-in), Alison Botham signs it, and Sam Okafor publishes it with its special urgency notice,
so the report to council of urgent decisions (EXEC-8) has a decision to list. Loaded after `decisions`.
"""

import datetime
from decimal import Decimal

from council.demo import EDUCATION_COMMITTEE
from council.demo_history import loading
from council.models import Committee, Priority
from decisions import services as decisions_services
from decisions.contract import ProcurementRoute
from decisions.demo_current import signed_off_by_every_department, submitted
from decisions.models import Authorisation, Decision, GeneralAuthorisationEffect, KeyDecisionRoute, today
from notices import services

TITLE = "Emergency refurbishment of Plymouth's in-house residential children's home"
REASONS = (
    "The home failed its fire safety inspection and must close its upper floor until the work is done. The "
    "contractor's offer holds only until the end of the month, so the decision cannot wait for 28 clear days' "
    "notice in the Forward Plan."
)


SPECIAL_URGENCY_TITLE = "Emergency placements for children after their residential care provider stopped trading"
SPECIAL_URGENCY_REASON = (
    "The provider of four residential placements for children in care has told the council it stops trading "
    "at the end of the week. New placements must be contracted now, or the children would lose their homes."
)


def _answers(cast, committee):
    alison = cast["alison.botham"]
    return dict(
        title=TITLE,
        decision_maker=alison,
        original_delegation="N/A",
        # OLGB-1: the officer scheme of delegation; the decision spends the council's money.
        authorisation=Authorisation.GENERAL,
        general_authorisation_effects=[GeneralAuthorisationEffect.CONTRACT],
        decision_to_be_taken=(
            "To award a contract for the refurbishment of the upper floor of the in-house children's home, "
            "to the value of £1,250,000."
        ),
        reasons="The upper floor must meet fire safety standards before children can live there again.",
        alternatives="- Place the children elsewhere: out of the city, at a higher cost.",
        financial_implications="£1,250,000 from revenue funding, met from the Children's Services budget.",
        # A revenue-funded contract award: both a contract commitment and revenue spending (EXEC-4),
        # key because the revenue is over the threshold; the service works that out.
        capital_amount=Decimal("1250000"),
        revenue_amount=Decimal("1250000"),
        # 7b (TC-1): the contract it awards, for the contracts register.
        awards_contract=True,
        contract_supplier="Stonehouse Building Services Limited",
        contract_supplier_sme=True,
        contract_description="Refurbishing the upper floor of the council's children's home to fire safety standards.",
        contract_value=Decimal("1250000"),
        contract_starts_on=today() + datetime.timedelta(days=45),
        contract_ends_on=today() + datetime.timedelta(days=45 + 180),
        contract_procurement=ProcurementRoute.TENDER,
        funding_source="Children's Services budget",
        significant_ward_effect=False,
        key_decision_route=KeyDecisionRoute.GENERAL_EXCEPTION,
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        plan_link="Caring for People and Communities: children in care live in safe homes close to Plymouth.",
        environmental_implications="The new insulation lowers the building's carbon use.",
        is_urgent=False,
        scrutiny_committee=committee,
        other_portfolios_affected=False,
        conflict_of_interest=False,
        cmt_member=alison,
        cmt_consulted_on=today() - datetime.timedelta(days=1),
        has_exempt_information=False,
    )


def load_general_exception(cast, committee):
    jane = cast["jane.anstis"]
    if Decision.objects.filter(author=jane, title=TITLE).exists():
        return None
    decision = submitted(jane, _answers(cast, committee))
    return services.give_general_exception_notice(decision, actor=cast["sam.okafor"], reasons=REASONS)


def _special_urgency_answers(cast, committee):
    """The general exception record's answers, with what differs."""
    return {
        **_answers(cast, committee),
        "title": SPECIAL_URGENCY_TITLE,
        "decision_to_be_taken": (
            "To direct award contracts for four residential placements for children in care, to the value of "
            "£1,100,000 a year."
        ),
        "reasons": "The children need homes close to Plymouth from the day their current provider stops trading.",
        "alternatives": "- Placements out of the area: further from school and family, and at a higher cost.",
        "financial_implications": "£1,100,000 a year from revenue funding, met from the Children's Services budget.",
        "capital_amount": Decimal("1100000"),
        "revenue_amount": Decimal("1100000"),
        "contract_supplier": "Moorview Children's Homes Limited",
        "contract_description": "Four residential placements for children in care, for a year.",
        "contract_value": Decimal("1100000"),
        "contract_starts_on": today() + datetime.timedelta(days=7),
        "contract_ends_on": today() + datetime.timedelta(days=7 + 364),
        "contract_procurement": ProcurementRoute.DIRECT,
        "key_decision_route": KeyDecisionRoute.SPECIAL_URGENCY,
        "environmental_implications": "There are no direct environmental impacts of the decision.",
        # Urgent for call-in too (CALL-2): the scrutiny chair is asked both questions at once.
        "is_urgent": True,
        "urgency_reason": SPECIAL_URGENCY_REASON,
    }


def load_special_urgency(cast, committee):
    """Drafted, signed off, agreed by the scrutiny chair, signed and published with its notice."""
    jane, sam = cast["jane.anstis"], cast["sam.okafor"]
    if Decision.objects.filter(author=jane, title=SPECIAL_URGENCY_TITLE).exists():
        return None
    decision = submitted(jane, _special_urgency_answers(cast, committee))
    signed_off_by_every_department(decision, legal_file=39200)
    decision = decisions_services.agree_urgency(
        decision,
        actor=cast["jemima.laing"],
        # The chair's own words become the notice's reasons (EXEC-7), so they say why it cannot wait.
        comment="The children would lose their homes at the end of the week: the decision cannot wait for 28 "
        "clear days' notice.",
    )
    decision = decisions_services.sign_decision(decision, actor=cast["alison.botham"], exemptions_confirmed=True)
    decision = decisions_services.publish_decision(decision, actor=sam)
    return services.publish_special_urgency_notice(decision, actor=sam)


def load(stdout=None):
    with loading("demo notices") as cast:
        committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
        made = [
            said
            for said, notice in [
                ("a general exception notice", load_general_exception(cast, committee)),
                ("a decision taken under special urgency, with its notice", load_special_urgency(cast, committee)),
            ]
            if notice
        ]
    if stdout:
        stdout.write(
            f"Notices: created {' and '.join(made)}." if made else "Notices: the demo notices are already there."
        )
