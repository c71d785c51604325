import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from council.integrity import EditConflict
from forwardplan import services
from forwardplan.models import DecisionMakerType, PlanItem
from forwardplan.workflow import Action
from tests.forwardplan.factories import complete_fields, draft_item, published_item, submitted_item

pytestmark = pytest.mark.django_db


def test_create_item_by_officer_leaves_created_event(officer):
    item = draft_item(officer)
    assert item.author == officer
    assert [e.action for e in item.events.all()] == [Action.CREATE]


def test_create_item_by_democratic_support_only_refused(democratic_support):
    with pytest.raises(PermissionDenied):
        services.create_item(actor=democratic_support, **complete_fields())


def test_create_item_with_reversed_period_refused(officer):
    with pytest.raises(ValidationError) as refused:
        services.create_item(actor=officer, **complete_fields(expected_to=datetime.date(2027, 2, 1)))
    assert "expected_to" in refused.value.error_dict
    assert not PlanItem.objects.exists()


def test_create_item_with_workflow_field_refused(officer):
    with pytest.raises(ValueError):
        services.create_item(actor=officer, status="published", **complete_fields())


def test_submit_emails_democratic_support(officer, democratic_support, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submitted_item(officer)
    assert any(democratic_support.email in m.to for m in mailoutbox)


def test_save_edits_stale_revision_refused(officer):
    item = draft_item(officer)
    seen = item.revision
    services.save_edits(item, actor=officer, data={"title": "First change"}, revision=seen)
    with pytest.raises(EditConflict):
        services.save_edits(item, actor=officer, data={"title": "Second change"}, revision=seen)
    item.refresh_from_db()
    assert item.title == "First change"


def test_save_edits_of_published_item_cannot_remove_what_reg_9_needs_EXEC_5(officer, democratic_support):
    item = published_item(officer, democratic_support)
    with pytest.raises(ValidationError) as refused:
        services.save_edits(item, actor=democratic_support, data={"documents_how": ""})
    assert "documents_how" in refused.value.error_dict
    item.refresh_from_db()
    assert item.documents_how


def test_save_edits_of_draft_may_leave_it_unfinished(officer):
    item = services.save_edits(draft_item(officer), actor=officer, data={"documents": ""})
    assert item.documents == ""


def test_officer_decision_maker_needs_the_officer_EXEC_5(officer, democratic_support):
    item = draft_item(officer, decision_maker_type=DecisionMakerType.OFFICER)
    with pytest.raises(Exception) as refused:
        services.submit(item, actor=officer)
    assert "decision_maker" in {p.field for p in refused.value.reasons}


def test_cabinet_member_decision_maker_needs_portfolio_EXEC_5(officer):
    item = draft_item(officer, decision_maker_type=DecisionMakerType.CABINET_MEMBER)
    with pytest.raises(Exception) as refused:
        services.submit(item, actor=officer)
    assert "portfolio" in {p.field for p in refused.value.reasons}


def test_exempt_without_paragraph_refused_on_submit_EXEC_5(officer):
    item = draft_item(officer, expected_exempt=True)
    with pytest.raises(Exception) as refused:
        services.submit(item, actor=officer)
    assert "exempt_paragraphs" in {p.field for p in refused.value.reasons}


def test_references_count_up_within_municipal_year(officer, democratic_support):
    first = published_item(officer, democratic_support)
    second = published_item(officer, democratic_support)
    a, b = (int(i.reference.rsplit("/", 1)[1]) for i in (first, second))
    assert b == a + 1


def test_return_then_publish_keeps_one_reference(officer, democratic_support):
    item = submitted_item(officer)
    item = services.return_to_author(item, actor=democratic_support, comment="Fix the date")
    item = services.submit(item, actor=officer)
    item = services.publish(item, actor=democratic_support)
    assert item.reference
    assert item.events.filter(action=Action.PUBLISH).count() == 1


def test_answers_made_irrelevant_are_dropped(officer, decision_maker):
    item = draft_item(officer, decision_maker=decision_maker, expected_exempt=False, exempt_paragraphs=[3])
    assert item.decision_maker is None and item.exempt_paragraphs == []
    item = services.save_edits(
        item, actor=officer, data={"decision_maker_type": DecisionMakerType.OFFICER, "decision_maker": decision_maker}
    )
    assert item.decision_maker == decision_maker
    item = services.save_edits(item, actor=officer, data={"decision_maker_type": DecisionMakerType.CABINET})
    assert item.decision_maker is None
