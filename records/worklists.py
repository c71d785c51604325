"""What the staff home page's queues of every kind of record share: why a record came back, and
which drafts were abandoned."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import Truncator


def returned_hint(event):
    """Who returned it, when, and what they said: the author's reason to open it first."""
    comment = Truncator(event.comment).words(40)
    said = f": “{comment}”" if comment else ""
    return f"Returned by {event.actor_name or 'a reviewer'} on {timezone.localtime(event.at):%-d %B %Y}{said}"


def abandoned_draft(event_model, parent):
    """A draft started more than a day ago, never submitted and never edited: an abandoned "Start
    now". Your work leaves it out, so it does not fill up with empty drafts; there is nothing in it
    to lose, and its author can still delete it from its task list."""
    edited = event_model.objects.filter(**{parent: OuterRef("pk")}, action="edit")
    return Q(
        status="draft",
        submitted_at__isnull=True,
        created_at__lt=timezone.now() - datetime.timedelta(days=1),
    ) & ~Exists(edited)


def pdf_failed_item(item, label, url):
    """A published record or report whose public PDF the worker could not make: Democratic Support
    opens it to "Try again" (the public PDF URL says "being prepared" until then)."""
    failed_at = timezone.localtime(item.public_pdf_failed_at)
    return {
        "label": label,
        "url": url,
        "status": "PDF not made",
        "hint": f"Failed on {failed_at:%-d %B %Y at %H:%M}: {item.public_pdf_error}",
        "returned": False,
        "alert": True,
    }
