import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from forwardplan import services
from forwardplan.models import FrozenPlanItem, PlanItem, Status
from tests.forwardplan.factories import draft_item, published_item, submitted_item

pytestmark = pytest.mark.django_db


def test_plan_public_lists_only_items_ever_published_EXEC_5(officer, democratic_support):
    draft_item(officer, title="A draft")
    submitted_item(officer, title="Waiting")
    shown = published_item(officer, democratic_support, title="On the plan")
    deferred = published_item(officer, democratic_support, title="Deferred")
    services.defer(
        deferred, actor=democratic_support, reason="Consultation extended", expected_from=datetime.date(2027, 6, 1)
    )
    withdrawn = published_item(officer, democratic_support, title="Withdrawn")
    services.withdraw(withdrawn, actor=democratic_support, reason="No longer needed")

    assert set(PlanItem.objects.public().values_list("title", flat=True)) == {"On the plan", "Deferred", "Withdrawn"}
    assert shown.is_on_public_plan


def test_first_published_on_is_the_councils_day_EXEC_5(officer, democratic_support):
    # 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time).
    with timezone.override("Europe/London"):
        item = published_item(officer, democratic_support)
        PlanItem.objects.filter(pk=item.pk).update(
            first_published_at=datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)
        )
        item.refresh_from_db()
        assert item.first_published_on == datetime.date(2026, 4, 1)
    assert draft_item(officer).first_published_on is None


def test_period_ending_before_it_starts_refused_by_database(officer):
    item = draft_item(officer)
    item.expected_to = item.expected_from - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.filter(pk=item.pk).update(expected_to=item.expected_to)


def test_withdrawn_item_refuses_change(officer, democratic_support):
    item = published_item(officer, democratic_support)
    item = services.withdraw(item, actor=democratic_support, reason="Not needed")
    item.title = "Something else"
    with pytest.raises(FrozenPlanItem):
        item.save()
    with pytest.raises(ValidationError):
        item.delete()


def test_exempt_item_names_its_paragraphs(officer):
    item = draft_item(officer, expected_exempt=True, exempt_paragraphs=[3])
    assert "paragraph 3 of Part 1 of Schedule 12A" in item.not_for_publication
    assert draft_item(officer).not_for_publication == ""


def test_status_of_draft_is_draft(officer):
    assert draft_item(officer).status == Status.DRAFT
