"""Who may give and publish notices: Democratic Support, when the rules allow it now."""

from notices import rules
from notices.workflow import Action, allowed_in_status
from records.permissions import is_democratic_support


def can_give_general_exception_notice(user, decision):
    return is_democratic_support(user) and not rules.general_exception_blockers(decision)


def can_publish_special_urgency_notice(user, decision):
    return is_democratic_support(user) and not rules.special_urgency_blockers(decision)


def waiting_for_reasons(decision):
    """The decision's general exception notice whose reasons are still to be published, or None."""
    return next((n for n in decision.notices.all() if not rules.reasons_publishable(n)), None)


def can_publish_reasons(user, decision):
    notice = waiting_for_reasons(decision)
    return (
        is_democratic_support(user) and notice is not None and allowed_in_status(notice.status, Action.PUBLISH_REASONS)
    )


def can_view(user, notice):
    """A notice is public from the moment it is given."""
    return notice.published_at is not None
