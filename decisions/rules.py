"""The rules a decision record must satisfy, each with an id a test carries.

Rules return `Problem`s (the field, a code and a message a person can act on); an empty list
means the rule holds. Forms show them on the field; the workflow refuses a move while any
blocking problem remains and lists them in the error summary.

Ids: the statute's (OLGB-3, TC-1 in `rules_contract.py`, EXEC-4, EXEC-5, EXEC-10, CALL-2, S12A-2) and DESIGN.md's rules
(SIGNOFF-1, CONFLICT-1, DATES-1, FROZEN-1, REQUIRED-1).
"""

import datetime

from council.models import CouncilSettings
from decisions import rules_key, rules_special_urgency
from decisions.models import Authorisation
from decisions.rules_contract import contract
from decisions.rules_route import needs_scrutiny_chair, route
from decisions.rules_signing import (
    current_sign_offs,
    dates_after_decision,
    key_decision_notice,
    required_agreements,
    required_departments,
    sign_off_gaps,
)
from records.rules import Problem, blank, missing

# The sign-off and signing rules, asked for here as every rule is (`rules.sign_off_gaps`).
__all__ = [
    "contract",
    "current_sign_offs",
    "dates_after_decision",
    "key_decision_notice",
    "required_agreements",
    "required_departments",
    "sign_off_gaps",
]


_blank = blank  # REQUIRED-1's "not answered", the same for every kind (records.rules)


def details(d):
    p = missing(
        d,
        "details",
        {
            "title": "Enter the title of the decision",
            "decision_maker": "Choose the decision maker",
            "directorate": "Choose the directorate taking the decision",
        },
    )
    if _blank(d.author_email) and _blank(d.author_phone):
        p.append(
            Problem(
                "REQUIRED-1",
                "author_email",
                "Enter an email address or telephone number for the report author",
                "details",
            )
        )
    if _blank(d.decision_to_be_taken):
        p.append(Problem("OLGB-3", "decision_to_be_taken", "Enter the decision to be taken", "details"))
    return p + authorisation(d)


# 4b's answers that name no delegating decision ("Enter N/A if there is none").
NO_DELEGATION = {"", "N/A", "NA", "NONE", "N/A."}


def authorisation(d):
    """OLGB-1: the record says which authority the decision is taken under; under a general one, what
    makes it a decision that must be recorded; under an express one, which decision delegated it (4b)."""
    if not d.authorisation:
        return [Problem("OLGB-1", "authorisation", "Select the authority the decision is taken under", "details")]
    if d.authorisation == Authorisation.GENERAL and not d.general_authorisation_effects:
        return [
            Problem(
                "OLGB-1",
                "general_authorisation_effects",
                "Select what the decision does. Under a general authorisation, a decision is recorded when it grants "
                "a permission or licence, affects an individual's rights, or awards a contract or incurs "
                "expenditure that materially affects the council's finances",
                "details",
            )
        ]
    if d.authorisation == Authorisation.EXPRESS and d.original_delegation.strip().upper() in NO_DELEGATION:
        return [
            Problem(
                "OLGB-1",
                "original_delegation",
                "Enter the reference of the executive decision, or the date of the committee meeting, that "
                "delegated the decision: it is taken under a specific express authorisation",
                "details",
            )
        ]
    return []


def reasons(d):
    p = []
    if _blank(d.reasons):
        p.append(Problem("OLGB-3", "reasons", "Enter the reasons for the decision", "reasons"))
    if _blank(d.alternatives):
        p.append(
            Problem(
                "OLGB-3",
                "alternatives",
                "Enter the alternative options considered and rejected, or say that there were none",
                "reasons",
            )
        )
    return p


def finance(d, council=None):
    p = []
    if _blank(d.financial_implications):
        p.append(Problem("REQUIRED-1", "financial_implications", "Enter the financial implications", "finance"))
    # EXEC-4: the answers whether it is a key decision follows from (decisions.rules_key).
    if d.capital_amount is None:
        p.append(
            Problem(
                "REQUIRED-1",
                "capital_amount",
                "Enter the capital spending or contract commitment in pounds, or 0 if there is none",
                "finance",
            )
        )
    if d.revenue_amount is None:
        p.append(
            Problem(
                "REQUIRED-1",
                "revenue_amount",
                "Enter the revenue spending or savings in pounds, or 0 if there are none",
                "finance",
            )
        )
    if d.significant_ward_effect is None:
        p.append(
            Problem(
                "REQUIRED-1",
                "significant_ward_effect",
                "Select yes if the decision has a significant effect on communities in the wards it affects",
                "finance",
            )
        )
    elif d.significant_ward_effect and not rules_key.chosen_wards(d):
        p.append(Problem("EXEC-4", "wards", "Select the wards whose communities the decision affects", "finance"))
    return p


def plan(d):
    p = []
    if d.priority_id is None:
        p.append(
            Problem("REQUIRED-1", "priority", "Choose the priority of the council's plan the decision supports", "plan")
        )
    if _blank(d.plan_link):
        p.append(
            Problem("REQUIRED-1", "plan_link", "Explain how the decision links to the council's plan or budget", "plan")
        )
    if _blank(d.environmental_implications):
        p.append(
            Problem(
                "REQUIRED-1",
                "environmental_implications",
                "Enter the direct environmental implications, or say that there are none",
                "plan",
            )
        )
    return p


def urgency(d):
    p = []
    if d.is_urgent is None:
        p.append(Problem("REQUIRED-1", "is_urgent", "Select yes if the decision is urgent", "urgency"))
    # Special urgency (EXEC-7) only exists for a key decision; a stray tick on another record asks nothing.
    # General exception and special urgency (EXEC-6, EXEC-7) need the scrutiny chair too.
    if d.is_urgent or needs_scrutiny_chair(d):
        if d.is_urgent and _blank(d.urgency_reason):
            p.append(Problem("CALL-2", "urgency_reason", "Enter the reason the decision is urgent", "urgency"))
        if d.scrutiny_committee_id is None:
            p.append(
                Problem(
                    "CALL-2",
                    "scrutiny_committee",
                    "Choose the scrutiny committee whose chair must agree the urgency",
                    "urgency",
                )
            )
        elif d.scrutiny_committee.chair_id is None and (
            # EXEC-7: special urgency alone falls back to the Chair (or Vice-Chair) of the Council.
            d.is_urgent or rules_special_urgency.first_asked(d, CouncilSettings.load())[1] is None
        ):
            p.append(
                Problem(
                    "CALL-2",
                    "scrutiny_committee",
                    "That committee has no chair recorded. Ask Democratic Support to record one",
                    "urgency",
                )
            )
    return p


def consultation(d, consultations=None):
    consultations = list(d.consultations.all()) if consultations is None else consultations
    p = []
    if d.other_portfolios_affected is None:
        p.append(
            Problem(
                "REQUIRED-1",
                "other_portfolios_affected",
                "Select yes if other cabinet members' portfolios are affected",
                "consultation",
            )
        )
    elif d.other_portfolios_affected and not consultations:
        p.append(Problem("REQUIRED-1", "portfolio", "Add the cabinet member consulted and the date", "consultation"))
    if d.conflict_of_interest is None:
        p.append(
            Problem(
                "OLGB-3",
                "conflict_of_interest",
                "Select yes if any cabinet member declared a conflict of interest "
                "(the record must say so even if none did)",
                "consultation",
            )
        )
    elif d.conflict_of_interest:
        if _blank(d.conflict_details):
            p.append(
                Problem(
                    "CONFLICT-1",
                    "conflict_details",
                    "Enter who declared the conflict of interest and what it is",
                    "consultation",
                )
            )
        if d.dispensation_granted is None:
            p.append(
                Problem(
                    "EXEC-10",
                    "dispensation_granted",
                    "Select yes if a dispensation was granted for the conflict of interest",
                    "consultation",
                )
            )
        elif d.dispensation_granted and _blank(d.dispensation_details):
            p.append(
                Problem(
                    "EXEC-10",
                    "dispensation_details",
                    "Enter who granted the dispensation, when, and what it allows",
                    "consultation",
                )
            )
        if not d.monitoring_officer_involved:
            p.append(
                Problem(
                    "CONFLICT-1",
                    "monitoring_officer_involved",
                    "A declared conflict of interest must be discussed with the Monitoring Officer",
                    "consultation",
                )
            )
    if d.cmt_member_id is None:
        p.append(
            Problem("SIGNOFF-1", "cmt_member", "Choose the Corporate Management Team member consulted", "consultation")
        )
    if d.cmt_consulted_on is None:
        p.append(
            Problem(
                "SIGNOFF-1",
                "cmt_consulted_on",
                "Enter the date the Corporate Management Team member was consulted",
                "consultation",
            )
        )
    return p


def exempt(d, appendices=None, papers=None):
    p = []
    if d.has_exempt_information is None:
        p.append(
            Problem(
                "REQUIRED-1", "has_exempt_information", "Select yes if you need to include exempt information", "exempt"
            )
        )
    elif d.has_exempt_information:
        if _blank(d.part2_title):
            p.append(
                Problem(
                    "REQUIRED-1",
                    "part2_title",
                    "Enter the title of the confidential (Part II) briefing report",
                    "exempt",
                )
            )
        if not d.part2_paragraphs:
            p.append(
                Problem(
                    "S12A-2",
                    "part2_paragraphs",
                    "Choose at least one paragraph of Schedule 12A that makes it exempt",
                    "exempt",
                )
            )
        if _blank(d.part2_public_interest_reasoning):
            p.append(
                Problem(
                    "S12A-2",
                    "part2_public_interest_reasoning",
                    "Explain why the public interest in keeping it exempt outweighs "
                    "the public interest in disclosing it",
                    "exempt",
                )
            )
        if d.part2_review_on is None:
            p.append(Problem("S12A-2", "part2_review_on", "Enter a date to review the exemption", "exempt"))
    appendices = list(d.appendices.all()) if appendices is None else appendices
    papers = list(d.background_papers.all()) if papers is None else papers
    for item in [*appendices, *papers]:
        for field, message in item.exemption_errors().items():
            p.append(Problem("S12A-2", field, f"{item}: {message}", "appendices"))
    # S12A-4: an exempt appendix or background paper is exempt information in the record, so 18a
    # cannot say there is none.
    exempt_parts = [item for item in [*appendices, *papers] if item.is_exempt]
    if d.has_exempt_information is False and exempt_parts:
        names = " and ".join(_part_name(item) for item in exempt_parts)
        p.append(
            Problem(
                "S12A-4",
                "has_exempt_information",
                f"Select yes, because {names} {'is' if len(exempt_parts) == 1 else 'are'} marked exempt. "
                "Or remove the exemption in “Appendices and background papers”",
                "exempt",
            )
        )
    return p


def _part_name(item):
    """ "appendix A" or "background paper “Pricing”", as a sentence names it."""
    ref = getattr(item, "ref", None)
    return f"appendix {ref}" if ref else f"background paper “{item.title}”"


def completeness(d):
    """Everything the author must have filled in before submitting (REQUIRED-1 and the rules above)."""
    return [
        *details(d),
        *reasons(d),
        *finance(d),
        *contract(d),
        *route(d),
        *plan(d),
        *urgency(d),
        *consultation(d),
        *exempt(d),
    ]


# — signing: the sign-off and signing rules are in `decisions/rules_signing.py` -------------------


def signing_blockers(d, decided_on: datetime.date):
    return [
        *completeness(d),
        *sign_off_gaps(d),
        *key_decision_notice(d, decided_on),
        *dates_after_decision(d, decided_on),
    ]


def record_warnings(d):
    """Inconsistencies worth showing on a decided record (the seed record has one: DATES-1)."""
    if not d.decided_on:
        return []
    return dates_after_decision(d, d.decided_on)
