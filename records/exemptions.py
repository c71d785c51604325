"""Schedule 12A to the Local Government Act 1972: its paragraphs, the "Not for publication" words, and the
abstract `Exemption` every exempt part of a record has (S12A-2): its paragraphs, the public-interest
reasoning and a date to review it. `records.models` names them too."""

from django.db import models

SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority or a "
    "Minister of the Crown and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be maintained "
    "in legal proceedings.",
    6: "Information which reveals that the authority proposes to give under any enactment a notice under "
    "or by virtue of which requirements are imposed on a person, or to make an order or direction "
    "under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime.",
}


def not_for_publication_text(paragraphs):
    numbers = sorted(paragraphs)
    if not numbers:
        return ""
    if len(numbers) == 1:
        which = f"paragraph {numbers[0]}"
    else:
        which = "paragraphs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    return f"Not for publication by virtue of {which} of Part 1 of Schedule 12A of the Local Government Act 1972"


class Exemption(models.Model):
    """S12A-2: an exemption records its paragraph(s), the public-interest reasoning and a review date."""

    exempt_paragraphs = models.JSONField(
        "Schedule 12A paragraphs", default=list, blank=True, help_text="Paragraph numbers 1 to 7."
    )
    public_interest_reasoning = models.TextField(blank=True)
    exemption_review_on = models.DateField("date to review the exemption", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_exempt(self):
        return bool(self.exempt_paragraphs)

    @property
    def not_for_publication(self):
        return not_for_publication_text(self.exempt_paragraphs)

    def exemption_errors(self):
        """The S12A-2 problems with this exemption, as {field: message}."""
        errors = {}
        if self.is_exempt:
            if any(p not in SCHEDULE_12A for p in self.exempt_paragraphs):
                errors["exempt_paragraphs"] = "Choose paragraphs between 1 and 7"
            if not self.public_interest_reasoning.strip():
                errors["public_interest_reasoning"] = (
                    "Explain why the public interest in keeping this exempt outweighs the public interest in "
                    "disclosing it"
                )
            if not self.exemption_review_on:
                errors["exemption_review_on"] = "Enter a date to review the exemption"
        return errors
