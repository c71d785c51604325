"""What an officer types into a briefing report: one form per task of the authoring task list.

Field validation only. Whether the report is complete is `scrutiny.rules`' question: the views
add its problems to these forms on "Save and continue" (PLACEHOLDER-1 included, on the field).
The building blocks (`TaskForm`, plain-text checks, yes/no radios, GOV.UK dates) are the shared
ones every kind of record uses, from `records.forms`; the forms of the report's lists (a body
section, an appendix, a background paper) are in `scrutiny/forms_parts.py`.
"""

import re

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from council import roles
from council.forms import ModelMultipleChoiceField
from council.models import CabinetPortfolio, Committee, Plan, User
from decisions.models import Decision
from records.forms import (
    PUBLIC_TITLE_HINT,
    ChoiceRadios,
    TaskForm,
    YesNoField,
    helper,
    optional_choice,
    paragraph_fields,
    people_with_role,
    person_choice,
    textarea,
)
from scrutiny import rules
from scrutiny.models import BriefingReport, Confidentiality, Meeting, today


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        venue = f", {obj.venue}" if obj.venue else ""
        return f"{obj.committee}: {obj.date:%-d %B %Y}{venue}"


# — starting a report ----------------------------------------------------------------------------


class StartForm(forms.Form):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.all(),
        label="Which committee is the report for?",
        empty_label="Choose the committee",
        error_messages={"required": "Choose the committee the report is for"},
    )
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.select_related("committee"),
        required=False,
        label="Which meeting is it for?",
        empty_label="Choose the meeting (you can do this later)",
        help_text="Democratic Support adds the committees' meetings. Leave this if the meeting is not yet known.",
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new report can only go to a meeting still to come.
        self.fields["meeting"].queryset = Meeting.objects.filter(date__gt=today()).select_related("committee")
        self.helper = helper(Field.select("committee"), Field.select("meeting"), Button("start", "Start the report"))

    def clean(self):
        data = super().clean()
        committee, meeting = data.get("committee"), data.get("meeting")
        if committee and meeting and meeting.committee_id != committee.pk:
            self.add_error("meeting", ValidationError(f"Choose a meeting of the {committee}", code="committee"))
        return data


# — task forms (`records.forms.TaskForm`) ------------------------------------------------------------


class DetailsForm(TaskForm):
    meeting = optional_choice(Meeting.objects.none(), "Meeting", "Choose the meeting", field=MeetingChoiceField)
    lead_member = person_choice(
        "Lead member",
        "Choose the lead member",
        help_text="The cabinet member whose portfolio the report is about. They approve the report.",
    )
    lead_member_portfolio = optional_choice(
        CabinetPortfolio.objects.all(), "Lead member's portfolio", "Choose the portfolio"
    )
    lead_director = person_choice(
        "Lead strategic director",
        "Choose the lead strategic director",
        help_text="They agree the report after the departments have signed it off.",
    )
    is_key_decision = YesNoField(label="Key decision", message="Select yes if the report is about a key decision")
    what = {"title": "the title", "your_reference": "your reference"}

    class Meta:
        model = BriefingReport
        fields = [
            "meeting",
            "title",
            "lead_member",
            "lead_member_portfolio",
            "lead_director",
            "author_email",
            "your_reference",
            "is_key_decision",
        ]
        labels = {"title": "Title of report", "author_email": "Contact email", "your_reference": "Your reference"}
        help_texts = {"your_reference": "Your own reference for the report, if you have one."}
        error_messages = {
            "author_email": {"invalid": "Enter an email address in the correct format, like name@example.com"}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Meetings still to come, and the one already chosen (a report kept past its meeting stays valid).
        self.fields["meeting"].queryset = Meeting.objects.filter(committee_id=self.instance.committee_id).filter(
            Q(date__gt=today()) | Q(pk=self.instance.meeting_id)
        )
        self.fields["meeting"].label = f"Meeting of the {self.instance.committee}"
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.date:%-d %B %Y}" + (f", {m.venue}" if m.venue else "")
        )
        self.fields["meeting"].error_messages["invalid_choice"] = "Choose a meeting from the list"
        self.fields["lead_member"].queryset = people_with_role(roles.CABINET_MEMBER)
        self.fields["lead_director"].queryset = people_with_role(roles.DECISION_MAKER)

    def layout_fields(self):
        return [
            Field.select("meeting"),
            Field.text("title"),
            Field.select("lead_member"),
            Field.select("lead_member_portfolio"),
            Field.select("lead_director"),
            Field.text("author_email", field_width="two-thirds", autocomplete="email", spellcheck="false"),
            Field.text("your_reference", field_width="one-third"),
            Field.radios("is_key_decision", inline=True),
        ]


class SummaryForm(TaskForm):
    what = {
        "purpose": "the purpose",
        "recommendations": "the recommendations",
        "alternatives": "the alternative options",
    }
    long_text = ("purpose", "recommendations", "alternatives")

    class Meta:
        model = BriefingReport
        fields = ["purpose", "recommendations", "alternatives"]
        labels = {
            "purpose": "Purpose of report",
            "recommendations": "Recommendations and reasons",
            "alternatives": "Alternative options considered and rejected",
        }

    def layout_fields(self):
        return [textarea("purpose", 5), textarea("recommendations", 6), textarea("alternatives", 5)]


class ImplicationsForm(TaskForm):
    what = {
        "plan_relevance": "the relevance to the plans",
        "financial_implications": "the financial implications",
        "carbon_implications": "the carbon implications",
    }
    long_text = ("plan_relevance", "financial_implications", "carbon_implications")

    class Meta:
        model = BriefingReport
        fields = ["priority", "plan_relevance", "financial_implications", "carbon_implications"]
        labels = {
            "priority": "Which priority of the council's plans does the report relate to?",
            "plan_relevance": "Relevance to the Corporate Plan and/or the Plymouth Plan",
            "financial_implications": "Implications for the Medium Term Financial Plan and Resource Implications",
            "carbon_implications": "Carbon Footprint (Environmental) Implications",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plans = Plan.objects.prefetch_related("priorities")
        self.fields["priority"].choices = [("", "Choose a priority")] + [
            (plan.name, [(p.pk, p.name) for p in plan.priorities.all()]) for plan in plans
        ]
        self.fields["priority"].required = False

    def layout_fields(self):
        return [
            Field.select("priority"),
            textarea("plan_relevance", 5),
            textarea("financial_implications", 5),
            textarea("carbon_implications", 4),
        ]


class ConfidentialityForm(TaskForm):
    confidentiality = ChoiceRadios(
        Confidentiality.choices,
        label="Confidentiality",
        message="Choose whether the report is Part I or Part II",
        help_text="Part II reports are considered in private: only their title and exemption paragraphs are published.",
    )
    exempt_paragraphs, exemption_review_on = paragraph_fields(
        paragraphs_help="Part II only: select the paragraphs that make the report not for publication.",
        review_help="Part II only. For example, 1 4 2027.",
    ).values()
    what = {"part2_title": "the title", "public_interest_reasoning": "the public interest reasoning"}

    class Meta:
        model = BriefingReport
        fields = [
            "confidentiality",
            "part2_title",
            "exempt_paragraphs",
            "public_interest_reasoning",
            "exemption_review_on",
        ]
        labels = {
            "part2_title": "Title of the Part II report",
            "public_interest_reasoning": "Why the public interest in keeping it exempt outweighs disclosing it",
        }
        help_texts = {"part2_title": PUBLIC_TITLE_HINT.format(what="the Part II report")}

    def clean(self):
        data = super().clean()
        if data.get("confidentiality") == Confidentiality.PART_1:
            # A Part I report has no exemption: clear what a change of mind left behind.
            data["exempt_paragraphs"], data["part2_title"] = [], ""
            data["public_interest_reasoning"], data["exemption_review_on"] = "", None
            for name in ("exempt_paragraphs", "part2_title", "public_interest_reasoning", "exemption_review_on"):
                setattr(self.instance, name, data[name])
        return data

    def layout_fields(self):
        return [
            Field.radios("confidentiality"),
            Field.text("part2_title"),
            Field.checkboxes("exempt_paragraphs", small=True),
            textarea("public_interest_reasoning", 4),
            Field("exemption_review_on"),
        ]


class SignOffForm(TaskForm):
    applicable_departments = ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Which other departments must sign off the report?",
        help_text="Finance and Legal always sign off. Select all others that apply.",
    )
    originating_slt_member = person_choice(
        "Originating Senior Leadership Team member", "Choose the Senior Leadership Team member"
    )

    class Meta:
        model = BriefingReport
        fields = ["applicable_departments", "originating_slt_member"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["applicable_departments"]
        field.queryset = rules.optional_departments()
        field.error_messages["invalid_choice"] = "Choose departments from the list"
        self.fields["originating_slt_member"].queryset = (
            User.objects.filter(is_active=True).exclude(groups=None).distinct().order_by("last_name", "first_name")
        )
        if not self.is_bound:
            self.initial["applicable_departments"] = [d.pk for d in self.instance.applicable_departments.all()]

    def model_fields(self):
        return [name for name in ("originating_slt_member",) if name in self.cleaned_data]

    def m2m_values(self):
        if "applicable_departments" not in self.cleaned_data:
            return {}
        return {"applicable_departments": list(self.cleaned_data["applicable_departments"])}

    def layout_fields(self):
        return [Field.checkboxes("applicable_departments"), Field.select("originating_slt_member")]


REFERENCE_SPLIT = re.compile(r"[\n,;]+")


class DecisionsForm(TaskForm):
    """The decisions the report is about, chosen by their reference numbers (COD02 21/22)."""

    references = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        label="Reference numbers of the decisions the report is about",
        help_text="One per line, for example COD02 21/22. Leave blank if the report is about no decision.",
    )

    class Meta:
        model = BriefingReport
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["references"] = "\n".join(d.reference for d in self.instance.decisions.all())

    def clean_references(self):
        typed = [r.strip() for r in REFERENCE_SPLIT.split(self.cleaned_data["references"]) if r.strip()]
        wanted = [" ".join(r.upper().split()) for r in typed]
        found = {d.reference.upper(): d for d in Decision.objects.filter(reference__in=wanted).exclude(reference="")}
        unknown = [r for r, w in zip(typed, wanted, strict=True) if w not in found]
        if unknown:
            raise ValidationError(
                f"There is no decision record with the reference {', '.join(unknown)}. Check the reference numbers",
                code="unknown",
            )
        self.chosen = list(dict.fromkeys(found[w] for w in wanted))
        return self.cleaned_data["references"]

    def model_fields(self):
        return []

    def m2m_values(self):
        return {"decisions": self.chosen} if hasattr(self, "chosen") else {}

    def layout_fields(self):
        return [Field.textarea("references")]
