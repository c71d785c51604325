"""The rules a briefing report must satisfy, each with an id a test carries.

Rules return `records.rules.Problem`s (rule id, field, a message a person can act on, the
task-list page where it is fixed); an empty list means the rule holds.

Ids: REQUIRED-1 (a required field is answered), PLACEHOLDER-1 (no empty section is ever
published: a required section is neither empty nor the Word template's placeholder text),
S12A-2 (every exemption has its paragraphs, reasoning and review date) and SIGNOFF-1 (every
department that applies has a current sign-off).
"""

import re

from council.models import Department
from records.rules import Problem, blank, current_sign_offs, missing, missing_sign_offs

__all__ = ["Problem", "PLACEHOLDERS", "current_sign_offs", "is_placeholder"]

# SIGNOFF-1: the departments marked `mandatory_for_reports` in the admin (Plymouth: Finance and
# Legal, whose codes the seed shows) sign off every briefing report; the author chooses which of
# the other departments on the report form apply (Mon Off, HR, Assets, Strat Proc).

# PLACEHOLDER-1: the council's Word template's own text (seed 003 published one), and the
# placeholders Word puts in content controls. Compared without case, spacing, a markdown link
# or a trailing full stop.
PLACEHOLDERS = frozenset(
    {
        "click here to enter text",
        "click or tap here to enter text",
        "click here to enter a date",
        "click or tap to enter a date",
        "enter text here",
        "type here",
        "insert text here",
        "choose an item",
    }
)


_blank = blank  # REQUIRED-1's "not answered", the same for every kind (records.rules)


_LINK = re.compile(r"^\[(?P<text>.*)\]\([^)]*\)$", re.DOTALL)


def _normalise(text):
    text = " ".join(text.split()).strip()
    if match := _LINK.match(text):
        text = match.group("text").strip()
    return text.strip("[]").strip().rstrip(".").strip().lower()


def is_placeholder(text):
    """True if the text, or any paragraph of it, is template placeholder text."""
    if _blank(text):
        return False
    if _normalise(text) in PLACEHOLDERS:
        return True
    return any(_normalise(p) in PLACEHOLDERS for p in re.split(r"\n\s*\n", text.strip()))


# field, what to ask for, task: the sections that are never published empty (PLACEHOLDER-1).
REQUIRED_SECTIONS = [
    ("purpose", "Enter the purpose of the report", "summary"),
    ("recommendations", "Enter the recommendations and reasons", "summary"),
    (
        "alternatives",
        "Enter the alternative options considered and rejected, or say that there were none",
        "summary",
    ),
    (
        "plan_relevance",
        "Enter the relevance to the Corporate Plan and/or the Plymouth Plan",
        "implications",
    ),
    (
        "financial_implications",
        "Enter the implications for the Medium Term Financial Plan and resource implications, or say there are none",
        "implications",
    ),
    (
        "carbon_implications",
        "Enter the carbon footprint (environmental) implications, or say there are none",
        "implications",
    ),
]

# Short fields that must not hold placeholder text either, when given.
OTHER_TEXT_FIELDS = [
    ("title", "details"),
    ("your_reference", "details"),
    ("part2_title", "confidentiality"),
    ("public_interest_reasoning", "confidentiality"),
]


def _placeholder(field, task, label):
    return Problem(
        "PLACEHOLDER-1",
        field,
        f"{label} still holds the template's placeholder text. Replace it with the real text",
        task,
    )


def details(r):
    p = missing(
        r, "details", {"title": "Enter the title of the report", "meeting": "Choose the meeting the report is for"}
    )
    if r.meeting_id is not None and r.meeting.committee_id != r.committee_id:
        p.append(Problem("REQUIRED-1", "meeting", "Choose a meeting of the report's committee", "details"))
    return p + missing(
        r,
        "details",
        {
            "lead_member": "Choose the lead member (the cabinet member)",
            "lead_director": "Choose the lead strategic director",
            "author_email": "Enter a contact email address",
            "is_key_decision": "Select yes if the report is about a key decision",
        },
    )


def sections(r, body=None):
    """REQUIRED-1 and PLACEHOLDER-1 for the six fixed sections and the body sections."""
    p = []
    for field, message, task in REQUIRED_SECTIONS:
        value = getattr(r, field)
        label = str(r._meta.get_field(field).verbose_name).capitalize()
        if _blank(value):
            p.append(Problem("REQUIRED-1", field, message, task))
        elif is_placeholder(value):
            p.append(_placeholder(field, task, label))
    for field, task in OTHER_TEXT_FIELDS:
        if is_placeholder(getattr(r, field)):
            p.append(_placeholder(field, task, str(r._meta.get_field(field).verbose_name).capitalize()))
    body = list(r.sections.all()) if body is None else body
    if not body:
        p.append(Problem("REQUIRED-1", "sections", "Add at least one section to the body of the report", "body"))
    for i, section in enumerate(body):
        followed_by_sub = i + 1 < len(body) and body[i + 1].level > section.level
        if _blank(section.heading) or is_placeholder(section.heading):
            p.append(
                Problem(
                    "PLACEHOLDER-1", f"section-{section.pk}", f"Enter a heading for section {section.order}", "body"
                )
            )
        if is_placeholder(section.body):
            p.append(_placeholder(f"section-{section.pk}", "body", f"The section “{section.heading}”"))
        elif _blank(section.body) and not followed_by_sub:
            p.append(
                Problem(
                    "PLACEHOLDER-1",
                    f"section-{section.pk}",
                    f"The section “{section.heading}” is empty. Enter its text or remove it",
                    "body",
                )
            )
    return p


def confidentiality(r, appendices=None, papers=None):
    p = []
    if not r.confidentiality:
        p.append(
            Problem(
                "REQUIRED-1", "confidentiality", "Choose whether the report is Part I or Part II", "confidentiality"
            )
        )
    elif r.is_part_2:
        if not r.exempt_paragraphs:
            p.append(
                Problem(
                    "S12A-2",
                    "exempt_paragraphs",
                    "Choose at least one paragraph of Schedule 12A that makes the report exempt",
                    "confidentiality",
                )
            )
        for field, message in r.exemption_errors().items():
            p.append(Problem("S12A-2", field, message, "confidentiality"))
    appendices = list(r.appendices.all()) if appendices is None else appendices
    papers = list(r.background_papers.all()) if papers is None else papers
    for item in [*appendices, *papers]:
        if is_placeholder(item.title):
            p.append(_placeholder("title", "appendices", str(item)))
        for field, message in item.exemption_errors().items():
            p.append(Problem("S12A-2", field, f"{item}: {message}", "appendices"))
    return p


def sign_off_details(r):
    p = []
    if r.originating_slt_member_id is None:
        p.append(
            Problem(
                "REQUIRED-1",
                "originating_slt_member",
                "Choose the originating Senior Leadership Team member",
                "sign-off",
            )
        )
    return p


def completeness(r):
    """Everything the author must have answered before submitting, and that publishing re-checks."""
    return [*details(r), *sections(r), *confidentiality(r), *sign_off_details(r)]


# — sign-off ---------------------------------------------------------------------------------------


def optional_departments():
    """The departments of the report's sign-off row the author chooses from."""
    return Department.objects.filter(on_report_form=True, mandatory_for_reports=False)


def required_departments(r):
    """SIGNOFF-1: the mandatory departments, and the other departments on the report form the author chose."""
    chosen = {d.pk for d in r.applicable_departments.all()}
    return [d for d in Department.objects.filter(on_report_form=True) if d.mandatory_for_reports or d.pk in chosen]


def sign_off_gaps(r):
    """SIGNOFF-1: what still stops the report going to the strategic director."""
    return missing_sign_offs(r, required_departments(r), "sign-off")


def approvals_given(r):
    """The strategic director's agreement and the cabinet member's approval, before publication."""
    p = []
    if not r.director_agreed_on:
        p.append(Problem("APPROVAL-1", "", "The strategic director has not agreed the report"))
    if not r.cabinet_approved_on:
        p.append(Problem("APPROVAL-1", "", "The cabinet member has not approved the report"))
    return p
