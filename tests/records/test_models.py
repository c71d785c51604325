"""The abstract bases in `records.models` hold for every kind of record: each kind declares what
its base needs, every child of a record freezes with it, and the bases changed no column."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from council.models import Department
from records.models import FrozenRecord, Record, RecordChild, RecordEvent, SignOffBase

RECORDS = [m for m in apps.get_models() if issubclass(m, Record)]
# Kinds that departments sign off and that freeze on publication (decision records, briefing
# reports); a Forward Plan item has neither: it is published for Democratic Support to keep up to date.
SIGNED_OFF = [m for m in RECORDS if m.SIGN_OFF_STATUS is not None]
NOT_SIGNED_OFF = [m for m in RECORDS if m.SIGN_OFF_STATUS is None]
CHILDREN = [m for m in apps.get_models() if issubclass(m, RecordChild)]


def test_record_kinds_are_found():
    names = {m.__name__ for m in RECORDS}
    assert {"Decision", "BriefingReport"} <= names


def test_models_match_their_migrations_no_changes(db):
    """Moving columns into the abstract bases kept every column as it was."""
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # SystemExit(1) on a change
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("record", SIGNED_OFF, ids=lambda m: m.__name__)
def test_record_declares_statuses_its_status_has(record):
    statuses = {value for value, _ in record._meta.get_field("status").choices}
    assert record.FROZEN_STATUSES and set(record.FROZEN_STATUSES) <= statuses
    assert {record.DRAFT_STATUS, record.SIGN_OFF_STATUS, record.PUBLIC_STATUS} <= statuses
    assert record.PUBLIC_STATUS in record.FROZEN_STATUSES


@pytest.mark.parametrize("record", SIGNED_OFF, ids=lambda m: m.__name__)
def test_record_declares_its_freeze_words_and_flags(record):
    assert issubclass(record.FROZEN_ERROR, FrozenRecord)
    assert "{field}" in record.FROZEN_MESSAGE
    assert isinstance(Department._meta.get_field(record.DEPARTMENT_MANDATORY_FLAG), models.BooleanField)
    concrete = {f.name for f in record._meta.concrete_fields}
    assert record.FIELDS_EDITABLE_WHEN_FROZEN <= concrete and record.PUBLIC_PDF_FIELDS <= concrete


@pytest.mark.parametrize("record", SIGNED_OFF, ids=lambda m: m.__name__)
def test_record_has_sign_offs_and_events_bases_expect(record):
    """RecordQuerySet.awaiting_sign_off_by and Record.last_return ask these reverse relations."""
    assert issubclass(record._meta.get_field("sign_offs").related_model, SignOffBase)
    assert issubclass(record._meta.get_field("events").related_model, RecordEvent)


@pytest.mark.parametrize("record", NOT_SIGNED_OFF, ids=lambda m: m.__name__)
def test_record_without_sign_off_declares_statuses_words_and_events(record):
    statuses = {value for value, _ in record._meta.get_field("status").choices}
    assert record.FROZEN_STATUSES and set(record.FROZEN_STATUSES) <= statuses
    # A notice is given published: it has no draft.
    assert record.PUBLIC_STATUS in statuses and record.DRAFT_STATUS in {*statuses, None}
    assert issubclass(record.FROZEN_ERROR, FrozenRecord)
    assert "{field}" in record.FROZEN_MESSAGE
    concrete = {f.name for f in record._meta.concrete_fields}
    assert record.FIELDS_EDITABLE_WHEN_FROZEN <= concrete and record.PUBLIC_PDF_FIELDS <= concrete
    assert issubclass(record._meta.get_field("events").related_model, RecordEvent)


def test_every_kind_but_the_forward_plan_and_notices_is_signed_off():
    """Only a kind that declares it has no sign-off is spared the sign-off checks above."""
    assert {m.__name__ for m in NOT_SIGNED_OFF} == {"PlanItem", "Notice", "CallIn"}
    assert {"Decision", "BriefingReport"} <= {m.__name__ for m in SIGNED_OFF}


@pytest.mark.parametrize("child", CHILDREN, ids=lambda m: m.__name__)
def test_record_child_names_its_fk_to_a_record(child):
    fk = child._meta.get_field(child.RECORD_FIELD)
    assert fk.many_to_one and issubclass(fk.related_model, Record)


def test_record_children_all_freeze_with_their_record():
    """A new model hanging off a record must take the frozen-child guard (its history is append-only).
    A record that links another record (a decision its plan item, a notice its decision) is no child:
    it freezes by its own rules."""
    unguarded = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.many_to_one
        and field.concrete
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, Record)
        and not issubclass(model, RecordChild | RecordEvent | Record)
    ]
    assert unguarded == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda m: m.__name__)
def test_record_event_labels_come_from_its_workflow(record):
    event_model = record._meta.get_field("events").related_model
    assert event_model(action="no_such_action").action_label == "No such action"
    assert event_model(action="return").action_label != "Return"  # the workflow's own words
