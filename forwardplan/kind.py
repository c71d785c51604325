"""The Forward Plan item as a kind of record (`records.kinds`): declared once, here.

The staff pages, the staff home's queues and the shared services take what they need of a plan
item from `KIND`. A plan item has no sign-offs, appendices or public PDF (no `documents`), and its
author works on a draft on the item's own page, not a task list.
"""

from forwardplan import notifications, permissions, rules, workflow
from forwardplan.models import PlanItem, Status
from records.kinds import Kind, Modules, Words


def item_label(item):
    return f"Forward Plan item: {item.title}"


def staff_queryset():
    """What the item's staff pages read."""
    return PlanItem.objects.select_related(
        "author", "directorate", "decision_maker", "portfolio__member"
    ).prefetch_related("events")


KIND = Kind(
    model=PlanItem,
    statuses=Status,
    words=Words("Forward Plan item", short_noun="Forward Plan item", untitled="Untitled Forward Plan item"),
    modules=Modules(permissions, rules, workflow, notifications),
    label=item_label,
    queryset=staff_queryset,
    caption="forwardplan/manage/_caption.html",
    tags={
        Status.DRAFT: "grey",
        Status.SUBMITTED: "yellow",
        Status.PUBLISHED: "green",
        Status.DEFERRED: "orange",
        Status.WITHDRAWN: "red",
    },
    page="item",
    # A draft opens on its page too: what is still missing, why it was returned, "Change" and "Propose".
    task_list="item",
)
