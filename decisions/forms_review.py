"""Forms of the review pages: sign-off codes, returns, the chair's response, agreements, signing.

Forms only say what a person typed is well formed; the services decide whether it may happen.
The forms every kind of record shares, and `apply_service_errors`, are `records.forms`'.
"""

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("response", legend_size="m"), Field.textarea("comment", rows=5), button="Send your response"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("response") == self.DECLINE and not (cleaned.get("comment") or "").strip():
            message = "Explain why you do not agree, so the author knows what to change"
            self.add_error("comment", ValidationError(message, code="required"))
        return cleaned


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

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(a.kind, a.get_kind_display()) for a in agreements]
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
            button="Record the agreement",
        )


class SignForm(forms.Form):
    """Section 20: the decision maker reads the declaration and signs."""

    confirm = forms.BooleanField(
        label="I have read the declaration and agree the decision",
        error_messages={"required": "Confirm that you have read the declaration and agree the decision"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.checkbox("confirm"), button="Sign the decision")
