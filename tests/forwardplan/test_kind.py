"""The Forward Plan item declared once (forwardplan/kind.py, records.kinds): its staff pages, queues,
services and who-may take it from there, and its workflow says its own words per transition."""

from forwardplan import apps, permissions, services, workflow
from forwardplan.kind import KIND
from forwardplan.models import Event, PlanItem, Status
from forwardplan.views import staff
from records import kinds
from records.queues import Kind as QueueKind
from records.workflow import SHARED_ACTIONS


def test_kind_plan_item_is_declared_for_its_model():
    assert kinds.declared(PlanItem) is KIND
    assert (KIND.app, KIND.name, KIND.event_model) == ("forwardplan", "item", Event)
    assert KIND.permissions is permissions and KIND.workflow is workflow
    assert KIND.documents is None  # a plan item has no public PDF


def test_kind_plan_item_staff_pages_queues_and_services_derive_from_it():
    assert staff.KIND is KIND.review
    assert (staff.KIND.noun, staff.KIND.page, staff.KIND.caption) == (
        "Forward Plan item",
        "forwardplan:item",
        "forwardplan/manage/_caption.html",
    )
    # A draft opens on the item's own page: it has no task list.
    assert apps.kind() == QueueKind(PlanItem, Status, Event, "item", KIND.label, "forwardplan:item", "forwardplan:item")
    assert services.RECORDS.kind is KIND and services.RECORDS.deleted_as == "Forward Plan item"
    assert services.return_to_author == services.RECORDS.return_to_author


def test_workflow_plan_item_actions_are_the_shared_ones_and_its_own():
    assert {a.value for a in workflow.Action} == SHARED_ACTIONS | {"defer", "republish"}
    assert workflow.Action.DEFER == "defer"


def test_workflow_plan_item_words_are_its_own_where_said_EXEC_5():
    labels, phrases = workflow.ACTION_LABELS, workflow.STATE_PHRASES
    assert labels[workflow.Action.EDIT] == "Changed"  # a public item's change is public history
    assert labels[workflow.Action.RETURN] == "Returned to the author"  # the shared words
    assert labels[workflow.Action.PUBLISH] == "Published on the Forward Plan"
    assert phrases[workflow.Action.SUBMIT] == "proposed for the Forward Plan"
    assert phrases[workflow.Action.DEFER] == "deferred"  # its label's words
    assert phrases[workflow.Action.EDIT] == "edited"


def test_workflow_plan_item_no_department_signs_it_off():
    assert not any(workflow.allowed_in_status(status, workflow.Action.ISSUE_SIGN_OFF) for status in Status)
