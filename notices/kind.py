"""The notice as a kind of record (`records.kinds`): declared once, here.

A notice is given published, by Democratic Support, from the decision record's staff page: it has
no draft, sign-offs, appendices or public PDF, and no staff pages of its own (so no review pages
and no queues: `caption`, `tags` and `page` are left out). The shared services and who-may take
what they need of it from `KIND`; its public pages read `KIND.queryset`.
"""

from notices import notifications, permissions, rules, workflow
from notices.models import Notice, Status
from records.kinds import Kind, Modules, Words


def notice_queryset():
    """A notice with the decision it is about (its public page links to the decision's)."""
    return Notice.objects.select_related("decision")


KIND = Kind(
    model=Notice,
    statuses=Status,
    words=Words("notice", short_noun="notice", untitled="Untitled decision"),
    modules=Modules(permissions, rules, workflow, notifications),
    label=str,  # "General exception notice: <the matter>"
    queryset=notice_queryset,
)
