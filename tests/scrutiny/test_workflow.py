"""The lifecycle as data (scrutiny.workflow): every status × every action, and the guards."""

import pytest

from scrutiny import workflow
from scrutiny.models import BriefingReport, Status
from scrutiny.workflow import Action
from tests.conftest import built_once_per_module, held_for_the_test
from tests.scrutiny.factories import BriefingReportFactory, advance

SUBMITTED = {Status.IN_SIGN_OFF, Status.AWAITING_DIRECTOR, Status.AWAITING_CABINET_MEMBER, Status.APPROVED}

# What the design allows (DESIGN.md and issue #5), written out independently of TRANSITIONS.
ALLOWED = {
    Status.DRAFT: {Action.EDIT, Action.SUBMIT, Action.WITHDRAW},
    Status.IN_SIGN_OFF: {Action.EDIT, Action.ISSUE_SIGN_OFF, Action.SEND_TO_DIRECTOR, Action.RETURN, Action.WITHDRAW},
    Status.AWAITING_DIRECTOR: {Action.AGREE, Action.RETURN, Action.WITHDRAW},
    Status.AWAITING_CABINET_MEMBER: {Action.APPROVE, Action.RECORD_APPROVAL, Action.RETURN, Action.WITHDRAW},
    Status.APPROVED: {Action.PUBLISH, Action.RETURN, Action.WITHDRAW},
    Status.PUBLISHED: {Action.DISPOSE_PAPERS},  # OLGB-6: its background papers' files, after their date
    Status.WITHDRAWN: set(),
}

TARGETS = {
    Action.SUBMIT: Status.IN_SIGN_OFF,
    Action.SEND_TO_DIRECTOR: Status.AWAITING_DIRECTOR,
    Action.AGREE: Status.AWAITING_CABINET_MEMBER,
    Action.APPROVE: Status.APPROVED,
    Action.RECORD_APPROVAL: Status.APPROVED,
    Action.RETURN: Status.DRAFT,
    Action.PUBLISH: Status.PUBLISHED,
    Action.WITHDRAW: Status.WITHDRAWN,
}


@pytest.fixture
def report_in(db):
    def make(status):
        return advance(BriefingReportFactory(), to=status)

    return make


def test_transitions_match_the_design_for_every_status_and_action():
    for status in Status:
        for action in Action:
            assert workflow.allowed_in_status(status, action) == (action in ALLOWED[status]), (status, action)


# Every action at every status: the same record at one status for each action, built once for
# the module (tests/conftest.py: built_once_per_module), each test in its own savepoint.
@built_once_per_module("_one_in_each_status")
def _one_in_each_status_built():
    return {status: advance(BriefingReportFactory(), to=status).pk for status in Status}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_blockers_state_problem_exactly_when_transitions_forbid(request, _one_in_each_status, db, status, action):
    report = BriefingReport.objects.get(pk=held_for_the_test(request, _one_in_each_status)[status])
    problems = workflow.blockers(report, action)
    state_problems = [p for p in problems if p.rule == "STATE"]
    if action in ALLOWED[status]:
        assert state_problems == []
    else:
        assert len(problems) == 1 and len(state_problems) == 1
        assert state_problems[0].message.startswith(f"A report that is {status.label.lower()} cannot be ")


@pytest.mark.parametrize("action", list(Action))
def test_target_is_the_declared_status_or_unchanged(action):
    class Report:
        status = Status.IN_SIGN_OFF

    unchanged = Status.DRAFT if action == Action.CREATE else Status.IN_SIGN_OFF
    assert workflow.target(Report(), action) == TARGETS.get(action, unchanged)


def test_every_action_has_a_label_and_a_state_phrase():
    assert set(workflow.ACTION_LABELS) == set(Action) == set(workflow.STATE_PHRASES)


def test_available_actions_of_an_approved_report(report_in):
    assert set(workflow.available_actions(report_in(Status.APPROVED))) == ALLOWED[Status.APPROVED]


def test_submit_is_blocked_by_an_incomplete_report_REQUIRED_1(db):
    report = BriefingReportFactory(purpose="")
    assert [p.field for p in workflow.blockers(report, Action.SUBMIT)] == ["purpose"]


def test_send_to_director_is_blocked_until_every_sign_off_is_in_SIGNOFF_1(report_in):
    report = report_in(Status.IN_SIGN_OFF)
    problems = workflow.blockers(report, Action.SEND_TO_DIRECTOR)
    assert {p.rule for p in problems} == {"SIGNOFF-1"}
    assert {p.message for p in problems} == {
        "The Finance sign-off has not been given",
        "The Legal sign-off has not been given",
    }


def test_publish_is_blocked_by_placeholder_text_PLACEHOLDER_1(report_in):
    report = report_in(Status.APPROVED)
    report.plan_relevance = "Click here to enter text."  # as if changed behind the workflow's back
    problems = workflow.blockers(report, Action.PUBLISH)
    assert [(p.rule, p.field) for p in problems] == [("PLACEHOLDER-1", "plan_relevance")]


@pytest.mark.parametrize("status", sorted(SUBMITTED))
def test_return_goes_back_to_draft_from_every_submitted_status(status):
    assert workflow.TRANSITIONS[Action.RETURN].sources == frozenset(SUBMITTED)
    assert workflow.TRANSITIONS[Action.RETURN].target == Status.DRAFT
