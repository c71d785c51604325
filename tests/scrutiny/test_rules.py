"""The rules a briefing report must satisfy (scrutiny.rules), each by its id."""

import datetime

import pytest

from council.models import Department
from scrutiny import rules
from scrutiny.models import Confidentiality, ReportAppendix, ReportBackgroundPaper, ReportSection, today
from scrutiny.tasklist import TASKS
from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db

SEED_PLACEHOLDER = "[Click here to enter text.](#)"


def problems(report, rule=None):
    found = rules.completeness(report)
    return [(p.rule, p.field) for p in found if rule is None or p.rule == rule]


def test_the_factory_report_is_complete():
    assert rules.completeness(BriefingReportFactory()) == []


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", ""),
        ("meeting", None),
        ("lead_member", None),
        ("lead_director", None),
        ("author_email", ""),
        ("is_key_decision", None),
        ("confidentiality", ""),
        ("purpose", ""),
        ("recommendations", "  "),
        ("alternatives", ""),
        ("plan_relevance", ""),
        ("financial_implications", ""),
        ("carbon_implications", ""),
        ("originating_slt_member", None),
    ],
)
def test_each_required_field_REQUIRED_1(field, value):
    report = BriefingReportFactory(**{field: value})
    assert problems(report) == [("REQUIRED-1", field)]


def test_a_report_needs_a_body_REQUIRED_1():
    assert problems(BriefingReportFactory(sections=[])) == [("REQUIRED-1", "sections")]


def test_meeting_of_another_committee_is_refused_REQUIRED_1():
    from council.models import Committee
    from tests.scrutiny.factories import MeetingFactory

    other = MeetingFactory(committee=Committee.objects.get(slug="growth-and-infrastructure"))
    assert problems(BriefingReportFactory(meeting=other)) == [("REQUIRED-1", "meeting")]


def test_your_reference_and_priority_are_optional():
    assert problems(BriefingReportFactory(your_reference="", priority=None)) == []


def test_seed_placeholder_is_refused_PLACEHOLDER_1():
    """The seed published "Relevance to the Corporate Plan: Click here to enter text."; never again."""
    report = BriefingReportFactory(plan_relevance=SEED_PLACEHOLDER)
    found = rules.completeness(report)
    assert [(p.rule, p.field, p.task) for p in found] == [("PLACEHOLDER-1", "plan_relevance", "implications")]
    assert "placeholder" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Click here to enter text.",
        "  click HERE to   enter text ",
        "[Click here to enter text.](#)",
        "Click or tap here to enter text.",
        "Enter text here",
        "The team supports Caring.\n\nClick here to enter text.",
    ],
)
def test_template_placeholders_are_refused_PLACEHOLDER_1(text):
    assert problems(BriefingReportFactory(purpose=text)) == [("PLACEHOLDER-1", "purpose")]


@pytest.mark.parametrize(
    "text", ["Click here to enter text about the Innovate team's caseloads.", "No direct implications"]
)
def test_real_text_that_mentions_the_words_is_accepted_PLACEHOLDER_1(text):
    assert not rules.is_placeholder(text)


@pytest.mark.parametrize(
    "field", ["purpose", "recommendations", "alternatives", "financial_implications", "carbon_implications"]
)
def test_every_fixed_section_refuses_the_seed_placeholder_PLACEHOLDER_1(field):
    assert problems(BriefingReportFactory(**{field: SEED_PLACEHOLDER})) == [("PLACEHOLDER-1", field)]


def test_placeholder_in_a_short_field_is_refused_PLACEHOLDER_1():
    assert problems(BriefingReportFactory(your_reference="Click here to enter text.")) == [
        ("PLACEHOLDER-1", "your_reference")
    ]


def test_empty_body_section_is_refused_PLACEHOLDER_1():
    report = BriefingReportFactory(sections=[("Introduction", "Text"), ("Exit planning", "")])
    section = report.sections.get(heading="Exit planning")
    assert problems(report) == [("PLACEHOLDER-1", f"section-{section.pk}")]


def test_body_section_with_placeholder_text_is_refused_PLACEHOLDER_1():
    report = BriefingReportFactory(sections=[("Introduction", SEED_PLACEHOLDER)])
    assert problems(report, "PLACEHOLDER-1") != []


def test_a_heading_over_sub_sections_may_have_no_text_of_its_own_PLACEHOLDER_1():
    report = BriefingReportFactory(sections=[])
    ReportSection.objects.create(report=report, order=1, heading="Evidence of impact", body="")
    ReportSection.objects.create(report=report, order=2, level=2, heading="Caseloads", body="133 children")
    assert problems(report) == []


def test_appendix_title_placeholder_is_refused_PLACEHOLDER_1():
    report = BriefingReportFactory()
    ReportAppendix.objects.create(report=report, ref="A", title="Click here to enter text.")
    assert problems(report) == [("PLACEHOLDER-1", "title")]


def test_part_2_needs_a_paragraph_S12A_2():
    report = BriefingReportFactory(confidentiality=Confidentiality.PART_2)
    assert problems(report) == [("S12A-2", "exempt_paragraphs")]


def test_part_2_with_paragraph_needs_reasoning_and_review_date_S12A_2():
    report = BriefingReportFactory(confidentiality=Confidentiality.PART_2, exempt_paragraphs=[3])
    assert problems(report) == [("S12A-2", "public_interest_reasoning"), ("S12A-2", "exemption_review_on")]


def test_complete_part_2_report_passes_S12A_2():
    assert problems(BriefingReportFactory(part_2=True)) == []


def test_exempt_appendix_and_paper_need_reasoning_and_review_date_S12A_2():
    report = BriefingReportFactory()
    ReportAppendix.objects.create(report=report, ref="A", title="Business case", exempt_paragraphs=[3])
    ReportBackgroundPaper.objects.create(
        report=report,
        title="Tender pricing",
        exempt_paragraphs=[8],
        public_interest_reasoning="Prices.",
        exemption_review_on=today() + datetime.timedelta(days=30),
    )
    assert problems(report) == [
        ("S12A-2", "public_interest_reasoning"),
        ("S12A-2", "exemption_review_on"),
        ("S12A-2", "exempt_paragraphs"),
    ]


def test_finance_and_legal_always_sign_off_a_report_SIGNOFF_1():
    assert [d.slug for d in rules.required_departments(BriefingReportFactory())] == ["finance", "legal"]


def test_chosen_departments_on_the_report_form_also_sign_off_SIGNOFF_1():
    report = BriefingReportFactory(applicable=["human-resources", "monitoring-officer", "democratic-support"])
    # Democratic Support is not on the report's sign-off row: choosing it changes nothing.
    assert [d.report_label for d in rules.required_departments(report)] == ["Fin", "Leg", "Mon Off", "HR"]


def test_optional_departments_are_the_rest_of_the_report_form_SIGNOFF_1():
    labels = [d.report_label for d in rules.optional_departments()]
    assert labels == ["Mon Off", "HR", "Assets", "Strat Proc"]
    mandatory = Department.objects.filter(mandatory_for_reports=True)
    assert sorted(mandatory.values_list("report_label", flat=True)) == ["Fin", "Leg"]
    assert all(d.on_report_form for d in mandatory)


def test_sign_off_gaps_name_each_missing_department_SIGNOFF_1():
    report = BriefingReportFactory(applicable=["human-resources"])
    assert [p.message for p in rules.sign_off_gaps(report)] == [
        "The Finance sign-off has not been given",
        "The Legal sign-off has not been given",
        "The Human Resources sign-off has not been given",
    ]


def test_task_problems_group_problems_by_task():
    report = BriefingReportFactory(title="", carbon_implications=SEED_PLACEHOLDER)
    tasks = TASKS.problems_by_task(rules.completeness(report))
    assert [p.field for p in tasks["details"]] == ["title"]
    assert [p.field for p in tasks["implications"]] == ["carbon_implications"]
    assert set(tasks) == set(TASKS)
