"""Demo Forward Plan items, made through the services as their people would: one published 40
days ago (so a key decision on it is lawful now, EXEC-5), one published and then deferred, and one
an officer has proposed, waiting for Democratic Support. Loaded by `manage.py load_demo`;
idempotent: each item is looked up by author and title first.

The first two were published before today: the services publish them now and the loader then
moves their history back, as `council.demo_history` imports a seed's history through the ORM
(an event is append-only to the services, not to an import).
"""

import datetime

from django.utils import timezone

from council.demo_history import loading
from council.models import CabinetPortfolio, Directorate
from forwardplan import services
from forwardplan.models import DecisionMakerType, Event, PlanItem, today

DOCUMENTS_HOW = (
    "From Democratic Support, Ballard House, West Hoe Road, Plymouth PL1 3BJ, "
    "democraticsupport@plymouth.gov.uk, and on the council's website when the decision is published."
)
PUBLISHED_TITLE = "Award of the home to school transport contract"
DEFERRED_TITLE = "Adoption of the Plymouth and South West Devon Joint Local Plan supplementary guidance"
WAITING_TITLE = "Expansion of the specialist school places programme"


def _contact(user):
    return dict(contact_name=user.display_name, contact_email=user.email, contact_phone=user.phone or "")


def _days_back(moment, days):
    """The same wall-clock time `days` calendar days earlier in the council's time zone.

    Subtracting 24-hour days in UTC would land an hour off across a clock change, and a notice
    published at 23:30 in winter would read as the next day in summer time.
    """
    if moment is None:
        return None
    local = timezone.localtime(moment)
    return timezone.make_aware(local.replace(tzinfo=None) - datetime.timedelta(days=days))


def _backdate(item, days):
    """Move an item's whole history `days` back: it was published then, not now. The demo writes history
    as it would have happened, so it goes round the freeze and the append-only history (the base managers:
    no product code does)."""
    fields = ("created_at", "submitted_at", "published_at", "first_published_at")
    item = PlanItem.objects.get(pk=item.pk)
    PlanItem._base_manager.filter(pk=item.pk).update(**{name: _days_back(getattr(item, name), days) for name in fields})
    for event in Event.objects.filter(item=item):
        Event._base_manager.filter(pk=event.pk).update(at=_days_back(event.at, days))


def _propose(author, **fields):
    return services.submit(services.create_item(actor=author, **fields), actor=author)


def load_published(cast):
    jane, sam, alison = cast["jane.anstis"], cast["sam.okafor"], cast["alison.botham"]
    if PlanItem.objects.filter(author=jane, title=PUBLISHED_TITLE).exists():
        return None
    item = _propose(
        jane,
        title=PUBLISHED_TITLE,
        summary="Whether to award the contract for home to school transport for pupils with special "
        "educational needs from September, for four years, with an option to extend for two.",
        decision_maker_type=DecisionMakerType.OFFICER,
        decision_maker=alison,
        directorate=Directorate.objects.filter(code="CYP").first(),
        expected_from=today() + datetime.timedelta(days=5),
        documents="Executive decision record, with the tender evaluation report as an exempt appendix",
        documents_how=DOCUMENTS_HOW,
        other_documents="Home to School Transport Policy 2025",
        expected_exempt=True,
        exempt_paragraphs=[3],
        **_contact(jane),
    )
    item = services.publish(item, actor=sam)
    _backdate(item, 40)
    return item


def load_deferred(cast):
    jane, sam = cast["jane.anstis"], cast["sam.okafor"]
    if PlanItem.objects.filter(author=jane, title=DEFERRED_TITLE).exists():
        return None
    item = _propose(
        jane,
        title=DEFERRED_TITLE,
        decision_maker_type=DecisionMakerType.CABINET,
        expected_from=today() + datetime.timedelta(days=10),
        expected_to=today() + datetime.timedelta(days=20),
        documents="Report to Cabinet and the draft supplementary planning document",
        documents_how=DOCUMENTS_HOW,
        expected_exempt=False,
        **_contact(jane),
    )
    item = services.publish(item, actor=sam)
    _backdate(item, 30)
    return services.defer(
        item,
        actor=sam,
        reason="The public consultation has been extended by six weeks.",
        expected_from=today() + datetime.timedelta(days=70),
    )


def load_waiting(cast):
    jane = cast["jane.anstis"]
    if PlanItem.objects.filter(author=jane, title=WAITING_TITLE).exists():
        return None
    portfolio = CabinetPortfolio.objects.filter(member__isnull=False).first()
    return _propose(
        jane,
        title=WAITING_TITLE,
        decision_maker_type=DecisionMakerType.CABINET_MEMBER if portfolio else DecisionMakerType.CABINET,
        portfolio=portfolio,
        expected_from=today() + datetime.timedelta(days=45),
        documents="Executive decision record and the business case",
        documents_how=DOCUMENTS_HOW,
        expected_exempt=False,
        **_contact(jane),
    )


def load(stdout=None):
    with loading("demo Forward Plan items") as cast:
        created = [
            ("one published 40 days ago", load_published(cast)),
            ("one deferred", load_deferred(cast)),
            ("one waiting for Democratic Support", load_waiting(cast)),
        ]
    made = [label for label, item in created if item is not None]
    if stdout:
        stdout.write("Forward Plan: " + (f"created {', '.join(made)}." if made else "all 3 demo items already there."))
