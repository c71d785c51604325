"""The generator's settings (dates, shares, how many people) and the small helpers every part uses."""

import datetime
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from bench.generator import vocabulary as text
from decisions.contract import THRESHOLD, ProcurementRoute
from decisions.models import Authorisation, GeneralAuthorisationEffect, Status

LONDON = ZoneInfo("Europe/London")
END_DATE = datetime.date(2026, 3, 31)
EARLIEST_DATE = datetime.date(2000, 1, 1)
# The longest a generated record's history reaches back before its date (drafting, sign-off, notice).
LONGEST_LEAD_DAYS = 120
# Sign-off sequence numbers of generated codes: real yearly counters never get this far.
GENERATED_CODE_BASE = 1_000_000
USERNAME_PREFIX = "gen."

DECISION_MAKERS = 20
OFFICERS = 60
REVIEWERS_PER_DEPARTMENT = 3
CHAIRS = 4

STATUS_WEIGHTS = {
    Status.PUBLISHED: 85,
    Status.DRAFT: 4,
    Status.IN_SIGN_OFF: 3,
    Status.AWAITING_DECISION: 2,
    Status.DECIDED: 2,
    Status.WITHDRAWN: 4,
}
SIGNED = {Status.DECIDED, Status.PUBLISHED}
PAST_SIGN_OFF = {Status.AWAITING_DECISION, Status.DECIDED, Status.PUBLISHED}

URGENT_SHARE = 0.08
KEY_WARDS_SHARE = 0.04  # EXEC-4's second criterion: a significant effect in two or more wards
SPECIAL_URGENCY_SHARE = 0.05  # of key decisions
EXEMPT_PART2_SHARE = 0.06
EXEMPT_DOCUMENT_SHARE = 0.08  # of appendices and background papers
INNOVATIVE_SHARE = 0.03
CONFLICT_SHARE = 0.02
CONSULTED_SHARE = 0.35


def at(day, rng, earliest=8, latest=17):
    """A time on `day`, in office hours, Plymouth time."""
    return datetime.datetime.combine(
        day, datetime.time(rng.randint(earliest, latest - 1), rng.randrange(0, 60, 5)), tzinfo=LONDON
    )


def amounts(rng, topic, kind):
    """(capital, revenue): capital-funded, or revenue; a revenue-funded contract award is both (EXEC-4)."""
    zero = Decimal("0.00")
    if rng.random() < 0.1:
        return zero, zero
    # Log-uniform from £500 to £6m: most decisions are small, a few are millions.
    value = 500 * (12_000 ** rng.random())
    if rng.random() < 0.6:
        value = round(value, -2 if value < 100_000 else -3)
    value = zero if rng.random() < 0.02 else Decimal(f"{value:.2f}")
    if rng.random() < topic["capital"]:
        return value, zero
    return (value if kind == "contract" else zero), value


def pounds(amount):
    """As the form writes amounts: £491,000 or £48,213.57."""
    whole = amount == amount.to_integral_value()
    return f"£{amount:,.0f}" if whole else f"£{amount:,.2f}"


def upper_first(value):
    return value[:1].upper() + value[1:]


class Words(dict):
    """A record's words for the sentence templates: fixed ones stored, varying ones made on each use."""

    def __init__(self, rng, subject, anchor, **fixed):
        super().__init__(fixed)
        self.rng, self.subject, self.anchor = rng, subject, anchor

    def __missing__(self, key):
        rng = self.rng
        match key:
            case "area":
                return rng.choice(text.AREAS)
            case "pct":
                return rng.randint(4, 45)
            case "number":
                return f"{rng.choice([12, 25, 40, 85, 120, 240, 600, 1200, 3500]) + rng.randint(0, 9):,}"
            case "year":
                return self.anchor.year - rng.randint(1, 6)
            case "year2":
                return self.anchor.year + rng.randint(1, 4)
            case "month":
                return rng.choice(text.MONTHS)
            case "months":
                return rng.choice([3, 6, 9, 12, 18, 24])
            case "years":
                return rng.choice([1, 2, 3, 4, 5])
            case "days":
                return rng.choice([5, 10, 14, 21, 28])
            case "bids":
                return rng.randint(2, 9)
            case "legal":
                return rng.choice(text.LEGAL_BASES)
            case "people":
                return rng.choice(self.subject["people"])
            case "thing":
                return rng.choice(self.subject["thing"])
            case "need":
                return rng.choice(self.subject["need"]).format_map(self)
            case "saving":
                return f"£{rng.randint(2, 400) * 1000:,}"
        raise KeyError(key)

    def fill(self, template):
        return template.format_map(self)


# — answers that follow from others (no draws of their own: a seed still makes the same records) ---


def authority(original_delegation):
    """4c (OLGB-1): a named delegating decision is an express authorisation; otherwise the scheme of
    delegation, for a decision that spends money (every generated record has an amount)."""
    if original_delegation == "N/A":
        return {
            "authorisation": Authorisation.GENERAL,
            "general_authorisation_effects": [GeneralAuthorisationEffect.CONTRACT],
        }
    return {"authorisation": Authorisation.EXPRESS, "general_authorisation_effects": []}


def contract_answers(title, kind, provider, amount, service, anchor):
    """7b (TC-1): a contract decision over £5,000 awards its provider a contract starting a few weeks after
    the decision's date (`anchor`); grants and policies award none. Its own random numbers, seeded by the
    record's title and date, so the records' other answers are those the generator made before 7b."""
    if kind != "contract" or not amount or amount <= THRESHOLD:
        return {"awards_contract": False}
    rng = random.Random(f"{title}|{anchor}")
    starts_on = anchor + datetime.timedelta(days=rng.randint(7, 60))
    return {
        "awards_contract": True,
        "contract_supplier": provider,
        "contract_supplier_sme": rng.random() < 0.5,
        "contract_description": upper_first(service) + ".",
        "contract_value": amount,
        "contract_starts_on": starts_on,
        "contract_ends_on": starts_on + datetime.timedelta(days=rng.choice([182, 364, 729, 1094])),
        "contract_procurement": rng.choice(ProcurementRoute.values),
    }


def conflict_answers(conflict, maker, provider):
    """14: a declared conflict, its details, the Monitoring Officer's involvement and no dispensation (EXEC-10)."""
    if not conflict:
        return {"conflict_of_interest": False, "conflict_details": "", "monitoring_officer_involved": False}
    return {
        "conflict_of_interest": True,
        "conflict_details": f"{maker.display_name} declared that a family member works for {provider}; the "
        "Monitoring Officer advised that the decision could proceed.",
        "monitoring_officer_involved": True,
        "dispensation_granted": False,
    }
