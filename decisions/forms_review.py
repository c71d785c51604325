"""Forms of the review pages: sign-off codes, returns, the chair's response, agreements, signing.

Forms only say what a person typed is well formed; the services decide whether it may happen.
`apply_service_errors` puts a service's `ValidationError` or `TransitionNotAllowed` on the form,
so the GOV.UK error summary shows it next to what the person typed.
"""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.core.exceptions import ValidationError

from decisions.forms import GovDateField
from decisions.models import ChairAgreement


def _helper(*fields, button):
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the page's <form> has its own token
    helper.layout = Layout(*fields, Button("submit", button))
    return helper


def apply_service_errors(form, exc):
    """Put a service's ValidationError({field: message}) or TransitionNotAllowed reasons on `form`."""
    reasons = getattr(exc, "reasons", None)
    if reasons is not None:
        for reason in reasons:
            form.add_error(None, str(reason))
        return
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))


class ConfirmForm(forms.Form):
    """Nothing to type: a POST with a CSRF token is the confirmation."""

    def __init__(self, *args, button="Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(button=button)


class SignOffForm(forms.Form):
    """A department's sign-off: a typed code for departments that number their own files."""

    code = forms.CharField(
        label="Sign-off code",
        max_length=60,
        error_messages={"required": "Enter the sign-off code", "max_length": "The code must be 60 characters or fewer"},
    )

    def __init__(self, *args, department, **kwargs):
        super().__init__(*args, **kwargs)
        self.department = department
        self.typed = department.code_source == department.CodeSource.TYPED
        button = f"Issue {department.name} sign-off code"
        if self.typed:
            field = self.fields["code"]
            field.help_text = f"The reference {department.name} gave this record, for example MS/36955"
            field.error_messages["required"] = f"Enter the {department.name} sign-off code"
            field.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
            self.helper = _helper(Field.text("code", field_width=20), button=button)
        else:
            del self.fields["code"]
            self.helper = _helper(button=button)

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class CommentForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea)

    def __init__(self, *args, label, hint="", required_message, button, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.label = label
        field.help_text = hint
        field.error_messages["required"] = required_message
        self.helper = _helper(Field.textarea("comment", label_size="m", rows=6), button=button)

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise ValidationError(self.fields["comment"].error_messages["required"], code="required")
        return comment


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


class AgreementForm(forms.Form):
    """12b: Democratic Support records an agreement the chair gave outside the system."""

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
    how = forms.ChoiceField(
        label="How did the chair agree?",
        choices=[(ChairAgreement.How.EMAIL, "By email"), (ChairAgreement.How.OTHER, "Another way, in writing")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the chair agreed"},
    )
    evidence = forms.CharField(
        label="Evidence of the agreement",
        help_text="For example, the date, sender and subject of the chair's email",
        widget=forms.Textarea,
        error_messages={"required": "Describe the evidence of the agreement, for example the email's date and subject"},
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

    def clean_evidence(self):
        evidence = self.cleaned_data["evidence"].strip()
        if not evidence:
            raise ValidationError(self.fields["evidence"].error_messages["required"], code="required")
        return evidence


class SignForm(forms.Form):
    """Section 20: the decision maker reads the declaration and signs."""

    confirm = forms.BooleanField(
        label="I have read the declaration and agree the decision",
        error_messages={"required": "Confirm that you have read the declaration and agree the decision"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.checkbox("confirm"), button="Sign the decision")
