"""The period of a report of urgent decisions to council: two GOV.UK date inputs."""

from crispy_forms_gds.layout import Field
from django import forms

from records.forms import GovDateField, action_helper


class PeriodForm(forms.Form):
    period_from = GovDateField(
        what="the start of the period", required=True, label="From", help_text="For example, 1 4 2026"
    )
    period_to = GovDateField(
        what="the end of the period", required=True, label="To", help_text="For example, 31 3 2027"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, what in (("period_from", "the start of the period"), ("period_to", "the end of the period")):
            self.fields[name].error_messages.update(
                required=f"Enter {what}",
                incomplete=f"Enter {what}, with a day, month and year",
                invalid="Enter a real date",
            )
        self.helper = action_helper(
            Field("period_from", context={"legend_size": "govuk-fieldset__legend--s"}),
            Field("period_to", context={"legend_size": "govuk-fieldset__legend--s"}),
            button="Generate the report",
        )
