"""Doing things to briefing reports (scrutiny.services): effects, the event history, codes, email."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from council.models import Department, YearlySequence
from decisions.models import SignOff
from scrutiny import rules, services
from scrutiny.models import ApprovalHow, FrozenReport, ReportEvent, ReportSection, Status, today
from scrutiny.workflow import Action, TransitionNotAllowed
from tests.decisions.factories import Cast, DecisionFactory
from tests.decisions.factories import advance as advance_decision
from tests.scrutiny.factories import BriefingReportFactory, MeetingFactory, advance, issue_all_sign_offs

pytestmark = pytest.mark.django_db


def history(report):
    return [(e.action, e.from_status, e.to_status) for e in report.events.order_by("at", "pk")]


def headings(report):
    return list(report.sections.order_by("order").values_list("order", "heading"))


def department(slug):
    return Department.objects.get(slug=slug)


# — meetings and starting -----------------------------------------------------------------------


def test_democratic_support_schedules_a_meeting(democratic_support):
    committee = BriefingReportFactory.committee.function()
    meeting = services.schedule_meeting(
        actor=democratic_support, committee=committee, date=datetime.date(2021, 11, 17), venue="Council House"
    )
    assert (meeting.committee, meeting.date, meeting.is_agenda_published) == (
        committee,
        datetime.date(2021, 11, 17),
        False,
    )


def test_an_officer_cannot_schedule_a_meeting(officer):
    with pytest.raises(PermissionDenied):
        services.schedule_meeting(actor=officer, committee=BriefingReportFactory.committee.function(), date=today())


def test_start_report_records_who_started_it(officer):
    meeting = MeetingFactory()
    report = services.start_report(actor=officer, committee=meeting.committee, meeting=meeting)
    assert (report.status, report.author, report.author_email) == (Status.DRAFT, officer, officer.email)
    assert history(report) == [(Action.CREATE, "", Status.DRAFT)]


def test_start_report_refused_for_a_reviewer(finance_reviewer):
    with pytest.raises(PermissionDenied):
        services.start_report(actor=finance_reviewer, committee=BriefingReportFactory.committee.function())


def test_save_edits_records_what_changed(officer):
    report = BriefingReportFactory(author=officer)
    report.title = "Innovate Team CYPFS"
    services.save_edits(report, actor=officer, fields=["title"])
    assert report.events.get(action=Action.EDIT).comment == "Changed title of report"


def test_save_edits_refuses_workflow_fields(officer):
    report = BriefingReportFactory(author=officer)
    report.status = Status.PUBLISHED
    with pytest.raises(ValueError):
        services.save_edits(report, actor=officer, fields=["status"])


def test_save_edits_refused_for_someone_else(officer, other_officer):
    report = BriefingReportFactory(author=officer)
    report.title = "Mine now"
    with pytest.raises(PermissionDenied):
        services.save_edits(report, actor=other_officer, fields=["title"])


# — sections ------------------------------------------------------------------------------------


def test_add_section_appends_in_order(officer):
    report = BriefingReportFactory(author=officer, sections=[])
    for heading in ["Introduction", "Evidence of impact", "Exit planning"]:
        services.add_section(report, actor=officer, heading=heading, body="Text")
    assert headings(report) == [(1, "Introduction"), (2, "Evidence of impact"), (3, "Exit planning")]
    assert report.events.filter(action=Action.EDIT).count() == 3


def test_move_section_up_and_down_keeps_the_order_dense(officer):
    report = BriefingReportFactory(author=officer, sections=[("A", "a"), ("B", "b"), ("C", "c")])
    c = report.sections.get(heading="C")
    services.move_section(c, actor=officer, direction="up")
    assert headings(report) == [(1, "A"), (2, "C"), (3, "B")]
    services.move_section(report.sections.get(heading="A"), actor=officer, direction="down")
    assert headings(report) == [(1, "C"), (2, "A"), (3, "B")]
    assert report.events.filter(action=Action.EDIT).last().comment == "Moved section “A” down"


def test_move_section_at_the_edge_changes_nothing(officer):
    report = BriefingReportFactory(author=officer, sections=[("A", "a"), ("B", "b")])
    services.move_section(report.sections.get(heading="A"), actor=officer, direction="up")
    services.move_section(report.sections.get(heading="B"), actor=officer, direction="down")
    assert headings(report) == [(1, "A"), (2, "B")] and not report.events.exists()


def test_remove_section_closes_the_gap(officer):
    report = BriefingReportFactory(author=officer, sections=[("A", "a"), ("B", "b"), ("C", "c")])
    services.remove_section(report.sections.get(heading="A"), actor=officer)
    assert headings(report) == [(1, "B"), (2, "C")]


def test_change_section(officer):
    report = BriefingReportFactory(author=officer, sections=[("A", "a")])
    services.change_section(report.sections.get(), actor=officer, heading="Introduction", body="New", level=1)
    assert headings(report) == [(1, "Introduction")]


def test_sections_refused_for_someone_else(officer, other_officer):
    report = BriefingReportFactory(author=officer)
    with pytest.raises(PermissionDenied):
        services.add_section(report, actor=other_officer, heading="Mine")
    with pytest.raises(PermissionDenied):
        services.move_section(report.sections.first(), actor=other_officer, direction="down")


# — submission and sign-off ----------------------------------------------------------------------


def test_submit_snapshots_names_and_asks_finance_and_legal(officer, decision_maker, cabinet_member):
    report = services.submit_for_sign_off(BriefingReportFactory(author=officer), actor=officer)
    assert report.status == Status.IN_SIGN_OFF and report.submitted_at
    assert (report.lead_director_name, report.lead_member_name) == ("Dana Director", "Cllr Dave Downie")
    assert report.originating_slt_member_name == "Olive Officer"


def test_submit_refuses_the_seed_placeholder_PLACEHOLDER_1(officer):
    report = BriefingReportFactory(author=officer, plan_relevance="Click here to enter text.")
    with pytest.raises(TransitionNotAllowed) as raised:
        services.submit_for_sign_off(report, actor=officer)
    assert [p.rule for p in raised.value.reasons] == ["PLACEHOLDER-1"]


def test_finance_code_comes_from_the_shared_sequence(finance_reviewer):
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    sign_off = services.issue_sign_off_code(report, actor=finance_reviewer, department=department("finance"))
    counter = YearlySequence.objects.get(key="sign-off:finance")
    assert sign_off.code.startswith("djn.") and sign_off.code.endswith(f".{counter.last_value}")


def test_report_and_decision_share_finance_codes_and_sequence(finance_reviewer):
    advance_decision(DecisionFactory(), to="awaiting_decision")
    decision_code = SignOff.objects.get(department__slug="finance").code
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    report_code = services.issue_sign_off_code(report, actor=finance_reviewer, department=department("finance")).code
    assert int(report_code.rsplit(".", 1)[1]) == int(decision_code.rsplit(".", 1)[1]) + 1


def test_typed_legal_code_already_used_on_a_decision_is_refused(legal_reviewer):
    advance_decision(DecisionFactory(), to="awaiting_decision")
    taken = SignOff.objects.get(department__slug="legal").code
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError):
        services.issue_sign_off_code(report, actor=legal_reviewer, department=department("legal"), typed_code=taken)


def test_last_sign_off_sends_the_report_to_the_director(officer):
    report = advance(BriefingReportFactory(author=officer), to=Status.IN_SIGN_OFF)
    issue_all_sign_offs(report)
    report.refresh_from_db()
    assert report.status == Status.AWAITING_DIRECTOR
    assert history(report)[-1] == (Action.SEND_TO_DIRECTOR, Status.IN_SIGN_OFF, Status.AWAITING_DIRECTOR)


def test_a_reviewer_cannot_sign_off_for_another_department(finance_reviewer):
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    with pytest.raises(PermissionDenied):
        services.issue_sign_off_code(report, actor=finance_reviewer, department=department("legal"), typed_code="X")


def test_an_edit_in_sign_off_makes_sign_offs_stale_SIGNOFF_1(officer):
    report = advance(BriefingReportFactory(author=officer), to=Status.IN_SIGN_OFF)
    issue_all_sign_offs(report, skip=("legal",))
    report.refresh_from_db()
    report.purpose = "A new purpose"
    services.save_edits(report, actor=officer, fields=["purpose"])
    report.refresh_from_db()
    assert report.content_version == 2 and rules.current_sign_offs(report) == {}
    assert [p.message for p in rules.sign_off_gaps(report)] == [
        "The Finance sign-off is out of date after an edit",
        "The Legal sign-off has not been given",
    ]


def test_section_edits_in_sign_off_also_make_sign_offs_stale(officer):
    report = advance(BriefingReportFactory(author=officer), to=Status.IN_SIGN_OFF)
    issue_all_sign_offs(report, skip=("legal",))
    services.move_section(report.sections.first(), actor=officer, direction="down")
    report.refresh_from_db()
    assert rules.current_sign_offs(report) == {}


# — the director, the cabinet member ------------------------------------------------------------


def test_director_agrees(decision_maker):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_DIRECTOR)
    report = services.agree_report(report, actor=decision_maker, comment="Agreed.")
    assert report.status == Status.AWAITING_CABINET_MEMBER
    assert (report.director_agreed_on, report.director_agreed_by_name) == (today(), "Dana Director")


def test_someone_else_cannot_agree(other_officer):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_DIRECTOR)
    with pytest.raises(PermissionDenied):
        services.agree_report(report, actor=other_officer)


def test_cabinet_member_approves_in_the_system(cabinet_member):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_CABINET_MEMBER)
    report = services.approve_report(report, actor=cabinet_member)
    assert report.status == Status.APPROVED
    assert report.cabinet_approval_display == "Cllr Dave Downie – approved in this system"


def test_democratic_support_records_an_approval_by_email(democratic_support, cabinet_member):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_CABINET_MEMBER)
    report = services.record_cabinet_approval(
        report, actor=democratic_support, approved_on=today(), how=ApprovalHow.EMAIL, evidence="Email of today"
    )
    assert report.status == Status.APPROVED
    assert (report.cabinet_approved_by, report.cabinet_approval_recorded_by) == (cabinet_member, democratic_support)
    assert report.cabinet_approval_display == "Cllr Dave Downie – approved by email"
    event = report.events.get(action=Action.RECORD_APPROVAL)
    assert event.comment.startswith("Cllr Dave Downie – approved by email on ") and "Email of today" in event.comment


# The day of the approval as days from today, worked out when the test runs (not when it is
# collected: a run that crosses midnight would otherwise post yesterday's "today").
@pytest.mark.parametrize(
    "days_from_today,how,evidence,field",
    [
        (None, ApprovalHow.EMAIL, "Email", "approved_on"),
        (1, ApprovalHow.EMAIL, "Email", "approved_on"),
        (-1, ApprovalHow.EMAIL, "Email", "approved_on"),  # before the director
        (0, ApprovalHow.IN_SYSTEM, "Email", "how"),
        (0, ApprovalHow.EMAIL, " ", "evidence"),
    ],
)
def test_a_recorded_approval_needs_a_date_a_way_and_evidence(democratic_support, days_from_today, how, evidence, field):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_CABINET_MEMBER)
    approved_on = None if days_from_today is None else today() + datetime.timedelta(days=days_from_today)
    with pytest.raises(ValidationError) as raised:
        services.record_cabinet_approval(
            report, actor=democratic_support, approved_on=approved_on, how=how, evidence=evidence
        )
    assert set(raised.value.message_dict) == {field}


def test_only_democratic_support_records_an_approval(officer):
    report = advance(BriefingReportFactory(), to=Status.AWAITING_CABINET_MEMBER)
    with pytest.raises(PermissionDenied):
        services.record_cabinet_approval(report, actor=officer, approved_on=today(), how="email", evidence="x")


# — returning, publishing, withdrawing ------------------------------------------------------------


def test_return_clears_the_agreement_and_approval(democratic_support, officer):
    report = advance(BriefingReportFactory(author=officer), to=Status.APPROVED)
    report = services.return_to_author(report, actor=democratic_support, comment="Add the EIA.")
    assert report.status == Status.DRAFT
    assert (report.director_agreed_on, report.cabinet_approved_on, report.cabinet_approval_how) == (None, None, "")
    assert history(report)[-1] == (Action.RETURN, Status.APPROVED, Status.DRAFT)


def test_return_needs_a_comment(democratic_support):
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError):
        services.return_to_author(report, actor=democratic_support, comment=" ")


def test_publish_puts_reports_on_the_agenda_in_order(democratic_support):
    meeting = MeetingFactory()
    first = advance(BriefingReportFactory(meeting=meeting), to=Status.PUBLISHED)
    second = advance(BriefingReportFactory(meeting=meeting), to=Status.PUBLISHED)
    meeting.refresh_from_db()
    assert meeting.is_agenda_published
    assert list(meeting.agenda()) == [first, second]
    assert (first.agenda_position, second.agenda_position) == (1, 2)


def test_every_transition_is_in_the_history():
    report = advance(BriefingReportFactory(), to=Status.PUBLISHED, by_email=True)
    actions = [a for a, _, _ in history(report)]
    assert actions == [
        Action.SUBMIT,
        Action.ISSUE_SIGN_OFF,
        Action.ISSUE_SIGN_OFF,
        Action.SEND_TO_DIRECTOR,
        Action.AGREE,
        Action.RECORD_APPROVAL,
        Action.PUBLISH,
    ]
    assert history(report)[-1] == (Action.PUBLISH, Status.APPROVED, Status.PUBLISHED)


def test_withdraw(officer):
    report = services.withdraw_report(BriefingReportFactory(author=officer), actor=officer, comment="Not needed.")
    assert report.status == Status.WITHDRAWN


def test_events_are_append_only():
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    event = report.events.first()
    event.comment = "rewritten"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert ReportEvent.objects.filter(comment="rewritten").count() == 0


# — frozen after publication ---------------------------------------------------------------------


@pytest.fixture
def published(db):
    return advance(BriefingReportFactory(), to=Status.PUBLISHED)


def test_a_published_report_cannot_change(published):
    published.title = "Changed"
    with pytest.raises(FrozenReport):
        published.save()
    with pytest.raises(FrozenReport):
        published.delete()


def test_a_published_report_cannot_go_back(published):
    published.status = Status.DRAFT
    with pytest.raises(FrozenReport):
        published.save()


def test_a_published_reports_children_refuse_change(published):
    section = published.sections.first()
    section.body = "Changed"
    with pytest.raises(FrozenReport):
        section.save()
    with pytest.raises(FrozenReport):
        section.delete()
    with pytest.raises(FrozenReport):
        ReportSection.objects.create(report=published, order=99, heading="New", body="x")
    with pytest.raises(FrozenReport):
        published.sign_offs.first().delete()


def test_services_refuse_a_published_report(published):
    with pytest.raises(PermissionDenied):
        services.add_section(published, actor=published.author, heading="More")
    with pytest.raises(PermissionDenied):
        services.withdraw_report(published, actor=published.author, comment="Too late")


# — decisions ↔ reports ---------------------------------------------------------------------------


def test_a_report_links_to_the_decisions_it_is_about(officer):
    decision = advance_decision(DecisionFactory(), to="published")
    report = BriefingReportFactory(author=officer)
    services.save_edits(report, actor=officer, fields=[], m2m={"decisions": [decision]})
    assert list(decision.scrutiny_reports.all()) == [report]
    assert report.events.get(action=Action.EDIT).comment == "Changed decisions"


# — email, after commit --------------------------------------------------------------------------


def recipients(mailoutbox):
    return [(m.subject.split(":")[0], sorted(m.to)) for m in mailoutbox]


def test_no_email_before_the_transaction_commits(officer, django_capture_on_commit_callbacks, mailoutbox):
    report = BriefingReportFactory(author=officer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_for_sign_off(report, actor=officer)
    assert callbacks and mailoutbox == []


def test_submission_emails_finance_and_legal(
    officer, finance_reviewer, legal_reviewer, django_capture_on_commit_callbacks, mailoutbox
):
    report = BriefingReportFactory(author=officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_for_sign_off(report, actor=officer)
    assert recipients(mailoutbox) == [
        ("Sign-off needed", [finance_reviewer.email]),
        ("Sign-off needed", [legal_reviewer.email]),
    ]


def test_the_director_the_cabinet_member_and_democratic_support_are_told_in_turn(
    decision_maker, cabinet_member, democratic_support, django_capture_on_commit_callbacks, mailoutbox
):
    report = advance(BriefingReportFactory(), to=Status.IN_SIGN_OFF)
    with django_capture_on_commit_callbacks(execute=True):
        issue_all_sign_offs(report, Cast())
    with django_capture_on_commit_callbacks(execute=True):
        services.agree_report(report, actor=decision_maker)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_report(report, actor=cabinet_member)
    assert recipients(mailoutbox) == [
        ("Your agreement is needed", [decision_maker.email]),
        ("Your approval is needed", [cabinet_member.email]),
        ("Ready to publish", [democratic_support.email]),
    ]


def test_returning_and_publishing_email_the_author(
    officer, democratic_support, django_capture_on_commit_callbacks, mailoutbox
):
    report = advance(BriefingReportFactory(author=officer), to=Status.APPROVED)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report, actor=democratic_support)
    assert recipients(mailoutbox) == [("Published", [officer.email])]
    assert f"/scrutiny/reports/{report.pk}/" in mailoutbox[0].body
