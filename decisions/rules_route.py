"""Section 8b: the lawful route of a key decision, as the author answers it (EXEC-5, EXEC-6, EXEC-7),
and the first lawful date of decision each route gives, for the task list's warnings.

Whether the decision may be signed on a given day is `rules_signing.key_decision_notice`; these
are what the author must have answered before submitting, and what they are told meanwhile.
"""

from dataclasses import dataclass

from council import calendar
from decisions.models import KeyDecisionRoute
from forwardplan.models import Status as PlanStatus
from notices.models import Kind as NoticeKind
from records.rules import Problem

TASK = "forward-plan"
# Items an officer may link a decision to: proposed, or on the plan (a withdrawn one is no notice).
LINKABLE = frozenset({PlanStatus.SUBMITTED, PlanStatus.PUBLISHED, PlanStatus.DEFERRED})


def route(d):
    """What the Forward Plan task needs: a key decision's route, and for the Forward Plan its item."""
    if not d.is_key_decision:
        return []
    if not d.key_decision_route:
        return [Problem("EXEC-5", "key_decision_route", "Choose how the key decision will be taken lawfully", TASK)]
    if d.key_decision_route == KeyDecisionRoute.FORWARD_PLAN:
        if d.plan_item_id is None:
            return [
                Problem(
                    "EXEC-5",
                    "plan_item",
                    "Choose the decision's item in the Forward Plan, or propose one for the Forward Plan",
                    TASK,
                )
            ]
        if d.plan_item.status == PlanStatus.WITHDRAWN:
            return [Problem("EXEC-5", "plan_item", "That Forward Plan item has been withdrawn: choose another", TASK)]
    return []


def needs_scrutiny_chair(d):
    """General exception tells the scrutiny chair; special urgency asks for their agreement."""
    return bool(d.is_key_decision) and d.key_decision_route in (
        KeyDecisionRoute.GENERAL_EXCEPTION,
        KeyDecisionRoute.SPECIAL_URGENCY,
    )


@dataclass(frozen=True)
class RouteWarning:
    route: str
    text: str


def first_lawful_dates(d, council):
    """For a key decision, each route's first lawful date of decision as the task list says it."""
    if not d.is_key_decision:
        return []
    days = calendar.Calendar.for_council(council)
    item = d.plan_item
    if item is not None and item.first_published_on is not None and item.status != PlanStatus.WITHDRAWN:
        earliest = days.first_lawful_date(item.first_published_on, council.forward_plan_clear_days)
        plan = f"from {earliest:%-d %B %Y} (published {item.first_published_on:%-d %B %Y})"
    elif item is not None and item.status == PlanStatus.WITHDRAWN:
        plan = "the item has been withdrawn"
    else:
        plan = "not yet published"
    notice = next((n for n in d.notices.all() if n.kind == NoticeKind.GENERAL_EXCEPTION), None)
    if notice is not None:
        earliest = days.first_lawful_date(notice.published_on, calendar.GENERAL_EXCEPTION_CLEAR_DAYS)
        exception = f"from {earliest:%-d %B %Y} (notice published {notice.published_on:%-d %B %Y})"
    else:
        exception = f"{calendar.GENERAL_EXCEPTION_CLEAR_DAYS} clear days after the notice"
    return [
        RouteWarning(KeyDecisionRoute.FORWARD_PLAN, f"Forward Plan: {plan}"),
        RouteWarning(KeyDecisionRoute.GENERAL_EXCEPTION, f"General exception: {exception}"),
        RouteWarning(KeyDecisionRoute.SPECIAL_URGENCY, "Special urgency: once the chair agrees"),
    ]
