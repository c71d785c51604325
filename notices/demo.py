"""Demo: a key decision on the general exception route (EXEC-6), made and noticed through the
services as its people would: Jane Anstis drafts and submits it, Sam Okafor (Democratic Support)
gives the general exception notice, which emails the scrutiny chair. Loaded after `decisions`."""

import datetime
from decimal import Decimal

from council.demo import EDUCATION_COMMITTEE
from council.demo_history import loading
from council.models import Committee, Priority
from decisions import services as decisions_services
from decisions.models import Decision, KeyDecisionRoute, today
from notices import services

TITLE = "Emergency refurbishment of Plymouth's in-house residential children's home"
REASONS = (
    "The home failed its fire safety inspection and must close its upper floor until the work is done. The "
    "contractor's offer holds only until the end of the month, so the decision cannot wait for 28 clear days' "
    "notice in the Forward Plan."
)


def _answers(cast, committee):
    alison = cast["alison.botham"]
    return dict(
        title=TITLE,
        decision_maker=alison,
        original_delegation="N/A",
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
    decision = decisions_services.start_decision(actor=jane)
    answers = _answers(cast, committee)
    for field, value in answers.items():
        setattr(decision, field, value)
    decision = decisions_services.save_edits(decision, actor=jane, fields=list(answers))
    decision = decisions_services.submit_for_sign_off(decision, actor=jane)
    return services.give_general_exception_notice(decision, actor=cast["sam.okafor"], reasons=REASONS)


def load(stdout=None):
    with loading("demo notices") as cast:
        made = load_general_exception(cast, Committee.objects.get(slug=EDUCATION_COMMITTEE))
    if stdout:
        said = "created a general exception notice" if made else "the general exception notice is already there"
        stdout.write(f"Notices: {said}.")
