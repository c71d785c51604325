"""What an officer types into a decision record: one form per task of the authoring task list.

Field validation only (error `code=`s, GOV.UK-style messages). Whether the record is complete
is `rules.py`'s question: the views add its problems to these forms on "Save and continue".
Labels carry the section numbers of the council's form (`decisions.sections`).
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Div, Field, Layout
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from council import roles
from council.documents import ATTACHMENT_TYPES
from council.forms import ModelMultipleChoiceField
from council.models import CabinetPortfolio, Committee, Department, Directorate, Plan, User
from decisions.models import SCHEDULE_12A, Appendix, BackgroundPaper, Decision, SpendType, today
from decisions.sections import KEY_DECISION_CRITERIA, LABELS

# S12A-4: only the exempt part's body is withheld; its title is on the public register, PDF and data.
PUBLIC_TITLE_HINT = (
    "The title is published even when {what} is exempt, so do not put exempt information in it. "
    "For example, “Tender evaluation and pricing”, not the bidders' names or prices."
)
LONG_TEXT_HINT = "Use a blank line between paragraphs. Start a line with - for a bullet or 1. for a numbered list."
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|<!--")
YES_NO = [(True, "Yes"), (False, "No")]
PARAGRAPH_CHOICES = [(n, f"Paragraph {n}") for n in SCHEDULE_12A]
ALLOWED_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".odp"}
# The first bytes each kind of file starts with: PDF, zip (OOXML and OpenDocument), OLE (old Office).
SIGNATURES = {
    b"%PDF-": {".pdf"},
    b"PK\x03\x04": {".docx", ".xlsx", ".odt", ".ods", ".odp"},
    b"\xd0\xcf\x11\xe0": {".doc", ".xls"},
}
# Types a browser may declare for a file beside its own (ATTACHMENT_TYPES): when it does not know the
# type, and the zip and PDF variants some systems register.
VAGUE_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
ZIPPED = ("application/zip", "application/x-zip-compressed")
ALSO_DECLARED = {
    ".pdf": ("application/x-pdf",),
    **{extension: ZIPPED for extension in (".docx", ".xlsx", ".odt", ".ods", ".odp")},
}
WRONG_DECLARED_TYPE = (
    "The selected file is not the kind of file its name says: "
    "save it as a PDF, Word, Excel or OpenDocument file and select it again"
)
STORED_STEM_LENGTH = 80  # of an appendix's file name on disk; the original name is kept for downloads
WRONG_TYPE = "The selected file must be a PDF, Word, Excel or OpenDocument file"


def numbered(section, text=None):
    return f"{section}. {text or LABELS[section]}"


# — fields -------------------------------------------------------------------------------------


class NoHTML:
    """Text is stored and shown as plain text: refuse anything that looks like markup."""

    def __init__(self, what):
        self.what = what

    def __call__(self, value):
        if isinstance(value, str) and HTML_TAG.search(value):
            raise ValidationError(f"Remove the HTML from {self.what}. Type or paste plain text", code="html")


class YesNoField(forms.TypedChoiceField):
    widget = forms.RadioSelect

    def __init__(self, *, label, message, **kwargs):
        super().__init__(
            choices=YES_NO,
            coerce=lambda value: value in (True, "True"),
            empty_value=None,
            required=False,
            label=label,
            error_messages={"invalid_choice": message},
            **kwargs,
        )


class GovDateField(DateInputField):
    """A GOV.UK date input (day, month, year) with messages naming the date and what is wrong."""

    def __init__(self, *, what, when=None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(require_all_fields=False, **kwargs)
        self.what, self.when = what, when
        what_cap = what[0].upper() + what[1:]
        self.what_cap = what_cap
        for subfield, part in zip(self.fields, ("day", "month", "year"), strict=True):
            subfield.error_messages["incomplete"] = f"{what_cap} must include a {part}"
            subfield.validators = [
                RegexValidator(r"^\s*[0-9]+\s*$", f"{what_cap} must be a real date", code="invalid_date")
            ]

    def compress(self, data_list):
        if not data_list or not all(data_list):
            return None
        # A part longer than any real one never reaches int() (which refuses over 4,300 digits)
        # or date() (which overflows past a C long): both would be a 500.
        if any(len(part.strip()) > 4 for part in data_list):
            raise ValidationError(f"{self.what_cap} must be a real date", code="invalid_date")
        day, month, year = (int(part) for part in data_list)
        if not 1900 <= year <= 2200:
            raise ValidationError(f"The year of {self.what} must include 4 numbers", code="invalid_year")
        try:
            return datetime.date(year, month, day)
        except (ValueError, OverflowError):
            raise ValidationError(f"{self.what_cap} must be a real date", code="invalid_date") from None

    def validate(self, value):
        super().validate(value)
        if value and self.when == "past" and value > today():
            raise ValidationError(f"{self.what_cap} must be today or in the past", code="future_date")
        if value and self.when == "future" and value <= today():
            raise ValidationError(f"{self.what_cap} must be in the future", code="past_date")


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


def people_with_role(*role_names):
    """Active people holding any of the roles: a picker lists only who may be chosen, never everyone."""
    return (
        User.objects.filter(groups__name__in=role_names, is_active=True).distinct().order_by("last_name", "first_name")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_and_title


def buttons():
    return Div(
        Button("continue", "Save and continue"),
        Button.secondary("later", "Save and come back later"),
        css_class="govuk-button-group",
    )


def typed_into(form, ignore=()):
    """Whether anything was typed or chosen in an "add" part of a page (its prefixed fields).

    A task page is one form; its "add" parts are saved with the rest of the page, so what someone
    typed there is never thrown away. `ignore`: fields that come filled in (an appendix's letter).
    """
    prefix = f"{form.prefix}-"
    for key, value in form.data.items():
        name = re.sub(r"_\d+$", "", key[len(prefix) :]) if key.startswith(prefix) else None
        if name in form.fields and name not in ignore and str(value).strip():
            return True
    return any(key.startswith(prefix) for key in form.files)


def helper(*fields):
    """A crispy helper for a form whose <form> tag and CSRF token are in the template."""
    form_helper = FormHelper()
    form_helper.form_tag = False
    form_helper.disable_csrf = True
    form_helper.layout = Layout(*fields)
    return form_helper


def textarea(name, rows=6):
    return Field.textarea(name, rows=rows)


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


class ExemptionFormMixin:
    """S12A-2: an exempt item records its paragraphs, the public-interest reasoning and a review date."""

    def clean(self):
        data = super().clean()
        paragraphs = data.get("exempt_paragraphs") or []
        probe = Appendix(
            exempt_paragraphs=paragraphs,
            public_interest_reasoning=data.get("public_interest_reasoning") or "",
            exemption_review_on=data.get("exemption_review_on"),
        )
        for field, message in probe.exemption_errors().items():
            if field not in self.errors:
                self.add_error(field, ValidationError(message, code="S12A-2"))
        return data


def paragraph_fields(prefix_label):
    return {
        "exempt_paragraphs": forms.TypedMultipleChoiceField(
            choices=PARAGRAPH_CHOICES,
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=f"{prefix_label}. Exemption paragraphs of Part 1 of Schedule 12A of the Local Government Act 1972",
            help_text="Select a paragraph only if the document is not for publication. "
            "Leave all clear if it can be published.",
        ),
        "exemption_review_on": GovDateField(
            what="the date to review the exemption",
            when="future",
            label="Date to review the exemption",
            help_text="For example, 1 4 2027.",
        ),
    }


class AppendixForm(ExemptionFormMixin, forms.ModelForm):
    """17: one appendix and its file (posted to appendix_add)."""

    exempt_paragraphs = paragraph_fields("17")["exempt_paragraphs"]
    exemption_review_on = paragraph_fields("17")["exemption_review_on"]
    file = forms.FileField(
        label="File",
        help_text="PDF, Word, Excel or OpenDocument, smaller than {size}.",
        error_messages={
            "required": "Select the appendix file",
            "empty": "The selected file is empty",
            "invalid": "Select the appendix file",
        },
    )

    class Meta:
        model = Appendix
        fields = ["ref", "title", "file", "exempt_paragraphs", "public_interest_reasoning", "exemption_review_on"]
        labels = {
            "ref": "17. Appendix reference",
            "title": "17. Title of appendix",
            "public_interest_reasoning": "Why the public interest in keeping it exempt outweighs disclosing it",
        }
        help_texts = {
            "ref": "A letter, for example A or B.",
            "title": PUBLIC_TITLE_HINT.format(what="the appendix"),
        }
        widgets = {"public_interest_reasoning": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "ref": {"required": "Enter the appendix reference, for example A"},
            "title": {"required": "Enter the title of the appendix"},
        }

    def __init__(self, *args, decision, **kwargs):
        kwargs.setdefault("prefix", "appendix")
        super().__init__(*args, **kwargs)
        self.decision = decision
        limit = megabytes(settings.APPENDIX_MAX_BYTES)
        self.fields["file"].help_text = self.fields["file"].help_text.format(size=limit)
        for name in ("ref", "title", "public_interest_reasoning"):
            self.fields[name].validators.append(NoHTML(f"the {self.fields[name].label.split('. ')[-1].lower()}"))
        taken = {a.ref for a in decision.appendices.all()}
        if not self.is_bound:
            self.initial["ref"] = next(letter for letter in _letters() if letter not in taken)
        self.helper = helper(
            Field.text("ref", field_width=3),
            Field.text("title"),
            Field("file"),
            Field.checkboxes("exempt_paragraphs", small=True),
            Field.textarea("public_interest_reasoning", rows=3),
            Field("exemption_review_on"),
            Button.secondary("add-appendix", "Add appendix"),
        )

    def clean_ref(self):
        ref = self.cleaned_data["ref"].strip().upper().rstrip(".")
        if not re.fullmatch(r"[A-Z0-9]{1,4}", ref):
            raise ValidationError("The appendix reference must be a letter, like A", code="invalid")
        if any(a.ref == ref for a in self.decision.appendices.all()):
            raise ValidationError(f"There is already an appendix {ref}. Choose another letter", code="duplicate")
        return ref

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.APPENDIX_MAX_BYTES
        if not upload.size:
            raise ValidationError("The selected file is empty", code="empty")
        if upload.size > limit:
            raise ValidationError(f"The selected file must be smaller than {megabytes(limit)}", code="too_big")
        extension = Path(upload.name).suffix.lower()
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        allowed = next((exts for magic, exts in SIGNATURES.items() if head.startswith(magic)), set())
        if extension not in ALLOWED_EXTENSIONS or extension not in allowed:
            raise ValidationError(WRONG_TYPE, code="file_type")
        declared = (upload.content_type or "").split(";")[0].strip().lower()
        if declared not in {ATTACHMENT_TYPES[extension], *VAGUE_TYPES, *ALSO_DECLARED.get(extension, ())}:
            # The browser says it is something else (an HTML page, an image): not what its name and content are.
            raise ValidationError(WRONG_DECLARED_TYPE, code="declared_type")
        # Stored under a short name: the storage path adds a prefix, and a name near the browser's
        # 255 characters would be too long for the file system (ENAMETOOLONG, a 500). The name as
        # chosen is kept for the download (save_values).
        upload.original_name = Path(upload.name).name
        upload.name = Path(upload.name).stem[:STORED_STEM_LENGTH] + extension
        return upload

    def clean(self):
        data = super().clean()
        if self.errors and "file" not in self.errors:
            # Browsers never send a file back: say so, rather than let it vanish silently.
            self.add_error("file", ValidationError("Select the appendix file again", code="reselect"))
        return data

    def save_values(self):
        """The unsaved Appendix with the file's original name, size and type (services.save_appendix saves it)."""
        appendix = self.instance
        upload = self.cleaned_data["file"]
        appendix.original_filename = getattr(upload, "original_name", Path(upload.name).name)[:255]
        appendix.size = upload.size
        appendix.content_type = ATTACHMENT_TYPES[Path(upload.name).suffix.lower()]  # what it is, checked above
        return appendix


class BackgroundPaperForm(ExemptionFormMixin, forms.ModelForm):
    """19: one background paper (posted to paper_add)."""

    exempt_paragraphs = paragraph_fields("19")["exempt_paragraphs"]
    exemption_review_on = paragraph_fields("19")["exemption_review_on"]

    class Meta:
        model = BackgroundPaper
        fields = ["title", "exempt_paragraphs", "public_interest_reasoning", "exemption_review_on"]
        labels = {
            "title": "19. Title of background paper",
            "public_interest_reasoning": "Why the public interest in keeping it exempt outweighs disclosing it",
        }
        help_texts = {"title": PUBLIC_TITLE_HINT.format(what="the background paper")}
        widgets = {"public_interest_reasoning": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": "Enter the title of the background paper"}}

    def __init__(self, *args, decision, **kwargs):
        kwargs.setdefault("prefix", "paper")
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.fields["title"].validators.append(NoHTML("the title"))
        self.fields["public_interest_reasoning"].validators.append(NoHTML("the public interest reasoning"))
        self.helper = helper(
            Field.text("title"),
            Field.checkboxes("exempt_paragraphs", small=True),
            Field.textarea("public_interest_reasoning", rows=3),
            Field("exemption_review_on"),
            Button.secondary("add-paper", "Add background paper"),
        )


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


def megabytes(size):
    return f"{size / (1024 * 1024):g}MB"


def _letters():
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    yield from letters
    yield from (a + b for a in letters for b in letters)


def add_problems(form, problems, aliases=None):
    """Show rule problems on the form's fields; returns the problems no field of this form can show."""
    aliases = {**getattr(form, "aliases", {}), **(aliases or {})}
    elsewhere = []
    for problem in problems:
        name = aliases.get(problem.field, problem.field)
        if name in form.fields:
            if name not in form.errors:  # a field's own error comes first
                form.add_error(name, ValidationError(problem.message, code=problem.rule))
        else:
            elsewhere.append(problem)
    return elsewhere
