"""CALL-1, CALL-2: what each call-in state says to the public and to staff (no database, no query)."""

import datetime

import pytest

from decisions.models import Decision
from decisions.models_callin import CallInState
from decisions.rules_callin import call_in_status

TODAY = datetime.date(2026, 9, 10)
ON = datetime.date(2026, 9, 15)


@pytest.mark.parametrize(
    ("fields", "label", "sentence", "colour"),
    [
        (
            dict(
                call_in_state=CallInState.NOT_SUBJECT,
                not_subject_reason=(
                    "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)"
                ),
                effective_from=datetime.date(2026, 8, 27),
            ),
            "Not subject to call-in",
            "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2). "
            "Effective from 27 August 2026.",
            "grey",
        ),
        (
            dict(call_in_state=CallInState.CALLED_IN, called_in_on=datetime.date(2026, 9, 3)),
            "Called in",
            "Called in on 3 September 2026: it cannot take effect until the scrutiny committee has considered it.",
            "red",
        ),
        (
            dict(call_in_state=CallInState.REFERRED_BACK),
            "Referred back",
            "Referred back to the decision maker after call-in: it cannot take effect until it is reconsidered.",
            "red",
        ),
        (
            dict(call_in_state=CallInState.REFERRED_TO_COUNCIL),
            "Referred to full council",
            "Referred to full council after call-in: it cannot take effect until the council has considered it.",
            "red",
        ),
        (
            dict(call_in_state=CallInState.EFFECTIVE, effective_from=ON),
            "Effective",
            "Effective from 15 September 2026.",
            "green",
        ),
        (
            dict(call_in_state=CallInState.REPLACED),
            "Replaced",
            "Replaced after call-in by a changed decision: this decision did not take effect.",
            "grey",
        ),
    ],
)
def test_each_state_reads_in_words_CALL_1(fields, label, sentence, colour):
    status = call_in_status(Decision(**fields), TODAY)
    assert (status.label, status.sentence, status.tag_colour) == (label, sentence, colour)


def test_held_states_hold_the_decision_CALL_1():
    held = {s for s in CallInState if Decision(call_in_state=s).is_held}
    assert held == {
        CallInState.REQUESTED,
        CallInState.CALLED_IN,
        CallInState.REFERRED_BACK,
        CallInState.REFERRED_TO_COUNCIL,
    }
