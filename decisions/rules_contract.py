"""TC-1: section 7b, the contract a decision awards, as the Transparency Code's contracts register needs it.

Asked of every record (yes or no); for a contract, its supplier, what it is for, its value (over
£5,000, or the answer is no), when it starts and ends, and how it was procured. `decisions.rules`
asks for it by name, as for every rule.
"""

from decisions.contract import THRESHOLD
from records.rules import Problem, blank

TASK = "contract"


def contract(d):
    def problem(rule, field, message):
        p.append(Problem(rule, field, message, TASK))

    p = []
    if d.awards_contract is None:
        problem("REQUIRED-1", "awards_contract", "Select yes if the decision awards a contract worth more than £5,000")
        return p
    if not d.awards_contract:
        return p
    if blank(d.contract_supplier):
        problem("TC-1", "contract_supplier", "Enter the supplier's name")
    if blank(d.contract_description):
        problem("TC-1", "contract_description", "Enter what the contract is for")
    if d.contract_value is None:
        problem("TC-1", "contract_value", "Enter the contract's value in pounds, excluding VAT")
    elif d.contract_value <= THRESHOLD:
        problem(
            "TC-1",
            "contract_value",
            "Enter a value over £5,000, or answer no: the register lists contracts worth more than £5,000",
        )
    if d.contract_starts_on is None:
        problem("TC-1", "contract_starts_on", "Enter the date the contract starts")
    if d.contract_ends_on is None:
        problem("TC-1", "contract_ends_on", "Enter the date the contract ends")
    elif d.contract_starts_on and d.contract_ends_on < d.contract_starts_on:
        problem("TC-1", "contract_ends_on", "The date the contract ends must be on or after the date it starts")
    if d.contract_review_on and d.contract_starts_on and d.contract_review_on < d.contract_starts_on:
        problem("TC-1", "contract_review_on", "The review date must be on or after the date the contract starts")
    if not d.contract_procurement:
        problem("TC-1", "contract_procurement", "Select how the contract was procured")
    return p
