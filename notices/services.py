"""Giving and publishing notices (EXEC-6, EXEC-7): Democratic Support's writes, keyword-only with `actor=`.

Each locks the decision (two clicks give one notice), checks who may and the rules, writes the
notice and its history (and a line in the decision's history) in one transaction, and emails the
scrutiny chair only after it commits.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from decisions import services as decisions_services
from decisions.models import Decision
from notices import notifications, rules
from notices.kind import KIND
from notices.models import Kind, Notice, Status
from notices.workflow import Action
from records.permissions import is_democratic_support
from records.services import RecordServices, require

RECORDS = RecordServices.of(
    KIND,
    directorate=lambda locked: locked.decision.directorate,
    ready_comment="",
    on_ready=lambda pk: None,
)


def _refuse(problems):
    if problems:
        raise ValidationError([p.message for p in problems])


def _reasons(text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError({"reasons": message})
    return text


def _lock_decision(decision, actor):
    require(is_democratic_support(actor))
    # Only the decision's row is locked: its committee and chair are read, not changed.
    rows = Decision.objects.select_for_update(of=("self",)).select_related("scrutiny_committee__chair")
    return rows.get(pk=decision.pk)


def _notice(locked, *, actor, kind, reasons, now, **extra):
    maker = locked.decision_maker
    notice = Notice.objects.create(
        kind=kind,
        decision=locked,
        author=actor,
        author_name=actor.display_name,
        author_job_title=actor.job_title,
        title=locked.title or "Untitled decision",
        decision_maker_name=locked.decision_maker_name or (maker.display_name if maker else ""),
        decision_maker_job_title=locked.decision_maker_job_title or (maker.job_title if maker else ""),
        reasons=reasons,
        status=Status.PUBLISHED,
        published_at=now,
        **extra,
    )
    RECORDS.record_event(notice, actor=actor, action=Action.PUBLISH, from_status="")
    label = notice.get_kind_display().lower()
    decisions_services.RECORDS.record_event(
        locked,
        actor=actor,
        action=f"{kind}_notice",
        from_status=locked.status,
        comment=f"The {label} notice was published",
    )
    return notice


@transaction.atomic
def give_general_exception_notice(decision, *, actor, reasons):
    """EXEC-6: tell the scrutiny chair in writing and publish the notice; 5 clear days then run."""
    locked = _lock_decision(decision, actor)
    _refuse(rules.general_exception_blockers(locked))
    reasons = _reasons(reasons, "Enter why 28 clear days' notice in the Forward Plan is impracticable")
    committee = locked.scrutiny_committee
    now = timezone.now()
    notice = _notice(
        locked,
        actor=actor,
        kind=Kind.GENERAL_EXCEPTION,
        reasons=reasons,
        now=now,
        chair=committee.chair,
        chair_name=committee.chair.display_name,
        committee_name=committee.name,
        chair_notified_at=now,
    )
    RECORDS.record_event(
        notice,
        actor=actor,
        action=Action.NOTIFY_CHAIR,
        from_status=notice.status,
        comment=f"Emailed to {notice.chair_name}, chair of the {committee.name}",
    )
    transaction.on_commit(partial(notifications.chair_notice, notice.pk))
    return notice


@transaction.atomic
def publish_reasons(notice, *, actor, reasons):
    """Reg 10(4): the notice of why 28 days' notice was impracticable, published after the notice."""
    require(is_democratic_support(actor))
    locked = RECORDS.lock(notice)
    reasons = _reasons(reasons, "Enter why 28 clear days' notice in the Forward Plan was impracticable")

    def then(n):
        n.reasons = reasons
        n.reasons_published_at = timezone.now()

    RECORDS.move(locked, actor=actor, action=Action.PUBLISH_REASONS, then=then)
    return locked


@transaction.atomic
def publish_special_urgency_notice(decision, *, actor, reasons=None):
    """EXEC-7: once the chair has agreed, the public notice of why the decision could not be deferred.

    The reasons are the agreement's, else the record's reason for urgency, unless Democratic
    Support words them for publication."""
    locked = _lock_decision(decision, actor)
    _refuse(rules.special_urgency_blockers(locked))
    agreement = rules.special_urgency_agreement(locked)
    given = reasons or getattr(agreement, "reasons", "") or locked.urgency_reason
    reasons = _reasons(given, "Enter why the decision cannot reasonably be deferred")
    now = timezone.now()
    return _notice(locked, actor=actor, kind=Kind.SPECIAL_URGENCY, reasons=reasons, now=now, reasons_published_at=now)
