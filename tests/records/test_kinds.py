"""One declaration per kind of record (records.kinds): the review kind, the queues' kind, the
authoring declaration and the services all come from each app's `kind.py`."""

import pytest

from decisions import documents as decision_documents
from decisions import permissions as decision_permissions
from decisions import services as decision_services
from decisions import workflow as decision_workflow
from decisions.kind import KIND as DECISION
from decisions.models import Appendix, BackgroundPaper, Decision, Event
from decisions.views import authoring as decision_authoring
from decisions.views import review as decision_review
from records.queues import Kind as QueueKind
from records.services import RecordServices
from records.views import RecordKind
from records.workflow import Transition, Workflow, actions, every_kinds_transitions
from scrutiny import services as report_services
from scrutiny import workflow as report_workflow
from scrutiny.kind import KIND as REPORT
from scrutiny.models import ReportAppendix, ReportBackgroundPaper
from scrutiny.views import authoring as report_authoring
from scrutiny.views import review as report_review


def test_kind_declaration_names_the_modules_it_is_made_of():
    assert DECISION.app == "decisions" and REPORT.app == "scrutiny"
    assert DECISION.name == "decision" and REPORT.name == "report"
    assert DECISION.event_model is Event
    assert DECISION.permissions is decision_permissions
    assert DECISION.workflow is decision_workflow and REPORT.workflow is report_workflow
    assert DECISION.documents is decision_documents


def test_kind_review_is_the_review_pages_kind():
    assert decision_review.KIND is DECISION.review and report_review.KIND is REPORT.review
    review = DECISION.review
    assert isinstance(review, RecordKind)
    assert (review.app, review.name, review.noun, review.page) == (
        "decisions",
        "decision",
        "record",
        "decisions:record",
    )
    assert review.permissions is decision_permissions and review.status is DECISION.statuses


def test_kind_queues_equal_the_queue_kind_declared_by_hand():
    # Registering the same queue twice (ready() run again) must compare equal, so it is listed once.
    assert DECISION.queues == DECISION.queues
    assert DECISION.queues == QueueKind(
        Decision, DECISION.statuses, Event, "decision", DECISION.label, "decisions:record", "decisions:tasks"
    )
    assert REPORT.queues.status_related == ("meeting",)


def test_kind_authoring_takes_the_kinds_words_models_and_appendices_page():
    decision, report = decision_authoring.KIND, report_authoring.KIND
    assert (decision.namespace, decision.noun, decision.short_noun) == ("decisions", "decision record", "record")
    assert (decision.appendix_model, decision.paper_model) == (Appendix, BackgroundPaper)
    assert (report.appendix_model, report.paper_model) == (ReportAppendix, ReportBackgroundPaper)
    assert decision.record_url == "record" and report.record_url == "report"
    assert "appendices" in decision.pages and "appendices" in report.pages
    assert decision.check_queryset is DECISION.queryset  # the record's own template reads the staff queryset


@pytest.mark.django_db
def test_kind_authoring_appendices_page_has_the_kinds_forms(officer):
    from tests.scrutiny.factories import BriefingReportFactory

    report = BriefingReportFactory(author=officer)
    extra = report_authoring.KIND.extra["appendices"](report)
    assert extra["appendix_form"].record == report and extra["paper_form"].record == report


def test_services_of_a_kind_answer_the_shared_operations_under_the_apps_names():
    assert decision_services.RECORDS.kind is DECISION and report_services.RECORDS.kind is REPORT
    assert decision_services.RECORDS.deleted_as == "decision record"
    assert decision_services.withdraw_decision == decision_services.RECORDS.withdraw
    assert report_services.withdraw_report == report_services.RECORDS.withdraw
    assert decision_services.issue_sign_off_code == decision_services.RECORDS.issue_sign_off_code
    with pytest.raises(AttributeError):
        decision_services.no_such_operation  # noqa: B018 - the lookup is what is tested


def test_record_services_made_from_a_bare_model_find_its_modules_by_layout():
    services = RecordServices(Decision, deleted_as="decision record", directorate=None, ready_comment="", on_ready=None)
    assert services.permissions is decision_permissions and services.workflow is decision_workflow.WORKFLOW


def test_workflow_words_come_from_each_transition_and_the_shared_ones():
    assert decision_workflow.ACTION_LABELS[decision_workflow.Action.SIGN] == "Signed by the decision maker"
    assert decision_workflow.STATE_PHRASES[decision_workflow.Action.SIGN] == "signed"
    # A phrase not said is the label's own words.
    assert decision_workflow.STATE_PHRASES["send_to_decision_maker"] == "sent to the decision maker"
    assert report_workflow.ACTION_LABELS["return"] == "Returned to the author"
    assert report_workflow.STATE_PHRASES["publish"] == "published"


def test_workflow_without_a_label_for_an_action_is_refused():
    Action = actions(__name__, "ponder")
    status = decision_workflow.Status
    shared = every_kinds_transitions(
        Action, status, editable=frozenset(), open=frozenset(), guards=decision_workflow.GUARDS, started="Started"
    )
    transitions = {
        **shared,
        Action.RETURN: Transition(frozenset(), status.DRAFT),
        Action.PUBLISH: Transition(frozenset(), status.PUBLISHED, label="Published"),
        Action.PONDER: Transition(frozenset(), None),
    }
    with pytest.raises(ValueError, match="a label and a phrase"):
        Workflow(status=status, transitions=transitions, noun="thing")


def test_kind_declared_is_found_by_its_records_model():
    from records import kinds

    assert kinds.declared(Decision) is DECISION
    assert kinds.declared(ReportAppendix) is None  # a child is not a kind of record
