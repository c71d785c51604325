"""The call-in request as a kind of record (`records.kinds`): declared once, here.

A call-in is never drafted or signed off and has no public PDF (`Modules.documents` is left out).
Its staff page (`callin:detail`, the "pages" side's `callin/views*.py`), the shared action view
(`KIND.review`), the staff home's queues (`KIND.queues`) and the services (`RecordServices.of`)
take what they need of it from `KIND`.
"""

from callin import notifications, permissions, rules, workflow
from callin.models import CallIn, Status
from records.kinds import Kind, Modules, Words


def call_in_label(call_in):
    """ "CI 2026/001: COD05 26/27 Title" in a list of work."""
    decision = call_in.decision
    return f"{call_in.reference}: {decision.reference} {decision.title or 'Untitled decision'}".strip()


def call_in_queryset():
    """What a call-in's staff pages read, in a constant number of queries."""
    return CallIn.objects.select_related(
        "decision__decision_maker",
        "decision__author",
        "decision__scrutiny_committee",
        "author",
        "committee__chair",
        "meeting",
        "validated_by",
    ).prefetch_related("signatories__councillor", "events", "committee__members", "decision__chair_agreements")


KIND = Kind(
    model=CallIn,
    statuses=Status,
    words=Words("call-in request", short_noun="call-in", untitled="Untitled decision"),
    modules=Modules(permissions, rules, workflow, notifications),
    label=call_in_label,
    queryset=call_in_queryset,
    caption="callin/_caption.html",
    tags={
        Status.GATHERING: "grey",
        Status.REQUESTED: "yellow",
        Status.CALLED_IN: "red",
        Status.REFERRED_BACK: "orange",
        Status.REFERRED_TO_COUNCIL: "orange",
        Status.CLOSED: "green",
        None: "grey",
    },
    page="detail",
    task_list="detail",  # never a draft: a call-in opens on its own page
)
