"""Doing things to decision records: one function per business operation.

Each takes `actor=`, locks the record (two clicks, one effect), checks `permissions` and
`workflow`, writes, appends to the event history in the same transaction, and sends email only
after the transaction commits.
"""

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from council import codes, integrity
from council import documents as council_documents
from council.models import CouncilSettings, DeletedDraft, Department
from decisions import documents, notifications, permissions, rules, workflow
from decisions.models import (
    Appendix,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    Event,
    SignOff,
    Status,
    today,
)
from decisions.workflow import Action, TransitionNotAllowed

DECLARATION = (
    "I agree the decision and confirm that it is not contrary to the Council's policy and budget framework, "
    "Corporate Plan or Budget. In taking this decision I have given due regard to the Council's duty to promote "
    "equality of opportunity, eliminate unlawful discrimination and promote good relations between people who "
    "share protected characteristics under the Equalities Act and those who do not."
)


def _lock(decision):
    return Decision.objects.select_for_update().get(pk=decision.pk)


def _event(decision, *, actor, action, from_status, comment=""):
    # `at` is taken here, not from the field default, so the whole operation reads one clock.
    return Event.objects.create(
        decision=decision,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=decision.status,
        comment=comment,
        at=timezone.now(),
    )


def _move(locked, *, actor, action, comment="", **context):
    """Check the workflow, change the status, record the event."""
    if reasons := workflow.blockers(locked, action, **context):
        raise TransitionNotAllowed(action, reasons)
    from_status = locked.status
    locked.status = workflow.target(locked, action)
    return from_status


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _check_revision(locked, revision):
    """A form made on an older revision would undo the change since: refuse it (see council.integrity)."""
    integrity.check_revision(
        locked,
        revision,
        noun="record",
        last_change=lambda: locked.events.filter(action=Action.EDIT).order_by("-at", "-pk").first(),
    )


def _check_version(locked, version, verb):
    """SIGNOFF-1: an approval given on a page showing an older version is refused (see council.integrity)."""
    integrity.check_version(locked, version, noun="record", verb=verb)


# — authoring --------------------------------------------------------------------------------


@transaction.atomic
def start_decision(*, actor):
    _require(permissions.can_create(actor))
    decision = Decision.objects.create(
        author=actor,
        author_email=actor.email,
        author_phone=actor.phone,
        directorate=actor.directorate,
        author_name=actor.display_name,
        author_job_title=actor.job_title,
    )
    _event(decision, actor=actor, action=Action.CREATE, from_status="")
    return decision


@transaction.atomic
def delete_draft(decision, *, actor):
    """The author deletes a draft that was never submitted (an abandoned "Start now").

    The record goes with its own history; the audit row in `council.DeletedDraft` is the event
    that says who deleted what, and when. A submitted record has a reference and is never deleted.
    """
    locked = _lock(decision)
    _require(permissions.can_delete_draft(actor, locked))
    files = [a.file.name for a in locked.appendices.all() if a.file]
    DeletedDraft.objects.create(
        kind="decision record",
        record_id=locked.pk,
        title=locked.title,
        author_name=locked.author.display_name,
        started_at=locked.created_at,
        deleted_by=actor,
        deleted_by_name=actor.display_name,
        deleted_at=timezone.now(),
    )
    locked.delete()
    # Files go only once the deletion has committed: a rolled-back delete keeps its appendices.
    transaction.on_commit(partial(_delete_files, Appendix.file.field.storage, files))


def _delete_files(storage, names):
    for name in names:
        storage.delete(name)


@transaction.atomic
def save_edits(decision, *, actor, fields, m2m=None, summary="", revision=None):
    """Save the fields a form changed. After submission, an edit makes earlier sign-offs stale."""
    locked = _lock(decision)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    changed = [f for f in fields if getattr(locked, f) != getattr(decision, f)]
    for f in fields:
        setattr(locked, f, getattr(decision, f))
    m2m_changed = False
    for name, values in (m2m or {}).items():
        current = set(getattr(locked, name).values_list("pk", flat=True))
        wanted = {v.pk for v in values}
        if current != wanted:
            getattr(locked, name).set(values)
            m2m_changed = True
    if not changed and not m2m_changed:
        return locked
    _touch(locked, actor=actor, summary=summary or "Changed " + ", ".join(_labels(changed)))
    locked.save()
    decision.content_version = locked.content_version
    decision.revision = locked.revision
    return locked


def _labels(field_names):
    return [str(Decision._meta.get_field(f).verbose_name) for f in field_names] or ["departments to sign off"]


def _touch(locked, *, actor, summary):
    """Record an edit; once the record has been submitted, it is a new version for sign-off."""
    locked.revision += 1
    if locked.submitted_at is not None:
        # SIGNOFF-1: sign-offs given on the old version go stale; their departments are asked again.
        went_stale = list(rules.current_sign_offs(locked)) if locked.status == Status.IN_SIGN_OFF else []
        locked.content_version += 1
        if went_stale:
            transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, went_stale))
    _event(locked, actor=actor, action=Action.EDIT, from_status=locked.status, comment=summary)
    if locked.status == Status.IN_SIGN_OFF and any(a.is_agreed for a in locked.chair_agreements.all()):
        # CALL-2, EXEC-7: the chair agreed that this version could not wait; a changed record is a
        # different proposal, so the chair is asked again (as departments are, SIGNOFF-1).
        if _request_chair_agreements(locked, actor=actor):
            transaction.on_commit(partial(notifications.chair_agreement_needed, locked.pk))


@transaction.atomic
def add_consultation(decision, *, actor, portfolio, consulted_on, revision=None):
    locked = _lock(decision)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    if consulted_on > today():
        raise ValidationError({"consulted_on": "The date consulted must be today or in the past"})
    if locked.consultations.filter(portfolio=portfolio).exists():
        raise ValidationError({"portfolio": f"{portfolio} is already listed"})
    consultation = CabinetConsultation.objects.create(
        decision=locked,
        portfolio=portfolio,
        consulted_on=consulted_on,
        member_name=portfolio.member_and_title,
    )
    _touch(locked, actor=actor, summary=f"Added consultation with {consultation.member_name}")
    locked.save()
    return consultation


@transaction.atomic
def remove_child(decision, child, *, actor, revision=None):
    """Remove a consultation, appendix or background paper."""
    locked = _lock(decision)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    if child.decision_id != locked.pk:
        raise PermissionDenied
    label = str(child)
    if isinstance(child, Appendix) and child.file:
        child.file.delete(save=False)
    child.delete()
    _touch(locked, actor=actor, summary=f"Removed {label}")
    locked.save()


@transaction.atomic
def save_appendix(decision, appendix, *, actor, revision=None):
    locked = _lock(decision)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    appendix.decision = locked
    creating = appendix.pk is None
    appendix.save()
    _touch(locked, actor=actor, summary=f"{'Added' if creating else 'Changed'} {appendix}")
    locked.save()
    return appendix


@transaction.atomic
def save_background_paper(decision, paper, *, actor, revision=None):
    locked = _lock(decision)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    paper.decision = locked
    creating = paper.pk is None
    paper.save()
    _touch(locked, actor=actor, summary=f"{'Added' if creating else 'Changed'} background paper {paper}")
    locked.save()
    return paper


# — submission and sign-off ------------------------------------------------------------------


def allocate_reference(locked, on_date=None):
    """`COD` + two-digit sequence in the municipal year + yy/yy: allocated once, never reused."""
    council = CouncilSettings.load()
    year = council.municipal_year(on_date or today())
    number = codes.next_number("COD", year.start_year)
    locked.reference = f"COD{number:02d} {year.label}"
    locked.reference_slug = slugify(locked.reference.replace("/", "-"))


@transaction.atomic
def submit_for_sign_off(decision, *, actor):
    locked = _lock(decision)
    _require(permissions.can_submit(actor, locked))
    from_status = _move(locked, actor=actor, action=Action.SUBMIT)
    if not locked.reference:
        allocate_reference(locked)
    locked.submitted_at = timezone.now()
    locked.author_name = actor.display_name
    locked.author_job_title = actor.job_title
    locked.save()
    _event(locked, actor=actor, action=Action.SUBMIT, from_status=from_status)
    requested = _request_chair_agreements(locked, actor=actor)
    waiting = [d.pk for d in rules.required_departments(locked) if d.pk not in rules.current_sign_offs(locked)]
    transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, waiting))
    if requested:
        transaction.on_commit(partial(notifications.chair_agreement_needed, locked.pk))
    _advance_if_ready(locked, actor=actor)
    return locked


def _request_chair_agreements(locked, *, actor):
    """Ask the committee's chair for each agreement the record needs (CALL-2, EXEC-7).

    An agreement holds for the version the chair agreed to: one given on this version is kept
    (a record returned and resubmitted unchanged is not asked about again); any other is asked for.
    """
    requested = []
    existing = {a.kind: a for a in locked.chair_agreements.all()}
    for kind in rules.required_agreements(locked):
        committee = locked.scrutiny_committee
        agreement = existing.get(kind)
        if (
            agreement
            and agreement.status == ChairAgreement.Outcome.AGREED
            and agreement.content_version == locked.content_version
        ):
            continue
        if agreement is None:
            agreement = ChairAgreement(decision=locked, kind=kind)
        agreement.committee = committee
        agreement.chair = committee.chair
        agreement.chair_name = committee.chair.display_name
        agreement.status = ChairAgreement.Outcome.REQUESTED
        agreement.responded_on = None
        agreement.how = ""
        agreement.content_version = locked.content_version
        agreement.save()
        requested.append(agreement)
        _event(
            locked,
            actor=actor,
            action=Action.REQUEST_AGREEMENT,
            from_status=locked.status,
            comment=f"{agreement.get_kind_display()}: asked {agreement.chair_name}",
        )
    return requested


@transaction.atomic
def issue_sign_off_code(decision, *, actor, department, typed_code="", version=None):
    locked = _lock(decision)
    _require(permissions.can_issue_sign_off(actor, locked, department))
    _check_version(locked, version, "sign off")
    if reasons := workflow.blockers(locked, Action.ISSUE_SIGN_OFF):
        raise TransitionNotAllowed(Action.ISSUE_SIGN_OFF, reasons)
    if department.pk in rules.current_sign_offs(locked):
        raise TransitionNotAllowed(
            Action.ISSUE_SIGN_OFF, [rules.Problem("SIGNOFF-1", "", f"{department} has already signed off this version")]
        )
    if department.code_source == Department.CodeSource.TYPED:
        code = (typed_code or "").strip()
        if not code:
            raise ValidationError({"code": f"Enter the {department} sign-off code"})
        try:
            codes.take_typed_code(department, code)
        except codes.CodeTaken:
            raise ValidationError(
                {"code": f"{department} has already issued the code {code}. Enter a new code"}
            ) from None
    else:
        code = codes.generate_code(
            department,
            reviewer=actor,
            directorate_code=locked.directorate.code if locked.directorate else "",
            on_date=today(),
        )
    sign_off = SignOff.objects.create(
        decision=locked,
        department=department,
        code=code,
        issued_by=actor,
        content_version=locked.content_version,
        issued_at=timezone.now(),
    )
    _event(
        locked, actor=actor, action=Action.ISSUE_SIGN_OFF, from_status=locked.status, comment=f"{department}: {code}"
    )
    _advance_if_ready(locked, actor=actor)
    return sign_off


def _advance_if_ready(locked, *, actor):
    if locked.status != Status.IN_SIGN_OFF or workflow.blockers(locked, Action.SEND_TO_DECISION_MAKER):
        return
    from_status = locked.status
    locked.status = Status.AWAITING_DECISION
    locked.save(update_fields=["status", "updated_at"])
    _event(
        locked,
        actor=actor,
        action=Action.SEND_TO_DECISION_MAKER,
        from_status=from_status,
        comment="Every sign-off is current and every agreement given",
    )
    transaction.on_commit(partial(notifications.decision_needed, locked.pk))


# — the scrutiny chair -----------------------------------------------------------------------


@transaction.atomic
def agree_urgency(decision, *, actor, comment="", version=None):
    locked = _lock(decision)
    _require(permissions.can_agree_urgency(actor, locked))
    _check_version(locked, version, "agree")
    if reasons := workflow.blockers(locked, Action.AGREE_URGENCY):
        raise TransitionNotAllowed(Action.AGREE_URGENCY, reasons)
    for agreement in locked.chair_agreements.filter(chair=actor, status=ChairAgreement.Outcome.REQUESTED):
        agreement.status = ChairAgreement.Outcome.AGREED
        agreement.how = ChairAgreement.How.IN_SYSTEM
        agreement.responded_on = today()
        agreement.comment = comment
        agreement.save()
    _event(locked, actor=actor, action=Action.AGREE_URGENCY, from_status=locked.status, comment=comment)
    _advance_if_ready(locked, actor=actor)
    return locked


@transaction.atomic
def decline_urgency(decision, *, actor, comment):
    locked = _lock(decision)
    _require(permissions.can_agree_urgency(actor, locked))
    if not (comment or "").strip():
        raise ValidationError({"comment": "Explain why you do not agree, so the author knows what to change"})
    from_status = _move(locked, actor=actor, action=Action.DECLINE_URGENCY)
    for agreement in locked.chair_agreements.filter(chair=actor, status=ChairAgreement.Outcome.REQUESTED):
        agreement.status = ChairAgreement.Outcome.DECLINED
        agreement.how = ChairAgreement.How.IN_SYSTEM
        agreement.responded_on = today()
        agreement.comment = comment
        agreement.save()
    locked.save()
    _event(locked, actor=actor, action=Action.DECLINE_URGENCY, from_status=from_status, comment=comment)
    transaction.on_commit(partial(notifications.returned_to_author, locked.pk, comment))
    return locked


@transaction.atomic
def record_chair_agreement(decision, *, actor, kind, agreed_on, how, evidence, version=None):
    """Democratic Support records an agreement the chair gave outside the system ("agreed via email")."""
    locked = _lock(decision)
    _require(permissions.can_record_agreement(actor, locked))
    _check_version(locked, version, "record the agreement")
    if reasons := workflow.blockers(locked, Action.RECORD_AGREEMENT):
        raise TransitionNotAllowed(Action.RECORD_AGREEMENT, reasons)
    errors = {}
    if agreed_on is None:
        errors["agreed_on"] = "Enter the date the chair agreed"
    elif agreed_on > today():
        errors["agreed_on"] = "The date the chair agreed must be today or in the past"
    if not (evidence or "").strip():
        errors["evidence"] = "Describe the evidence of the agreement, for example the email's date and subject"
    if how not in {ChairAgreement.How.EMAIL, ChairAgreement.How.OTHER}:
        errors["how"] = "Choose how the chair gave the agreement"
    if errors:
        raise ValidationError(errors)
    agreement = locked.chair_agreements.filter(kind=kind).first()
    if agreement is None:
        raise ValidationError({"kind": "This record does not need that agreement"})
    if agreement.status != ChairAgreement.Outcome.REQUESTED:
        raise ValidationError(
            {
                "kind": f"The chair has already answered: {agreement.get_status_display().lower()}. "
                "It cannot be recorded again"
            }
        )
    agreement.status = ChairAgreement.Outcome.AGREED
    agreement.how = how
    agreement.responded_on = agreed_on
    agreement.evidence = evidence
    agreement.recorded_by = actor
    agreement.save()
    _event(
        locked,
        actor=actor,
        action=Action.RECORD_AGREEMENT,
        from_status=locked.status,
        comment=f"{agreement.display} on {agreed_on:%-d %B %Y}: {evidence}",
    )
    _advance_if_ready(locked, actor=actor)
    return agreement


# — returning, deciding, publishing ----------------------------------------------------------


@transaction.atomic
def return_to_author(decision, *, actor, comment):
    locked = _lock(decision)
    _require(permissions.can_return(actor, locked))
    if not (comment or "").strip():
        raise ValidationError({"comment": "Enter your comments for the author, so they know what to change"})
    from_status = _move(locked, actor=actor, action=Action.RETURN)
    locked.save()
    _event(locked, actor=actor, action=Action.RETURN, from_status=from_status, comment=comment)
    transaction.on_commit(partial(notifications.returned_to_author, locked.pk, comment))
    return locked


@transaction.atomic
def sign_decision(decision, *, actor, version=None):
    """The decision maker signs: that fixes the date of decision and freezes the record."""
    locked = _lock(decision)
    _require(permissions.can_sign(actor, locked))
    _check_version(locked, version, "sign")
    decided_on = today()
    from_status = _move(locked, actor=actor, action=Action.SIGN, decided_on=decided_on)
    locked.decided_on = decided_on
    locked.signed_at = timezone.now()
    locked.declaration = DECLARATION
    locked.decision_maker_name = actor.display_name
    locked.decision_maker_job_title = actor.job_title
    if locked.cmt_member:
        locked.cmt_member_name = locked.cmt_member.display_name
        locked.cmt_member_job_title = locked.cmt_member.job_title
    locked.save()
    _event(locked, actor=actor, action=Action.SIGN, from_status=from_status)
    transaction.on_commit(partial(notifications.decided, locked.pk))
    return locked


@transaction.atomic
def publish_decision(decision, *, actor):
    locked = _lock(decision)
    _require(permissions.can_publish(actor, locked))
    from_status = _move(locked, actor=actor, action=Action.PUBLISH)
    locked.published_at = timezone.now()
    locked.save()
    _event(locked, actor=actor, action=Action.PUBLISH, from_status=from_status)
    # A11Y-4, EXEC-14: the public PDF, rendered once after the record is on the register.
    transaction.on_commit(partial(documents.render_public_pdf.enqueue, locked.pk))
    return locked


@transaction.atomic
def withdraw_decision(decision, *, actor, comment):
    locked = _lock(decision)
    _require(permissions.can_withdraw(actor, locked))
    if not (comment or "").strip():
        raise ValidationError({"comment": "Enter why the record is being withdrawn"})
    from_status = _move(locked, actor=actor, action=Action.WITHDRAW)
    locked.save()
    _event(locked, actor=actor, action=Action.WITHDRAW, from_status=from_status, comment=comment)
    return locked


# — the public PDF ----------------------------------------------------------------------------


@transaction.atomic
def record_public_pdf_failure(decision, *, actor=None, error):
    """The public PDF could not be made: keep why on the record (every process sees it) and in its history.

    `actor` is None when the task worker failed, which is the usual case.
    """
    locked = _lock(decision)
    Decision.objects.filter(pk=locked.pk).update(public_pdf_error=error, public_pdf_failed_at=timezone.now())
    _event(locked, actor=actor, action=council_documents.RENDER_FAILED, from_status=locked.status, comment=error)
    return locked


@transaction.atomic
def retry_public_pdf(decision, *, actor):
    """Democratic Support asks for the public PDF again after a failure: clear it, re-enqueue, record it."""
    locked = _lock(decision)
    _require(permissions.can_retry_public_pdf(actor, locked))
    comment = f"After: {locked.public_pdf_error}" if locked.public_pdf_error else ""
    Decision.objects.filter(pk=locked.pk).update(public_pdf_error="", public_pdf_failed_at=None)
    _event(locked, actor=actor, action=council_documents.RENDERING_RETRIED, from_status=locked.status, comment=comment)
    transaction.on_commit(partial(documents.render_public_pdf.enqueue, locked.pk))
    return locked
