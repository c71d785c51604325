"""CALL-1, CALL-2 in words: what a decision's call-in state says, to the public and to staff.

`call_in_status(decision, today)` is pure: it reads only the decision's own call-in columns
(`decisions.models_callin`), never a query, so a list of any length asks it per row for free.
Every page, download, feed and the API shows this, so they cannot disagree.
"""

from dataclasses import dataclass

from decisions.models_callin import CallInState


@dataclass(frozen=True)
class CallInStatus:
    label: str  # "Open to call-in", "Called in", "Effective", "Not subject to call-in", "Replaced"
    sentence: str  # one sentence the public reads
    tag_colour: str  # the GOV.UK tag's colour ("" is the default blue)


def _day(date):
    return f"{date:%-d %B %Y}" if date else ""


def call_in_status(decision, today):
    """What the decision's call-in state means on `today`, or None before it is published."""
    state = decision.call_in_state
    ends, effective = decision.call_in_ends_on, decision.effective_from
    if state == CallInState.NOT_SUBJECT:
        reason = (decision.not_subject_reason or "It is not subject to call-in").rstrip(".")
        effective_text = f" Effective from {_day(effective)}." if effective else ""
        return CallInStatus("Not subject to call-in", f"{reason}.{effective_text}", "grey")
    if state == CallInState.OPEN:
        if ends and today <= ends:
            return CallInStatus(
                "Open to call-in",
                f"Subject to call-in until {_day(ends)}. Effective from {_day(effective)} unless called in.",
                "yellow",
            )
        return CallInStatus("Effective", f"Effective from {_day(effective)}.", "green")
    called_on = f" on {_day(decision.called_in_on)}" if decision.called_in_on else ""
    if state == CallInState.REQUESTED:
        return CallInStatus(
            "Call-in requested",
            f"Call-in requested{called_on}: it cannot take effect while Democratic Support checks the request.",
            "orange",
        )
    if state == CallInState.CALLED_IN:
        return CallInStatus(
            "Called in",
            f"Called in{called_on}: it cannot take effect until the scrutiny committee has considered it.",
            "red",
        )
    if state == CallInState.REFERRED_BACK:
        return CallInStatus(
            "Referred back",
            "Referred back to the decision maker after call-in: it cannot take effect until it is reconsidered.",
            "red",
        )
    if state == CallInState.REFERRED_TO_COUNCIL:
        return CallInStatus(
            "Referred to full council",
            "Referred to full council after call-in: it cannot take effect until the council has considered it.",
            "red",
        )
    if state == CallInState.EFFECTIVE:
        return CallInStatus("Effective", f"Effective from {_day(effective)}.", "green")
    if state == CallInState.REPLACED:
        return CallInStatus(
            "Replaced", "Replaced after call-in by a changed decision: this decision did not take effect.", "grey"
        )
    return None
