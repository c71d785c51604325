"""Emails about call-ins (CALL-1). Called only after the transaction commits (see `callin.services`).

The councillors of the decision's scrutiny committee hear when a decision enters its window; the
decision maker and the author hear of a request, its validation and each outcome. The links are
to the decision's pages (public for councillors, the staff record for its maker and author),
which show the call-in.
"""

from django.urls import reverse

from callin.models import CallIn
from council.models import CouncilSettings
from decisions.models import Decision, today
from decisions.rules_callin import call_in_status
from records import notifications


def _day(date):
    return f"{date:%-d %B %Y}"


def _name(decision):
    return f"{decision.reference} {decision.title}".strip()


def window_opened(decision_pk):
    """The chair and members of the decision's scrutiny committee: it may be called in until its last day."""
    decision = Decision.objects.select_related("scrutiny_committee__chair").get(pk=decision_pk)
    committee = decision.scrutiny_committee
    if committee is None or decision.call_in_ends_on is None:
        return
    people = [*committee.members.filter(is_active=True), *([committee.chair] if committee.chair_id else [])]
    url = notifications.link(reverse("decisions:detail", kwargs={"slug": decision.reference_slug}))
    notifications.send(
        f"Open to call-in until {_day(decision.call_in_ends_on)}: {_name(decision)}",
        f"As a member of the {committee.name}, you are told that this executive decision has been published "
        f"and may be called in until {_day(decision.call_in_ends_on)}.\n\n"
        # Its state now, which a request made before this email went may already have changed.
        f"{call_in_status(decision, today()).sentence}\n\n"
        f"Decision maker: {decision.decision_maker_name}\n\nRead it: {url}",
        [person.email for person in people],
    )


def _to_maker_and_author(call_in, subject, body):
    decision = call_in.decision
    url = notifications.link(reverse("decisions:record", kwargs={"pk": decision.pk}))
    recipients = [decision.author.email, decision.decision_maker.email if decision.decision_maker else ""]
    notifications.send(f"{subject}: {_name(decision)}", f"{body}\n\nOpen the record: {url}", recipients)


def _load(call_in_pk):
    return CallIn.objects.select_related("decision__author", "decision__decision_maker", "committee").get(pk=call_in_pk)


def requested(call_in_pk):
    """The decision maker and author (and Democratic Support, who check it): the request met the rule."""
    call_in = _load(call_in_pk)
    names = ", ".join(s.councillor_name for s in call_in.signatories.all())
    body = (
        f"Councillors ({names}) have asked for this decision to be called in ({call_in.reference}). "
        f"It cannot take effect while Democratic Support checks the request.\n\nTheir reasons:\n{call_in.reasons}"
    )
    _to_maker_and_author(call_in, "Call-in requested", body)
    notifications.send(
        f"Call-in to check: {call_in.reference}",
        f"{body}\n\nThe record: {notifications.link(reverse('decisions:record', kwargs={'pk': call_in.decision_id}))}",
        [CouncilSettings.load().democratic_support_email],
    )


def validated(call_in_pk):
    call_in = _load(call_in_pk)
    committee = call_in.committee.name if call_in.committee else "the scrutiny committee"
    _to_maker_and_author(
        call_in,
        "Called in",
        f"Democratic Support has validated the call-in {call_in.reference}. The decision is stayed: it cannot "
        f"take effect until the {committee} has considered it.",
    )


def outcome_recorded(call_in_pk):
    """The committee's or full council's outcome, or the decision maker's reconsideration."""
    call_in = _load(call_in_pk)
    decision = call_in.decision
    lines = [f"The call-in {call_in.reference} has moved on: {call_in.get_status_display().lower()}."]
    if call_in.outcome:
        lines.append(f"The committee's outcome ({_day(call_in.outcome_on)}): {call_in.get_outcome_display()}.")
    if call_in.concerns:
        lines.append(f"The committee's concerns:\n{call_in.concerns}")
    if call_in.council_outcome:
        lines.append(
            f"Full council's outcome ({_day(call_in.council_outcome_on)}): {call_in.get_council_outcome_display()}."
        )
    if decision.effective_from:
        lines.append(f"The decision takes effect from {_day(decision.effective_from)}.")
    _to_maker_and_author(call_in, "Call-in outcome", "\n\n".join(lines))
