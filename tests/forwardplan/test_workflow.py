"""Each move of a Forward Plan item, who may make it, and the first publication fixed (EXEC-5)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from forwardplan import permissions, services
from forwardplan.models import Status
from forwardplan.workflow import Action, TransitionNotAllowed, blockers
from tests.forwardplan.factories import clock, draft_item, published_item, submitted_item

pytestmark = pytest.mark.django_db
LATER = datetime.date(2027, 6, 1)


def test_submit_moves_draft_to_submitted(officer):
    item = services.submit(draft_item(officer), actor=officer)
    assert item.status == Status.SUBMITTED
    assert item.submitted_at is not None
    assert item.events.last().action == Action.SUBMIT


def test_submit_incomplete_refused_with_problems_EXEC_5(officer):
    item = draft_item(officer, documents="", contact_name="")
    with pytest.raises(TransitionNotAllowed) as refused:
        services.submit(item, actor=officer)
    fields = {p.field for p in refused.value.reasons}
    assert {"documents", "contact_name"} <= fields


def test_submit_by_another_officer_refused(officer, other_officer):
    with pytest.raises(PermissionDenied):
        services.submit(draft_item(officer), actor=other_officer)


def test_publish_allocates_reference_and_first_publication_EXEC_5(officer, democratic_support):
    with clock(datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)):
        item = published_item(officer, democratic_support)
    assert item.status == Status.PUBLISHED
    assert item.reference == "FP 2026/001"
    assert item.reference_slug == "fp-2026-001"
    assert item.first_published_at == datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)
    assert item.first_published_on == datetime.date(2026, 6, 10)
    assert published_item(officer, democratic_support).reference.startswith("FP ")


def test_publish_by_officer_refused(officer):
    with pytest.raises(PermissionDenied):
        services.publish(submitted_item(officer), actor=officer)


def test_return_sends_submitted_back_to_draft_with_comment(officer, democratic_support, mailoutbox):
    item = services.return_to_author(submitted_item(officer), actor=democratic_support, comment="Add the documents")
    assert item.status == Status.DRAFT
    assert item.last_return().comment == "Add the documents"


def test_defer_keeps_item_public_with_reason_and_date(officer, democratic_support):
    item = services.defer(
        published_item(officer, democratic_support),
        actor=democratic_support,
        reason="Awaiting consultation",
        expected_from=LATER,
    )
    assert item.status == Status.DEFERRED
    assert item.status_reason == "Awaiting consultation"
    assert item.expected_from == LATER
    assert item.is_on_public_plan


def test_defer_without_new_date_refused_EXEC_5(officer, democratic_support):
    item = published_item(officer, democratic_support)
    with pytest.raises(TransitionNotAllowed):
        services.defer(item, actor=democratic_support, reason="Later", expected_from=None)


def test_republish_puts_deferred_item_back_with_date(officer, democratic_support):
    item = published_item(officer, democratic_support)
    item = services.defer(item, actor=democratic_support, reason="Later", expected_from=LATER)
    item = services.republish(item, actor=democratic_support, expected_from=LATER, expected_to=LATER.replace(day=30))
    assert item.status == Status.PUBLISHED
    assert item.expected_to == datetime.date(2027, 6, 30)
    assert item.status_reason == ""


def test_withdraw_published_or_deferred_item_keeps_reason(officer, democratic_support):
    item = services.withdraw(published_item(officer, democratic_support), actor=democratic_support, reason="Dropped")
    assert (item.status, item.status_reason) == (Status.WITHDRAWN, "Dropped")
    deferred = services.defer(
        published_item(officer, democratic_support), actor=democratic_support, reason="Later", expected_from=LATER
    )
    assert services.withdraw(deferred, actor=democratic_support, reason="Dropped").status == Status.WITHDRAWN


def test_withdraw_draft_refused(officer, democratic_support):
    with pytest.raises(PermissionDenied):
        services.withdraw(draft_item(officer), actor=democratic_support, reason="No")
    assert blockers(draft_item(officer), Action.WITHDRAW)


def test_withdraw_by_author_refused(officer, democratic_support):
    with pytest.raises(PermissionDenied):
        services.withdraw(published_item(officer, democratic_support), actor=officer, reason="No")


def test_first_publication_never_changes_after_edit_defer_and_return_to_plan_EXEC_5(officer, democratic_support):
    with clock(datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)):
        item = published_item(officer, democratic_support)
    first = item.first_published_at
    with clock(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        item = services.save_edits(item, actor=democratic_support, data={"title": "Award of the meals contract"})
        item = services.defer(item, actor=democratic_support, reason="Later", expected_from=LATER)
        item = services.republish(item, actor=democratic_support, expected_from=LATER)
    item.refresh_from_db()
    assert item.first_published_at == first
    assert item.published_at == first
    assert item.first_published_on == datetime.date(2026, 6, 10)
    assert item.reference == "FP 2026/001"


def test_edit_of_published_item_is_changed_event_naming_fields_EXEC_5(officer, democratic_support):
    item = published_item(officer, democratic_support)
    services.save_edits(item, actor=democratic_support, data={"title": "New matter", "documents_how": "On the website"})
    event = item.events.order_by("-pk").first()
    assert event.action == Action.EDIT
    assert event.action_label == "Changed"
    assert "matter to be decided" in event.comment and "how to get the documents" in event.comment
    assert event in item.public_events()


def test_who_may_edit_author_draft_ds_after(officer, other_officer, democratic_support):
    draft = draft_item(officer)
    assert permissions.can_edit(officer, draft)
    assert not permissions.can_edit(other_officer, draft)
    assert not permissions.can_edit(democratic_support, draft)
    submitted = submitted_item(officer)
    assert not permissions.can_edit(officer, submitted)
    assert permissions.can_edit(democratic_support, submitted)
    published = services.publish(submitted, actor=democratic_support)
    assert permissions.can_edit(democratic_support, published)
    assert not permissions.can_edit(officer, published)


def test_who_may_view_draft_only_author_and_ds(officer, other_officer, democratic_support, finance_reviewer):
    draft = draft_item(officer)
    assert permissions.can_view(officer, draft) and permissions.can_view(democratic_support, draft)
    assert not permissions.can_view(other_officer, draft)
    submitted = submitted_item(officer)
    assert permissions.can_view(other_officer, submitted) and permissions.can_view(finance_reviewer, submitted)


def test_draft_history_not_public(officer, democratic_support):
    item = published_item(officer, democratic_support)
    assert [e.action for e in item.public_events()] == [Action.PUBLISH]
    assert timezone.now() >= item.first_published_at
