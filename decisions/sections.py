"""The council's form: its numbered sections and their labels, in the form's order.

The record page, the check-your-answers page and (later) the PDF all take numbers and labels
from here, so they can never disagree with each other or with the council's form (seed 000).
"""

TITLE = "EXECUTIVE DECISION"
SUBTITLE = "made by a Council Officer"
HEADING = "REPORT OF ACTION TAKEN UNDER DELEGATED AUTHORITY BY AN INDIVIDUAL COUNCIL OFFICER"
REFERENCE_LABEL = "Executive Decision Reference Number"

LABELS = {
    "1": "Title of decision",
    "2": "Decision maker (Council Officer name and job title)",
    "3": "Report author and contact details",
    "4a": "Decision to be taken",
    "4b": "Reference number of original executive decision or date of original committee meeting where "
    "delegation was made",
    "4c": "Is the decision taken under a specific express authorisation, or under a general authorisation?",
    "5": "Reasons for decision",
    "6": "Alternative options considered and rejected",
    "7": "Financial implications",
    "7b": "Does the decision award a contract, purchase order or framework agreement worth more than £5,000?",
    "8": "Is the decision a Key Decision?",
    "8b": "If yes, date of publication of the notice in the Forward Decisions Plan",
    "9": "Please specify how this decision is linked to the Council's corporate plan/Plymouth Plan and/or the "
    "policy framework and/or the revenue/capital budget",
    "10": "Please specify any direct environmental implications of the decision (carbon impact)",
    "11": "Is the decision urgent and to be implemented immediately in the interests of the Council or the public?",
    "12a": "Reason for urgency",
    "12b": "Scrutiny Chair signature",
    "13a": "Are any other Cabinet members' portfolios affected by the decision?",
    "13b": "Which other Cabinet member's portfolio is affected by the decision?",
    "13c": "Date Cabinet member consulted",
    "14": "Has any Cabinet member declared a conflict of interest in relation to the decision?",
    "15": "Which Corporate Management Team member has been consulted?",
    "16": "Sign off codes from the relevant departments consulted",
    "17": "Appendices",
    "18a": "Do you need to include any confidential/exempt information?",
    "18b": "Confidential/exempt briefing report title",
    "19": "Background papers",
    "20": "Council Officer Signature",
}

GROUPS = [
    ("Decision", ["1", "2", "3", "4a", "4b", "4c", "5", "6", "7", "7b", "8", "8b", "9", "10"]),
    ("Urgent decisions", ["11", "12a", "12b"]),
    ("Consultation", ["13a", "13b", "13c", "14", "15"]),
    ("Sign-off", ["16"]),
    ("Appendices", ["17"]),
    ("Confidential/exempt information", ["18a", "18b"]),
    ("Background papers", ["19"]),
    ("Council Officer Signature", ["20"]),
]

KEY_DECISION_CRITERIA = {
    "key_capital": "in the case of capital projects and contract awards, results in a new commitment to spend "
    "and/or save in excess of £{capital}",
    "key_revenue": "in the case of revenue projects when the decision involves entering into new commitments "
    "and/or making new savings in excess of £{revenue}",
    "key_wards": "is significant in terms of its effect on communities living or working in an area comprising "
    "two or more wards in the area of the local authority.",
}

BACKGROUND_PAPERS_GUIDANCE = (
    "Background papers are unpublished works, relied on to a material extent in preparing the report, which "
    "disclose facts or matters on which the report or an important part of the work is based."
)

ORDER = [number for _, numbers in GROUPS for number in numbers]


def label(number):
    return LABELS[number]
