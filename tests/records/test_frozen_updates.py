"""FROZEN-1 by every door: a bulk update never calls a model's save(), so the querysets refuse it too.

A frozen record's content and its going back to an earlier stage, its children and every row of a
history are refused through `QuerySet.update()` and `bulk_update()` (which calls it), for both kinds of
record; the record's bookkeeping (its save stamp, a failed PDF render) may still change, and a record
not yet frozen is updated as before. (Deleting is refused the same way: tests/records/test_retention.py.)
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from decisions.models import Decision
from records.models import FrozenRecord
from scrutiny.models import BriefingReport
from tests.decisions.factories import DecisionFactory
from tests.records.conftest import DECISION_CHILDREN, REPORT_CHILDREN

pytestmark = pytest.mark.usefixtures("no_pdf_render")


def _refused(change):
    with pytest.raises((FrozenRecord, ValidationError)) as refused, transaction.atomic():
        change()
    return refused.value


def _doors(record, children_names):
    """Every bulk way to change a frozen record, its children or its history, each as a callable."""
    model = type(record)
    title = model._meta.get_field("title")
    doors = {
        "an update of its content": lambda: model.objects.filter(pk=record.pk).update(title="Changed"),
        "an update of every record's content": lambda: model.objects.all().update(title="Changed"),
        "an update taking it back to draft": lambda: model.objects.filter(pk=record.pk).update(status="draft"),
        "a bulk_update of its content": lambda: model.objects.bulk_update(
            [setattr(record, title.attname, "Changed") or record], [title.name]
        ),
        "an update of its history": lambda: record.events.all().update(comment="Changed"),
        "an update of its history's time": lambda: record.events.model.objects.update(at=timezone.now()),
    }
    for name in children_names:
        manager = getattr(record, name)
        parent = manager.model.RECORD_FIELD
        doors[f"an update of its {name}"] = lambda manager=manager, parent=parent: manager.all().update(
            **{parent: record}
        )
        doors[f"a bulk_update of its {name}"] = lambda manager=manager, parent=parent: (
            manager.model.objects.bulk_update(list(manager.all()), [parent])
        )
    return doors


def _no_update_changes(record, children_names):
    model = type(record)
    before = model._base_manager.filter(pk=record.pk).values().get()
    events = list(record.events.values())
    for door, change in _doors(record, children_names).items():
        error = _refused(change)
        assert "cannot" in str(error) or "append-only" in str(error), f"{door}: {error}"
    assert model._base_manager.filter(pk=record.pk).values().get() == before
    assert list(record.events.values()) == events


def test_no_bulk_update_changes_a_signed_decision_FROZEN_1(published_decision):
    _no_update_changes(published_decision, DECISION_CHILDREN)
    message = str(_refused(lambda: Decision.objects.filter(pk=published_decision.pk).update(title="Changed")))
    assert "its title of decision cannot be changed" in message
    reopen = str(_refused(lambda: Decision.objects.filter(pk=published_decision.pk).update(status="draft")))
    assert "cannot go back to an earlier stage" in reopen


def test_no_bulk_update_changes_a_published_report_FROZEN_1(published_report):
    _no_update_changes(published_report, REPORT_CHILDREN)
    assert "its status cannot be changed" in str(
        _refused(lambda: BriefingReport.objects.filter(pk=published_report.pk).update(status="draft"))
    )


def test_a_frozen_records_bookkeeping_and_a_drafts_content_still_update_FROZEN_1(published_decision, cast):
    stamp = timezone.now() - datetime.timedelta(minutes=5)
    assert Decision.objects.filter(pk=published_decision.pk).update(updated_at=stamp, public_pdf_error="") == 1
    draft = DecisionFactory(cast=cast)
    assert Decision.objects.filter(pk=draft.pk).update(title="Changed while a draft") == 1
    assert draft.appendices.update(title="Renamed") == draft.appendices.count()
