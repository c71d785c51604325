"""The Forward Plan item a generated key decision was taken on (EXEC-5): published, with a reference
of its own, once the record has one; waiting for Democratic Support before."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from forwardplan.models import DecisionMakerType, PlanItem
from forwardplan.models import Status as PlanStatus


def plan_item(d, anchor, days, author, maker, directorate):
    """The item on the Forward Plan: published (with a reference of its own) once the record has one."""
    public = bool(d.reference)
    first = timezone.make_aware(datetime.datetime.combine(anchor - datetime.timedelta(days=days), datetime.time(10)))
    return PlanItem(
        author=author,
        author_name=author.display_name,
        directorate=directorate,
        title=d.title,
        summary=d.decision_to_be_taken,
        decision_maker_type=DecisionMakerType.OFFICER,
        decision_maker=maker,
        expected_from=anchor,
        documents="The decision record and its appendices.",
        documents_how="From Democratic Support, or on the council's website when published.",
        contact_name=author.display_name,
        contact_email=author.email,
        expected_exempt=d.has_exempt_information,
        status=PlanStatus.PUBLISHED if public else PlanStatus.SUBMITTED,
        reference=f"FP {d.reference}" if public else "",
        reference_slug=slugify(f"fp {d.reference}".replace("/", "-")) if public else "",
        first_published_at=first if public else None,
        published_at=first if public else None,
    )
