"""The Forward Plan item's staff forms: the reg 9 questions on one page, and the new date of a
deferral or of a return to the plan. Fields check what was typed is well formed; the rules
(`forwardplan.rules`) and services decide whether it may happen."""

from crispy_forms_gds.layout import Field, Fieldset
from django import forms
from django.core.exceptions import ValidationError

from council import roles
from council.models import CabinetPortfolio, Directorate, User
from forwardplan import rules
from forwardplan.models import DecisionMakerType, PlanItem
from forwardplan.services import EDITABLE_FIELDS
from records.forms import (
    GovDateField,
    NoHTML,
    PersonChoiceField,
    YesNoField,
    action_helper,
    add_problems,
    helper,
    paragraph_fields,
    people_with_role,
    textarea,
)

WHAT = {
    "title": "the matter to be decided",
    "summary": "what the decision is about",
    "documents": "the documents",
    "documents_how": "how to get the documents",
    "other_documents": "the other documents",
    "contact_name": "the contact's name",
    "contact_phone": "the telephone number",
}


class PlanItemForm(forms.ModelForm):
    """Everything reg 9(1) asks the notice to say. A draft may be saved unfinished; proposing and
    publishing check it is complete (`rules.completeness`)."""

    decision_maker_type = forms.ChoiceField(
        choices=DecisionMakerType.choices,
        widget=forms.RadioSelect,
        required=False,
        label="Who will make the decision?",
    )
    decision_maker = PersonChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Officer making the decision",
        empty_label="Choose the officer",
        help_text="Only if an officer makes the decision under delegated authority.",
    )
    portfolio = forms.ModelChoiceField(
        queryset=CabinetPortfolio.objects.select_related("member"),
        required=False,
        label="Cabinet member's portfolio",
        empty_label="Choose the portfolio",
        help_text="Only if a cabinet member makes the decision.",
    )
    directorate = forms.ModelChoiceField(
        queryset=Directorate.objects.all(), required=False, label="Directorate", empty_label="Choose the directorate"
    )
    expected_from = GovDateField(
        what="the expected date of decision",
        label="Expected date of decision",
        help_text="The date, or the first day of the period, when the decision is expected. For example, 27 3 2027.",
    )
    expected_to = GovDateField(
        what="the end of the period",
        label="End of the period (optional)",
        help_text="Only if the decision is expected within a period rather than on one date.",
    )
    expected_exempt = YesNoField(
        label="Is any part of the decision expected to be considered in private (exempt)?",
        message="Select yes if any part is expected to be exempt",
    )
    exempt_paragraphs = paragraph_fields(
        paragraphs_help="Only if any part is expected to be exempt: the paragraphs it will rely on."
    )["exempt_paragraphs"]

    class Meta:
        model = PlanItem
        fields = list(EDITABLE_FIELDS)
        labels = {
            "title": "Matter to be decided",
            "summary": "What the decision is about (optional)",
            "documents": "Documents to be submitted to the decision maker",
            "documents_how": "How to get the documents",
            "other_documents": "Other documents relevant to the matter (optional)",
            "contact_name": "Who to contact for details",
            "contact_email": "Contact email address",
            "contact_phone": "Contact telephone number",
        }
        help_texts = {
            "title": "This is published on the Forward Plan.",
            "documents_how": "The address and website where the public can get them.",
            "contact_email": "An email address or a telephone number, or both.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker"].queryset = people_with_role(roles.DECISION_MAKER)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and not isinstance(field, forms.EmailField):
                field.validators.append(NoHTML(WHAT.get(name, "your answer")))
        self.fields["title"].required = False  # "Enter the matter" comes from the rules, as the others
        self.helper = helper(
            Field.text("title"),
            textarea("summary", rows=4),
            Field.radios("decision_maker_type", legend_size="m"),
            Field("decision_maker"),
            Field("portfolio"),
            Field("directorate"),
            Fieldset(Field("expected_from"), Field("expected_to"), legend="When", legend_size="m"),
            textarea("documents", rows=4),
            textarea("documents_how", rows=3),
            textarea("other_documents", rows=3),
            Fieldset(
                Field.text("contact_name"),
                Field.text("contact_email"),
                Field.text("contact_phone", field_width=20),
                legend="Contact",
                legend_size="m",
            ),
            Field.radios("expected_exempt", legend_size="m", inline=True),
            Field.checkboxes("exempt_paragraphs"),
        )

    def clean(self):
        data = super().clean()
        if data.get("title") is None:
            data["title"] = ""
        # The rules that hold even in a draft (a period in order, real paragraph numbers).
        add_problems(self, rules.consistency(self.instance_with(data)))
        if not (data.get("title") or "").strip() and "title" not in self.errors:
            self.add_error("title", ValidationError("Enter the matter to be decided", code="required"))
        return data

    def instance_with(self, data):
        probe = PlanItem()
        for name in EDITABLE_FIELDS:
            if name in data:
                setattr(probe, name, data[name])
        return probe

    def changes(self):
        """{field: value} of what the form says: the services' `data`."""
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS if name in self.cleaned_data}


class NewDateForm(forms.Form):
    """The new date, or period, when the decision is expected."""

    expected_from = GovDateField(
        what="the new expected date", label="New expected date of decision", help_text="For example, 1 6 2027."
    )
    expected_to = GovDateField(
        what="the end of the period",
        label="End of the period (optional)",
        help_text="Only if the decision is expected within a period. For example, 30 6 2027.",
    )
    fields_before = ()

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(*self.fields_before, Field("expected_from"), Field("expected_to"), button=button)

    def clean(self):
        data = super().clean()
        if data.get("expected_from") is None and "expected_from" not in self.errors:
            self.add_error("expected_from", ValidationError("Enter the new expected date", code="required"))
        start, end = data.get("expected_from"), data.get("expected_to")
        if start and end and end < start and "expected_to" not in self.errors:
            self.add_error("expected_to", "The end of the period must be the same as or after its start")
        return data


class ReasonMixin:
    """A public reason (a deferral's, a withdrawal's): required, plain text, published with the item."""

    required_reason = ""

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(self.required_reason, code="required")
        return reason


def reason_field(label, help_text, required):
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": required},
        validators=[NoHTML("the reason")],
    )


class DeferForm(ReasonMixin, NewDateForm):
    required_reason = "Enter why the decision has been deferred"
    reason = reason_field(
        "Why has the decision been deferred?", "This is published on the Forward Plan with the item.", required_reason
    )
    fields_before = (Field.textarea("reason", rows=4),)
    field_order = ["reason", "expected_from", "expected_to"]


class WithdrawForm(ReasonMixin, forms.Form):
    required_reason = "Enter why the item is being withdrawn"
    reason = reason_field(
        "Why is the item being withdrawn?",
        "This is published on the Forward Plan: the item stays there, marked withdrawn.",
        required_reason,
    )

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(Field.textarea("reason", rows=4), button=button, warning=True)
