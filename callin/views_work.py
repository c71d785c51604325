"""Call-in on the staff home page ("Your work"): what waits for councillors, Democratic Support and
decision makers. Each list is one query (a few, with the council's rule), whatever its length.

Registered from `callin.apps` (`register_worklists()`), as every app adds to the staff home
through `council.worklists`.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse

from callin import permissions
from callin.models import OPEN_STATUSES, CallIn, Status
from council import roles
from council.models import CouncilSettings
from council.worklists import Worklist, register
from decisions.models import Decision, today

LIMIT = 20


def _day(date):
    return f"{date:%-d %B %Y}" if date else ""


def _item(call_in, hint, *, on_date, url=""):
    decision = call_in.decision
    lapsed = call_in.status_label(on_date) == "Lapsed"
    return {
        "label": f"{call_in.reference}: call-in of {decision.reference} {decision.title}",
        "url": url or reverse("callin:detail", kwargs={"pk": call_in.pk}),
        "status": call_in.status_label(on_date),
        "hint": hint,
        "returned": False,
        "alert": lapsed,
    }


def _call_ins():
    return CallIn.objects.select_related("decision", "meeting")


@dataclass(frozen=True)
class YourRequests:
    """A councillor's requests still open: those they asked for or added their name to."""

    def __call__(self, user):
        on_date = today()
        requests = _call_ins().filter(signatories__councillor=user, status__in=OPEN_STATUSES).order_by("-created_at")
        return [
            _item(
                c,
                f"Last day for names: {_day(c.decision.call_in_ends_on)}" if c.status == Status.GATHERING else "",
                on_date=on_date,
            )
            for c in requests[:LIMIT]
        ]


@dataclass(frozen=True)
class WaitingForNames:
    """Requests still gathering names inside their window that this councillor has not signed."""

    def __call__(self, user):
        if not permissions.is_councillor(user):  # a cabinet member: never a name on a request
            return []
        on_date = today()
        needed = CouncilSettings.load().call_in_members_needed
        requests = (
            _call_ins()
            .filter(status=Status.GATHERING, decision__call_in_ends_on__gte=on_date)
            .exclude(signatories__councillor=user)
            .annotate(names=Count("signatories"))
            .order_by("decision__call_in_ends_on", "pk")
        )
        return [
            _item(
                c,
                f"Needs {max(needed - c.names, 1)} more name{'s' if needed - c.names > 1 else ''} "
                f"by {_day(c.decision.call_in_ends_on)}",
                on_date=on_date,
            )
            for c in requests[:LIMIT]
        ]


@dataclass(frozen=True)
class OpenDecisions:
    """The decisions whose call-in period ends soonest (the full list is /call-in/)."""

    def __call__(self, user):
        decisions = Decision.objects.open_to_call_in(today()).order_by("call_in_ends_on", "reference", "pk")
        return [
            {
                "label": f"{d.reference}: {d.title}",
                "url": reverse("callin:request", kwargs={"pk": d.pk}),
                "status": "Open to call-in",
                "hint": f"Last day to call in: {_day(d.call_in_ends_on)}",
                "returned": False,
            }
            for d in decisions[:LIMIT]
        ]


@dataclass(frozen=True)
class ByStatus:
    """Democratic Support: call-ins in these statuses, oldest first, each with what to do next."""

    statuses: tuple

    def __call__(self, user):
        on_date = today()
        call_ins = _call_ins().filter(status__in=self.statuses).order_by("created_at", "pk")
        return [_item(c, _next_step(c), on_date=on_date) for c in call_ins[:50]]


def _next_step(call_in):
    if call_in.status == Status.REQUESTED:
        return "Check the request: validate it or say why it is not valid"
    if call_in.status == Status.REFERRED_TO_COUNCIL:
        return "Record full council's outcome"
    if call_in.meeting is None:
        return "Schedule it for a meeting of the committee"
    return f"Record the committee's outcome (meeting on {_day(call_in.meeting.date)})"


@dataclass(frozen=True)
class ReferredBack:
    """A decision maker's decisions referred back after call-in: confirm, or take a changed decision."""

    def __call__(self, user):
        on_date = today()
        call_ins = _call_ins().filter(status=Status.REFERRED_BACK, decision__decision_maker=user).order_by("pk")
        return [
            _item(
                c,
                "Reconsider it: confirm the decision or take a changed decision",
                on_date=on_date,
                url=reverse("callin:reconsider", kwargs={"pk": c.pk}),
            )
            for c in call_ins[:LIMIT]
        ]


@dataclass(frozen=True)
class UnlessCouncillor:
    """A scrutiny chair's copy of a councillor's list; empty when they hold the Councillor role too,
    whose section lists the same."""

    fetch: object

    def __call__(self, user):
        return [] if roles.has_role(user, roles.COUNCILLOR) else self.fetch(user)


# A councillor's lists: (title, fetch, empty text, action); a scrutiny chair calls in too (CALL-1).
COUNCILLORS_LISTS = (
    (
        "Decisions open to call-in",
        OpenDecisions(),
        "No published decision is open to call-in today.",
        ("All decisions open to call-in", "callin:open"),
    ),
    ("Your call-in requests", YourRequests(), "You have no open call-in request.", None),
    ("Requests waiting for names", WaitingForNames(), "No request is waiting for more names.", None),
)


def register_worklists():
    for title, fetch, empty, action in COUNCILLORS_LISTS:
        register(Worklist(roles.COUNCILLOR, title, fetch, empty, action=action))
        register(Worklist(roles.SCRUTINY_CHAIR, title, UnlessCouncillor(fetch), empty, action=action))
    register(
        Worklist(
            roles.DEMOCRATIC_SUPPORT,
            "Call-in requests to check",
            ByStatus((Status.REQUESTED,)),
            "No call-in request is waiting to be checked.",
            action=("Decisions open to call-in", "callin:open"),
        )
    )
    register(
        Worklist(
            roles.DEMOCRATIC_SUPPORT,
            "Called-in decisions",
            ByStatus((Status.CALLED_IN, Status.REFERRED_TO_COUNCIL)),
            "No decision is called in.",
        )
    )
    register(
        Worklist(
            roles.DECISION_MAKER,
            "Decisions referred back to you after call-in",
            ReferredBack(),
            "No decision of yours has been referred back.",
        )
    )
