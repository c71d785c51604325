"""TC-1: a decision that awards a contract records it, and the published ones feed the council's
contracts register as open data (the Local Government Transparency Code 2015 asks for every contract
over £5,000: its supplier, what it is for, its value, its dates and how it was procured).

Section 7b of the record (the council's form, `decisions.sections`). Commercially sensitive terms go
in the confidential briefing report (18a), never here: everything in 7b is published.
"""

from decimal import Decimal

from django.db import models

# The Transparency Code's threshold: contracts with a value over this are published.
THRESHOLD = Decimal("5000")


class ProcurementRoute(models.TextChoices):
    TENDER = "tender", "After a published invitation to tender"
    QUOTE = "quote", "After an invitation to quote"
    DIRECT = "direct", "Directly, without a tender or quotes"


class ContractAward(models.Model):
    """7b, the Transparency Code's contract data: the decision's own columns (frozen with it)."""

    awards_contract = models.BooleanField(
        "awards a contract, purchase order or framework agreement worth more than £5,000", null=True, blank=True
    )
    contract_supplier = models.CharField("supplier's name", max_length=200, blank=True)
    contract_supplier_number = models.CharField(
        "supplier's registered company or charity number", max_length=20, blank=True
    )
    contract_supplier_sme = models.BooleanField("the supplier is a small or medium-sized enterprise", default=False)
    contract_supplier_vcse = models.BooleanField(
        "the supplier is a voluntary or community sector organisation", default=False
    )
    contract_description = models.TextField("what the contract is for", blank=True)
    contract_value = models.DecimalField(
        "value over the length of the contract in pounds, excluding VAT",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    contract_vat_not_recoverable = models.DecimalField(
        "VAT that cannot be recovered, in pounds", max_digits=14, decimal_places=2, null=True, blank=True
    )
    contract_starts_on = models.DateField("contract start date", null=True, blank=True)
    contract_ends_on = models.DateField("contract end date", null=True, blank=True)
    contract_review_on = models.DateField("contract review date", null=True, blank=True)
    contract_procurement = models.CharField(
        "how the contract was procured", max_length=10, choices=ProcurementRoute.choices, blank=True
    )

    class Meta:
        abstract = True

    @property
    def contract_supplier_kinds(self):
        """7b: what the Transparency Code asks of the supplier, in words ("" if neither)."""
        kinds = [("small or medium-sized enterprise", self.contract_supplier_sme)]
        kinds.append(("voluntary or community sector organisation", self.contract_supplier_vcse))
        return " and ".join(name for name, applies in kinds if applies)
