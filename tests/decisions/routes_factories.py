"""Forward Plan items for decision records' tests: an item on the plan, made as its published row.

The plan's own services are the "forwardplan" app's and are tested there; a decision's tests need
only an item as Democratic Support left it, first published on a given day.
"""

import datetime
import itertools

from django.utils import timezone

from forwardplan.models import DecisionMakerType, PlanItem, Status

_numbers = itertools.count(1)


def published_at_noon(day):
    """An aware datetime at noon on `day` in the council's time zone: the day the clock counts from."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def plan_item(author, *, published_on=None, status=Status.PUBLISHED, title="Managed social work team"):
    """An item first published on `published_on` (None: a proposal waiting for Democratic Support)."""
    number = next(_numbers)
    public = published_on is not None
    return PlanItem.objects.create(
        author=author,
        title=title,
        decision_maker_type=DecisionMakerType.OFFICER,
        expected_from=(published_on or timezone.localdate()) + datetime.timedelta(days=35),
        status=status if public else Status.SUBMITTED,
        reference=f"FP 2099/{number:03d}" if public else "",
        reference_slug=f"fp-2099-{number:03d}" if public else "",
        first_published_at=published_at_noon(published_on) if public else None,
        published_at=published_at_noon(published_on) if public else None,
    )
