"""Factories for decision records, and `advance()`, which drives a record through the real services.

`DecisionFactory()` builds a complete draft: every rule in `rules.completeness` holds. Traits add
what a kind of record needs (`urgent`, `key`, `exempt`), and `state=` moves the record on through
the services, as the people who would do it:

    DecisionFactory(urgent=True, state=Status.AWAITING_DECISION)

The people are the personas of tests/conftest.py, found by username, so a record made here and a
persona fixture in the same test are the same user.
"""

import datetime
import itertools
from decimal import Decimal

import factory
from django.core.files.base import ContentFile

from council import pagecache
from council.models import CabinetPortfolio, Committee, Department, Directorate, Priority
from decisions import rules, services
from decisions.contract import ProcurementRoute
from decisions.models import (
    Appendix,
    Authorisation,
    BackgroundPaper,
    ChairAgreement,
    Decision,
    GeneralAuthorisationEffect,
    KeyDecisionRoute,
    Status,
    today,
)
from tests.decisions.routes_factories import plan_item
from tests.factories import PERSONAS, make_persona

EDUCATION_COMMITTEE = "education-and-childrens-social-care"

# Department slug -> the persona who reviews for it.
REVIEWERS = {
    "democratic-support": "democratic_support",
    "finance": "finance_reviewer",
    "legal": "legal_reviewer",
    "human-resources": "hr_reviewer",
    "corporate-property": "property_reviewer",
    "procurement": "procurement_reviewer",
    "monitoring-officer": "monitoring_officer",
}

_typed_codes = itertools.count(1)


class Cast:
    """The personas, made on first use: `cast.finance_reviewer`, `cast.reviewer_for(department)`."""

    def __init__(self):
        self._people = {}

    def __getattr__(self, name):
        if name.startswith("_") or name not in PERSONAS:
            raise AttributeError(name)
        if name not in self._people:
            self._people[name] = make_persona(name)
        return self._people[name]

    def reviewer_for(self, department):
        return getattr(self, REVIEWERS[department.slug])


def education_committee(cast):
    cast.scrutiny_chair  # noqa: B018 - making the chair makes them the committee's chair
    return Committee.objects.get(slug=EDUCATION_COMMITTEE)


def typed_code(department):
    return f"{department.slug[:3].upper()}/{next(_typed_codes):05d}"


def pdf_file(name="appendix.pdf"):
    return ContentFile(b"%PDF-1.4\n% a stand-in appendix for tests\n%%EOF\n", name=name)


def _exempt_documents(decision, create, extracted, **kwargs):
    if create:
        add_exempt_documents(decision)


class DecisionFactory(factory.django.DjangoModelFactory):
    """A complete draft decision record: `rules.completeness()` finds nothing missing."""

    class Meta:
        model = Decision
        skip_postgeneration_save = True

    class Params:
        cast = factory.LazyFunction(Cast)
        urgent = factory.Trait(
            is_urgent=True,
            urgency_reason="Caseloads have risen by a quarter and children are waiting for a social worker.",
            scrutiny_committee=factory.LazyAttribute(lambda o: education_committee(o.cast)),
        )
        key = factory.Trait(
            # EXEC-4: over Plymouth's £1m revenue threshold.
            revenue_amount=Decimal("1500000"),
            amount=Decimal("1500000"),
            is_key_decision=True,
            key_revenue=True,
            # EXEC-5: its Forward Plan item first published 40 days ago.
            key_decision_route=KeyDecisionRoute.FORWARD_PLAN,
            plan_item=factory.LazyAttribute(
                lambda o: plan_item(o.cast.officer, published_on=today() - datetime.timedelta(days=40))
            ),
        )
        exempt = factory.Trait(
            has_exempt_information=True,
            part2_title="Managed social work team: the provider's pricing",
            part2_summary="The provider's day rates and the council's negotiating position.",
            part2_paragraphs=[3],
            part2_public_interest_reasoning=(
                "Publishing the provider's rates would harm its business and the council's next procurement."
            ),
            part2_review_on=factory.LazyFunction(lambda: today() + datetime.timedelta(days=365)),
        )

    author = factory.LazyAttribute(lambda o: o.cast.officer)
    author_name = factory.LazyAttribute(lambda o: o.author.display_name)
    author_job_title = factory.LazyAttribute(lambda o: o.author.job_title)
    author_email = factory.LazyAttribute(lambda o: o.author.email)
    author_phone = "01752 307000"
    directorate = factory.LazyFunction(lambda: Directorate.objects.get(code="CYP"))
    title = factory.Sequence(lambda n: f"Direct award for a managed social work team ({n})")
    decision_maker = factory.LazyAttribute(lambda o: o.cast.decision_maker)
    decision_to_be_taken = "To direct award a contract for services to Innovate, to the value of £491,000."
    original_delegation = "N/A"
    authorisation = Authorisation.GENERAL  # OLGB-1: the scheme of delegation, for a contract award
    general_authorisation_effects = factory.LazyFunction(lambda: [GeneralAuthorisationEffect.CONTRACT])
    reasons = "Demand for children's social work is 25% higher than in March 2020.\n\nRecruitment has not kept up."
    alternatives = "- Permanent recruitment: too slow.\n- Locum social workers: not enough of them."
    financial_implications = "£491k from revenue funding for a period of 6 months."
    # 7, 8: the stored answers and what the service derives from them (decisions.rules_key).
    capital_amount = Decimal("0")
    revenue_amount = Decimal("491000")
    # 7b (TC-1): the contract 4a awards, as the contracts register lists it.
    awards_contract = True
    contract_supplier = "Innovate"
    contract_description = "A managed social work team in Children's Social Work, for 6 months."
    contract_value = Decimal("491000")
    contract_starts_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=14))
    contract_ends_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=196))
    contract_procurement = ProcurementRoute.DIRECT
    amount = Decimal("491000")
    significant_ward_effect = False
    funding_source = "Covid Outbreak Management Fund"
    is_key_decision = False
    priority = factory.LazyFunction(lambda: Priority.objects.get(short_name="Caring"))
    plan_link = "Caring for People and Communities: keeping children protected."
    environmental_implications = "There are no environmental impacts of the decision."
    is_urgent = False
    other_portfolios_affected = False
    conflict_of_interest = False
    cmt_member = factory.LazyAttribute(lambda o: o.decision_maker)
    cmt_consulted_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=1))
    has_exempt_information = False

    @factory.post_generation
    def applicable(self, create, extracted, **kwargs):
        """Slugs of the "if applicable" departments in section 16: `applicable=["human-resources"]`."""
        if create and extracted:
            self.applicable_departments.set(Department.objects.filter(slug__in=extracted))

    @factory.post_generation
    def consulted(self, create, extracted, **kwargs):
        """13b/13c: `consulted=True` consults the education cabinet member yesterday."""
        if create and extracted:
            Cast().cabinet_member  # noqa: B018 - gives the portfolio its member
            portfolio = CabinetPortfolio.objects.get(title__startswith="Education")
            self.consultations.create(
                portfolio=portfolio,
                member_name=portfolio.member_and_title,
                consulted_on=today() - datetime.timedelta(days=1),
            )
            if not self.other_portfolios_affected:
                Decision.objects.filter(pk=self.pk).update(other_portfolios_affected=True)
                pagecache.bump()  # the update skips the signals; the record may be public
                self.other_portfolios_affected = True

    # S12A-4: the exempt trait also adds an exempt appendix and an exempt background paper.
    exempt_documents = factory.Maybe("exempt", yes_declaration=factory.PostGeneration(_exempt_documents))

    @factory.post_generation
    def state(self, create, extracted, **kwargs):
        """`state=Status.PUBLISHED`: move the record there through the services (see `advance`)."""
        if create and extracted and extracted != Status.DRAFT:
            advance(self, to=extracted)


def add_exempt_documents(decision):
    """S12A-4: an exempt appendix (A), a public one (B) and an exempt background paper, with S12A-2 details."""
    exemption = dict(
        exempt_paragraphs=[3],
        public_interest_reasoning="Commercially sensitive pricing.",
        exemption_review_on=today() + datetime.timedelta(days=365),
    )
    Appendix.objects.create(
        decision=decision,
        ref="A",
        title="Business case (commercial)",
        file=pdf_file("business-case.pdf"),
        original_filename="business-case.pdf",
        content_type="application/pdf",
        **exemption,
    )
    Appendix.objects.create(decision=decision, ref="B", title="Equality impact assessment")
    BackgroundPaper.objects.create(decision=decision, title="Provider's tender pricing", **exemption)


def submit(decision):
    return services.submit_for_sign_off(decision, actor=decision.author)


def issue_all_sign_offs(decision, cast=None, *, skip=()):
    """Every required department without a current sign-off issues one, by its reviewer."""
    cast = cast or Cast()
    decision.refresh_from_db()
    current = rules.current_sign_offs(decision)
    for department in rules.required_departments(decision):
        if department.pk in current or department.slug in skip:
            continue
        typed = typed_code(department) if department.code_source == Department.CodeSource.TYPED else ""
        services.issue_sign_off_code(
            decision, actor=cast.reviewer_for(department), department=department, typed_code=typed
        )


def agree_all(decision):
    """Each chair asked for an agreement gives it in the system."""
    requested = decision.chair_agreements.filter(status=ChairAgreement.Outcome.REQUESTED).select_related("chair")
    for chair in {a.chair for a in requested}:
        services.agree_urgency(decision, actor=chair, comment="Agreed: this cannot wait.")


ORDER = [Status.DRAFT, Status.IN_SIGN_OFF, Status.AWAITING_DECISION, Status.DECIDED, Status.PUBLISHED]


def advance(decision, to, cast=None):
    """Drive `decision` to status `to` through the real services, as the people who would act.

    The author submits; each required department's reviewer issues its code; the scrutiny chair
    agrees (urgent records); the decision maker signs; Democratic Support publishes. `to` may
    also be WITHDRAWN (the author withdraws the draft). Returns the refreshed record.
    """
    cast = cast or Cast()
    decision.refresh_from_db()
    if to == Status.WITHDRAWN:
        services.withdraw_decision(decision, actor=decision.author, comment="No longer needed.")
    else:
        target = ORDER.index(to)
        if decision.status == Status.DRAFT and target >= ORDER.index(Status.IN_SIGN_OFF):
            submit(decision)
            decision.refresh_from_db()
        if target >= ORDER.index(Status.AWAITING_DECISION) and decision.status == Status.IN_SIGN_OFF:
            issue_all_sign_offs(decision, cast)
            agree_all(decision)
            decision.refresh_from_db()
        if target >= ORDER.index(Status.DECIDED) and decision.status == Status.AWAITING_DECISION:
            services.sign_decision(decision, actor=decision.decision_maker, exemptions_confirmed=True)
            decision.refresh_from_db()
        if target >= ORDER.index(Status.PUBLISHED) and decision.status == Status.DECIDED:
            services.publish_decision(decision, actor=cast.democratic_support)
    decision.refresh_from_db()
    assert decision.status == to, f"advance() reached {decision.status}, not {to}"
    return decision
