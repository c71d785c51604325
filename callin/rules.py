"""CALL-1, CALL-2: whether a decision may be called in now, who may ask or add a name, and when a
request has enough names (the council's constitution, `council.CouncilSettings`).

Each check returns `Problem`s ([] = allowed) in a sentence a councillor understands; the services
refuse with them and the pages show a button only when there are none. Nothing here writes.
"""

from council import roles
from council.models import CallInBy, CallInScope
from decisions.models_callin import CallInState
from records.rules import Problem

NOT_SUBJECT_URGENT = "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)"
NOT_SUBJECT_NOT_KEY = "Only key decisions are subject to call-in"
NOT_SUBJECT_RECONSIDERED = "A decision reconsidered after call-in cannot be called in again"


def _day(date):
    return f"{date:%-d %B %Y}"


def not_subject_reason(decision, council):
    """CALL-1, CALL-2: why a decision being published is not subject to call-in ("" when it is)."""
    if decision.reconsiders_id is not None:
        return NOT_SUBJECT_RECONSIDERED
    if decision.exempt_from_call_in:
        return NOT_SUBJECT_URGENT
    if council.call_in_scope == CallInScope.KEY and not decision.is_key_decision:
        return NOT_SUBJECT_NOT_KEY
    return ""


def window_problems(decision, today):
    """CALL-1: why no call-in may be asked for (or added to) on `today` ([] while the window runs)."""
    state = decision.call_in_state
    if decision.status != decision.PUBLIC_STATUS or state == CallInState.NONE:
        return [Problem("CALL-1", "", f"{decision.reference or 'The decision'} has not been published")]
    if state == CallInState.NOT_SUBJECT:
        reason = decision.not_subject_reason or "It is not subject to call-in"
        return [Problem("CALL-2" if reason == NOT_SUBJECT_URGENT else "CALL-1", "", f"{reason}.")]
    if decision.call_in_ends_on is not None and today > decision.call_in_ends_on:
        return [
            Problem(
                "CALL-1",
                "",
                f"The call-in period for {decision.reference} ended on {_day(decision.call_in_ends_on)}.",
            )
        ]
    return []


def request_problems(decision, today):
    """CALL-1: why a new request cannot be made on the decision now: its window, or a request already open."""
    if problems := window_problems(decision, today):
        return problems
    if any(c.is_open for c in decision.call_ins.all()):
        return [
            Problem(
                "CALL-1",
                "",
                f"There is already a request to call in {decision.reference}: add your name to it instead.",
            )
        ]
    if decision.call_in_state != CallInState.OPEN:
        return [Problem("CALL-1", "", f"{decision.reference} has already been called in.")]
    return []


def _is_chair(user, committee):
    return committee is not None and committee.chair_id == user.pk


def _is_member(user, committee):
    return committee is not None and (
        _is_chair(user, committee) or any(m.pk == user.pk for m in committee.members.all())
    )


def eligibility_problems(user, committee, council):
    """CALL-1: why this person may not ask for, or add their name to, a call-in under the constitution."""
    if not roles.has_role(user, roles.COUNCILLOR, roles.SCRUTINY_CHAIR, roles.CABINET_MEMBER):
        return [Problem("CALL-1", "", "Only councillors may call in a decision.")]
    if roles.has_role(user, roles.CABINET_MEMBER):
        return [
            Problem("CALL-1", "", "Cabinet members are part of the executive and cannot call in an executive decision.")
        ]
    if not roles.is_non_executive(user):
        return [Problem("CALL-1", "", "Only non-executive councillors may call in a decision.")]
    if council.call_in_by == CallInBy.CHAIR and not _is_chair(user, committee):
        name = committee.name if committee else "the relevant scrutiny committee"
        return [Problem("CALL-1", "", f"Only the chair of the {name} may call in this decision.")]
    if council.call_in_members_of_committee and not _is_member(user, committee):
        if committee is None:
            return [Problem("CALL-1", "", "The decision names no scrutiny committee whose members could call it in.")]
        return [Problem("CALL-1", "", f"Only members of the {committee.name} may call in this decision.")]
    return []


def add_name_problems(call_in, user, council, today):
    """CALL-1: why this person cannot add their name to the request now."""
    if problems := window_problems(call_in.decision, today):
        return problems
    if problems := eligibility_problems(user, call_in.committee, council):
        return problems
    if any(s.councillor_id == user.pk for s in call_in.signatories.all()):
        return [Problem("CALL-1", "", "Your name is already on this request.")]
    return []


def meets_rule(call_in, settings):
    """CALL-1: whether the names on the request meet the constitution's rule (`settings`: the council's).

    The chair of the relevant committee alone meets a `chair` or `chair_or_members` rule; a members'
    rule needs `call_in_members_needed` names, the requester's among them."""
    names = list(call_in.signatories.all())
    chair = any(_is_chair(s.councillor, call_in.committee) for s in names)
    members = len(names) >= settings.call_in_members_needed
    if settings.call_in_by == CallInBy.CHAIR:
        return chair
    if settings.call_in_by == CallInBy.MEMBERS:
        return members
    return chair or members


def names_still_needed(call_in, settings):
    """How many more names a members' request needs (0 once it meets the rule)."""
    if meets_rule(call_in, settings) or settings.call_in_by == CallInBy.CHAIR:
        return 0
    return max(settings.call_in_members_needed - len(call_in.signatories.all()), 0)


def has_lapsed(call_in, today):
    """A request still waiting for names after its window closed has lapsed (nothing runs at midnight)."""
    from callin.models import Status

    ends = call_in.decision.call_in_ends_on
    return call_in.status == Status.GATHERING and ends is not None and today > ends


def rule_in_words(settings):
    """The constitution's rule, as a councillor reads it."""
    members = f"{settings.call_in_members_needed} non-executive councillors"
    if settings.call_in_members_of_committee:
        members = f"{settings.call_in_members_needed} members of the relevant scrutiny committee"
    days = f"within {settings.call_in_working_days} working days of its publication"
    if settings.call_in_by == CallInBy.CHAIR:
        return f"A decision may be called in by the chair of the relevant scrutiny committee {days}."
    if settings.call_in_by == CallInBy.MEMBERS:
        return f"A decision may be called in by {members} {days}."
    return f"A decision may be called in by the chair of the relevant scrutiny committee, or by {members}, {days}."
