"""The GOV.UK form-field kit every kind of record uses, and the forms of its review actions.

Fields say what a person typed is well formed (plain text, yes/no, a real date); the app's rules
and services decide whether it may happen. `apply_service_errors` puts a service's refusal on the
form, so the error summary shows it next to what the person typed.
"""

import datetime
import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Div, Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

from council.models import User
from records.models import SCHEDULE_12A

# S12A-4: only the exempt part's body is withheld; its title is on the public register, PDF and data.
PUBLIC_TITLE_HINT = (
    "The title is published even when {what} is exempt, so do not put exempt information in it. "
    "For example, “Tender evaluation and pricing”, not the bidders' names or prices."
)
LONG_TEXT_HINT = "Use a blank line between paragraphs. Start a line with - for a bullet or 1. for a numbered list."
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|<!--")
YES_NO = [(True, "Yes"), (False, "No")]
PARAGRAPH_CHOICES = [(n, f"Paragraph {n}") for n in SCHEDULE_12A]
PARAGRAPHS_LABEL = "Exemption paragraphs of Part 1 of Schedule 12A of the Local Government Act 1972"


def today():
    return timezone.localdate()


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


class ChoiceRadios(forms.ChoiceField):
    """A task form's optional answer from `choices`, as radios; `message` when the choice is not one of them
    (a rule asks for the answer when the record must have it)."""

    widget = forms.RadioSelect

    def __init__(self, choices, *, label, message, **kwargs):
        super().__init__(
            choices=choices, required=False, label=label, error_messages={"invalid_choice": message}, **kwargs
        )


class ChoiceCheckboxes(forms.MultipleChoiceField):
    """As `ChoiceRadios`, for any number of the choices, as checkboxes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, choices, *, label, message, **kwargs):
        super().__init__(
            choices=choices, required=False, label=label, error_messages={"invalid_choice": message}, **kwargs
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


def people_with_role(*role_names):
    """Active people holding any of the roles: a picker lists only who may be chosen, never everyone."""
    return (
        User.objects.filter(groups__name__in=role_names, is_active=True).distinct().order_by("last_name", "first_name")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_and_title


# A task page saves what it has while the record is a draft (the rules ask for what is missing when
# it is submitted), so a task form's pickers are optional; a person picker lists the people its
# form's `__init__` gives it (`people_with_role`), none before.


def optional_choice(queryset, label, empty_label, *, field=forms.ModelChoiceField, **kwargs):
    """A task form's optional pick from `queryset` (a directorate, a portfolio, a meeting)."""
    return field(queryset=queryset, required=False, label=label, empty_label=empty_label, **kwargs)


def person_choice(label, empty_label, **kwargs):
    """A task form's optional person, from those its `__init__` lists."""
    return optional_choice(User.objects.none(), label, empty_label, field=PersonChoiceField, **kwargs)


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


# — task pages ------------------------------------------------------------------------------------


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
        """The record's fields this form writes (for services.save_edits)."""
        return [name for name in self._meta.fields if name in self.cleaned_data]

    def m2m_values(self):
        return {}


# — exemptions, and what a form shows of a rule or a service's refusal ------------------------------


class ExemptionFormMixin:
    """S12A-2: an exempt item records its paragraphs, the public-interest reasoning and a review date."""

    def clean(self):
        data = super().clean()
        paragraphs = data.get("exempt_paragraphs") or []
        probe = self._meta.model(  # any Exemption: the form's own model checks what was typed
            exempt_paragraphs=paragraphs,
            public_interest_reasoning=data.get("public_interest_reasoning") or "",
            exemption_review_on=data.get("exemption_review_on"),
        )
        for field, message in probe.exemption_errors().items():
            if field not in self.errors:
                self.add_error(field, ValidationError(message, code="S12A-2"))
        return data


def paragraph_fields(
    prefix_label=None,
    *,
    paragraphs_help="Select a paragraph only if the document is not for publication. "
    "Leave all clear if it can be published.",
    review_label="Date to review the exemption",
    review_help="For example, 1 4 2027.",
):
    """S12A-2's two fields: the Schedule 12A paragraphs that apply, and the date to review the exemption."""
    return {
        "exempt_paragraphs": forms.TypedMultipleChoiceField(
            choices=PARAGRAPH_CHOICES,
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=f"{prefix_label}. {PARAGRAPHS_LABEL}" if prefix_label else PARAGRAPHS_LABEL,
            help_text=paragraphs_help,
        ),
        "exemption_review_on": GovDateField(
            what="the date to review the exemption",
            when="future",
            label=review_label,
            help_text=review_help,
        ),
    }


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


# — review actions --------------------------------------------------------------------------------


def action_helper(*fields, button, warning=False):
    """A crispy helper for an action page: its fields and one button (the page's <form> has its own token);
    a `warning` (red) button for an action that cannot be undone: withdrawing, disposing of files."""
    return helper(*fields, Button.warning("submit", button) if warning else Button("submit", button))


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

    def __init__(self, *args, button="Continue", warning=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(button=button, warning=warning)


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
            self.helper = action_helper(Field.text("code", field_width=20), button=button)
        else:
            del self.fields["code"]
            self.helper = action_helper(button=button)

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class CommentForm(forms.Form):
    comment = forms.CharField(widget=forms.Textarea)

    def __init__(self, *args, label, hint="", required_message, button, warning=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.label = label
        field.help_text = hint
        field.error_messages["required"] = required_message
        self.helper = action_helper(Field.textarea("comment", label_size="m", rows=6), button=button, warning=warning)

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise ValidationError(self.fields["comment"].error_messages["required"], code="required")
        return comment


class OptionalCommentForm(forms.Form):
    """A confirmation with an optional comment (an agreement, an approval) for the record's history."""

    comment = forms.CharField(label="Comments (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = action_helper(Field.textarea("comment", rows=4), button=button)

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()


class GivenOutsideForm(forms.Form):
    """Democratic Support records an agreement or approval given outside the system (an email, a letter).

    A subclass adds its date field and layout, and says who gave it: `who` ("the chair"), `verb`
    ("agree"), `past` ("agreed"), `noun` ("agreement"); `field_order` keeps the page's order.
    """

    who = verb = past = noun = ""
    how = forms.ChoiceField(
        choices=[("email", "By email"), ("other", "Another way, in writing")], widget=forms.RadioSelect
    )
    evidence = forms.CharField(widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        how, evidence = self.fields["how"], self.fields["evidence"]
        how.label = f"How did {self.who} {self.verb}?"
        how.error_messages["required"] = f"Select how {self.who} {self.past}"
        evidence.label = f"Evidence of the {self.noun}"
        evidence.help_text = f"For example, the date, sender and subject of {self.who}'s email"
        evidence.error_messages["required"] = (
            f"Describe the evidence of the {self.noun}, for example the email's date and subject"
        )

    def clean_evidence(self):
        evidence = self.cleaned_data["evidence"].strip()
        if not evidence:
            raise ValidationError(self.fields["evidence"].error_messages["required"], code="required")
        return evidence
