"""Doing things to decision records: one function per business operation.

Each takes `actor=`, locks the record (two clicks, one effect), checks `permissions` and
`workflow`, writes, appends to the event history in the same transaction, and sends email only
after the transaction commits. What every kind of record does alike (edits, children, sign-off
codes, deleting a draft, the public PDF) is `records.services`, declared here for decision
records as `RECORDS`; this module adds what only decisions do: the reference, the scrutiny
chair's agreements (CALL-2, EXEC-7), consultations and signing.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from council import codes
from council.models import CouncilSettings
from decisions import notifications, permissions, rules, rules_key, rules_signing, rules_special_urgency, workflow
from decisions.kind import KIND
from decisions.models import (
    CabinetConsultation,
    ChairAgreement,
    Decision,
    Status,
    today,
)
from decisions.workflow import Action
from records.services import RecordServices, require, require_comment

DECLARATION = (
    "I agree the decision and confirm that it is not contrary to the Council's policy and budget framework, "
    "Corporate Plan or Budget. In taking this decision I have given due regard to the Council's duty to promote "
    "equality of opportunity, eliminate unlawful discrimination and promote good relations between people who "
    "share protected characteristics under the Equalities Act and those who do not."
)


# The record's many-to-many fields, as its history names them.
M2M_LABELS = {"applicable_departments": "departments to sign off", "wards": "wards affected"}


def _labels(model, changed, m2m_changed):
    return [str(model._meta.get_field(f).verbose_name) for f in changed] + [M2M_LABELS[f] for f in m2m_changed]


def _after_edit(locked, *, actor):
    # EXEC-4: whether it is a key decision follows from the answers just saved; never typed.
    rules_key.derive(locked)
    if locked.status == Status.IN_SIGN_OFF and any(a.is_agreed for a in locked.chair_agreements.all()):
        # CALL-2, EXEC-7: the chair agreed that this version could not wait; a changed record is a
        # different proposal, so the chair is asked again (as departments are, SIGNOFF-1).
        if _request_chair_agreements(locked, actor=actor):
            transaction.on_commit(partial(notifications.chair_agreement_needed, locked.pk))


RECORDS = RecordServices.of(
    KIND,
    directorate=lambda locked: locked.directorate,
    ready_comment="Every sign-off is current and every agreement given",
    on_ready=lambda pk: notifications.decision_needed(pk),
    after_edit=_after_edit,
    edit_labels=_labels,
    names={"withdraw_decision": "withdraw"},
)


def __getattr__(name):
    # The shared operations (RecordServices.OPERATIONS: save_edits, remove_child — a consultation,
    # an appendix or a background paper —, issue_sign_off_code, ...) under this module's names.
    return RECORDS.operation(name)


# — authoring --------------------------------------------------------------------------------


@transaction.atomic
def start_decision(*, actor):
    require(permissions.can_create(actor))
    decision = Decision.objects.create(
        author=actor,
        author_email=actor.email,
        author_phone=actor.phone,
        directorate=actor.directorate,
        author_name=actor.display_name,
        author_job_title=actor.job_title,
    )
    RECORDS.record_event(decision, actor=actor, action=Action.CREATE, from_status="")
    return decision


@transaction.atomic
def add_consultation(decision, *, actor, portfolio, consulted_on, revision=None):
    locked = RECORDS.lock_for_edit(decision, actor=actor, revision=revision)
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
    RECORDS.touch(locked, actor=actor, summary=f"Added consultation with {consultation.member_name}")
    return consultation


# — submission -------------------------------------------------------------------------------


def allocate_reference(locked, on_date=None):
    """`COD` + two-digit sequence in the municipal year + yy/yy: allocated once, never reused."""
    council = CouncilSettings.load()
    year = council.municipal_year(on_date or today())
    number = codes.next_number("COD", year.start_year)
    locked.reference = f"COD{number:02d} {year.label}"
    locked.reference_slug = slugify(locked.reference.replace("/", "-"))


@transaction.atomic
def submit_for_sign_off(decision, *, actor):
    locked = RECORDS.lock(decision)
    require(permissions.can_submit(actor, locked))
    rules_key.derive(locked)  # EXEC-4 under the thresholds in force now, before the rules are checked

    def submitted(locked):
        if not locked.reference:
            allocate_reference(locked)
        locked.submitted_at = timezone.now()
        locked.author_name = actor.display_name
        locked.author_job_title = actor.job_title

    RECORDS.move(locked, actor=actor, action=Action.SUBMIT, then=submitted)
    requested = _request_chair_agreements(locked, actor=actor)
    waiting = [d.pk for d in rules.required_departments(locked) if d.pk not in rules.current_sign_offs(locked)]
    transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, waiting))
    if requested:
        transaction.on_commit(partial(notifications.chair_agreement_needed, locked.pk))
    RECORDS.advance_if_ready(locked, actor=actor)
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
        # The committee's chair first (EXEC-7): where it has none, the Chair (or Vice-Chair) of the
        # Council, for special urgency (the rules refuse a call-in waiver without the chair). A
        # fallback because the chair cannot act is recorded when it is given.
        agreed_as, chair, unable = rules_special_urgency.first_asked(locked, CouncilSettings.load())
        agreement.agreed_as, agreement.chair, agreement.chair_name = agreed_as, chair, chair.display_name
        agreement.scrutiny_chair_unable = unable.get("scrutiny_chair_unable", "")
        agreement.council_chair_unable = unable.get("council_chair_unable", "")
        agreement.reasons = ""
        agreement.status = ChairAgreement.Outcome.REQUESTED
        agreement.responded_on = None
        agreement.how = ""
        agreement.content_version = locked.content_version
        agreement.save()
        requested.append(agreement)
        RECORDS.record_event(
            locked,
            actor=actor,
            action=Action.REQUEST_AGREEMENT,
            from_status=locked.status,
            comment=f"{agreement.get_kind_display()}: asked {agreement.chair_name}",
        )
    return requested


# — the scrutiny chair -----------------------------------------------------------------------


def _answer_agreements(locked, *, chair, outcome, comment, kinds=None):
    for agreement in locked.chair_agreements.filter(chair=chair, status=ChairAgreement.Outcome.REQUESTED):
        if kinds is not None and agreement.kind not in kinds:
            continue
        agreement.status = outcome
        agreement.how = ChairAgreement.How.IN_SYSTEM
        agreement.responded_on = today()
        agreement.comment = comment
        if agreement.kind == ChairAgreement.Kind.SPECIAL_URGENCY and outcome == ChairAgreement.Outcome.AGREED:
            # EXEC-7: what the chair agreed cannot wait is the urgency the author gave (12a), unless
            # the chair says why in their own words.
            agreement.reasons = comment or locked.urgency_reason
            if not agreement.reasons.strip():
                raise ValidationError({"comment": "Say why the decision cannot reasonably be deferred"})
        agreement.save()


@transaction.atomic
def answer_urgency(decision, *, actor, agreed, declined, comment="", version=None):
    """The chair answers each agreement on its own (CALL-2, EXEC-7): e.g. agrees special urgency
    but refuses the call-in waiver. Any refusal sends the record back to the author, keeping the
    agreements given (they hold while the record is unchanged)."""
    if not declined:
        return agree_urgency(decision, actor=actor, comment=comment, version=version)
    locked = RECORDS.lock(decision)
    require(permissions.can_agree_urgency(actor, locked))
    require_comment(comment, "Explain why you do not agree, so the author knows what to change")
    if agreed:
        RECORDS.check_version(locked, version, "agree")
        _answer_agreements(locked, chair=actor, outcome=ChairAgreement.Outcome.AGREED, comment=comment, kinds=agreed)
        labels = ", ".join(ChairAgreement.Kind(kind).label for kind in agreed)
        RECORDS.record_event(
            locked, actor=actor, action=Action.AGREE_URGENCY, from_status=locked.status, comment=f"Agreed: {labels}"
        )
    return decline_urgency(locked, actor=actor, comment=comment)


@transaction.atomic
def agree_urgency(decision, *, actor, comment="", version=None):
    locked = RECORDS.lock(decision)
    require(permissions.can_agree_urgency(actor, locked))
    RECORDS.check_version(locked, version, "agree")
    workflow.check(locked, Action.AGREE_URGENCY)
    _answer_agreements(locked, chair=actor, outcome=ChairAgreement.Outcome.AGREED, comment=comment)
    RECORDS.record_event(locked, actor=actor, action=Action.AGREE_URGENCY, from_status=locked.status, comment=comment)
    RECORDS.advance_if_ready(locked, actor=actor)
    return locked


@transaction.atomic
def decline_urgency(decision, *, actor, comment):
    locked = RECORDS.lock(decision)
    require(permissions.can_agree_urgency(actor, locked))
    require_comment(comment, "Explain why you do not agree, so the author knows what to change")
    RECORDS.move(
        locked,
        actor=actor,
        action=Action.DECLINE_URGENCY,
        comment=comment,
        then=partial(_answer_agreements, chair=actor, outcome=ChairAgreement.Outcome.DECLINED, comment=comment),
    )
    transaction.on_commit(partial(notifications.returned_to_author, locked.pk, comment))
    return locked


@transaction.atomic
def record_chair_agreement(decision, *, actor, kind, agreed_on, how, evidence, version=None, **agreer):
    """Democratic Support records an agreement the chair gave outside the system ("agreed via email").

    Special urgency (EXEC-7) also takes `agreed_as`, `scrutiny_chair_unable`, `council_chair_unable`,
    `reasons` and `agreer` (by default whoever holds the role `agreed_as` today).
    """
    locked = RECORDS.lock(decision)
    require(permissions.can_record_agreement(actor, locked))
    RECORDS.check_version(locked, version, "record the agreement")
    workflow.check(locked, Action.RECORD_AGREEMENT)
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
    if kind == ChairAgreement.Kind.SPECIAL_URGENCY:
        _apply_agreer(locked, agreement, **agreer)
    agreement.status = ChairAgreement.Outcome.AGREED
    agreement.how = how
    agreement.responded_on = agreed_on
    agreement.evidence = evidence
    agreement.recorded_by = actor
    agreement.save()
    RECORDS.record_event(
        locked,
        actor=actor,
        action=Action.RECORD_AGREEMENT,
        from_status=locked.status,
        comment=f"{agreement.display} on {agreed_on:%-d %B %Y}: {evidence}",
    )
    RECORDS.advance_if_ready(locked, actor=actor)
    return agreement


def _apply_agreer(locked, agreement, *, agreed_as=ChairAgreement.AgreedAs.SCRUTINY_CHAIR, agreer=None, **given):
    """EXEC-7: who agreed special urgency, as what, and why; refused unless they hold that role."""
    council = CouncilSettings.load()
    if agreer is None:
        agreer = rules_special_urgency.holder(locked, agreed_as, council)
    # Why those before cannot act, if known when it was asked for (the committee has no chair).
    given = {field: (given.get(field) or "").strip() or getattr(agreement, field) for field in AGREER_TEXT}
    problems = rules_special_urgency.agreer_problems(
        locked, agreer=agreer, agreed_as=agreed_as, council=council, **given
    )
    if problems:
        errors = {}
        for problem in problems:
            errors.setdefault(problem.field, []).append(problem.message)
        raise ValidationError(errors)
    if agreed_as == ChairAgreement.AgreedAs.SCRUTINY_CHAIR:
        given["scrutiny_chair_unable"] = given["council_chair_unable"] = ""
    elif agreed_as == ChairAgreement.AgreedAs.COUNCIL_CHAIR:
        given["council_chair_unable"] = ""
    for field, value in given.items():
        setattr(agreement, field, value)
    agreement.agreed_as = agreed_as
    agreement.chair = agreer
    agreement.chair_name = agreer.display_name


AGREER_TEXT = ("scrutiny_chair_unable", "council_chair_unable", "reasons")


# — deciding and publishing (returning and withdrawing: records.services) -----------------


def declaration(decision, withheld=None):
    """Section 20's words for this record: the declaration, and when the record withholds anything from
    the public (`withheld`, when the caller has asked already), the decision maker's confirmation of its
    classification (EXEC-13)."""
    if withheld is None:
        withheld = rules_signing.withheld(decision)
    return f"{DECLARATION}\n\n{rules_signing.EXEMPTION_CONFIRMATION}" if withheld else DECLARATION


@transaction.atomic
def sign_decision(decision, *, actor, version=None, exemptions_confirmed=False):
    """The decision maker signs: that fixes the date of decision and freezes the record. A record that
    withholds information from the public is signed only with its classification confirmed (EXEC-13)."""
    locked = RECORDS.lock(decision)
    require(permissions.can_sign(actor, locked))
    RECORDS.check_version(locked, version, "sign")
    withheld = rules_signing.withheld(locked)
    if withheld and not exemptions_confirmed:
        raise ValidationError({"confirm_exemptions": rules_signing.EXEMPTION_CONFIRMATION_REQUIRED})
    decided_on = today()
    words = declaration(locked, withheld)

    def signed(locked):
        locked.decided_on = decided_on
        locked.signed_at = timezone.now()
        locked.declaration = words
        locked.decision_maker_name = actor.display_name
        locked.decision_maker_job_title = actor.job_title
        if locked.cmt_member:
            locked.cmt_member_name = locked.cmt_member.display_name
            locked.cmt_member_job_title = locked.cmt_member.job_title

    RECORDS.move(locked, actor=actor, action=Action.SIGN, then=signed, decided_on=decided_on)
    transaction.on_commit(partial(notifications.decided, locked.pk))
    return locked


@transaction.atomic
def publish_decision(decision, *, actor):
    locked = RECORDS.lock(decision)
    require(permissions.can_publish(actor, locked))
    RECORDS.move(locked, actor=actor, action=Action.PUBLISH, then=_published)
    from callin.services import open_window  # CALL-1: the call-in window opens with publication

    open_window(locked, on=timezone.localdate(locked.published_at), actor=actor)
    RECORDS.enqueue_public_pdf(locked)  # rendered once, after the record is on the register
    return locked


def _published(locked):
    locked.published_at = timezone.now()
