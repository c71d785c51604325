"""CALL-1 at publication: the decision's call-in window, or why it is not subject to call-in.

`open_window` runs in `decisions.services.publish_decision`'s transaction; `callin.services`
re-exports it. A changed decision's publication also replaces the original and closes its call-in,
through the call-in services' own pieces (`RECORDS`, the decision's state and history).
"""

from functools import partial

from django.db import transaction
from django.utils import timezone

from callin import notifications, rules
from callin.models import CallIn, Reconsideration, Status
from callin.workflow import Action
from council import calendar
from council.models import CouncilSettings
from decisions.models_callin import CallInState


def window(decision, council):
    """CALL-1: (last day for call-in, effective from) for the decision as published."""
    return calendar.call_in_window(timezone.localdate(decision.published_at), council=council)


def open_window(decision, *, on, actor=None):
    """Set a decision's call-in state at its publication on `on` (in `publish_decision`'s transaction).

    Subject to call-in: OPEN until the window's last day, effective from the next working day, and
    its committee's councillors told after the commit. Not subject (CALL-2's waiver, the
    constitution's scope, a changed decision after call-in): NOT_SUBJECT with the reason, effective
    from the day of decision. A changed decision's publication also replaces the original and
    closes its call-in."""
    council = CouncilSettings.load()
    reason = rules.not_subject_reason(decision, council)
    if reason:
        decision.subject_to_call_in = False
        decision.not_subject_reason = reason
        decision.call_in_state = CallInState.NOT_SUBJECT
        decision.effective_from = decision.decided_on or on
        decision.call_in_ends_on = None
    else:
        ends, effective = calendar.call_in_window(on, council=council)
        decision.subject_to_call_in = True
        decision.not_subject_reason = ""
        decision.call_in_state = CallInState.OPEN
        decision.call_in_ends_on, decision.effective_from = ends, effective
        transaction.on_commit(partial(notifications.window_opened, decision.pk))
    fields = ["subject_to_call_in", "not_subject_reason", "call_in_state", "effective_from", "call_in_ends_on"]
    decision.save(update_fields=[*fields, "updated_at"])
    if decision.reconsiders_id is not None:
        _replace_original(decision, on=on, actor=actor)
    return decision


def _replace_original(changed, *, on, actor):
    from callin.services import RECORDS, _after_commit, _lock_decision, _set_state

    original = _lock_decision(changed.reconsiders_id)
    _set_state(
        original,
        actor=actor,
        comment=f"Replaced by the changed decision {changed.reference}",
        call_in_state=CallInState.REPLACED,
        effective_from=None,
    )
    for call_in in CallIn.objects.select_for_update().filter(decision=original, status=Status.REFERRED_BACK):
        call_in.decision = original

        def closed(locked):
            locked.reconsideration = Reconsideration.CHANGED
            locked.reconsidered_on = on

        RECORDS.move(
            call_in, actor=actor, action=Action.REPLACED, then=closed, comment=f"Replaced by {changed.reference}"
        )
        _after_commit(notifications.outcome_recorded, call_in)
