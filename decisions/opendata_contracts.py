"""TC-1: the contracts published decisions award, as open data.

`FIELDS` are 7b's columns in the register's downloads and API (`decisions.opendata.FIELDS` includes
them after section 7's); `REGISTER_FIELDS` are the contracts register's, in the order the Local
Government Transparency Code 2015 lists what it publishes of each contract over £5,000, one row per
contract (`decisions/views/contracts.py`: contracts.csv and contracts.json).
"""

from django.urls import reverse

from council.opendata import absolute, iso
from decisions.contract import THRESHOLD

# name -> (JSON type, description), as decisions.opendata.FIELDS
FIELDS = {
    "awards_contract": (
        "boolean?",
        "7b. Does the decision award a contract worth more than £5,000 (TC-1)? Null where the record does not say.",
    ),
    "contract_supplier": ("string", "7b. The supplier's name."),
    "contract_supplier_number": ("string", "7b. The supplier's registered company or charity number, if given."),
    "contract_supplier_sme": ("boolean", "7b. The supplier is a small or medium-sized enterprise."),
    "contract_supplier_vcse": ("boolean", "7b. The supplier is a voluntary or community sector organisation."),
    "contract_description": ("string", "7b. What the contract is for: the goods or services."),
    "contract_value": ("number?", "7b. The value over the length of the contract in pounds, excluding VAT."),
    "contract_vat_not_recoverable": ("number?", "7b. VAT that cannot be recovered, in pounds, if any."),
    "contract_starts_on": ("date?", "7b. When the contract starts."),
    "contract_ends_on": ("date?", "7b. When the contract ends."),
    "contract_review_on": ("date?", "7b. When the contract is reviewed, if a date is set."),
    "contract_procurement": (
        "string",
        "7b. How it was procured: tender (a published invitation to tender), quote (an invitation to quote), "
        "direct (neither), or empty.",
    ),
}

REGISTER_FIELDS = [
    "reference",
    "title",
    "department",
    "contract_description",
    "contract_supplier",
    "contract_supplier_number",
    "contract_value",
    "contract_vat_not_recoverable",
    "contract_starts_on",
    "contract_ends_on",
    "contract_review_on",
    "contract_procurement",
    "contract_supplier_sme",
    "contract_supplier_vcse",
    "decided_on",
    "decision_maker",
    "url",
]


def number(amount):
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def data(d):
    """7b's columns of a published decision (empty unless it awards a contract)."""
    awards = bool(d.awards_contract)
    return {
        "awards_contract": d.awards_contract,
        "contract_supplier": d.contract_supplier if awards else "",
        "contract_supplier_number": d.contract_supplier_number if awards else "",
        "contract_supplier_sme": awards and d.contract_supplier_sme,
        "contract_supplier_vcse": awards and d.contract_supplier_vcse,
        "contract_description": d.contract_description if awards else "",
        "contract_value": number(d.contract_value) if awards else None,
        "contract_vat_not_recoverable": number(d.contract_vat_not_recoverable) if awards else None,
        "contract_starts_on": iso(d.contract_starts_on) if awards else None,
        "contract_ends_on": iso(d.contract_ends_on) if awards else None,
        "contract_review_on": iso(d.contract_review_on) if awards else None,
        "contract_procurement": d.contract_procurement if awards else "",
    }


def in_register(queryset):
    """TC-1: the published decisions that award a contract worth more than £5,000, newest first."""
    return (
        queryset.published()
        .filter(awards_contract=True, contract_value__gt=THRESHOLD)
        .select_related("directorate", "decision_maker")
        .order_by("-decided_on", "-pk")
    )


def register_row(d):
    """One contract of the register, in `REGISTER_FIELDS` order."""
    maker = d.decision_maker
    row = {
        "reference": d.reference,
        "title": d.title,
        "department": d.directorate.name if d.directorate else "",
        **{name: value for name, value in data(d).items() if name in REGISTER_FIELDS},
        "decided_on": iso(d.decided_on),
        "decision_maker": d.decision_maker_name or (maker.display_name if maker else ""),
        "url": absolute(reverse("decisions:detail", kwargs={"slug": d.reference_slug})),
    }
    return {name: row[name] for name in REGISTER_FIELDS}
