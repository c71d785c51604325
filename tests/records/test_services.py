"""The record services every kind of record shares (records.services), asked of both kinds alike."""

import pytest
from django.db import transaction

from decisions import permissions as decision_permissions
from decisions import services as decision_services
from decisions.models import Status as DecisionStatus
from records.workflow import Transition, Workflow
from scrutiny import permissions as report_permissions
from scrutiny import services as report_services
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db

KINDS = {
    "decision": (decision_services, decision_permissions, DecisionFactory, DecisionStatus),
    "report": (report_services, report_permissions, BriefingReportFactory, ReportStatus),
}


@pytest.mark.parametrize("kind", KINDS)
def test_touch_saves_the_new_revision_for_both_kinds(kind, officer):
    services, _, factory, _ = KINDS[kind]
    record = factory(author=officer)
    with transaction.atomic():
        locked = services.RECORDS.lock(record)
        services.RECORDS.touch(locked, actor=officer, summary="Checked the figures")
    record.refresh_from_db()
    # Saved by touch itself: no caller can bump the revision and forget to keep it.
    assert record.revision == locked.revision == 2
    assert record.events.get(action="edit").comment == "Checked the figures"


@pytest.mark.parametrize("kind", KINDS)
def test_save_edits_refuses_workflow_fields_for_both_kinds(kind, officer):
    services, _, factory, status = KINDS[kind]
    record = factory(author=officer)
    record.status = status.PUBLISHED
    with pytest.raises(ValueError, match="Not editable by the author: status"):
        services.save_edits(record, actor=officer, fields=["status"])
    record.refresh_from_db()
    assert record.status == status.DRAFT and not record.events.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_can_return_only_where_the_workflow_allows_a_return(kind, democratic_support):
    services, permissions, _, status = KINDS[kind]
    workflow = services.RECORDS.workflow
    for value in status:
        record = type("Record", (), {"status": value})()
        allowed = workflow.allowed_in_status(value, "return")
        assert permissions.can_return(democratic_support, record) == allowed, value


def test_workflow_refuses_an_action_without_its_words():
    with pytest.raises(ValueError, match="a label and a phrase"):
        Workflow(
            status=DecisionStatus,
            transitions={"edit": Transition(frozenset({DecisionStatus.DRAFT}), None)},
            labels={"edit": "Edited"},
            phrases={},
            noun="record",
        )
