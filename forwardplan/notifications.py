"""Emails about Forward Plan items. Called only after the transaction commits (see services)."""

from council import roles
from council.models import User
from forwardplan.models import PlanItem
from records import notifications
from records.notifications import send as _send


def _item(pk):
    return PlanItem.objects.select_related("author").get(pk=pk)


def _name(item):
    return f"Forward Plan item “{item.title}”"


def submitted(item_pk):
    """Democratic Support: an officer has proposed an item for the plan."""
    item = _item(item_pk)
    emails = User.objects.filter(groups__name=roles.DEMOCRATIC_SUPPORT, is_active=True).values_list("email", flat=True)
    _send(
        f"Proposed for the Forward Plan: {item.title}",
        f"{item.author_name} has proposed an item for the Forward Plan.\n\n"
        f"Open it: {notifications.link(item.get_absolute_url())}",
        emails,
    )


def returned_to_author(item_pk, comment):
    item = _item(item_pk)
    notifications.returned_to_author(
        item, comment, name=_name(item), what="Forward Plan item", url=notifications.link(item.get_absolute_url())
    )
