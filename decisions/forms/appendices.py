"""17 and 19: an appendix and a background paper of a decision record (the shared forms, numbered)."""

from decisions.models import Appendix, BackgroundPaper
from records import forms_appendices as records_appendices
from records.forms import (
    paragraph_fields,
)


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


class BackgroundPaperForm(records_appendices.BackgroundPaperForm):
    """19: one background paper (posted to paper_add)."""

    exempt_paragraphs = paragraph_fields("19")["exempt_paragraphs"]
    exemption_review_on = paragraph_fields("19")["exemption_review_on"]

    class Meta(records_appendices.BackgroundPaperForm.Meta):
        model = BackgroundPaper
        labels = {**records_appendices.BackgroundPaperForm.Meta.labels, "title": "19. Title of background paper"}
