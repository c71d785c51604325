"""Plan items in any public or hidden state for the public outputs' tests, without the services
(the row, then its public history), fast enough for dozens: the tests of the journey itself use
the services. `MARKER` goes in every field of the items the public must never see."""

import datetime

from django.utils import timezone

from council.models import CabinetPortfolio
from forwardplan.models import DecisionMakerType, Event, PlanItem, Status
from tests.factories import UserFactory

MARKER = "ZZ-PLAN-HIDDEN-7c3e"
_numbers = iter(range(1, 100_000))


def plan_item(*, status=Status.PUBLISHED, expected_from=None, maker=DecisionMakerType.OFFICER, **fields):
    """A plan item; public ones have their reference, first publication and a "publish" event."""
    n = next(_numbers)
    today = timezone.localdate()
    values = {
        "title": f"Award of the highways maintenance contract number {n}",
        "summary": f"Whether to award contract {n}.",
        "decision_maker_type": maker,
        "expected_from": expected_from or today + datetime.timedelta(days=40 + n % 20),
        "documents": "Report of the Director of Place",
        "documents_how": "From Democratic Support, Ballard House, or the council's website",
        "contact_name": "Pat Officer",
        "contact_email": "pat.officer@council.example",
        "contact_phone": "01752 000000",
        "expected_exempt": False,
        **fields,
    }
    if "author" not in values:
        values["author"] = UserFactory()
    if maker == DecisionMakerType.OFFICER and "decision_maker" not in values:
        values["decision_maker"] = UserFactory(first_name="Dana", last_name=f"Director{n}", job_title="Director")
    if maker == DecisionMakerType.CABINET_MEMBER and "portfolio" not in values:
        values["portfolio"] = CabinetPortfolio.objects.order_by("order").first()
    public = status in (Status.PUBLISHED, Status.DEFERRED, Status.WITHDRAWN)
    if public:
        year = today.year
        values.setdefault("reference", f"FP {year}/{n:03d}")
        values.setdefault("reference_slug", f"fp-{year}-{n:03d}")
        values.setdefault("first_published_at", timezone.now() - datetime.timedelta(days=30))
        values.setdefault("published_at", values["first_published_at"])
    item = PlanItem.objects.create(status=status, **values)
    if public:
        history(item, "publish", Status.SUBMITTED, Status.PUBLISHED, at=item.first_published_at)
    return item


def history(item, action, from_status, to_status, *, comment="", at=None):
    return Event.objects.create(
        item=item,
        action=action,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        at=at or timezone.now(),
        actor_name="Sam Okafor",
    )


def hidden_items(marker=MARKER):
    """A draft and a submitted item, every text field marked: neither may reach any public output."""
    marked = {
        "title": f"{marker} draft matter",
        "summary": marker,
        "documents": marker,
        "documents_how": marker,
        "other_documents": marker,
        "contact_name": marker,
    }
    return [plan_item(status=Status.DRAFT, **marked), plan_item(status=Status.SUBMITTED, **marked)]
