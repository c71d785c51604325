"""What a Forward Plan item must say before it is proposed or published (reg 9(1); EXEC-5), and
the checks on a new expected date. Each returns `records.rules.Problem`s ([] = fine), named by
the form field, so pages show them as an error summary."""

from forwardplan.models import DecisionMakerType
from records.models import SCHEDULE_12A
from records.rules import Problem

RULE = "EXEC-5"


def _blank(value):
    return not (value or "").strip()


def consistency(item):
    """What must hold even in a draft: a period that ends after it starts, real paragraph numbers."""
    problems = []
    if item.expected_from and item.expected_to and item.expected_to < item.expected_from:
        problems.append(Problem(RULE, "expected_to", "The end of the period must be the same as or after its start"))
    paragraphs = item.exempt_paragraphs or []
    if not isinstance(paragraphs, list) or any(p not in SCHEDULE_12A for p in paragraphs):
        problems.append(Problem("S12A-2", "exempt_paragraphs", "Choose paragraphs between 1 and 7"))
    return problems


def decision_maker(item):
    """reg 9(1)(b): an officer (named), the Cabinet, or a cabinet member (by portfolio)."""
    kind = item.decision_maker_type
    if not kind:
        return [Problem(RULE, "decision_maker_type", "Select who will make the decision")]
    if kind == DecisionMakerType.OFFICER and not item.decision_maker_id:
        return [Problem(RULE, "decision_maker", "Select the officer who will make the decision")]
    if kind == DecisionMakerType.CABINET_MEMBER and not item.portfolio_id:
        return [Problem(RULE, "portfolio", "Select the cabinet member's portfolio")]
    return []


def completeness(item):
    """reg 9(1): everything the notice states, before it is proposed and again before it is published."""
    problems = []
    if _blank(item.title):
        problems.append(Problem(RULE, "title", "Enter the matter to be decided"))
    problems += decision_maker(item)
    if not item.expected_from:
        problems.append(Problem(RULE, "expected_from", "Enter the date the decision is expected"))
    if _blank(item.documents):
        problems.append(Problem(RULE, "documents", "Enter the documents to be submitted to the decision maker"))
    if _blank(item.documents_how):
        problems.append(Problem(RULE, "documents_how", "Enter how to get the documents"))
    if _blank(item.contact_name):
        problems.append(Problem(RULE, "contact_name", "Enter who to contact for details"))
    if _blank(item.contact_email) and _blank(item.contact_phone):
        problems.append(Problem(RULE, "contact_email", "Enter an email address or a telephone number for the contact"))
    if item.expected_exempt is None:
        problems.append(Problem(RULE, "expected_exempt", "Select yes if any part is expected to be exempt"))
    elif item.expected_exempt and not item.exempt_paragraphs:
        problems.append(Problem("S12A-2", "exempt_paragraphs", "Select the Schedule 12A paragraphs it will rely on"))
    return problems + consistency(item)


def new_expected_date(item, *, expected_from=None, expected_to=None, **_):
    """A deferral, or a return to the plan, gives the new date or period of decision."""
    if expected_from is None:
        return [Problem(RULE, "expected_from", "Enter the new date the decision is expected")]
    if expected_to is not None and expected_to < expected_from:
        return [Problem(RULE, "expected_to", "The end of the period must be the same as or after its start")]
    return []


def current_sign_offs(item):
    """No department signs a notice off (the shared services ask every kind)."""
    return {}


def sign_off_gaps(item):
    return []
