"""An appendix (with its uploaded file) and a background paper: the forms every kind of record shares.

The upload checks match the file's name, its first bytes and what the browser declares, so what
is stored is what it says it is. Each app subclasses these with its own model and labels.
"""

import re
from pathlib import Path

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from council.documents import ATTACHMENT_TYPES
from records.forms import PUBLIC_TITLE_HINT, ExemptionFormMixin, NoHTML, helper, paragraph_fields

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


def _record(form, record, kwargs):
    """The record a form is for: `record=`, or named as the child names it (`decision=`, `report=`)."""
    return record if record is not None else kwargs.pop(form._meta.model.RECORD_FIELD)


def file_field(noun, *, required=True):
    return forms.FileField(
        label="File",
        required=required,
        help_text="PDF, Word, Excel or OpenDocument, smaller than {size}.",
        error_messages={
            "required": f"Select the {noun} file",
            "empty": "The selected file is empty",
            "invalid": f"Select the {noun} file",
        },
    )


class UploadMixin:
    """The checks on a child's file (`file`), and the stored file's name, size and type. `noun` names the
    child in its messages ("appendix", "background paper")."""

    noun = ""

    def _size_help(self):
        self.fields["file"].help_text = self.fields["file"].help_text.format(
            size=megabytes(settings.APPENDIX_MAX_BYTES)
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:  # an optional file left out
            return None
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
        chosen = self.fields["file"].required or self.files.get(self.add_prefix("file"))
        if self.errors and "file" not in self.errors and chosen:
            # Browsers never send a file back: say so, rather than let it vanish silently.
            self.add_error("file", ValidationError(f"Select the {self.noun} file again", code="reselect"))
        return data

    def save_values(self):
        """The unsaved child with its file's original name, size and type (the service saves it)."""
        item = self.instance
        upload = self.cleaned_data.get("file")
        if upload:
            item.original_filename = getattr(upload, "original_name", Path(upload.name).name)[:255]
            item.size = upload.size
            item.content_type = ATTACHMENT_TYPES[Path(upload.name).suffix.lower()]  # what it is, checked above
        return item


class AppendixForm(UploadMixin, ExemptionFormMixin, forms.ModelForm):
    """One appendix of `record` and its file; a subclass names the model (Meta.model) and its labels."""

    noun = "appendix"
    exempt_paragraphs = paragraph_fields()["exempt_paragraphs"]
    exemption_review_on = paragraph_fields()["exemption_review_on"]
    file = file_field("appendix")

    class Meta:
        fields = ["ref", "title", "file", "exempt_paragraphs", "public_interest_reasoning", "exemption_review_on"]
        labels = {
            "ref": "Appendix reference",
            "title": "Title of appendix",
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

    def __init__(self, *args, record=None, **kwargs):
        record = _record(self, record, kwargs)
        kwargs.setdefault("prefix", "appendix")
        super().__init__(*args, **kwargs)
        self.record = record
        self._size_help()
        for name in ("ref", "title", "public_interest_reasoning"):
            self.fields[name].validators.append(NoHTML(f"the {self.fields[name].label.split('. ')[-1].lower()}"))
        taken = {a.ref for a in record.appendices.all()}
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
        if any(a.ref == ref for a in self.record.appendices.all()):
            raise ValidationError(f"There is already an appendix {ref}. Choose another letter", code="duplicate")
        return ref


class BackgroundPaperForm(UploadMixin, ExemptionFormMixin, forms.ModelForm):
    """One background paper of `record`, with its file if the author has one to publish (OLGB-5); a
    subclass names the model (Meta.model) and its labels."""

    noun = "background paper"
    exempt_paragraphs = paragraph_fields()["exempt_paragraphs"]
    exemption_review_on = paragraph_fields()["exemption_review_on"]
    file = file_field("background paper", required=False)

    class Meta:
        fields = ["title", "file", "exempt_paragraphs", "public_interest_reasoning", "exemption_review_on"]
        labels = {
            "title": "Title of background paper",
            "public_interest_reasoning": "Why the public interest in keeping it exempt outweighs disclosing it",
        }
        help_texts = {"title": PUBLIC_TITLE_HINT.format(what="the background paper")}
        widgets = {"public_interest_reasoning": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": "Enter the title of the background paper"}}

    def __init__(self, *args, record=None, **kwargs):
        record = _record(self, record, kwargs)
        kwargs.setdefault("prefix", "paper")
        super().__init__(*args, **kwargs)
        self.record = record
        self._size_help()
        self.fields["file"].help_text = (
            "Optional: attach it to publish it with the record, unless it is exempt. Otherwise say in the title "
            "where it can be inspected. " + self.fields["file"].help_text
        )
        self.fields["title"].validators.append(NoHTML("the title"))
        self.fields["public_interest_reasoning"].validators.append(NoHTML("the public interest reasoning"))
        self.helper = helper(
            Field.text("title"),
            Field("file"),
            Field.checkboxes("exempt_paragraphs", small=True),
            Field.textarea("public_interest_reasoning", rows=3),
            Field("exemption_review_on"),
            Button.secondary("add-paper", "Add background paper"),
        )


def megabytes(size):
    return f"{size / (1024 * 1024):g}MB"


def _letters():
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    yield from letters
    yield from (a + b for a in letters for b in letters)
