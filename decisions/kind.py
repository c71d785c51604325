"""The executive decision record as a kind of record (`records.kinds`): declared once, here.

The review pages, the staff home's queues, the authoring pages and the shared services all take
what they need of a decision record from `KIND`.
"""

from decisions import documents, notifications, permissions, rules, workflow
from decisions.models import Decision, Status
from records.kinds import Kind, Modules, Words


def record_label(decision):
    return f"{decision.reference or 'Draft'}: {decision.title or 'Untitled decision'}"


KIND = Kind(
    model=Decision,
    statuses=Status,
    words=Words("decision record", short_noun="record", untitled="Untitled decision"),
    modules=Modules(permissions, rules, workflow, notifications, documents),
    label=record_label,
    queryset=documents.record_queryset,
    caption="decisions/_record_caption.html",
    tags={
        Status.DRAFT: "grey",
        Status.IN_SIGN_OFF: "",
        Status.AWAITING_DECISION: "yellow",
        Status.DECIDED: "teal",
        Status.PUBLISHED: "green",
        None: "red",
    },
    page="record",
)
