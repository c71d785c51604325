"""Democratic Support's view of the Forward Plan: what waits to be published, what is due in the
next 28 days, what is past its expected date, and the general exception notices whose 5 clear days
have not yet passed (EXEC-6). A constant number of queries, whatever the size."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.views.decorators.http import require_safe

from council.calendar import GENERAL_EXCEPTION_CLEAR_DAYS, Calendar
from council.models import CouncilSettings
from decisions.models import Status as DecisionStatus
from forwardplan import permissions
from forwardplan.models import PlanItem, Status, today
from forwardplan.workflow import ON_THE_PLAN
from notices.models import Kind, Notice

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


def _last_day_with_its_wait_over(days, on_date):
    """The latest publication day whose general exception notice allows a decision on `on_date`.

    Notices published after it are still waiting. The first lawful date never goes back as the
    publication day moves on, so walking back from today finds it in a few steps of the one
    calendar (no query), whether the council counts calendar or working days."""
    day = on_date
    while days.first_lawful_date(day, GENERAL_EXCEPTION_CLEAR_DAYS) > on_date:
        day -= datetime.timedelta(days=1)
    return day


def waiting_notices(on_date, council):
    """EXEC-6: general exception notices whose 5 clear days have not passed by `on_date`, oldest
    first, each with `can_be_decided_from`, counted by one calendar for the whole page."""
    days = Calendar.for_council(council)
    notices = list(
        Notice.objects.filter(
            kind=Kind.GENERAL_EXCEPTION,
            published_at__date__gt=_last_day_with_its_wait_over(days, on_date),
        )
        .exclude(decision__status=DecisionStatus.WITHDRAWN)
        .select_related("decision")
        .order_by("published_at", "pk")
    )
    for notice in notices:
        notice.can_be_decided_from = days.first_lawful_date(notice.published_on, GENERAL_EXCEPTION_CLEAR_DAYS)
    return notices


def reasons_to_publish_count():
    """Reg 10(4): how many notices still wait for their notice of reasons. Your work lists them;
    this page only counts them and links there, so the two lists never disagree."""
    return Notice.objects.filter(kind=Kind.GENERAL_EXCEPTION, reasons_published_at__isnull=True).count()


@login_required
@require_safe
def plan(request):
    if not permissions.can_see_plan(request.user):
        raise PermissionDenied
    on_date = today()
    return render(
        request,
        "forwardplan/manage/plan.html",
        {
            "lists": plan_lists(on_date),
            "today": on_date,
            "notices": waiting_notices(on_date, CouncilSettings.load()),
            "reasons_to_publish": reasons_to_publish_count(),
        },
    )
