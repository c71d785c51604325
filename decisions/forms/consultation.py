"""Task pages 14 to 18: consultation, cabinet consultations, sign-off and the exempt (Part II) part."""

from crispy_forms_gds.layout import HTML, Button, Field
from django import forms
from django.core.exceptions import ValidationError

from council import roles
from council.forms import ModelMultipleChoiceField
from council.models import CabinetPortfolio, Department
from decisions.forms.base import TaskForm, numbered
from decisions.models import Decision
from records.forms import (
    PUBLIC_TITLE_HINT,
    GovDateField,
    YesNoField,
    helper,
    paragraph_fields,
    people_with_role,
    person_choice,
    textarea,
)


class ConsultationForm(TaskForm):
    other_portfolios_affected = YesNoField(
        label=numbered("13a"),
        message="Select yes if other cabinet members' portfolios are affected",
        help_text="If yes, add each cabinet member consulted below.",
    )
    conflict_of_interest = YesNoField(
        label=numbered("14"),
        message="Select yes if a cabinet member declared a conflict of interest",
        help_text="If yes, discuss it with the Monitoring Officer.",
    )
    dispensation_granted = YesNoField(
        label="14. Was the member granted a dispensation for the conflict of interest?",
        message="Select yes if a dispensation was granted for the conflict of interest",
        help_text="Only if a conflict was declared. A dispensation lets the member take part despite the "
        "conflict; the council's constitution says who grants it.",
    )
    # What the conflict's free-text answers are called in their messages.
    what = {"conflict_details": "the details of the conflict", "dispensation_details": "the dispensation"}
    cmt_member = person_choice(
        numbered("15"),
        "Choose the Corporate Management Team member",
        help_text="Only the directors on the Corporate Management Team are listed.",
    )
    cmt_consulted_on = GovDateField(
        what="the date the Corporate Management Team member was consulted",
        when="past",
        label=numbered("15", "Date consulted"),
        help_text="For example, 9 7 2021.",
    )

    class Meta:
        model = Decision
        fields = [
            "other_portfolios_affected",
            "conflict_of_interest",
            "conflict_details",
            "monitoring_officer_involved",
            "dispensation_granted",
            "dispensation_details",
            "cmt_member",
            "cmt_consulted_on",
        ]
        labels = {
            "conflict_details": numbered("14", "Who declared the conflict of interest, and what is it?"),
            "monitoring_officer_involved": "The Monitoring Officer has been consulted about the conflict of interest",
            "dispensation_details": numbered("14", "Who granted the dispensation, when, and what does it allow?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cmt_member"].queryset = people_with_role(roles.CORPORATE_MANAGEMENT_TEAM)
        self.fields["cmt_member"].error_messages["invalid_choice"] = (
            "Choose a Corporate Management Team member from the list"
        )

    def layout_fields(self):
        return [
            Field.radios("other_portfolios_affected"),
            # 13b and 13c: the cabinet members consulted, listed between 13a and 14.
            HTML('{% include "decisions/authoring/_consultations.html" %}'),
            Field.radios("conflict_of_interest"),
            textarea("conflict_details", 4),
            Field.checkbox("monitoring_officer_involved"),
            Field.radios("dispensation_granted", legend_size="s"),
            textarea("dispensation_details", 3),
            Field.select("cmt_member"),
            Field("cmt_consulted_on"),
        ]


class CabinetConsultationForm(forms.Form):
    """13b, 13c: one cabinet member consulted (posted to consultation_add)."""

    portfolio = forms.ModelChoiceField(
        queryset=CabinetPortfolio.objects.select_related("member"),
        label=numbered("13b"),
        empty_label="Choose the portfolio",
        error_messages={"required": "Choose the cabinet member's portfolio"},
    )
    consulted_on = GovDateField(
        what="the date the cabinet member was consulted",
        when="past",
        required=True,
        label=numbered("13c"),
        help_text="For example, 9 7 2021.",
    )

    def __init__(self, *args, decision, **kwargs):
        kwargs.setdefault("prefix", "consultation")
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.fields["portfolio"].label_from_instance = lambda p: p.member_and_title
        self.fields["consulted_on"].error_messages["required"] = "Enter the date the cabinet member was consulted"
        self.helper = helper(
            Field.select("portfolio"), Field("consulted_on"), Button.secondary("add-consultation", "Add cabinet member")
        )

    def clean_portfolio(self):
        portfolio = self.cleaned_data["portfolio"]
        if any(c.portfolio_id == portfolio.pk for c in self.decision.consultations.all()):
            raise ValidationError(f"{portfolio} is already listed", code="duplicate")
        return portfolio


class SignOffForm(TaskForm):
    applicable_departments = ModelMultipleChoiceField(
        queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=numbered("16", "Which other departments must sign off the decision?"),
        help_text="Select all that apply.",
    )

    class Meta:
        model = Decision
        fields = ["applicable_departments"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["applicable_departments"]
        field.queryset = Department.objects.filter(on_decision_form=True, mandatory_for_decisions=False)
        field.error_messages["invalid_choice"] = "Choose departments from the list"
        if not self.is_bound:
            # Checkboxes compare with primary keys, not the objects ModelForm puts in `initial`.
            self.initial["applicable_departments"] = [d.pk for d in self.instance.applicable_departments.all()]

    def model_fields(self):
        return []

    def m2m_values(self):
        if "applicable_departments" not in self.cleaned_data:
            return {}
        return {"applicable_departments": list(self.cleaned_data["applicable_departments"])}

    def layout_fields(self):
        return [Field.checkboxes("applicable_departments")]


class ExemptForm(TaskForm):
    has_exempt_information = YesNoField(
        label=numbered("18a"),
        message="Select yes if you need to include exempt information",
        help_text="If yes, prepare a second, confidential (Part II) briefing report.",
    )
    part2_paragraphs, part2_review_on = paragraph_fields(
        "18b",
        paragraphs_help="Select the paragraphs that make the briefing report not for publication.",
        review_label="18b. Date to review the exemption",
    ).values()
    what = {
        "part2_title": "the title",
        "part2_summary": "the briefing report",
        "part2_public_interest_reasoning": "the public interest reasoning",
    }
    long_text = ("part2_summary", "part2_public_interest_reasoning")

    class Meta:
        model = Decision
        fields = [
            "has_exempt_information",
            "part2_title",
            "part2_summary",
            "part2_paragraphs",
            "part2_public_interest_reasoning",
            "part2_review_on",
        ]
        labels = {
            "part2_title": numbered("18b"),
            "part2_summary": "18b. Confidential/exempt briefing report",
            "part2_public_interest_reasoning": (
                "18b. Why the public interest in keeping it exempt outweighs disclosing it"
            ),
        }
        help_texts = {"part2_title": PUBLIC_TITLE_HINT.format(what="the briefing report")}

    def layout_fields(self):
        return [
            Field.radios("has_exempt_information"),
            Field.text("part2_title"),
            textarea("part2_summary", 8),
            Field.checkboxes("part2_paragraphs", small=True),
            textarea("part2_public_interest_reasoning", 4),
            Field("part2_review_on"),
        ]
