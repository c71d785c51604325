"""The reasons Democratic Support publishes with a notice: one textarea, plain text."""

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from records.forms import NoHTML, action_helper


class ReasonsForm(forms.Form):
    reasons = forms.CharField(widget=forms.Textarea, max_length=20_000)

    def __init__(self, *args, label, hint, required_message, button, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reasons"]
        field.label, field.help_text = label, hint
        field.error_messages["required"] = required_message
        field.error_messages["max_length"] = "The reasons must be 20,000 characters or fewer"
        field.validators.append(NoHTML("the reasons"))
        self.helper = action_helper(Field.textarea("reasons", label_size="m", rows=8), button=button)

    def clean_reasons(self):
        reasons = self.cleaned_data["reasons"].strip()
        if not reasons:
            raise ValidationError(self.fields["reasons"].error_messages["required"], code="required")
        return reasons
