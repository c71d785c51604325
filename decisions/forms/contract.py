"""Task page 7b (TC-1): the contract a decision awards, for the contracts register."""

from crispy_forms_gds.layout import Field, Fieldset, Size

from decisions.contract import ContractAward, ProcurementRoute
from decisions.forms.base import MoneyField, TaskForm, numbered
from decisions.models import Decision
from records.forms import ChoiceRadios, GovDateField, YesNoField, textarea

# Everything 7b asks after its yes or no (ContractAward's other columns), each with what it holds
# unanswered: answering no clears them.
DETAILS = {f.name: f.get_default() for f in ContractAward._meta.get_fields() if f.name != "awards_contract"}


class ContractForm(TaskForm):
    awards_contract = YesNoField(
        label=numbered("7b"),
        message="Select yes if the decision awards a contract worth more than £5,000",
        help_text="If yes, its details below are published in the council's contracts register, as the Local "
        "Government Transparency Code 2015 requires. Put commercially sensitive terms in the confidential "
        "briefing report instead.",
    )
    contract_value = MoneyField(
        label="Value over the length of the contract",
        help_text="In pounds, excluding VAT, for example 491,000. If it has no fixed length, its estimated "
        "annual value.",
    )
    contract_vat_not_recoverable = MoneyField(
        label="VAT that cannot be recovered (optional)",
        help_text="In pounds. Leave it empty if all the VAT can be recovered.",
    )
    contract_starts_on = GovDateField(
        what="the date the contract starts", label="Start date", help_text="For example, 1 8 2021."
    )
    contract_ends_on = GovDateField(
        what="the date the contract ends", label="End date", help_text="For example, 31 1 2022."
    )
    contract_review_on = GovDateField(
        what="the date the contract is reviewed",
        label="Review date (optional)",
        help_text="When the council will review the contract, if it has set a date.",
    )
    contract_procurement = ChoiceRadios(
        ProcurementRoute.choices,
        label="How was the contract procured?",
        message="Select how the contract was procured",
    )
    what = {
        "contract_supplier": "the supplier's name",
        "contract_supplier_number": "the registration number",
        "contract_description": "what the contract is for",
    }

    class Meta:
        model = Decision
        fields = ["awards_contract", *DETAILS]
        labels = {
            "contract_supplier": "Supplier's name",
            "contract_supplier_number": "Supplier's registered company or charity number (optional)",
            "contract_supplier_sme": "The supplier is a small or medium-sized enterprise (SME)",
            "contract_supplier_vcse": "The supplier is a voluntary or community sector organisation (VCSE)",
            "contract_description": "What is the contract for?",
        }
        help_texts = {
            "contract_supplier_number": "For example, 01234567 from Companies House, or a charity number.",
            "contract_description": "The goods or services, in a sentence or two.",
        }

    def layout_fields(self):
        return [
            Field.radios("awards_contract", inline=True),
            Fieldset(
                Field.text("contract_supplier"),
                Field.text("contract_supplier_number", field_width=20, spellcheck="false"),
                Field.checkbox("contract_supplier_sme"),
                Field.checkbox("contract_supplier_vcse"),
                textarea("contract_description", 3),
                Field.text("contract_value", field_width=10, template="decisions/authoring/fields/money.html"),
                Field.text(
                    "contract_vat_not_recoverable", field_width=10, template="decisions/authoring/fields/money.html"
                ),
                Field("contract_starts_on"),
                Field("contract_ends_on"),
                Field("contract_review_on"),
                Field.radios("contract_procurement", legend_size="s"),
                legend="If it does: the contract",
                legend_size=Size.MEDIUM,
            ),
        ]

    def clean(self):
        cleaned = super().clean()
        # The details matter only for a contract: answering no keeps none of them (nor their errors).
        if cleaned.get("awards_contract") is False:
            for name, unanswered in DETAILS.items():
                self.errors.pop(name, None)
                cleaned[name] = unanswered
        return cleaned
