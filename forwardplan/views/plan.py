"""Democratic Support's view of the Forward Plan: what waits to be published, what is due in the
next 28 days, and what is past its expected date. A constant number of queries, whatever the size."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.views.decorators.http import require_safe

from forwardplan import permissions
from forwardplan.models import PlanItem, Status, today
from forwardplan.workflow import ON_THE_PLAN

DUE_WITHIN_DAYS = 28


def _items():
    return PlanItem.objects.select_related("decision_maker", "portfolio__member").annotate(
        expected_end=Coalesce("expected_to", "expected_from")
    )


def _not_decided(items):
    """Leave out items a published decision is linked to, once decisions link to plan items."""
    try:
        decisions = PlanItem._meta.get_field("decisions")
    except FieldDoesNotExist:
        return items
    published = decisions.related_model.objects.filter(
        **{decisions.field.name: OuterRef("pk")}, status=decisions.related_model.PUBLIC_STATUS
    )
    return items.exclude(Exists(published))


def plan_lists(on_date):
    soon = on_date + datetime.timedelta(days=DUE_WITHIN_DAYS)
    on_plan = _items().filter(status__in=ON_THE_PLAN)
    return [
        {
            "id": "waiting",
            "title": "Waiting to be published",
            "items": list(_items().filter(status=Status.SUBMITTED).order_by("submitted_at", "pk")),
            "empty": "No item is waiting to be published.",
        },
        {
            "id": "due",
            "title": f"Due in the next {DUE_WITHIN_DAYS} days",
            "items": list(
                on_plan.filter(expected_from__lte=soon, expected_end__gte=on_date).order_by("expected_from", "pk")
            ),
            "empty": f"No decision on the plan is expected in the next {DUE_WITHIN_DAYS} days.",
        },
        {
            "id": "past",
            "title": "Past their expected date and not yet decided",
            "items": list(_not_decided(on_plan.filter(expected_end__lt=on_date)).order_by("expected_from", "pk")),
            "empty": "No item on the plan is past its expected date.",
        },
    ]


@login_required
@require_safe
def plan(request):
    if not permissions.can_see_plan(request.user):
        raise PermissionDenied
    return render(request, "forwardplan/manage/plan.html", {"lists": plan_lists(today()), "today": today()})
