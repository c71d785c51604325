"""The parts of a briefing report that are lists: a body section, an appendix, a background paper.

Field validation only, as in `scrutiny.forms`; the appendix and background-paper forms are the
shared ones (`records.forms_appendices`) with the report's labels.
"""

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.core.exceptions import ValidationError

from records import forms_appendices
from records.forms import LONG_TEXT_HINT, ExemptionFormMixin, NoHTML, helper
from scrutiny import rules
from scrutiny.models import ReportAppendix, ReportBackgroundPaper

# — body sections ----------------------------------------------------------------------------------


class SectionForm(forms.Form):
    heading = forms.CharField(
        label="Heading", max_length=300, error_messages={"required": "Enter a heading for the section"}
    )
    level = forms.TypedChoiceField(
        choices=[(1, "Section"), (2, "Sub-section of the section before it")],
        coerce=int,
        initial=1,
        widget=forms.RadioSelect,
        label="Is it a section or a sub-section?",
        error_messages={"required": "Select whether it is a section or a sub-section"},
    )
    body = forms.CharField(label="Text", required=False, widget=forms.Textarea, help_text=LONG_TEXT_HINT, strip=False)

    def __init__(self, *args, button="Add section", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heading"].validators.append(NoHTML("the heading"))
        self.fields["body"].validators.append(NoHTML("the text"))
        self.helper = helper(
            Field.text("heading"),
            Field.radios("level", small=True),
            Field.textarea("body", rows=10),
            Button("save", button),
        )

    def clean_heading(self):
        heading = self.cleaned_data["heading"].strip()
        if rules.is_placeholder(heading):
            raise ValidationError("The heading still holds the template's placeholder text", code="PLACEHOLDER-1")
        return heading

    def clean_body(self):
        body = self.cleaned_data["body"]
        if rules.is_placeholder(body):
            raise ValidationError(
                "The text still holds the template's placeholder text. Replace it with the real text",
                code="PLACEHOLDER-1",
            )
        return body.strip("\n")


# — appendices and background papers --------------------------------------------------------------


class ReportAppendixForm(forms_appendices.AppendixForm):
    """An appendix of the report; its file is optional."""

    class Meta(forms_appendices.AppendixForm.Meta):
        model = ReportAppendix

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = False
        self.fields["file"].help_text = "Optional. " + self.fields["file"].help_text
        self.fields[
            "exempt_paragraphs"
        ].label = "Exemption paragraphs of Part 1 of Schedule 12A of the Local Government Act 1972"

    def clean_file(self):
        if not self.cleaned_data.get("file"):
            return None
        return super().clean_file()

    def clean(self):
        data = ExemptionFormMixin.clean(self)
        if self.errors and self.files.get(self.add_prefix("file")) and "file" not in self.errors:
            self.add_error("file", ValidationError("Select the appendix file again", code="reselect"))
        return data

    def save_values(self):
        if self.cleaned_data.get("file"):
            return super().save_values()
        self.instance.file = None
        return self.instance


class ReportBackgroundPaperForm(forms_appendices.BackgroundPaperForm):
    class Meta(forms_appendices.BackgroundPaperForm.Meta):
        model = ReportBackgroundPaper

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "exempt_paragraphs"
        ].label = "Exemption paragraphs of Part 1 of Schedule 12A of the Local Government Act 1972"
