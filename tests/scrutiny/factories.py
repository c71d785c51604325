"""Factories for briefing reports, and `advance()`, which drives a report through the real services.

`BriefingReportFactory()` builds a complete draft: every rule in `rules.completeness` holds. It
has body sections, an appendix, a meeting of the education committee, the `officer` persona as
author, `decision_maker` as lead strategic director and `cabinet_member` as lead member.
`state=` moves it on through the services, as the people who would do it:

    BriefingReportFactory(state=Status.AWAITING_CABINET_MEMBER)
"""

import datetime

import factory

from council import pagecache
from council.models import CabinetPortfolio, Committee, Department, Priority
from scrutiny import rules, services
from scrutiny.models import (
    ApprovalHow,
    BriefingReport,
    Confidentiality,
    Meeting,
    ReportAppendix,
    ReportBackgroundPaper,
    ReportSection,
    Status,
    today,
)
from tests.decisions.factories import Cast, typed_code

EDUCATION_COMMITTEE = "education-and-childrens-social-care"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.LazyFunction(lambda: Committee.objects.get(slug=EDUCATION_COMMITTEE))
    date = factory.Sequence(lambda n: today() + datetime.timedelta(days=28 + n))
    venue = "Warspite Room, Council House"


class BriefingReportFactory(factory.django.DjangoModelFactory):
    """A complete draft briefing report: `rules.completeness()` finds nothing missing."""

    class Meta:
        model = BriefingReport
        skip_postgeneration_save = True

    class Params:
        cast = factory.LazyFunction(Cast)
        part_2 = factory.Trait(
            confidentiality=Confidentiality.PART_2,
            part2_title="Managed social work team: the provider's pricing",
            exempt_paragraphs=[3],
            public_interest_reasoning="Publishing the provider's rates would harm its business.",
            exemption_review_on=factory.LazyFunction(lambda: today() + datetime.timedelta(days=365)),
        )

    committee = factory.LazyFunction(lambda: Committee.objects.get(slug=EDUCATION_COMMITTEE))
    meeting = factory.LazyAttribute(lambda o: MeetingFactory(committee=o.committee))
    author = factory.LazyAttribute(lambda o: o.cast.officer)
    author_name = factory.LazyAttribute(lambda o: o.author.display_name)
    author_job_title = factory.LazyAttribute(lambda o: o.author.job_title)
    author_email = factory.LazyAttribute(lambda o: o.author.email)
    title = factory.Sequence(lambda n: f"Innovate Team CYPFS ({n})")
    lead_member = factory.LazyAttribute(lambda o: o.cast.cabinet_member)
    lead_member_portfolio = factory.LazyFunction(lambda: CabinetPortfolio.objects.get(title__startswith="Education"))
    lead_director = factory.LazyAttribute(lambda o: o.cast.decision_maker)
    your_reference = "InnovateJK01112021"
    is_key_decision = False
    confidentiality = Confidentiality.PART_1
    purpose = "Information sharing for committee members"
    recommendations = "This is an information briefing report."
    alternatives = "This was an emergency solution."
    priority = factory.LazyFunction(lambda: Priority.objects.get(short_name="Caring"))
    plan_relevance = "Caring for People and Communities: keeping children protected."
    financial_implications = "Demand must be considered in the medium term financial plan."
    carbon_implications = "No direct implications"
    originating_slt_member = factory.LazyAttribute(lambda o: o.author)

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        """Body sections: `sections=[("Introduction", "text"), ...]`; by default two."""
        if not create:
            return
        items = (
            extracted
            if extracted is not None
            else [("Introduction", "This report sets out..."), ("Exit planning", "1. Recruit\n2. Review")]
        )
        for order, (heading, body) in enumerate(items, start=1):
            ReportSection.objects.create(report=self, order=order, heading=heading, body=body)

    @factory.post_generation
    def applicable(self, create, extracted, **kwargs):
        """Slugs of the departments chosen beyond Finance and Legal: `applicable=["human-resources"]`."""
        if create and extracted:
            self.applicable_departments.set(Department.objects.filter(slug__in=extracted))

    @factory.post_generation
    def state(self, create, extracted, **kwargs):
        if create and extracted and extracted != Status.DRAFT:
            advance(self, to=extracted)


def issue_all_sign_offs(report, cast=None, *, skip=()):
    """Every required department without a current sign-off issues one, by its reviewer."""
    cast = cast or Cast()
    report.refresh_from_db()
    current = rules.current_sign_offs(report)
    for department in rules.required_departments(report):
        if department.pk in current or department.slug in skip:
            continue
        typed = typed_code(department) if department.code_source == Department.CodeSource.TYPED else ""
        services.issue_sign_off_code(
            report, actor=cast.reviewer_for(department), department=department, typed_code=typed
        )


ORDER = [
    Status.DRAFT,
    Status.IN_SIGN_OFF,
    Status.AWAITING_DIRECTOR,
    Status.AWAITING_CABINET_MEMBER,
    Status.APPROVED,
    Status.PUBLISHED,
]


def advance(report, to, cast=None, *, by_email=False):
    """Drive `report` to status `to` through the real services, as the people who would act.

    The author submits; each required department's reviewer issues its code; the lead director
    agrees; the lead member approves (or, `by_email=True`, Democratic Support records an approval
    given by email); Democratic Support publishes. `to` may also be WITHDRAWN.
    """
    cast = cast or Cast()
    report.refresh_from_db()
    if to == Status.WITHDRAWN:
        services.withdraw_report(report, actor=report.author, comment="No longer needed.")
    else:
        target = ORDER.index(to)
        if report.status == Status.DRAFT and target >= 1:
            services.submit_for_sign_off(report, actor=report.author)
            report.refresh_from_db()
        if report.status == Status.IN_SIGN_OFF and target >= 2:
            issue_all_sign_offs(report, cast)
            report.refresh_from_db()
        if report.status == Status.AWAITING_DIRECTOR and target >= 3:
            services.agree_report(report, actor=report.lead_director)
            report.refresh_from_db()
        if report.status == Status.AWAITING_CABINET_MEMBER and target >= 4:
            if by_email:
                services.record_cabinet_approval(
                    report,
                    actor=cast.democratic_support,
                    approved_on=today(),
                    how=ApprovalHow.EMAIL,
                    evidence="Email from the cabinet member, today: 'Approved.'",
                )
            else:
                services.approve_report(report, actor=report.lead_member)
            report.refresh_from_db()
        if report.status == Status.APPROVED and target >= 5:
            services.publish_report(report, actor=cast.democratic_support)
    report.refresh_from_db()
    assert report.status == to, f"advance() reached {report.status}, not {to}"
    return report


def plant_exempt_markers(report, marker):
    """A marker in every exempt field of a Part II report and its children (all but its title)."""
    text_fields = [
        "part2_title",
        "purpose",
        "recommendations",
        "alternatives",
        "plan_relevance",
        "financial_implications",
        "carbon_implications",
        "public_interest_reasoning",
        "your_reference",
    ]
    BriefingReport.objects.filter(pk=report.pk).update(**{f: f"{marker} {f}" for f in text_fields})
    ReportSection.objects.filter(report=report).update(heading=f"{marker} heading", body=f"{marker} body")
    ReportAppendix.objects.bulk_create(
        [
            ReportAppendix(
                report=report,
                ref="Z",
                title=f"{marker} appendix",
                exempt_paragraphs=[3],
                public_interest_reasoning=f"{marker} appendix reasoning",
            )
        ]
    )
    ReportBackgroundPaper.objects.bulk_create(
        [
            ReportBackgroundPaper(
                report=report,
                title=f"{marker} paper",
                exempt_paragraphs=[3],
                public_interest_reasoning=f"{marker} paper reasoning",
            )
        ]
    )
    pagecache.bump()  # the writes above skip the signals, as the product's bulk writes do
