"""Task pages 1 to 13: the details, reasons, finance, the Forward Plan and urgency."""

from crispy_forms_gds.layout import HTML, Field
from django import forms

from council import roles
from council.forms import ModelMultipleChoiceField
from council.models import Committee, CouncilSettings, Directorate, Plan, Ward
from decisions import rules_key
from decisions.forms.base import MoneyField, TaskForm, numbered
from decisions.models import Authorisation, Decision, GeneralAuthorisationEffect
from records.forms import (
    ChoiceCheckboxes,
    ChoiceRadios,
    YesNoField,
    optional_choice,
    people_with_role,
    person_choice,
    textarea,
)


class DetailsForm(TaskForm):
    decision_maker = person_choice(
        numbered("2"),
        "Choose the decision maker",
        help_text="An officer with delegated authority to take the decision.",
    )
    directorate = optional_choice(
        Directorate.objects.all(), "Directorate taking the decision", "Choose the directorate"
    )
    # 4c (OLGB-1)
    authorisation = ChoiceRadios(
        Authorisation.choices,
        label=numbered("4c"),
        message="Select the authority the decision is taken under",
        help_text="A specific express authorisation is a decision of the Cabinet, a Cabinet member or a committee "
        "that delegated this decision to an officer (give it in 4b). A general authorisation is the officer "
        "scheme of delegation in the council's constitution.",
    )
    general_authorisation_effects = ChoiceCheckboxes(
        GeneralAuthorisationEffect.choices,
        label="4c. Under a general authorisation, what does the decision do?",
        message="Select what the decision does from the list",
        help_text="Only for a general authorisation. Select all that apply.",
    )
    what = {
        "title": "the title",
        "author_email": "the email address",
        "author_phone": "the telephone number",
        "decision_to_be_taken": "the decision to be taken",
        "original_delegation": "the original delegation",
    }
    long_text = ("decision_to_be_taken",)

    class Meta:
        model = Decision
        fields = [
            "title",
            "decision_maker",
            "directorate",
            "author_email",
            "author_phone",
            "decision_to_be_taken",
            "original_delegation",
            "authorisation",
            "general_authorisation_effects",
        ]
        labels = {
            "title": numbered("1"),
            "author_email": numbered("3", "Report author's email address"),
            "author_phone": numbered("3", "Report author's telephone number"),
            "decision_to_be_taken": numbered("4a"),
            "original_delegation": numbered("4b"),
        }
        help_texts = {
            "author_email": "The report author is you. Give an email address, a telephone number or both.",
            "original_delegation": "For example, COD01 21/22 or 14 July 2021. Enter N/A if there is none.",
        }
        widgets = {"author_phone": forms.TextInput(attrs={"autocomplete": "tel"})}
        error_messages = {
            "author_email": {"invalid": "Enter an email address in the correct format, like name@example.com"}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker"].queryset = people_with_role(roles.DECISION_MAKER)
        self.fields["decision_maker"].error_messages["invalid_choice"] = (
            "Choose a decision maker with delegated authority from the list"
        )

    def layout_fields(self):
        return [
            Field.text("title"),
            Field.select("decision_maker"),
            Field.select("directorate"),
            Field.text("author_email", field_width="two-thirds", autocomplete="email", spellcheck="false"),
            Field.text("author_phone", field_width=20),
            textarea("decision_to_be_taken", 4),
            Field.text("original_delegation", field_width="two-thirds"),
            Field.radios("authorisation", legend_size="s"),
            Field.checkboxes("general_authorisation_effects", legend_size="s"),
        ]

    def clean(self):
        cleaned = super().clean()
        # What a decision does matters only under a general authorisation: an express one keeps none.
        if cleaned.get("authorisation") == Authorisation.EXPRESS:
            cleaned["general_authorisation_effects"] = []
        return cleaned


class ReasonsForm(TaskForm):
    what = {"reasons": "the reasons", "alternatives": "the alternative options"}
    long_text = ("reasons", "alternatives")

    class Meta:
        model = Decision
        fields = ["reasons", "alternatives"]
        labels = {"reasons": numbered("5"), "alternatives": numbered("6")}

    def layout_fields(self):
        return [textarea("reasons", 12), textarea("alternatives", 10)]


class FinanceForm(TaskForm):
    # 7 and 8 (EXEC-4): the amounts and wards whether it is a key decision follows from.
    capital_amount = MoneyField(
        label=numbered("7", "Capital spending or contract commitment"),
        help_text="In pounds, for example 2,000,000. Enter 0 if there is none. "
        "A contract award is a contract commitment, however it is paid for.",
    )
    revenue_amount = MoneyField(
        label=numbered("7", "Revenue spending or savings"),
        help_text="In pounds, for example 491,000. Enter 0 if there are none.",
    )
    wards = ModelMultipleChoiceField(
        queryset=Ward.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=numbered("8", "Which wards does the decision affect?"),
        help_text="Select all that apply. Leave all clear if it affects no ward in particular.",
    )
    significant_ward_effect = YesNoField(
        label=numbered("8", "Will the decision have a significant effect on communities living or working in them?"),
        message="Select yes if the decision has a significant effect on communities in the wards it affects",
        help_text="A significant effect in two or more wards makes it a key decision.",
    )
    what = {"financial_implications": "the financial implications", "funding_source": "the funding source"}
    long_text = ("financial_implications",)

    class Meta:
        model = Decision
        fields = [
            "financial_implications",
            "capital_amount",
            "revenue_amount",
            "funding_source",
            "significant_ward_effect",
        ]
        labels = {
            "financial_implications": numbered("7"),
            "funding_source": numbered("7", "Source of funding"),
        }
        help_texts = {
            "funding_source": "For example, the Covid Outbreak Management Fund.",
        }

    def __init__(self, *args, council=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council or CouncilSettings.load()
        self.fields["wards"].error_messages["invalid_choice"] = "Choose wards from the list"
        if not self.is_bound:
            # Checkboxes compare with primary keys, not the objects ModelForm puts in `initial`.
            self.initial["wards"] = [w.pk for w in self.instance.wards.all()]

    def _post_clean(self):
        super()._post_clean()
        # EXEC-4: the rules and the answer shown on the page read the wards as ticked, not as saved.
        if "wards" in self.cleaned_data:
            self.instance.chosen_wards = list(self.cleaned_data["wards"])
        rules_key.derive(self.instance, self.council)

    def m2m_values(self):
        return {"wards": list(self.cleaned_data["wards"])} if "wards" in self.cleaned_data else {}

    @property
    def key_answer(self):
        """EXEC-4's answer in words, shown under the questions it follows from."""
        return rules_key.explanation(self.instance, self.council)

    def layout_fields(self):
        return [
            textarea("financial_implications", 5),
            Field.text("capital_amount", field_width=10, template="decisions/authoring/fields/money.html"),
            Field.text("revenue_amount", field_width=10, template="decisions/authoring/fields/money.html"),
            Field.text("funding_source"),
            Field.checkboxes("wards", small=True),
            Field.radios("significant_ward_effect", inline=True),
            HTML('{% include "decisions/authoring/fields/key_answer.html" %}'),
        ]


class PlanForm(TaskForm):
    what = {
        "plan_link": "how the decision links to the plan",
        "environmental_implications": "the environmental implications",
    }
    long_text = ("plan_link", "environmental_implications")

    class Meta:
        model = Decision
        fields = ["priority", "plan_link", "environmental_implications"]
        labels = {
            "priority": numbered("9", "Which priority of the council's plans does the decision support?"),
            "plan_link": numbered("9"),
            "environmental_implications": numbered("10"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plans = Plan.objects.prefetch_related("priorities")
        self.fields["priority"].choices = [("", "Choose a priority")] + [
            (plan.name, [(p.pk, p.name) for p in plan.priorities.all()]) for plan in plans
        ]

    def layout_fields(self):
        return [Field.select("priority"), textarea("plan_link", 5), textarea("environmental_implications", 4)]


class UrgencyForm(TaskForm):
    is_urgent = YesNoField(
        label=numbered("11"),
        message="Select yes if the decision is urgent",
        help_text="If yes, contact Democratic Support for advice.",
    )
    scrutiny_committee = optional_choice(
        Committee.objects.all(),
        "12b. Scrutiny Committee name",
        "Choose the scrutiny committee",
        help_text="Its chair is asked to agree that the decision is urgent when you submit the record.",
    )
    what = {"urgency_reason": "the reason for urgency"}
    long_text = ("urgency_reason",)

    class Meta:
        model = Decision
        fields = ["is_urgent", "urgency_reason", "scrutiny_committee"]
        labels = {"urgency_reason": numbered("12a")}

    def layout_fields(self):
        return [Field.radios("is_urgent"), textarea("urgency_reason", 5), Field.select("scrutiny_committee")]
