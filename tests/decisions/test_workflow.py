"""The lifecycle as data (decisions.workflow): every status × every action, and the guards."""

import datetime

import pytest

from decisions import workflow
from decisions.models import Decision, today
from decisions.workflow import Action, Status
from tests.conftest import built_once_per_module, held_for_the_test
from tests.decisions.factories import DecisionFactory, advance

# What the design allows (DESIGN.md, Lifecycle), written out independently of TRANSITIONS.
ALLOWED = {
    Status.DRAFT: {Action.EDIT, Action.SUBMIT, Action.WITHDRAW},
    Status.IN_SIGN_OFF: {
        Action.EDIT,
        Action.ISSUE_SIGN_OFF,
        Action.REQUEST_AGREEMENT,
        Action.AGREE_URGENCY,
        Action.DECLINE_URGENCY,
        Action.RECORD_AGREEMENT,
        Action.SEND_TO_DECISION_MAKER,
        Action.RETURN,
        Action.WITHDRAW,
    },
    Status.AWAITING_DECISION: {Action.RETURN, Action.SIGN, Action.WITHDRAW},
    Status.DECIDED: {Action.PUBLISH},
    Status.PUBLISHED: {Action.DISPOSE_PAPERS},  # OLGB-6: its background papers' files, after their date
    Status.WITHDRAWN: set(),
}

TARGETS = {
    Action.SUBMIT: Status.IN_SIGN_OFF,
    Action.DECLINE_URGENCY: Status.DRAFT,
    Action.SEND_TO_DECISION_MAKER: Status.AWAITING_DECISION,
    Action.RETURN: Status.DRAFT,
    Action.SIGN: Status.DECIDED,
    Action.PUBLISH: Status.PUBLISHED,
    Action.WITHDRAW: Status.WITHDRAWN,
}


@pytest.fixture
def record_in(db):
    """An urgent record (so the chair's guards can pass) moved to a status through the services."""

    def make(status):
        return advance(DecisionFactory(urgent=True), to=status)

    return make


def test_transitions_match_the_design_for_every_status_and_action():
    for status in Status:
        for action in Action:
            assert workflow.allowed_in_status(status, action) == (action in ALLOWED[status]), (status, action)


# Every action at every status: the same record at one status for each action, built once for
# the module (tests/conftest.py: built_once_per_module), each test in its own savepoint.
@built_once_per_module("_one_in_each_status")
def _one_in_each_status_built():
    return {status: advance(DecisionFactory(urgent=True), to=status).pk for status in Status}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_blockers_state_problem_exactly_when_transitions_forbid(request, _one_in_each_status, db, status, action):
    decision = Decision.objects.get(pk=held_for_the_test(request, _one_in_each_status)[status])
    problems = workflow.blockers(decision, action)
    state_problems = [p for p in problems if p.rule == "STATE"]
    if action in ALLOWED[status]:
        assert state_problems == []
    else:
        assert len(problems) == 1 and len(state_problems) == 1
        assert state_problems[0].message.startswith(f"A record that is {status.label.lower()} cannot be ")


@pytest.mark.parametrize("action", list(Action))
def test_target_is_the_declared_status_or_unchanged(action):
    class Record:
        status = Status.IN_SIGN_OFF

    unchanged = Status.DRAFT if action == Action.CREATE else Status.IN_SIGN_OFF
    assert workflow.target(Record(), action) == TARGETS.get(action, unchanged)


def test_create_is_never_allowed_on_an_existing_record():
    assert all(not workflow.allowed_in_status(status, Action.CREATE) for status in Status)


def test_state_problem_reads_as_a_sentence(record_in):
    decision = record_in(Status.DECIDED)
    assert [str(p) for p in workflow.blockers(decision, Action.EDIT)] == ["A record that is decided cannot be edited"]


def test_available_actions_of_a_draft_are_edit_submit_withdraw(db):
    assert set(workflow.available_actions(DecisionFactory())) == {Action.EDIT, Action.SUBMIT, Action.WITHDRAW}


# — guards ----------------------------------------------------------------------------------------


def test_submit_guard_blocks_an_incomplete_record_REQUIRED_1(db):
    """REQUIRED-1: a record with a required section empty cannot be submitted."""
    decision = DecisionFactory(title="")
    problems = workflow.blockers(decision, Action.SUBMIT)
    assert [(p.rule, p.field) for p in problems] == [("REQUIRED-1", "title")]


def test_submit_guard_allows_a_complete_record(db):
    assert workflow.blockers(DecisionFactory(), Action.SUBMIT) == []


def test_send_to_decision_maker_guard_lists_missing_sign_offs_SIGNOFF_1(record_in):
    """SIGNOFF-1: the record cannot reach the decision maker until every required sign-off is current."""
    decision = record_in(Status.IN_SIGN_OFF)
    problems = workflow.blockers(decision, Action.SEND_TO_DECISION_MAKER)
    assert {p.rule for p in problems} == {"SIGNOFF-1", "CALL-2"}
    assert "The Finance sign-off has not been given" in [p.message for p in problems]


def test_chair_guards_block_a_record_that_is_not_urgent_CALL_2(db):
    """CALL-2: only an urgent record asks the scrutiny chair anything."""
    decision = advance(DecisionFactory(), to=Status.IN_SIGN_OFF)
    for action in (Action.REQUEST_AGREEMENT, Action.AGREE_URGENCY, Action.DECLINE_URGENCY, Action.RECORD_AGREEMENT):
        assert [p.rule for p in workflow.blockers(decision, action)] == ["CALL-2"]


def test_sign_guard_passes_a_record_ready_for_decision(record_in):
    assert workflow.blockers(record_in(Status.AWAITING_DECISION), Action.SIGN) == []


def test_sign_guard_uses_the_date_of_decision_given_EXEC_5(db):
    """EXEC-5: the guard checks the notice against the date the decision would be taken."""
    decision = advance(DecisionFactory(key=True), to=Status.AWAITING_DECISION)
    published = decision.plan_item.first_published_on
    too_soon = published + datetime.timedelta(days=28)
    assert "EXEC-5" in [p.rule for p in workflow.blockers(decision, Action.SIGN, decided_on=too_soon)]
    assert workflow.blockers(decision, Action.SIGN, decided_on=today()) == []
