"""Call-in (CALL-1, CALL-2): every write, keyword-only with `actor=`.

Each locks the decision and then the call-in (always in that order: two clicks, one effect), asks
`callin.permissions` and `callin.rules`, moves the call-in through its workflow with its event
(`RECORDS`, the shared record services: never a copied mechanism) and the decision's call-in
state with it, in one transaction; the decision's public pages are out of date from the same
commit (its save bumps the page cache's version, `council.pagecache`), and email goes only after
the commit. A refusal a councillor can act on is a `ValidationError` in their words ("The call-in
period for COD05 26/27 ended on 7 September 2026."); a move the call-in is past is the workflow's
`TransitionNotAllowed`; a person who may never do it is `PermissionDenied`.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from callin import notifications, permissions, rules
from callin.kind import KIND
from callin.models import CallIn, CallInSignatory, CouncilOutcome, Outcome, Reconsideration, Status
from callin.services_window import open_window, window  # noqa: F401 - publication opens the window
from callin.workflow import COUNCIL_OUTCOME_ACTIONS, OUTCOME_ACTIONS, Action
from council import calendar, codes, pagecache
from council.models import CouncilSettings
from decisions.models import Decision, today
from decisions.models import Status as DecisionStatus
from decisions.models_callin import CallInState
from records.services import RecordServices, require

RECORDS = RecordServices.of(
    KIND,
    directorate=lambda locked: locked.decision.directorate,
    ready_comment="",
    on_ready=lambda pk: None,
)

# The decision's state after each of the call-in's: the committee's and council's outcomes.
DECISION_STATE_AFTER = {
    Status.REFERRED_BACK: CallInState.REFERRED_BACK,
    Status.REFERRED_TO_COUNCIL: CallInState.REFERRED_TO_COUNCIL,
}


def _refuse(problems):
    if problems:
        raise ValidationError([p.message for p in problems], code="call_in")


def _text(value, field, *, blank=None):
    """Typed words, stripped: a NUL byte is never stored (PostgreSQL refuses it); `blank` refuses none."""
    value = (value or "").strip()
    if "\x00" in value:
        raise ValidationError({field: "Remove the character that cannot be stored (a NUL byte)"})
    if blank and not value:
        raise ValidationError({field: blank})
    return value


def _day(date):
    return f"{date:%-d %B %Y}"


def _lock_decision(decision_pk):
    return Decision.objects.select_for_update().get(pk=decision_pk)


def _locked(call_in):
    """The call-in's decision, then the call-in, each locked (always in this order)."""
    decision = _lock_decision(call_in.decision_id)
    locked = RECORDS.lock(call_in)
    locked.decision = decision
    return decision, locked


def _set_state(decision, *, actor, comment, **fields):
    """Move the decision's call-in state (its call-in columns only), with a line in its history."""
    from decisions import services as decision_services

    for name, value in fields.items():
        setattr(decision, name, value)
    decision.save(update_fields=[*fields, "updated_at"])
    decision_services.RECORDS.record_event(
        decision, actor=actor, action="call_in", from_status=decision.status, comment=comment
    )


def _after_commit(send, call_in):
    transaction.on_commit(partial(send, call_in.pk))


# — councillors: asking, adding names, withdrawing -------------------------------------------------


def _reference(on):
    return f"CI {on.year}/{codes.next_number('CI', on.year):03d}"


@transaction.atomic
def request_call_in(decision, *, actor, reasons) -> CallIn:
    """CALL-1: a councillor asks for `decision` to be called in, with their reasons; they are its first name.

    Refused (ValidationError, in words) after the window, on a decision not subject to call-in,
    by an ineligible member, or while another request on the decision is open. A request whose
    names already meet the constitution's rule (the chair's alone, or a rule of one name) holds
    the decision at once."""
    council = CouncilSettings.load()
    locked = _lock_decision(decision.pk)
    on = today()
    _refuse(rules.eligibility_problems(actor, locked.scrutiny_committee, council))
    _refuse(rules.request_problems(locked, on))
    reasons = _text(reasons, "reasons", blank="Enter why the decision should be called in")
    call_in = CallIn.objects.create(
        reference=_reference(on),
        decision=locked,
        author=actor,
        author_name=actor.display_name,
        author_job_title=actor.job_title,
        committee=locked.scrutiny_committee,
        reasons=reasons,
        status=Status.GATHERING,
    )
    RECORDS.record_event(call_in, actor=actor, action=Action.CREATE, from_status="", comment=reasons)
    _sign(call_in, actor)
    _if_rule_met(locked, call_in, actor=actor, council=council, on=on)
    return call_in


def _sign(call_in, councillor):
    CallInSignatory.objects.create(
        call_in=call_in, councillor=councillor, councillor_name=councillor.display_name, added_at=timezone.now()
    )


def _if_rule_met(decision, call_in, *, actor, council, on):
    """Once the names meet the rule (in the window), the request goes to Democratic Support and the decision is held."""
    if not rules.meets_rule(call_in, council):
        return
    RECORDS.move(call_in, actor=actor, action=Action.RULE_MET, comment=rules.rule_in_words(council))
    _set_state(
        decision,
        actor=actor,
        comment=f"Call-in {call_in.reference} requested: the decision cannot take effect while it is checked",
        call_in_state=CallInState.REQUESTED,
        called_in_on=on,
        effective_from=None,
    )
    _after_commit(notifications.requested, call_in)


@transaction.atomic
def add_name(call_in, *, actor):
    """CALL-1: another eligible councillor adds their name, inside the window; once enough, the decision is held."""
    council = CouncilSettings.load()
    decision, locked = _locked(call_in)
    on = today()
    RECORDS.workflow.check(locked, Action.ADD_NAME)
    _refuse(rules.add_name_problems(locked, actor, council, on))
    _sign(locked, actor)
    RECORDS.record_event(locked, actor=actor, action=Action.ADD_NAME, from_status=locked.status)
    _if_rule_met(decision, locked, actor=actor, council=council, on=on)
    return locked


def _lift_hold(decision, *, actor, comment):
    """The decision is OPEN again: effective from the later of its original date and the next working day."""
    council = CouncilSettings.load()
    _ends, original = window(decision, council)
    next_day = calendar.Calendar.working_days_for(council).next_working_day(today())
    _set_state(
        decision,
        actor=actor,
        comment=comment,
        call_in_state=CallInState.OPEN,
        called_in_on=None,
        effective_from=max(original, next_day),
    )


@transaction.atomic
def withdraw(call_in, *, actor, reason):
    """The councillor who asked withdraws the request before it is validated; a held decision is no longer held."""
    decision, locked = _locked(call_in)
    require(permissions.can_withdraw(actor, locked))
    reason = _text(reason, "comment", blank="Enter why you are withdrawing the request")
    held = locked.status == Status.REQUESTED
    RECORDS.move(locked, actor=actor, action=Action.WITHDRAW, comment=reason)
    if held:
        _lift_hold(decision, actor=actor, comment=f"Call-in {locked.reference} withdrawn")
    return locked


# — Democratic Support: validating, scheduling, outcomes ------------------------------------------


@transaction.atomic
def validate(call_in, *, actor):
    """Democratic Support finds the request valid: called in, the decision stayed (no `effective_from`)."""
    decision, locked = _locked(call_in)
    require(permissions.can_validate(actor, locked))

    def validated(c):
        c.validated_at = timezone.now()
        c.validated_by = actor

    RECORDS.move(locked, actor=actor, action=Action.VALIDATE, then=validated)
    _set_state(
        decision,
        actor=actor,
        comment=f"Called in ({locked.reference}): it cannot take effect until the committee has considered it",
        call_in_state=CallInState.CALLED_IN,
        effective_from=None,
    )
    _after_commit(notifications.validated, locked)
    return locked


@transaction.atomic
def reject(call_in, *, actor, reason):
    """Democratic Support finds the request not valid (why, in words): the hold on the decision is lifted."""
    decision, locked = _locked(call_in)
    require(permissions.can_reject(actor, locked))
    reason = _text(reason, "comment", blank="Enter why the request is not valid")

    def rejected(c):
        c.rejection_reason = reason

    RECORDS.move(locked, actor=actor, action=Action.REJECT, then=rejected, comment=reason)
    _lift_hold(decision, actor=actor, comment=f"Call-in {locked.reference} found not valid")
    _after_commit(notifications.outcome_recorded, locked)
    return locked


@transaction.atomic
def schedule(call_in, *, actor, meeting, version=None):
    """Democratic Support puts the called-in decision on a meeting of the relevant scrutiny committee,
    or moves it to another. Each scheduling is a new version of the request: a page that showed an
    older one (two people scheduling at once) is refused, so nobody's choice is silently replaced."""
    _decision, locked = _locked(call_in)
    require(permissions.can_schedule(actor, locked))
    RECORDS.check_version(locked, version, "schedule it")
    if locked.committee_id is not None and meeting.committee_id != locked.committee_id:
        raise ValidationError({"meeting": f"Choose a meeting of the {locked.committee.name}"})
    if meeting.date < today():
        raise ValidationError({"meeting": "Choose a meeting today or in the future"})

    def scheduled(c):
        c.meeting = meeting
        c.content_version += 1

    RECORDS.move(locked, actor=actor, action=Action.SCHEDULE, then=scheduled, comment=str(meeting))
    pagecache.bump()  # the meeting is on the decision's public page
    return locked


def _check_date(on, locked, field):
    if on is None:
        raise ValidationError({field: "Enter the date"})
    if on > today():
        raise ValidationError({field: "The date must be today or in the past"})
    if locked.validated_at is not None and on < timezone.localdate(locked.validated_at):
        raise ValidationError({field: "The date cannot be before the call-in was validated"})


@transaction.atomic
def record_outcome(call_in, *, actor, outcome, on, concerns=""):
    """The committee's outcome on `on`: no further action (the decision takes effect from `on`),
    referred back to the decision maker, or referred to full council (concerns required for both)."""
    decision, locked = _locked(call_in)
    require(permissions.can_record_outcome(actor, locked))
    outcome = Outcome(outcome)
    _check_date(on, locked, "on")
    concerns = _text(concerns, "concerns")
    if outcome != Outcome.NO_FURTHER_ACTION and not concerns:
        raise ValidationError({"concerns": "Enter the committee's concerns"})

    def recorded(c):
        c.outcome, c.outcome_on, c.concerns = outcome, on, concerns

    action = OUTCOME_ACTIONS[outcome]
    RECORDS.move(locked, actor=actor, action=action, then=recorded, comment=concerns)
    _decision_after(decision, locked, actor=actor, on=on, action=action)
    _after_commit(notifications.outcome_recorded, locked)
    return locked


def _decision_after(decision, locked, *, actor, on, action):
    """The decision's state once the call-in has moved by `action`: effective from `on` once it is closed."""
    label = RECORDS.workflow.labels[action]
    if locked.status == Status.CLOSED:
        _set_state(decision, actor=actor, comment=label, call_in_state=CallInState.EFFECTIVE, effective_from=on)
    else:
        _set_state(
            decision,
            actor=actor,
            comment=label,
            call_in_state=DECISION_STATE_AFTER[locked.status],
            effective_from=None,
        )


@transaction.atomic
def record_council_outcome(call_in, *, actor, outcome, on):
    """Full council's outcome on a referred call-in: no objection (effective from `on`), or referred back."""
    decision, locked = _locked(call_in)
    require(permissions.can_record_council_outcome(actor, locked))
    outcome = CouncilOutcome(outcome)
    _check_date(on, locked, "on")

    def recorded(c):
        c.council_outcome, c.council_outcome_on = outcome, on

    action = COUNCIL_OUTCOME_ACTIONS[outcome]
    RECORDS.move(locked, actor=actor, action=action, then=recorded)
    _decision_after(decision, locked, actor=actor, on=on, action=action)
    _after_commit(notifications.outcome_recorded, locked)
    return locked


# — the decision maker: reconsideration ---------------------------------------------------------


def _on_behalf(actor, decision):
    """Democratic Support may act for the decision maker: the history says so."""
    if permissions.is_decision_maker(actor, decision):
        return ""
    return f" (recorded by {actor.display_name} for the decision maker)"


@transaction.atomic
def confirm_decision(call_in, *, actor, on):
    """The decision maker confirms a referred-back decision: effective from `on`, the call-in closed."""
    decision, locked = _locked(call_in)
    require(permissions.can_confirm(actor, locked))
    _check_date(on, locked, "on")
    # One reconsideration, not two: a changed decision still in progress is the one to carry on with
    # (or to withdraw first); its publication would otherwise replace a decision already confirmed.
    changed = decision.reconsidered_by.exclude(status=DecisionStatus.WITHDRAWN).first()
    if changed is not None:
        raise ValidationError(
            {"on": f"A changed decision is already being taken ({changed}): carry on with it, or withdraw it first"}
        )

    def confirmed(c):
        c.reconsideration, c.reconsidered_on = Reconsideration.CONFIRMED, on

    comment = f"Confirmed on {_day(on)}{_on_behalf(actor, decision)}"
    RECORDS.move(locked, actor=actor, action=Action.CONFIRM, then=confirmed, comment=comment)
    _decision_after(decision, locked, actor=actor, on=on, action=Action.CONFIRM)
    _after_commit(notifications.outcome_recorded, locked)
    return locked


@transaction.atomic
def start_changed_decision(call_in, *, actor) -> Decision:
    """The decision maker takes a changed decision: a new draft copying the original's content,
    `reconsiders` set, authored by the original's author, through the normal sign-off workflow.
    Its publication replaces the original and closes the call-in (`open_window`)."""
    from callin import reconsider

    decision, locked = _locked(call_in)
    require(permissions.can_start_changed_decision(actor, locked))
    changed = reconsider.copy_as_draft(decision, actor=actor, call_in=locked)

    def started(c):
        c.reconsideration = Reconsideration.CHANGED

    author = decision.author_name or decision.author.display_name
    comment = f"The changed decision is a new draft for {author}{_on_behalf(actor, decision)}"
    RECORDS.move(locked, actor=actor, action=Action.START_CHANGED, then=started, comment=comment)
    return changed
