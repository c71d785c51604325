"""Who may do what to a call-in (CALL-1): `can_<verb>(user, ...) -> bool`. No request, no writes.

Councillors (non-executive) ask and add their names; Democratic Support validates, rejects,
schedules and records outcomes; the decision maker of the decision (or Democratic Support on
their behalf, which the history records) confirms it or starts a changed decision. Each answers
the state too (the workflow and `callin.rules`), so a button is shown only when pressing it could
work; the services ask the same questions, per object.
"""

from callin import rules
from callin.workflow import Action, allowed_in_status
from council import roles
from council.models import CouncilSettings
from decisions import permissions as decision_permissions
from records.permissions import *  # noqa: F403 - records.permissions.__all__: can_create, can_edit, ...
from records.permissions import is_admin, is_democratic_support


def _today():
    from decisions.models import today

    return today()


def _council(council):
    return council if council is not None else CouncilSettings.load()


def is_councillor(user):
    """Anyone who could be a call-in's signatory: a non-executive councillor."""
    return user.is_authenticated and roles.is_non_executive(user)


def is_decision_maker(user, decision):
    return user.is_authenticated and decision.decision_maker_id == user.pk


def can_see_open_decisions(user):
    """The list of decisions open to call-in: councillors and Democratic Support."""
    return is_councillor(user) or is_democratic_support(user) or is_admin(user)


def can_request(user, decision, *, council=None, today=None):
    """Ask for `decision` to be called in: an eligible councillor, while its window runs and no request is open."""
    council = _council(council)
    committee = decision.scrutiny_committee
    return (
        is_councillor(user)
        and not rules.eligibility_problems(user, committee, council)
        and not rules.request_problems(decision, today or _today())
    )


def can_add_name(user, call_in, *, council=None, today=None):
    return (
        is_councillor(user)
        and allowed_in_status(call_in.status, Action.ADD_NAME)
        and not rules.add_name_problems(call_in, user, _council(council), today or _today())
    )


def can_view(user, call_in):
    """The call-in's staff page: councillors, Democratic Support, administrators, and the decision's
    maker and author (they answer it)."""
    if not user.is_authenticated:
        return False
    decision = call_in.decision
    return (
        is_councillor(user)
        or is_democratic_support(user)
        or is_admin(user)
        or is_decision_maker(user, decision)
        or decision.author_id == user.pk
    )


def can_see_decision_record(user, decision):
    """The decision's staff record (the public sees its public page): the decision record's own who-may."""
    return decision_permissions.can_view(user, decision)


def can_withdraw(user, call_in):
    """The councillor who asked withdraws their request, while Democratic Support has not yet validated it."""
    return user.is_authenticated and call_in.author_id == user.pk and allowed_in_status(call_in.status, Action.WITHDRAW)


def _democratic_support(action):
    def may(user, call_in):
        return is_democratic_support(user) and allowed_in_status(call_in.status, action)

    may.__name__ = f"can_{action}"
    return may


can_validate = _democratic_support(Action.VALIDATE)
can_reject = _democratic_support(Action.REJECT)
can_schedule = _democratic_support(Action.SCHEDULE)


def can_record_outcome(user, call_in):
    return is_democratic_support(user) and allowed_in_status(call_in.status, Action.REFER_BACK)


def can_record_council_outcome(user, call_in):
    return is_democratic_support(user) and allowed_in_status(call_in.status, Action.COUNCIL_NO_OBJECTION)


def _reconsiders(user, call_in):
    """The decision maker of the decision, or Democratic Support on their behalf (the history says so)."""
    return is_decision_maker(user, call_in.decision) or is_democratic_support(user)


def can_confirm(user, call_in):
    return _reconsiders(user, call_in) and allowed_in_status(call_in.status, Action.CONFIRM)


def can_start_changed_decision(user, call_in):
    """Only once: a changed decision already started is the one to carry on with."""
    return (
        _reconsiders(user, call_in)
        and allowed_in_status(call_in.status, Action.START_CHANGED)
        and not call_in.reconsideration
    )
