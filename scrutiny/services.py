"""Doing things to meetings and briefing reports: one function per business operation.

Each takes `actor=`, locks the report (two clicks, one effect), checks `permissions` and
`workflow`, writes, appends to the event history in the same transaction, and sends email only
after the transaction commits.
"""

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from council import codes, integrity
from council import documents as council_documents
from council.models import Committee, DeletedDraft, Department
from scrutiny import documents, notifications, permissions, rules, workflow
from scrutiny.models import (
    ApprovalHow,
    BriefingReport,
    CommitteeEvent,
    Meeting,
    ReportAppendix,
    ReportEvent,
    ReportSection,
    ReportSignOff,
    Status,
    today,
)
from scrutiny.workflow import Action, TransitionNotAllowed


def _lock(report):
    return BriefingReport.objects.select_for_update().get(pk=report.pk)


def _event(report, *, actor, action, from_status, comment=""):
    return ReportEvent.objects.create(
        report=report,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=report.status,
        comment=comment,
        at=timezone.now(),
    )


def _move(locked, *, action):
    """Check the workflow and change the status; returns the status it came from."""
    if reasons := workflow.blockers(locked, action):
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
        noun="report",
        last_change=lambda: locked.events.filter(action=Action.EDIT).order_by("-at", "-pk").first(),
    )


def _check_version(locked, version, verb):
    """SIGNOFF-1: an approval given on a page showing an older version is refused (see council.integrity)."""
    integrity.check_version(locked, version, noun="report", verb=verb)


def _required_comment(comment, message):
    if not (comment or "").strip():
        raise ValidationError({"comment": message})


# — meetings -----------------------------------------------------------------------------------------


def _committee_event(committee, *, actor, action, meeting=None, summary=""):
    return CommitteeEvent.objects.create(
        committee=committee, meeting=meeting, actor=actor, action=action, summary=summary, at=timezone.now()
    )


def _changed_labels(model, before, after):
    """ "the chair and members": the fields whose values differ, by their verbose names."""
    names = [str(model._meta.get_field(name).verbose_name) for name in before if before[name] != after[name]]
    if len(names) > 1:
        return f"the {', '.join(names[:-1])} and {names[-1]}"
    return f"the {names[0]}" if names else ""


@transaction.atomic
def schedule_meeting(*, actor, committee, date, venue="", starts_at=None):
    _require(permissions.can_manage_meetings(actor))
    if Meeting.objects.filter(committee=committee, date=date, starts_at=starts_at).exists():
        raise ValidationError({"date": f"{committee} already has a meeting then"})
    meeting = Meeting.objects.create(committee=committee, date=date, venue=venue, starts_at=starts_at)
    summary = f"Meeting on {date:%-d %B %Y}" + (f", {venue}" if venue else "")
    _committee_event(
        committee, actor=actor, action=CommitteeEvent.Action.MEETING_SCHEDULED, meeting=meeting, summary=summary
    )
    return meeting


COMMITTEE_PEOPLE = ("chair", "vice_chair")
COMMITTEE_GROUPS = ("members", "lead_officers")


def _committee_state(committee):
    state = {name: getattr(committee, f"{name}_id") for name in COMMITTEE_PEOPLE}
    state.update({name: set(getattr(committee, name).values_list("pk", flat=True)) for name in COMMITTEE_GROUPS})
    return state


@transaction.atomic
def save_committee(committee, *, actor, chair, vice_chair, members, lead_officers):
    """Democratic Support change a committee's chair, vice-chair, members and lead officers."""
    _require(permissions.can_manage_meetings(actor))
    locked = Committee.objects.select_for_update().get(pk=committee.pk)
    if chair is not None and chair == vice_chair:
        raise ValidationError({"vice_chair": "Choose a vice-chair who is not the chair"})
    before = _committee_state(locked)
    locked.chair, locked.vice_chair = chair, vice_chair
    locked.save(update_fields=["chair", "vice_chair"])
    locked.members.set(members)
    locked.lead_officers.set(lead_officers)
    changed = _changed_labels(Committee, before, _committee_state(locked))
    if changed:
        _committee_event(
            locked, actor=actor, action=CommitteeEvent.Action.COMMITTEE_CHANGED, summary=f"Changed {changed}"
        )
    return locked


@transaction.atomic
def save_meeting(meeting, *, actor, date, venue=""):
    """Democratic Support change a meeting's date or venue (its date is fixed once its agenda is public)."""
    _require(permissions.can_manage_meetings(actor))
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if date != locked.date:
        if locked.is_agenda_published:
            raise ValidationError({"date": "The meeting's agenda has been published: its date cannot be changed"})
        clash = Meeting.objects.filter(committee_id=locked.committee_id, date=date, starts_at=locked.starts_at)
        if clash.exclude(pk=locked.pk).exists():
            raise ValidationError({"date": f"{locked.committee} already has a meeting on that date"})
    before = {"date": locked.date, "venue": locked.venue}
    locked.date, locked.venue = date, venue
    locked.save(update_fields=["date", "venue"])
    changed = _changed_labels(Meeting, before, {"date": locked.date, "venue": locked.venue})
    if changed:
        _committee_event(
            locked.committee,
            actor=actor,
            action=CommitteeEvent.Action.MEETING_CHANGED,
            meeting=locked,
            summary=f"Changed {changed} of the meeting on {locked.date:%-d %B %Y}",
        )
    return locked


# — authoring ----------------------------------------------------------------------------------------


@transaction.atomic
def start_report(*, actor, committee, meeting=None):
    _require(permissions.can_create(actor))
    if meeting is not None and meeting.committee_id != committee.pk:
        raise ValidationError({"meeting": "Choose a meeting of the report's committee"})
    report = BriefingReport.objects.create(
        author=actor,
        author_name=actor.display_name,
        author_job_title=actor.job_title,
        author_email=actor.email,
        committee=committee,
        meeting=meeting,
    )
    _event(report, actor=actor, action=Action.CREATE, from_status="")
    return report


@transaction.atomic
def delete_draft(report, *, actor):
    """The author deletes a draft that was never submitted (an abandoned start).

    The report goes with its own history; the audit row in `council.DeletedDraft` is the event
    that says who deleted what, and when. A submitted report is never deleted (it can be withdrawn).
    """
    locked = _lock(report)
    _require(permissions.can_delete_draft(actor, locked))
    files = [a.file.name for a in locked.appendices.all() if a.file]
    DeletedDraft.objects.create(
        kind="briefing report",
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
    storage = ReportAppendix.file.field.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files])


def _touch(locked, *, actor, summary):
    """Record an edit; once the report has been submitted, it is a new version for sign-off."""
    locked.revision += 1
    if locked.submitted_at is not None:
        # SIGNOFF-1: sign-offs given on the old version go stale; their departments are asked again.
        went_stale = list(rules.current_sign_offs(locked)) if locked.status == Status.IN_SIGN_OFF else []
        locked.content_version += 1
        if went_stale:
            transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, went_stale))
    _event(locked, actor=actor, action=Action.EDIT, from_status=locked.status, comment=summary)
    locked.save()


def _labels(field_names):
    return [str(BriefingReport._meta.get_field(f).verbose_name) for f in field_names]


@transaction.atomic
def save_edits(report, *, actor, fields, m2m=None, summary="", revision=None):
    """Save the fields a form changed (`report` carries the new values). M2M: {"decisions": [...]}."""
    locked = _lock(report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    editable = {f.name for f in BriefingReport._meta.get_fields() if getattr(f, "editable", False)}
    if refused := set(fields) - editable:
        raise ValueError(f"Not editable by the author: {', '.join(sorted(refused))}")
    changed = [f for f in fields if getattr(locked, f) != getattr(report, f)]
    for f in fields:
        setattr(locked, f, getattr(report, f))
    m2m_changed = []
    for name, values in (m2m or {}).items():
        current = set(getattr(locked, name).values_list("pk", flat=True))
        if current != {v.pk for v in values}:
            getattr(locked, name).set(values)
            m2m_changed.append(name)
    if not changed and not m2m_changed:
        return locked
    _touch(locked, actor=actor, summary=summary or "Changed " + ", ".join(_labels([*changed, *m2m_changed])))
    report.content_version = locked.content_version
    report.revision = locked.revision
    return locked


# — body sections: add, change, remove, reorder; `order` stays dense (1, 2, 3 ...) -------------------


def _section_report(section, actor, revision):
    locked = _lock(section.report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    return locked


@transaction.atomic
def add_section(report, *, actor, heading, body="", level=1, revision=None):
    locked = _lock(report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    if not (heading or "").strip():
        raise ValidationError({"heading": "Enter a heading for the section"})
    last = locked.sections.aggregate(last=Max("order"))["last"] or 0
    section = ReportSection.objects.create(
        report=locked, order=last + 1, heading=heading.strip(), body=body, level=level
    )
    _touch(locked, actor=actor, summary=f"Added section “{section.heading}”")
    return section


@transaction.atomic
def change_section(section, *, actor, heading, body, level=None, revision=None):
    locked = _section_report(section, actor, revision)
    if not (heading or "").strip():
        raise ValidationError({"heading": "Enter a heading for the section"})
    stored = ReportSection.objects.get(pk=section.pk, report=locked)
    stored.heading, stored.body = heading.strip(), body
    if level is not None:
        stored.level = level
    stored.save()
    _touch(locked, actor=actor, summary=f"Changed section “{stored.heading}”")
    return stored


@transaction.atomic
def remove_section(section, *, actor, revision=None):
    locked = _section_report(section, actor, revision)
    stored = ReportSection.objects.get(pk=section.pk, report=locked)
    heading, order = stored.heading, stored.order
    stored.delete()
    for later in locked.sections.filter(order__gt=order).order_by("order"):
        later.order -= 1
        later.save(update_fields=["order"])
    _touch(locked, actor=actor, summary=f"Removed section “{heading}”")


@transaction.atomic
def move_section(section, *, actor, direction, revision=None):
    """Swap a section with its neighbour ("up" or "down"). At the top or bottom, nothing changes."""
    if direction not in {"up", "down"}:
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    locked = _section_report(section, actor, revision)
    stored = ReportSection.objects.get(pk=section.pk, report=locked)
    neighbour_order = stored.order - 1 if direction == "up" else stored.order + 1
    neighbour = locked.sections.filter(order=neighbour_order).first()
    if neighbour is None:
        return stored
    # Through 0, which no section holds, so the unique (report, order) holds at every step.
    mine = stored.order
    stored.order = 0
    stored.save(update_fields=["order"])
    neighbour.order = mine
    neighbour.save(update_fields=["order"])
    stored.order = neighbour_order
    stored.save(update_fields=["order"])
    _touch(locked, actor=actor, summary=f"Moved section “{stored.heading}” {direction}")
    return stored


# — appendices and background papers --------------------------------------------------------------


@transaction.atomic
def save_appendix(report, appendix, *, actor, revision=None):
    locked = _lock(report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    appendix.report = locked
    creating = appendix.pk is None
    appendix.save()
    _touch(locked, actor=actor, summary=f"{'Added' if creating else 'Changed'} {appendix}")
    return appendix


@transaction.atomic
def save_background_paper(report, paper, *, actor, revision=None):
    locked = _lock(report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    paper.report = locked
    creating = paper.pk is None
    paper.save()
    _touch(locked, actor=actor, summary=f"{'Added' if creating else 'Changed'} background paper {paper}")
    return paper


@transaction.atomic
def remove_child(report, child, *, actor, revision=None):
    """Remove an appendix or a background paper."""
    locked = _lock(report)
    _require(permissions.can_edit(actor, locked))
    _check_revision(locked, revision)
    if child.report_id != locked.pk:
        raise PermissionDenied
    label = str(child)
    if isinstance(child, ReportAppendix) and child.file:
        child.file.delete(save=False)
    child.delete()
    _touch(locked, actor=actor, summary=f"Removed {label}")


# — submission and sign-off -----------------------------------------------------------------------


def _snapshot_people(locked):
    """Names and job titles as on the day of submission, as the report prints them."""
    locked.author_name = locked.author.display_name
    locked.author_job_title = locked.author.job_title
    if locked.lead_member:
        locked.lead_member_name = locked.lead_member.display_name
    if locked.lead_director:
        locked.lead_director_name = locked.lead_director.display_name
        locked.lead_director_job_title = locked.lead_director.job_title
    if locked.originating_slt_member:
        locked.originating_slt_member_name = locked.originating_slt_member.display_name


@transaction.atomic
def submit_for_sign_off(report, *, actor):
    locked = _lock(report)
    _require(permissions.can_submit(actor, locked))
    from_status = _move(locked, action=Action.SUBMIT)
    locked.submitted_at = timezone.now()
    _snapshot_people(locked)
    locked.save()
    _event(locked, actor=actor, action=Action.SUBMIT, from_status=from_status)
    waiting = [d.pk for d in rules.required_departments(locked) if d.pk not in rules.current_sign_offs(locked)]
    transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, waiting))
    _advance_if_ready(locked, actor=actor)
    return locked


@transaction.atomic
def issue_sign_off_code(report, *, actor, department, typed_code="", version=None):
    locked = _lock(report)
    _require(permissions.can_issue_sign_off(actor, locked, department))
    _check_version(locked, version, "sign off")
    if reasons := workflow.blockers(locked, Action.ISSUE_SIGN_OFF):
        raise TransitionNotAllowed(Action.ISSUE_SIGN_OFF, reasons)
    if department.pk in rules.current_sign_offs(locked):
        raise TransitionNotAllowed(
            Action.ISSUE_SIGN_OFF,
            [rules.Problem("SIGNOFF-1", "", f"{department} has already signed off this version")],
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
        directorate = locked.author.directorate
        code = codes.generate_code(
            department, reviewer=actor, directorate_code=directorate.code if directorate else "", on_date=today()
        )
    sign_off = ReportSignOff.objects.create(
        report=locked,
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
    if locked.status != Status.IN_SIGN_OFF or workflow.blockers(locked, Action.SEND_TO_DIRECTOR):
        return
    from_status = locked.status
    locked.status = Status.AWAITING_DIRECTOR
    locked.save(update_fields=["status", "updated_at"])
    _event(
        locked,
        actor=actor,
        action=Action.SEND_TO_DIRECTOR,
        from_status=from_status,
        comment="Every sign-off is current",
    )
    transaction.on_commit(partial(notifications.director_agreement_needed, locked.pk))


# — the strategic director and the cabinet member --------------------------------------------------


@transaction.atomic
def agree_report(report, *, actor, comment="", version=None):
    """The lead strategic director agrees the report; it goes to the cabinet member."""
    locked = _lock(report)
    _require(permissions.can_agree(actor, locked))
    _check_version(locked, version, "agree")
    from_status = _move(locked, action=Action.AGREE)
    locked.director_agreed_on = today()
    locked.director_agreed_by = actor
    locked.director_agreed_by_name = actor.display_name
    locked.save()
    _event(locked, actor=actor, action=Action.AGREE, from_status=from_status, comment=comment)
    transaction.on_commit(partial(notifications.cabinet_approval_needed, locked.pk))
    return locked


def _approved(locked, *, approver, approved_on, how, evidence="", recorded_by=None):
    locked.cabinet_approved_on = approved_on
    locked.cabinet_approved_by = approver
    locked.cabinet_approver_name = approver.display_name
    locked.cabinet_approval_how = how
    locked.cabinet_approval_evidence = evidence
    locked.cabinet_approval_recorded_by = recorded_by
    locked.save()
    transaction.on_commit(partial(notifications.ready_to_publish, locked.pk))


@transaction.atomic
def approve_report(report, *, actor, comment="", version=None):
    """The lead member (cabinet member) approves the report in the system."""
    locked = _lock(report)
    _require(permissions.can_approve(actor, locked))
    _check_version(locked, version, "approve")
    from_status = _move(locked, action=Action.APPROVE)
    _approved(locked, approver=actor, approved_on=today(), how=ApprovalHow.IN_SYSTEM)
    _event(locked, actor=actor, action=Action.APPROVE, from_status=from_status, comment=comment)
    return locked


@transaction.atomic
def record_cabinet_approval(report, *, actor, approved_on, how, evidence, version=None):
    """Democratic Support records an approval the cabinet member gave outside the system ("approved by email")."""
    locked = _lock(report)
    _require(permissions.can_record_approval(actor, locked))
    _check_version(locked, version, "record the approval")
    errors = {}
    if approved_on is None:
        errors["approved_on"] = "Enter the date the cabinet member approved the report"
    elif approved_on > today():
        errors["approved_on"] = "The date the cabinet member approved must be today or in the past"
    elif locked.director_agreed_on and approved_on < locked.director_agreed_on:
        errors["approved_on"] = (
            f"The cabinet member cannot have approved before the strategic director agreed "
            f"({locked.director_agreed_on:%-d %B %Y})"
        )
    if how not in {ApprovalHow.EMAIL, ApprovalHow.OTHER}:
        errors["how"] = "Choose how the cabinet member gave the approval"
    if not (evidence or "").strip():
        errors["evidence"] = "Describe the evidence of the approval, for example the email's date and subject"
    if locked.lead_member is None:
        errors["lead_member"] = "The report names no lead member"
    if errors:
        raise ValidationError(errors)
    from_status = _move(locked, action=Action.RECORD_APPROVAL)
    _approved(
        locked, approver=locked.lead_member, approved_on=approved_on, how=how, evidence=evidence, recorded_by=actor
    )
    _event(
        locked,
        actor=actor,
        action=Action.RECORD_APPROVAL,
        from_status=from_status,
        comment=f"{locked.cabinet_approval_display} on {approved_on:%-d %B %Y}: {evidence}",
    )
    return locked


# — returning, publishing, withdrawing --------------------------------------------------------------


@transaction.atomic
def return_to_author(report, *, actor, comment):
    """Back to draft with comments. The director's agreement and the approval must be given again."""
    locked = _lock(report)
    _require(permissions.can_return(actor, locked))
    _required_comment(comment, "Enter your comments for the author, so they know what to change")
    from_status = _move(locked, action=Action.RETURN)
    locked.director_agreed_on = locked.director_agreed_by = None
    locked.director_agreed_by_name = ""
    locked.cabinet_approved_on = locked.cabinet_approved_by = locked.cabinet_approval_recorded_by = None
    locked.cabinet_approver_name = locked.cabinet_approval_how = locked.cabinet_approval_evidence = ""
    locked.save()
    _event(locked, actor=actor, action=Action.RETURN, from_status=from_status, comment=comment)
    transaction.on_commit(partial(notifications.returned_to_author, locked.pk, comment))
    return locked


@transaction.atomic
def publish_report(report, *, actor):
    """Democratic Support publishes the report as the next item on its meeting's agenda; it is frozen."""
    locked = _lock(report)
    _require(permissions.can_publish(actor, locked))
    from_status = _move(locked, action=Action.PUBLISH)
    meeting = Meeting.objects.select_for_update().get(pk=locked.meeting_id)
    last = meeting.reports.aggregate(last=Max("agenda_position"))["last"] or 0
    now = timezone.now()
    locked.agenda_position = last + 1
    locked.published_at = now
    locked.save()
    if meeting.agenda_published_at is None:
        meeting.agenda_published_at = now
        meeting.save(update_fields=["agenda_published_at"])
    _event(locked, actor=actor, action=Action.PUBLISH, from_status=from_status, comment=f"Agenda of {meeting}")
    transaction.on_commit(partial(notifications.published, locked.pk))
    transaction.on_commit(partial(documents.render_public_pdf.enqueue, locked.pk))
    return locked


@transaction.atomic
def withdraw_report(report, *, actor, comment):
    locked = _lock(report)
    _require(permissions.can_withdraw(actor, locked))
    _required_comment(comment, "Enter why the report is being withdrawn")
    from_status = _move(locked, action=Action.WITHDRAW)
    locked.save()
    _event(locked, actor=actor, action=Action.WITHDRAW, from_status=from_status, comment=comment)
    return locked


# — the public PDF ----------------------------------------------------------------------------


@transaction.atomic
def record_public_pdf_failure(report, *, actor=None, error):
    """The public PDF could not be made: keep why on the report (every process sees it) and in its history.

    `actor` is None when the task worker failed, which is the usual case.
    """
    locked = _lock(report)
    BriefingReport.objects.filter(pk=locked.pk).update(public_pdf_error=error, public_pdf_failed_at=timezone.now())
    _event(locked, actor=actor, action=council_documents.RENDER_FAILED, from_status=locked.status, comment=error)
    return locked


@transaction.atomic
def retry_public_pdf(report, *, actor):
    """Democratic Support asks for the public PDF again after a failure: clear it, re-enqueue, record it."""
    locked = _lock(report)
    _require(permissions.can_retry_public_pdf(actor, locked))
    comment = f"After: {locked.public_pdf_error}" if locked.public_pdf_error else ""
    BriefingReport.objects.filter(pk=locked.pk).update(public_pdf_error="", public_pdf_failed_at=None)
    _event(locked, actor=actor, action=council_documents.RENDERING_RETRIED, from_status=locked.status, comment=comment)
    transaction.on_commit(partial(documents.render_public_pdf.enqueue, locked.pk))
    return locked
