"""The call-in's staff forms: a councillor's reasons, Democratic Support's checks, the meeting, the
committee's and full council's outcomes, and the decision maker's reconsideration. Fields check
what was typed is well formed; the rules (`callin.rules`) and services decide whether it may happen.
"""

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from callin.models import CouncilOutcome, Outcome
from records.forms import GovDateField, NoHTML, action_helper

LONG_TEXT = 10_000


def _text(label, *, required, hint="", what):
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea,
        required=False,
        max_length=LONG_TEXT,
        error_messages={
            "required": required,
            "max_length": f"{what[0].upper()}{what[1:]} must be {LONG_TEXT:,} characters or fewer",
        },
        validators=[NoHTML(what)],
    )


def _strip_required(form, name):
    value = form.cleaned_data.get(name, "").strip()
    if not value:
        raise ValidationError(form.fields[name].error_messages["required"], code="required")
    return value


class RequestForm(forms.Form):
    """A councillor's request: why the decision should be called in (public once it is validated)."""

    reasons = _text(
        "Why should the decision be called in?",
        required="Enter why the decision should be called in",
        hint="Say which part of the decision concerns you and why. The reasons are published with the "
        "decision once Democratic Support has checked the request, so do not include exempt information.",
        what="the reasons",
    )

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(Field.textarea("reasons", rows=8, label_size="m"), button=button)

    def clean_reasons(self):
        return _strip_required(self, "reasons")


def meeting_label(meeting):
    """ "17 November 2021, 14:00, Warspite Room": the day, and the time and place when known."""
    parts = [f"{meeting.date:%-d %B %Y}"]
    if meeting.starts_at:
        parts.append(f"{meeting.starts_at:%H:%M}")
    if meeting.venue:
        parts.append(meeting.venue)
    return ", ".join(parts)


class ScheduleForm(forms.Form):
    """The meeting of the decision's scrutiny committee that will consider the call-in."""

    meeting = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        label="Which meeting will consider the call-in?",
        error_messages={
            "required": "Select the meeting that will consider the call-in",
            "invalid_choice": "Select one of the committee's meetings still to come",
        },
    )

    def __init__(self, *args, meetings, button, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        field.queryset = meetings
        field.label_from_instance = meeting_label
        self.helper = action_helper(Field.radios("meeting", legend_size="m"), button=button)


def _outcome(choices, who):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        label=f"What did {who} decide?",
        error_messages={"required": f"Select what {who} decided"},
    )


class _DatedOutcome(forms.Form):
    """An outcome (radios) and the date it was decided (today or before)."""

    on = GovDateField(
        what="the date of the outcome", when="past", label="Date decided", help_text="For example, 3 9 2026."
    )

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(*self.layout_fields(), button=button)

    def layout_fields(self):
        return [Field.radios("outcome", legend_size="m"), Field("on")]

    def clean(self):
        data = super().clean()
        if data.get("on") is None and "on" not in self.errors:
            self.add_error("on", ValidationError("Enter the date of the outcome", code="required"))
        return data


class OutcomeForm(_DatedOutcome):
    """The scrutiny committee's outcome: no further action, referred back with its concerns, or to council."""

    outcome = _outcome(Outcome.choices, "the committee")
    concerns = _text(
        "The committee's concerns",
        required="Enter the committee's concerns: they go to the decision maker and are published",
        hint="Required if the committee referred the decision back or to full council. They are published.",
        what="the concerns",
    )
    field_order = ["outcome", "concerns", "on"]

    def layout_fields(self):
        return [Field.radios("outcome", legend_size="m"), Field.textarea("concerns", rows=6), Field("on")]

    def clean(self):
        data = super().clean()
        concerns = (data.get("concerns") or "").strip()
        data["concerns"] = concerns
        referred = data.get("outcome") in (Outcome.REFERRED_BACK, Outcome.REFERRED_TO_COUNCIL)
        if referred and not concerns and "concerns" not in self.errors:
            self.add_error("concerns", ValidationError(self.fields["concerns"].error_messages["required"]))
        return data


class CouncilOutcomeForm(_DatedOutcome):
    """Full council's outcome on a decision the committee referred to it."""

    outcome = _outcome(CouncilOutcome.choices, "full council")
    field_order = ["outcome", "on"]


class ReconsiderForm(forms.Form):
    """The decision maker's answer to a decision referred back: confirm it (from a date), or take a
    changed decision (a new record, signed off as usual)."""

    CONFIRM, CHANGE = "confirm", "change"

    choice = forms.ChoiceField(
        choices=[
            (CONFIRM, "Confirm the decision: it takes effect from the date below"),
            (CHANGE, "Take a changed decision: a new record, linked to this one, for the author to edit"),
        ],
        widget=forms.RadioSelect,
        label="What have you decided?",
        error_messages={"required": "Select whether you confirm the decision or take a changed decision"},
    )
    on = GovDateField(
        what="the date of confirmation",
        when="past",
        label="Date confirmed",
        help_text="Only if you confirm the decision. For example, 3 9 2026.",
    )

    def __init__(self, *args, button, may_change=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_change:  # a changed decision is already started: carry on with that one
            self.fields["choice"].choices = self.fields["choice"].choices[:1]
        self.helper = action_helper(Field.radios("choice", legend_size="m"), Field("on"), button=button)

    def clean(self):
        data = super().clean()
        if data.get("choice") == self.CONFIRM and data.get("on") is None and "on" not in self.errors:
            self.add_error("on", ValidationError("Enter the date you confirmed the decision", code="required"))
        return data
