"""The demo scrutiny data (scrutiny.demo): the seed briefing report with every value, on its meeting."""

import datetime

import pytest
from django.core.management import call_command

from council.demo import DemoRefused
from council.models import Committee, YearlySequence
from decisions.models import Decision
from scrutiny import demo, rules
from scrutiny.models import (
    BriefingReport,
    CommitteeEvent,
    Meeting,
    ReportEvent,
    ReportSection,
    ReportSignOff,
    Status,
)
from scrutiny.workflow import Action


@pytest.fixture
def loaded(demo_loaded, settings):
    settings.DEBUG = True
    return BriefingReport.objects.get(title="Innovate Team CYPFS")


def test_seed_report_is_published_on_the_17_november_2021_meeting(loaded):
    assert loaded.status == Status.PUBLISHED and loaded.agenda_position == 1
    assert loaded.committee.name == "Education and Children’s Social Care Overview and Scrutiny Committee"
    assert loaded.meeting.date == datetime.date(2021, 11, 17) and loaded.meeting.is_agenda_published
    assert list(loaded.meeting.agenda()) == [loaded]


def test_seed_report_header(loaded):
    assert (loaded.lead_member.username, loaded.lead_member_name) == ("dave.downie", "Councillor David Downie")
    assert (loaded.lead_director.username, loaded.lead_director_name, loaded.lead_director_job_title) == (
        "alison.botham",
        "Alison Botham",
        "Director for Childrens Services",
    )
    assert (loaded.author.username, loaded.author_name, loaded.author_job_title) == (
        "jean.kelly",
        "Jean Kelly",
        "Service Director",
    )
    assert loaded.author_email == "Jean.kelly@plymouth.gov.uk"
    assert loaded.your_reference == "InnovateJK01112021"
    assert loaded.is_key_decision is False
    assert loaded.get_confidentiality_display() == "Part I - Official" and not loaded.is_exempt


def test_seed_report_fixed_sections(loaded):
    assert loaded.purpose == "Information sharing for committee members"
    assert loaded.recommendations == "This is an information briefing report."
    assert loaded.alternatives.startswith("This was an emergency solution and required action in a tight timescale")
    assert loaded.financial_implications.startswith("If demand continues to outstrip established capacity")
    assert loaded.carbon_implications == "No direct implications"


def test_seed_corporate_plan_relevance_is_filled_with_the_decisions_priority_PLACEHOLDER_1(loaded):
    decision = Decision.objects.get(reference="COD02 21/22")
    assert loaded.priority == decision.priority
    assert loaded.priority.name == "Caring for People and Communities"
    assert "Caring for People and Communities" in loaded.plan_relevance
    assert not rules.is_placeholder(loaded.plan_relevance)


def test_seed_report_body_sections_in_order(loaded):
    assert [(s.heading, s.level) for s in loaded.sections.all()] == [
        ("Introduction", 1),
        ("Workforce and Demand issues requiring a managed team approach", 1),
        ("Innovate CYPS – a managed team", 1),
        ("Evidence of impact", 1),
        ("Caseloads and performance", 2),
        ("Quality of work", 2),
        ("How this has impacted the wider service", 2),
        ("Exit planning", 1),
        ("Contingency planning", 1),
    ]
    assert [s.order for s in loaded.sections.all()] == list(range(1, 10))


def test_seed_report_figures(loaded):
    body = "\n".join(s.body for s in loaded.sections.all())
    for figure in [
        "133 children",
        "22 children in pre-care proceedings",
        "20 children where care proceedings",
        "19 Children in Care",
        "68 Children subject to Child Protection Plans",
        "46 Children in Need",
        "91.2%",
        "Children in Care 94%, Children in Need of Protection 95% and Children in Need 89%",
        "84.2%",
        "19 single assessments",
        "62 assessments",
        "100% staff",
        "caseloads are 18",
        "caseloads of 14",
        "closed 9 cases over the past 10 weeks",
        "up to 140 children",
        "25% increase",
    ]:
        assert figure in body, figure


def test_seed_exit_planning_has_its_numbered_list(loaded):
    body = loaded.sections.get(heading="Exit planning").body
    items = [line for line in body.splitlines() if line[:3] in {"1. ", "2. ", "3. "}]
    assert [i[:2] for i in items] == ["1.", "2.", "3."]
    assert items[2].startswith("3. Exploring other options for further temporary cover")


def test_seed_report_passes_every_rule(loaded):
    assert rules.completeness(loaded) == [] and rules.sign_off_gaps(loaded) == []


def test_seed_appendices_and_no_background_papers(loaded):
    assert [(a.ref, a.title, bool(a.file), a.is_exempt) for a in loaded.appendices.all()] == [
        ("A", "Briefing report title", False, False),
        ("B", "Equalities Impact Assessment (if applicable)", False, False),
    ]
    assert not loaded.background_papers.exists()


def test_seed_sign_offs_fin_and_leg_only(loaded):
    assert [(s.department.report_label, s.code) for s in loaded.sign_offs.all()] == [
        ("Fin", "djn.21.22.152"),
        ("Leg", "LS/37600/AC/5/11/21"),
    ]
    assert not loaded.applicable_departments.exists()  # Mon Off, HR, Assets, Strat Proc: not applicable


def test_finance_sequence_is_at_least_the_seed_code(loaded):
    assert YearlySequence.objects.get(key="sign-off:finance", start_year=2021).last_value >= 152


def test_seed_approvals(loaded):
    assert (loaded.originating_slt_member.username, loaded.originating_slt_member_name) == ("jean.kelly", "Jean Kelly")
    assert (loaded.director_agreed_on, loaded.director_agreed_by.username) == (
        datetime.date(2021, 11, 4),
        "alison.botham",
    )
    assert loaded.cabinet_approved_on == datetime.date(2021, 11, 4)
    assert loaded.cabinet_approval_display == "Cllr Dave Downie – approved by email"
    assert loaded.cabinet_approval_recorded_by.username == "sam.okafor"


def test_seed_report_history(loaded):
    assert [e.action for e in loaded.events.all()] == [
        Action.CREATE,
        Action.SUBMIT,
        Action.ISSUE_SIGN_OFF,
        Action.ISSUE_SIGN_OFF,
        Action.SEND_TO_DIRECTOR,
        Action.AGREE,
        Action.RECORD_APPROVAL,
        Action.PUBLISH,
    ]


def test_cod02_and_the_report_link_both_ways(loaded):
    decision = Decision.objects.get(reference="COD02 21/22")
    assert list(loaded.decisions.all()) == [decision]
    assert loaded in decision.scrutiny_reports.filter(status=Status.PUBLISHED)


def test_committee_members_and_lead_officer(loaded):
    committee = Committee.objects.get(slug="education-and-childrens-social-care")
    members = {u.username for u in committee.members.all()}
    assert {"jemima.laing", "tom.penrose", "ruth.allen"} <= members
    assert committee.chair.username == "jemima.laing"
    assert committee.lead_officers.filter(username="jean.kelly").exists()


def test_demo_committee_and_meetings_are_written_through_services_with_events(loaded):
    committee = Committee.objects.get(slug="education-and-childrens-social-care")
    events = CommitteeEvent.objects.filter(committee=committee)
    changed = events.get(action=CommitteeEvent.Action.COMMITTEE_CHANGED)
    assert changed.actor.username == "sam.okafor" and "members" in changed.summary
    scheduled = events.filter(action=CommitteeEvent.Action.MEETING_SCHEDULED)
    # The seed report's meeting and the second report's: every demo meeting has its event.
    assert {e.meeting_id for e in scheduled} == set(
        Meeting.objects.filter(committee=committee).values_list("pk", flat=True)
    )
    assert loaded.meeting_id in {e.meeting_id for e in scheduled}


def test_a_second_report_waits_for_legal_sign_off(loaded):
    other = BriefingReport.objects.get(title=demo.SECOND_TITLE)
    assert other.status == Status.IN_SIGN_OFF
    assert [p.message for p in rules.sign_off_gaps(other)] == ["The Legal sign-off has not been given"]


def test_loading_twice_creates_nothing_twice(loaded):
    models = (Meeting, BriefingReport, ReportSection, ReportSignOff, ReportEvent, CommitteeEvent)
    counts = [m.objects.count() for m in models]
    call_command("load_demo", "--quiet-accounts")
    assert [m.objects.count() for m in models] == counts


def test_demo_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(DemoRefused):
        demo.load()
