"""EXEC-4 (reg 8 of the 2012 Regulations): whether a decision is a key decision, from structured data.

A decision is key when it is likely to cause significant expenditure or savings — capital
spending or a contract commitment over the council's capital threshold, or revenue spending or
savings over its revenue threshold (Plymouth: "over £3m", "over £1m": strictly greater, so exactly
the threshold is not key) — or to have a significant effect on communities living or working in
two or more wards. A revenue-funded contract award is both capital (the contract) and revenue (how
it is paid for), and is key if either amount is over its threshold.

Nobody types the answer: `derive` works it out from sections 7 and 8's answers and the council's
thresholds (`CouncilSettings`), and the service stores it on every edit and on submission, so the
register's "key decision" filter, the record's ticks and the routes of EXEC-5 to EXEC-7 all read
the same stored answer.
"""

from decimal import Decimal

from council.models import CouncilSettings

CRITERIA = ("key_capital", "key_revenue", "key_wards")


def pounds(amount):
    """As the council writes money: £2,000,000 or £48,213.57."""
    amount = Decimal(amount)
    return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"


def chosen_wards(d):
    """The wards the decision affects: those a form has just had ticked, or those saved."""
    if hasattr(d, "chosen_wards"):
        return list(d.chosen_wards)
    return list(d.wards.all()) if d.pk else []


def criteria(d, council=None):
    """Each EXEC-4 criterion: True, False, or None while the answer it follows from is missing."""
    council = council or CouncilSettings.load()
    capital = None if d.capital_amount is None else d.capital_amount > council.key_decision_capital_threshold
    revenue = None if d.revenue_amount is None else d.revenue_amount > council.key_decision_revenue_threshold
    wards = None if d.significant_ward_effect is None else d.significant_ward_effect and len(chosen_wards(d)) >= 2
    return {"key_capital": capital, "key_revenue": revenue, "key_wards": wards}


def is_key(met):
    """Key if any criterion is met; not key once every answer is in and none is; else not known yet."""
    if any(met.values()):
        return True
    return None if None in met.values() else False


def derive(d, council=None):
    """Set the derived fields of section 8 (and the register's one amount) on `d`; returns the criteria."""
    met = criteria(d, council)
    for name in CRITERIA:
        setattr(d, name, bool(met[name]))
    d.is_key_decision = is_key(met)
    amounts = [a for a in (d.capital_amount, d.revenue_amount) if a is not None]
    d.amount = max(amounts) if amounts else None
    return met


def explanation(d, council=None):
    """The answer in words, for the task page: why it is, or is not, a key decision."""
    council = council or CouncilSettings.load()
    met = criteria(d, council)
    capital_threshold = pounds(council.key_decision_capital_threshold)
    revenue_threshold = pounds(council.key_decision_revenue_threshold)
    reasons, not_reasons = [], []
    for kind, amount, threshold, meets in (
        ("capital", d.capital_amount, capital_threshold, met["key_capital"]),
        ("revenue", d.revenue_amount, revenue_threshold, met["key_revenue"]),
    ):
        if amount is None:
            continue
        text = f"{kind} spending of {pounds(amount)}"
        if meets:
            reasons.append(f"{text} is over the {threshold} threshold")
        elif amount:
            not_reasons.append(f"{text} is not over the {threshold} threshold")
        else:
            not_reasons.append(f"there is no {kind} spending or saving")
    if met["key_wards"]:
        reasons.append(f"it has a significant effect on communities in {len(chosen_wards(d))} wards")
    elif met["key_wards"] is False:
        not_reasons.append("it does not have a significant effect on communities in two or more wards")
    if reasons:
        return f"This is a key decision because {_and(reasons)}."
    if is_key(met) is False:
        return f"This is not a key decision: {_and(not_reasons)}."
    return ""


def _and(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
