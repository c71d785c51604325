"""Forms of a briefing report's review pages that are the report's own (the shared ones are records.forms')."""

from crispy_forms_gds.layout import Field

from records.forms import GivenOutsideForm, GovDateField, action_helper


class ApprovalForm(GivenOutsideForm):
    """Democratic Support records an approval the cabinet member gave outside the system."""

    who, verb, past, noun = "the cabinet member", "approve", "approved", "approval"
    field_order = ["approved_on", "how", "evidence"]
    approved_on = GovDateField(
        what="the date the cabinet member approved",
        when="past",
        required=True,
        label="Date the cabinet member approved",
        help_text="For example, 4 11 2021",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_on"].error_messages["required"] = "Enter the date the cabinet member approved"
        self.helper = action_helper(
            Field("approved_on", context={"legend_size": "govuk-fieldset__legend--s"}),
            Field.radios("how", legend_size="s"),
            Field.textarea("evidence", label_size="s", rows=4),
            button="Record the approval",
        )
