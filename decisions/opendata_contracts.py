"""TC-1: the contracts published decisions award, as open data.

`FIELDS` are 7b's columns in the register's downloads and API (`decisions.opendata.FIELDS` includes
them after section 7's); `REGISTER_FIELDS` are the contracts register's, in the order the Local
Government Transparency Code 2015 lists what it publishes of each contract over £5,000, one row per
contract (`decisions/views/contracts.py`: contracts.csv and contracts.json).
"""

from django.urls import reverse
from django.utils.text import capfirst

from council.opendata import absolute, iso
from decisions.contract import THRESHOLD, ContractAward

JSON_TYPES = {
    "BooleanField": "boolean",
    "CharField": "string",
    "TextField": "string",
    "DecimalField": "number",
    "DateField": "date",
}


def _described(field):
    """(JSON type, description) of one of 7b's columns, in the words of its model field."""
    kind = JSON_TYPES[field.get_internal_type()] + ("?" if field.null else "")
    words = capfirst(field.verbose_name)
    if field.choices:
        words += ": " + ", ".join(f"{value} ({label.lower()})" for value, label in field.choices) + ", or empty"
    return kind, f"7b. {words}."


# name -> (JSON type, description), as decisions.opendata.FIELDS: 7b's columns, described by the model.
FIELDS = {field.name: _described(field) for field in ContractAward._meta.get_fields()}

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
