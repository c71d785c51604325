"""A Forward Plan item as open data: the one public representation the plan's CSV and JSON
downloads, its Atom feed and the JSON API use, so they can never disagree about what is public.

Only what reg 9 makes public is here: an item expected to be partly exempt gives the Schedule 12A
paragraphs and their statutory descriptions, never anything more (a notice holds no exempt text).
The history is the public one (`PlanItem.public_events`: publication, changes, deferrals,
withdrawal), never what happened while the item was a draft or waiting for Democratic Support.

`FIELDS` names and describes every flat field, in order, in the convention of `council.opendata`
("?": may be null): the CSV's columns, the JSON download's keys and the OpenAPI schema's
properties (api/openapi_forwardplan.py) come from it.
"""

from django.db.models import Prefetch
from django.urls import reverse

from council.opendata import absolute, iso
from forwardplan.models import PUBLIC_EVENT_ACTIONS, DecisionMakerType, Event, PlanItem, Status
from records.models import SCHEDULE_12A

# name -> (JSON type, description)
FIELDS = {
    "reference": ("string", "The Forward Plan reference, e.g. FP 2026/003. Never changes."),
    "id": ("string", "Stable identifier: the reference as it appears in the item's address, e.g. fp-2026-003."),
    "url": ("string", "The item's page."),
    "status": ("string", "published, deferred or withdrawn."),
    "title": ("string", "Reg 9(1)(a): the matter in respect of which a decision is to be made."),
    "summary": ("string", "What the decision is about."),
    "directorate": ("string", "The directorate the matter belongs to."),
    "decision_maker_type": ("string", "Reg 9(1)(b): officer, cabinet or cabinet_member."),
    "decision_maker": (
        "string",
        "Reg 9(1)(b): the decision maker: an officer's name and job title, "
        "'The Cabinet', or the cabinet member and their portfolio.",
    ),
    "expected_from": (
        "date",
        "Reg 9(1)(d): the date on which, or the start of the period in which, the decision is expected to be made.",
    ),
    "expected_to": ("date?", "Reg 9(1)(d): the end of that period, or null when a single date is given."),
    "first_published_at": (
        "date-time",
        "When the item was first published on the Forward Plan: the notice "
        "the 28 clear days are counted from. Never changes.",
    ),
    "first_published_on": ("date", "The day of first publication, in the council's time zone."),
    "updated_at": ("date-time", "When the item last changed."),
    "documents": ("string", "Reg 9(1)(e): documents to be submitted to the decision maker."),
    "documents_how": ("string", "Reg 9(1)(g)-(h): how to get those documents, and the address."),
    "other_documents": ("string", "Reg 9(1)(f): other documents relevant to the matter."),
    "contact_name": ("string", "Who to ask for details."),
    "contact_email": ("string", "Their email address."),
    "contact_phone": ("string", "Their telephone number."),
    "expected_exempt": (
        "boolean?",
        "Reg 9(1)(c): is any part of the decision expected to be taken in private "
        "(exempt under Schedule 12A)? Null when not yet known.",
    ),
    "exempt_paragraphs": ("list of integer", "The Schedule 12A paragraphs the exempt part is expected to rely on."),
    "not_for_publication": ("string", "The paragraphs, in the words the council publishes, or empty."),
    "status_reason": ("string", "Why the item was deferred or withdrawn, or empty."),
}


def public_items():
    """Every item the public may see (published, deferred, withdrawn; never a draft or one waiting
    for Democratic Support), with what `item_data` reads joined: constant queries."""
    return PlanItem.objects.public().select_related("decision_maker", "portfolio__member", "directorate")


def with_history(queryset):
    """`queryset` with each item's public history prefetched (`item.public_history`): one query."""
    events = Event.objects.filter(action__in=PUBLIC_EVENT_ACTIONS).order_by("at", "pk")
    return queryset.prefetch_related(Prefetch("events", events, to_attr="public_history"))


def decision_maker_text(item):
    if item.decision_maker_type == DecisionMakerType.CABINET:
        return "The Cabinet"
    if item.decision_maker_type == DecisionMakerType.CABINET_MEMBER:
        return item.portfolio.member_and_title if item.portfolio else "A cabinet member"
    if item.decision_maker:
        return item.decision_maker.name_and_title
    return "An officer"


def expected_text(item):
    """Reg 9(1)(d): the date, or the period, in which the decision is expected."""
    if item.expected_to and item.expected_to != item.expected_from:
        return f"between {item.expected_from:%-d %B %Y} and {item.expected_to:%-d %B %Y}"
    return f"{item.expected_from:%-d %B %Y}"


def paragraphs(item):
    """[(number, statutory description)] of the Schedule 12A paragraphs the item names."""
    if not item.expected_exempt:
        return []
    return [(n, SCHEDULE_12A[n]) for n in sorted(item.exempt_paragraphs) if n in SCHEDULE_12A]


def history(item):
    """The public changes to an item, oldest first, from `with_history`'s prefetch.

    Only events from the first publication on count: what happened before was not public.
    """
    return [
        {"at": event.at, "what": event.action_label, "details": event.comment}
        for event in getattr(item, "public_history", [])
        if item.first_published_at and event.at >= item.first_published_at
    ]


def item_data(item: PlanItem):
    """The flat public fields of a public plan item, in `FIELDS` order."""
    exempt = paragraphs(item)
    data = {
        "reference": item.reference,
        "id": item.reference_slug,
        "url": absolute(reverse("forwardplan_public:item", kwargs={"reference_slug": item.reference_slug})),
        "status": item.status,
        "title": item.title,
        "summary": item.summary,
        "directorate": item.directorate.name if item.directorate else "",
        "decision_maker_type": item.decision_maker_type,
        "decision_maker": decision_maker_text(item),
        "expected_from": iso(item.expected_from),
        "expected_to": iso(item.expected_to),
        "first_published_at": iso(item.first_published_at),
        "first_published_on": iso(item.first_published_on),
        "updated_at": iso(item.updated_at),
        "documents": item.documents,
        "documents_how": item.documents_how,
        "other_documents": item.other_documents,
        "contact_name": item.contact_name,
        "contact_email": item.contact_email,
        "contact_phone": item.contact_phone,
        "expected_exempt": item.expected_exempt,
        "exempt_paragraphs": [n for n, _ in exempt],
        "not_for_publication": item.not_for_publication if exempt else "",
        "status_reason": item.status_reason if item.status in (Status.DEFERRED, Status.WITHDRAWN) else "",
    }
    assert list(data) == list(FIELDS), "item_data and FIELDS must list the same fields in the same order"
    return data


# The detail's lists (the API's single item and the JSON download), described for OpenAPI.
CHANGE_FIELDS = {
    "at": ("date-time", "When."),
    "what": ("string", "What happened: published, changed, deferred, back on the plan, withdrawn."),
    "details": ("string", "The reference, what changed, or the reason and the new date."),
}


def item_detail(item: PlanItem):
    """The flat fields, with the public history (`changes`), for an item from `with_history`."""
    data = item_data(item)
    data["changes"] = [
        {"at": iso(change["at"]), "what": change["what"], "details": change["details"]} for change in history(item)
    ]
    return data
