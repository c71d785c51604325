"""What an officer types into a decision record: one form per task of the authoring task list.

Field validation only (error `code=`s, GOV.UK-style messages). Whether the record is complete
is `rules.py`'s question: the views add its problems to these forms on "Save and continue".
Labels carry the section numbers of the council's form (`decisions.sections`).
"""

from decimal import Decimal, InvalidOperation

from crispy_forms_gds.layout import HTML, Button, Field
from django import forms
from django.core.exceptions import ValidationError

from council import roles
from council.forms import ModelMultipleChoiceField
from council.models import CabinetPortfolio, Committee, Department, Directorate, Plan, User
from decisions.models import Appendix, BackgroundPaper, Decision, SpendType
from decisions.sections import KEY_DECISION_CRITERIA, LABELS
from records import forms_appendices as records_appendices
from records.forms import (
    LONG_TEXT_HINT,
    PARAGRAPH_CHOICES,
    PUBLIC_TITLE_HINT,
    GovDateField,
    NoHTML,
    PersonChoiceField,
    YesNoField,
    buttons,
    helper,
    paragraph_fields,
    people_with_role,
    textarea,
)


def numbered(section, text=None):
    return f"{section}. {text or LABELS[section]}"


# — fields -------------------------------------------------------------------------------------


class MoneyField(forms.DecimalField):
    """Pounds as people write them: "491,000", "£491000.00"."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=14,
            decimal_places=2,
            required=False,
            error_messages={
                "invalid": "Enter the amount as a number, like 491,000 or 491000.00",
                "max_digits": "Enter an amount less than £1,000,000,000,000",
                "max_decimal_places": "Enter the amount to the nearest penny",
                "max_whole_digits": "Enter an amount less than £1,000,000,000,000",
            },
            **kwargs,
        )

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "spellcheck": "false"}

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "").replace(" ", "")
        if value in self.empty_values:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if number < 0:
            raise ValidationError("The amount must be £0 or more", code="negative")
        return number


# — task forms ---------------------------------------------------------------------------------


class TaskForm(forms.ModelForm):
    """A task page: its fields, what to call them in messages, and its crispy layout."""

    what = {}  # field -> how messages name it ("the reasons")
    long_text = ()  # fields that get the paragraphs-and-lists hint

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                field.validators.append(NoHTML(self.what.get(name, "your answer")))
            if name in self.long_text:
                field.help_text = LONG_TEXT_HINT
        self.helper = helper(*self.layout_fields(), buttons())

    def layout_fields(self):
        return [Field(name) for name in self.fields]

    def model_fields(self):
        """The Decision fields this form writes (for services.save_edits)."""
        return [name for name in self._meta.fields if name in self.cleaned_data]

    def m2m_values(self):
        return {}


class DetailsForm(TaskForm):
    decision_maker = PersonChoiceField(
        queryset=User.objects.none(),
        required=False,
        label=numbered("2"),
        empty_label="Choose the decision maker",
        help_text="An officer with delegated authority to take the decision.",
    )
    directorate = forms.ModelChoiceField(
        queryset=Directorate.objects.all(),
        required=False,
        label="Directorate taking the decision",
        empty_label="Choose the directorate",
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
        ]


class ReasonsForm(TaskForm):
    what = {"reasons": "the reasons", "alternatives": "the alternative options"}
    long_text = ("reasons", "alternatives")

    class Meta:
        model = Decision
        fields = ["reasons", "alternatives"]
        labels = {"reasons": numbered("5"), "alternatives": numbered("6")}

    def layout_fields(self):
        return [textarea("reasons", 12), textarea("alternatives", 10)]


KEY_CRITERIA = ["key_capital", "key_revenue", "key_wards"]


class FinanceForm(TaskForm):
    amount = MoneyField(label=numbered("7", "Amount"), help_text="In pounds, for example 491,000.")
    is_key_decision = YesNoField(
        label=numbered("8"),
        message="Select yes if this is a key decision",
        help_text="Contact Democratic Support for advice.",
    )
    key_criteria = forms.MultipleChoiceField(
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=numbered("8", "Which key decision criteria does it meet?"),
        help_text="Select all that apply.",
    )
    forward_plan_published_on = GovDateField(
        what="the date the notice was published",
        when="past",
        label=numbered("8b"),
        help_text="For example, 27 3 2021. Leave blank if it is not a key decision.",
    )
    what = {"financial_implications": "the financial implications", "funding_source": "the funding source"}
    long_text = ("financial_implications",)
    aliases = {name: "key_criteria" for name in KEY_CRITERIA}

    class Meta:
        model = Decision
        fields = [
            "financial_implications",
            "amount",
            "spend_type",
            "funding_source",
            "is_key_decision",
            "forward_plan_published_on",
            "special_urgency",
        ]
        labels = {
            "financial_implications": numbered("7"),
            "spend_type": numbered("7", "Is the spending or saving revenue or capital?"),
            "funding_source": numbered("7", "Source of funding"),
            "special_urgency": "The key decision is being taken under special urgency, without the Forward Plan notice",
        }
        widgets = {"spend_type": forms.RadioSelect}
        help_texts = {
            "funding_source": "For example, the Covid Outbreak Management Fund.",
            "special_urgency": "Only when the scrutiny chair must agree that the decision cannot wait 28 clear days.",
        }

    def __init__(self, *args, council=None, **kwargs):
        super().__init__(*args, **kwargs)
        capital = f"{council.key_decision_capital_threshold:,.0f}" if council else "3,000,000"
        revenue = f"{council.key_decision_revenue_threshold:,.0f}" if council else "1,000,000"
        self.fields["key_criteria"].choices = [
            (name, KEY_DECISION_CRITERIA[name].format(capital=capital, revenue=revenue)) for name in KEY_CRITERIA
        ]
        self.fields["spend_type"].choices = SpendType.choices
        self.fields["spend_type"].error_messages["invalid_choice"] = "Choose revenue, capital or neither"
        if not self.is_bound:
            self.initial["key_criteria"] = [name for name in KEY_CRITERIA if getattr(self.instance, name)]

    def _post_clean(self):
        super()._post_clean()
        if "key_criteria" in self.cleaned_data:
            for name in KEY_CRITERIA:
                setattr(self.instance, name, name in self.cleaned_data["key_criteria"])

    def model_fields(self):
        extra = KEY_CRITERIA if "key_criteria" in self.cleaned_data else []
        return [*super().model_fields(), *extra]

    def layout_fields(self):
        return [
            textarea("financial_implications", 5),
            Field.text("amount", field_width=10, template="decisions/authoring/fields/money.html"),
            Field.radios("spend_type"),
            Field.text("funding_source"),
            Field.radios("is_key_decision"),
            Field.checkboxes("key_criteria"),
            Field("forward_plan_published_on"),
            Field.checkbox("special_urgency"),
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
    scrutiny_committee = forms.ModelChoiceField(
        queryset=Committee.objects.all(),
        required=False,
        empty_label="Choose the scrutiny committee",
        label="12b. Scrutiny Committee name",
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
    cmt_member = PersonChoiceField(
        queryset=User.objects.none(),
        required=False,
        label=numbered("15"),
        empty_label="Choose the Corporate Management Team member",
        help_text="Only the directors on the Corporate Management Team are listed.",
    )
    cmt_consulted_on = GovDateField(
        what="the date the Corporate Management Team member was consulted",
        when="past",
        label=numbered("15", "Date consulted"),
        help_text="For example, 9 7 2021.",
    )
    what = {"conflict_details": "the details of the conflict"}

    class Meta:
        model = Decision
        fields = [
            "other_portfolios_affected",
            "conflict_of_interest",
            "conflict_details",
            "monitoring_officer_involved",
            "cmt_member",
            "cmt_consulted_on",
        ]
        labels = {
            "conflict_details": numbered("14", "Who declared the conflict of interest, and what is it?"),
            "monitoring_officer_involved": "The Monitoring Officer has been consulted about the conflict of interest",
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


class AppendixForm(records_appendices.AppendixForm):
    """17: one appendix and its file (posted to appendix_add)."""

    exempt_paragraphs = paragraph_fields("17")["exempt_paragraphs"]
    exemption_review_on = paragraph_fields("17")["exemption_review_on"]

    class Meta(records_appendices.AppendixForm.Meta):
        model = Appendix
        labels = {
            **records_appendices.AppendixForm.Meta.labels,
            "ref": "17. Appendix reference",
            "title": "17. Title of appendix",
        }

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, record=decision, **kwargs)
        self.decision = decision


class BackgroundPaperForm(records_appendices.BackgroundPaperForm):
    """19: one background paper (posted to paper_add)."""

    exempt_paragraphs = paragraph_fields("19")["exempt_paragraphs"]
    exemption_review_on = paragraph_fields("19")["exemption_review_on"]

    class Meta(records_appendices.BackgroundPaperForm.Meta):
        model = BackgroundPaper
        labels = {**records_appendices.BackgroundPaperForm.Meta.labels, "title": "19. Title of background paper"}

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, record=decision, **kwargs)
        self.decision = decision


class ExemptForm(TaskForm):
    has_exempt_information = YesNoField(
        label=numbered("18a"),
        message="Select yes if you need to include exempt information",
        help_text="If yes, prepare a second, confidential (Part II) briefing report.",
    )
    part2_paragraphs = forms.TypedMultipleChoiceField(
        choices=PARAGRAPH_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="18b. Exemption paragraphs of Part 1 of Schedule 12A of the Local Government Act 1972",
        help_text="Select the paragraphs that make the briefing report not for publication.",
    )
    part2_review_on = GovDateField(
        what="the date to review the exemption",
        when="future",
        label="18b. Date to review the exemption",
        help_text="For example, 1 4 2027.",
    )
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


TASK_FORMS = {
    "details": DetailsForm,
    "reasons": ReasonsForm,
    "finance": FinanceForm,
    "plan": PlanForm,
    "urgency": UrgencyForm,
    "consultation": ConsultationForm,
    "sign-off": SignOffForm,
    "exempt": ExemptForm,
}
