"""Forms of the review pages: sign-off codes, returns, the chair's response, agreements, signing.

Forms only say what a person typed is well formed; the services decide whether it may happen.
The forms every kind of record shares, and `apply_service_errors`, are `records.forms`'.
"""

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from decisions.rules_signing import EXEMPTION_CONFIRMATION_REQUIRED
from records.forms import CommentForm, ConfirmForm, GivenOutsideForm, GovDateField, SignOffForm, apply_service_errors
from records.forms import action_helper as _helper

# The forms of actions every kind of record has (confirm, sign-off code, comment) are the shared ones.
__all__ = [
    "AgreementForm",
    "CommentForm",
    "ConfirmForm",
    "SignForm",
    "SignOffForm",
    "UrgencyForm",
    "apply_service_errors",
]


class UrgencyForm(forms.Form):
    """CALL-2: the scrutiny chair agrees, or declines, that the decision is urgent."""

    AGREE, DECLINE = "agree", "decline"

    response = forms.ChoiceField(
        label="Do you agree that the decision is urgent and cannot reasonably be deferred?",
        choices=[(AGREE, "Yes, I agree"), (DECLINE, "No, I do not agree")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree that the decision is urgent"},
    )
    comment = forms.CharField(
        label="Comments",
        required=False,
        widget=forms.Textarea,
        help_text="Required if you do not agree: the author sees your comments.",
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        # CALL-2 and EXEC-7 are separate answers: asked both, the chair answers each on its own
        # (`response_<kind>`); asked one, the one question above.
        self.kinds = [kind for kind, _label in kinds] if len(kinds) > 1 else []
        radios = ["response"]
        if self.kinds:
            question = self.fields.pop("response")
            for kind, label in kinds:
                field = forms.ChoiceField(
                    label=f"{label}: do you agree?",
                    choices=question.choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": f"Select whether you agree: {label}"},
                )
                self.fields[f"response_{kind}"] = field
            self.order_fields([*(f"response_{kind}" for kind in self.kinds), "comment"])
            radios = [f"response_{kind}" for kind in self.kinds]
        self.helper = _helper(
            *(Field.radios(name, legend_size="m") for name in radios),
            Field.textarea("comment", rows=5),
            button="Send your response",
        )

    @classmethod
    def answers(cls, data):
        """(kinds agreed, kinds declined) from cleaned data; `None` for "every kind asked" (one question)."""
        if "response" in data:
            return (None, []) if data["response"] == cls.AGREE else ([], None)
        answered = {name.removeprefix("response_"): v for name, v in data.items() if name.startswith("response_")}
        return (
            [kind for kind, v in answered.items() if v == cls.AGREE],
            [kind for kind, v in answered.items() if v != cls.AGREE],
        )

    def clean(self):
        cleaned = super().clean()
        responses = [cleaned.get(name) for name in self.fields if name.startswith("response")]
        if self.DECLINE in responses and not (cleaned.get("comment") or "").strip():
            message = "Explain why you do not agree, so the author knows what to change"
            self.add_error("comment", ValidationError(message, code="required"))
        return cleaned


def _optional_text(label, help_text, max_length=2000):
    # Required or not is the service's answer (EXEC-7): it depends on who agreed.
    return forms.CharField(
        label=label, help_text=help_text, required=False, max_length=max_length, widget=forms.Textarea
    )


class AgreementForm(GivenOutsideForm):
    """12b: Democratic Support records an agreement the chair gave outside the system."""

    who, verb, past, noun = "the chair", "agree", "agreed", "agreement"
    field_order = ["kind", "agreed_on", "how", "evidence"]
    kind = forms.ChoiceField(
        label="Which agreement did the chair give?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select which agreement the chair gave"},
    )
    # Our GOV.UK date field: crispy's own lets a huge day or month overflow date() into a 500.
    agreed_on = GovDateField(
        what="the date the chair agreed",
        required=True,
        label="Date the chair agreed",
        help_text="For example, 14 7 2021",
    )

    # EXEC-7: special urgency only. Who agreed, as what, and why those before could not act.
    agreed_as = forms.ChoiceField(label="Who agreed to special urgency?", required=False, widget=forms.RadioSelect)
    scrutiny_chair_unable = _optional_text(
        "Why could the chair of the overview and scrutiny committee not act?",
        "Only if the Chair or Vice-Chair of the Council agreed: for example, there is no chair, or on leave.",
    )
    council_chair_unable = _optional_text(
        "Why could the Chair of the Council not act?", "Only if the Vice-Chair of the Council agreed."
    )
    reasons = _optional_text(
        "Why the decision cannot reasonably be deferred",
        "Special urgency only. The report of urgent decisions to council prints this.",
        max_length=5000,
    )

    def __init__(self, *args, agreements, agreers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(a.kind, a.get_kind_display()) for a in agreements]
        # `agreers`: (agreed_as, label naming who holds the role today) for a special urgency agreement.
        self.special_urgency = bool(agreers)
        self.fields["agreed_as"].choices = list(agreers)
        date = self.fields["agreed_on"]
        date.error_messages.update(
            required="Enter the date the chair agreed",
            incomplete="Enter the date the chair agreed, with a day, month and year",
            invalid="Enter a real date",
        )
        self.helper = _helper(
            Field.radios("kind", legend_size="s"),
            Field("agreed_on", context={"legend_size": "govuk-fieldset__legend--s"}),
            Field.radios("how", legend_size="s"),
            Field.textarea("evidence", label_size="s", rows=4),
            *self._special_urgency_layout(),
            button="Record the agreement",
        )

    def _special_urgency_layout(self):
        if not self.special_urgency:
            for name in ("agreed_as", "scrutiny_chair_unable", "council_chair_unable", "reasons"):
                del self.fields[name]
            return []
        return [
            Field.radios("agreed_as", legend_size="s"),
            Field.textarea("scrutiny_chair_unable", label_size="s", rows=3),
            Field.textarea("council_chair_unable", label_size="s", rows=3),
            Field.textarea("reasons", label_size="s", rows=4),
        ]

    def clean(self):
        cleaned = super().clean()
        if self.special_urgency and cleaned.get("kind") == "special_urgency" and not cleaned.get("agreed_as"):
            self.add_error("agreed_as", ValidationError("Select who agreed to special urgency", code="required"))
        return cleaned


class SignForm(forms.Form):
    """Section 20: the decision maker reads the declaration and signs."""

    confirm = forms.BooleanField(
        label="I have read the declaration and agree the decision",
        error_messages={"required": "Confirm that you have read the declaration and agree the decision"},
    )

    # EXEC-13: asked only when the record withholds something from the public.
    confirm_exemptions = forms.BooleanField(
        label="I confirm that the information listed is exempt, and that the public interest in keeping it exempt "
        "outweighs the public interest in disclosing it",
        error_messages={"required": EXEMPTION_CONFIRMATION_REQUIRED},
    )

    def __init__(self, *args, withheld=(), **kwargs):
        super().__init__(*args, **kwargs)
        boxes = [Field.checkbox("confirm")]
        if withheld:
            boxes.insert(0, Field.checkbox("confirm_exemptions"))
        else:
            del self.fields["confirm_exemptions"]
        self.helper = _helper(*boxes, button="Sign the decision")
