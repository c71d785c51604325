"""Three demo decision records in the current municipal year, made through the services as their
people would: a draft, an urgent record in sign-off, and an exempt record awaiting decision.
Loaded by `decisions.demo`; each is looked up by author and title first and not made again."""

import datetime
from decimal import Decimal

from council.demo_history import attach_pdf
from council.models import CabinetPortfolio, Department, Priority, User, Ward
from decisions import rules_signing, services
from decisions.contract import ProcurementRoute
from decisions.models import Appendix, Authorisation, BackgroundPaper, Decision, GeneralAuthorisationEffect, today

DRAFT_TITLE = "Extension of the Family Group Conference service for 12 months"
URGENT_TITLE = "Urgent Decision: Additional emergency foster care placements, CYPFS, for 4 months"
EXEMPT_TITLE = "Award of contract for a therapeutic children's home in Plymouth for 2 years"


def _edit(decision, actor, **values):
    for field, value in values.items():
        setattr(decision, field, value)
    return services.save_edits(decision, actor=actor, fields=list(values))


# — for the other apps' demos (notices, call-in): a record drafted, submitted and signed off ---------


def submitted(author, answers, *, papers=()):
    """A record `author` starts, fills in with `answers` (field -> value) and submits for sign-off;
    `papers`: titles of background papers, each with a stand-in file (OLGB-5)."""
    decision = _edit(services.start_decision(actor=author), author, **answers)
    for order, title in enumerate(papers, start=1):
        paper = BackgroundPaper(decision=decision, title=title, order=order)
        attach_pdf(paper, "Demo record")
        services.save_background_paper(decision, paper, actor=author)
    return services.submit_for_sign_off(decision, actor=author)


def signed_off_by_every_department(decision, *, legal_file):
    """Each department the record needs signs it off, by the first of its reviewers; Legal types the
    code of its case file, `LS/<legal_file + the record's id>/TR`."""
    for department in rules_signing.required_departments(decision):
        reviewer = User.objects.filter(groups=department.reviewer_group).order_by("pk").first()
        typed = f"LS/{legal_file + decision.pk}/TR" if department.code_source == Department.CodeSource.TYPED else ""
        services.issue_sign_off_code(decision, actor=reviewer, department=department, typed_code=typed)


def _common(people, committee):
    alison = people["alison.botham"]
    return dict(
        decision_maker=alison,
        original_delegation="N/A",
        # OLGB-1: the officer scheme of delegation; the decision spends the council's money.
        authorisation=Authorisation.GENERAL,
        general_authorisation_effects=[GeneralAuthorisationEffect.CONTRACT],
        priority=Priority.objects.get(short_name="Caring", plan__name="Corporate Plan"),
        environmental_implications="There are no direct environmental impacts of the decision.",
        other_portfolios_affected=True,
        conflict_of_interest=False,
        cmt_member=alison,
        cmt_consulted_on=today() - datetime.timedelta(days=3),
        has_exempt_information=False,
    )


def _procurement_and_consultation(decision, author, *, consulted_days_ago):
    """Procurement's sign-off applies, and the education portfolio's cabinet member was consulted."""
    services.save_edits(
        decision, actor=author, fields=[], m2m={"applicable_departments": Department.objects.filter(slug="procurement")}
    )
    services.add_consultation(
        decision,
        actor=author,
        portfolio=CabinetPortfolio.objects.get(title__startswith="Education"),
        consulted_on=today() - datetime.timedelta(days=consulted_days_ago),
    )


def load_draft(people):
    jane = people["jane.anstis"]
    if Decision.objects.filter(author=jane, title=DRAFT_TITLE).exists():
        return None
    decision = services.start_decision(actor=jane)
    return _edit(
        decision,
        jane,
        title=DRAFT_TITLE,
        decision_maker=people["alison.botham"],
        decision_to_be_taken=(
            "To extend the contract with Family Group Conferencing South West for 12 months, to the value of £185,000."
        ),
        reasons=(
            "Family group conferences help families make their own safe plans for their children, and fewer "
            "children need to come into care.\n\nThe current contract ends on 31 March. A new procurement will "
            "follow the review of early help services."
        ),
        # EXEC-4: a contract extension is a contract commitment, paid for from revenue.
        capital_amount=Decimal("185000"),
        revenue_amount=Decimal("185000"),
        # 7b (TC-1), half answered as a draft would be: the supplier and the value so far.
        awards_contract=True,
        contract_supplier="Family Group Conferencing South West",
        contract_supplier_vcse=True,
        contract_value=Decimal("185000"),
    )


def load_urgent_in_sign_off(people, committee):
    jane = people["jane.anstis"]
    if Decision.objects.filter(author=jane, title=URGENT_TITLE).exists():
        return None
    decision = services.start_decision(actor=jane)
    decision = _edit(
        decision,
        jane,
        title=URGENT_TITLE,
        decision_to_be_taken=(
            "To spot purchase up to 12 additional emergency foster care placements from independent fostering "
            "agencies, to a total value of £260,000."
        ),
        reasons=(
            "The number of children needing an emergency placement has risen by 18% since April. There are not "
            "enough in-house foster carers to place every child close to home.\n\n"
            "Without more emergency placements, children would be placed out of the city or in unregistered "
            "provision, which is not safe and not in their best interests."
        ),
        alternatives=(
            "- Recruiting more in-house foster carers: this is under way, but new carers take six months to approve.\n"
            "- Residential placements: more expensive, and not the right setting for younger children.\n"
            "- Placements outside Plymouth: children would lose contact with their schools and families."
        ),
        financial_implications=(
            "£260,000 from revenue funding for a period of 4 months, met from the Children's Services placements "
            "budget."
        ),
        capital_amount=Decimal("0"),
        revenue_amount=Decimal("260000"),
        funding_source="Children's Services placements budget",
        significant_ward_effect=False,
        # 7b (TC-1): placements are bought one at a time, each with its own order; the decision awards none.
        awards_contract=False,
        plan_link="Caring for People and Communities: children in care live in safe, stable homes close to Plymouth.",
        is_urgent=True,
        urgency_reason=(
            "Three children are waiting for an emergency placement this week. The placements must be available "
            "immediately; waiting for call-in would leave children without a safe home."
        ),
        scrutiny_committee=committee,
        **_common(people, committee),
    )
    _procurement_and_consultation(decision, jane, consulted_days_ago=2)
    decision = services.submit_for_sign_off(decision, actor=jane)
    for slug, username in [("democratic-support", "sam.okafor"), ("procurement", "erin.doyle")]:
        services.issue_sign_off_code(decision, actor=people[username], department=Department.objects.get(slug=slug))
    return decision  # waiting for Finance, Legal and Councillor Laing's agreement


def load_exempt_awaiting_decision(people, committee):
    jane = people["jane.anstis"]
    if Decision.objects.filter(author=jane, title=EXEMPT_TITLE).exists():
        return None
    review_on = today() + datetime.timedelta(days=365)
    decision = services.start_decision(actor=jane)
    decision = _edit(
        decision,
        jane,
        title=EXEMPT_TITLE,
        decision_to_be_taken=(
            "To award a contract for a four-bed therapeutic children's home in Plymouth to the highest-scoring "
            "bidder, for 2 years, to the value of £960,000."
        ),
        reasons=(
            "Children with complex needs are often placed in homes far from Plymouth because there are no suitable "
            "places in the city.\n\nA therapeutic home in Plymouth lets them keep their school, their family "
            "contact and their social worker. The open tender attracted four bids; the evaluation is in the "
            "confidential (Part II) briefing report."
        ),
        alternatives=(
            "- Continue to spot purchase placements: more expensive and often outside the city.\n"
            "- Run the home in-house: the council has no registered premises or staff team ready."
        ),
        financial_implications=(
            "£960,000 over 2 years from the Children's Services placements budget. The contract replaces spot "
            "purchased placements that cost more."
        ),
        # EXEC-4: a revenue-funded contract award is both, and both are under Plymouth's thresholds.
        capital_amount=Decimal("960000"),
        revenue_amount=Decimal("960000"),
        funding_source="Children's Services placements budget",
        significant_ward_effect=False,
        # 7b (TC-1): the contract the open tender led to, as the contracts register will list it.
        awards_contract=True,
        contract_supplier="Harbourside Therapeutic Care Limited",
        contract_supplier_sme=True,
        contract_description="A four-bed therapeutic children's home in Plymouth, for 2 years.",
        contract_value=Decimal("960000"),
        contract_starts_on=today() + datetime.timedelta(days=60),
        contract_ends_on=today() + datetime.timedelta(days=60 + 730),
        contract_review_on=today() + datetime.timedelta(days=60 + 365),
        contract_procurement=ProcurementRoute.TENDER,
        plan_link="Caring for People and Communities: children in care live in safe, stable homes close to Plymouth.",
        is_urgent=False,
        **{**_common(people, committee), "has_exempt_information": True},
        part2_title="Therapeutic children's home: tender evaluation and bidders' prices",
        part2_summary="The evaluation scores and the prices of the four bids, and the recommended bidder.",
        part2_paragraphs=[3],
        part2_public_interest_reasoning=(
            "The bids contain the bidders' prices and business information. Publishing them would harm the "
            "bidders' commercial interests and the council's position in future procurements; that outweighs the "
            "public interest in disclosure while the contract is being awarded."
        ),
        part2_review_on=review_on,
    )
    # The home is in one ward: not the two or more that would make it key (EXEC-4).
    services.save_edits(decision, actor=jane, fields=[], m2m={"wards": Ward.objects.filter(name="Efford and Lipson")})
    _procurement_and_consultation(decision, jane, consulted_days_ago=4)
    for ref, title, exemption in [
        (
            "A",
            "Tender evaluation and pricing",
            dict(
                exempt_paragraphs=[3],
                exemption_review_on=review_on,
                public_interest_reasoning=(
                    "The bidders' prices are commercially sensitive until the contract is awarded."
                ),
            ),
        ),
        ("B", "Equality impact assessment", {}),
    ]:
        appendix = Appendix(decision=decision, ref=ref, title=title, **exemption)
        attach_pdf(appendix, "Demo record")
        services.save_appendix(decision, appendix, actor=jane)
    decision = services.submit_for_sign_off(decision, actor=jane)
    for slug, username, typed in [
        ("democratic-support", "sam.okafor", ""),
        ("finance", "dan.norris", ""),
        ("legal", "tara.reid", f"LS/{38100 + decision.pk}/TR"),
        ("procurement", "erin.doyle", ""),
    ]:
        services.issue_sign_off_code(
            decision, actor=people[username], department=Department.objects.get(slug=slug), typed_code=typed
        )
    decision.refresh_from_db()
    return decision  # every sign-off current: waiting for Alison Botham's decision
