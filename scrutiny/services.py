"""Doing things to meetings and briefing reports: one function per business operation.

Each takes `actor=`, locks the report (two clicks, one effect), checks `permissions` and
`workflow`, writes, appends to the event history in the same transaction, and sends email only
after the transaction commits. What every kind of record does alike (edits, children, sign-off
codes, deleting a draft, the public PDF) is `records.services`, declared here for briefing
reports as `RECORDS`; this module adds what only reports have: body sections, the strategic
director's agreement, the cabinet member's approval and the meeting's agenda. Committees and
meetings are `services_meetings`, re-exported here.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from records.services import RecordServices, require
from scrutiny import notifications, permissions, rules
from scrutiny import services_meetings as meetings
from scrutiny.kind import KIND
from scrutiny.models import (
    ApprovalHow,
    BriefingReport,
    Meeting,
    ReportSection,
    today,
)
from scrutiny.workflow import Action


def _approvals_cleared(locked):
    """A report returned to its author must be agreed and approved again."""
    locked.director_agreed_on = locked.director_agreed_by = None
    locked.director_agreed_by_name = ""
    locked.cabinet_approved_on = locked.cabinet_approved_by = locked.cabinet_approval_recorded_by = None
    locked.cabinet_approver_name = locked.cabinet_approval_how = locked.cabinet_approval_evidence = ""


RECORDS = RecordServices.of(
    KIND,
    directorate=lambda locked: locked.author.directorate,
    ready_comment="Every sign-off is current",
    on_ready=lambda pk: notifications.director_agreement_needed(pk),
    on_return=_approvals_cleared,
    names={"withdraw_report": "withdraw"},
)


def __getattr__(name):
    # The shared operations (RecordServices.OPERATIONS: save_edits, issue_sign_off_code, ...) under
    # this module's names.
    return RECORDS.operation(name)


# Democratic Support's committees and meetings.
schedule_meeting = meetings.schedule_meeting
save_committee = meetings.save_committee
save_committee_details = meetings.save_committee_details
save_meeting = meetings.save_meeting


# — authoring ----------------------------------------------------------------------------------------


@transaction.atomic
def start_report(*, actor, committee, meeting=None):
    require(permissions.can_create(actor))
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
    RECORDS.record_event(report, actor=actor, action=Action.CREATE, from_status="")
    return report


# — body sections: add, change, remove, reorder; `order` stays dense (1, 2, 3 ...) -------------------


def _heading(heading):
    if not (heading or "").strip():
        raise ValidationError({"heading": "Enter a heading for the section"})
    return heading.strip()


@transaction.atomic
def add_section(report, *, actor, heading, body="", level=1, revision=None):
    locked = RECORDS.lock_for_edit(report, actor=actor, revision=revision)
    heading = _heading(heading)
    last = locked.sections.aggregate(last=Max("order"))["last"] or 0
    section = ReportSection.objects.create(report=locked, order=last + 1, heading=heading, body=body, level=level)
    RECORDS.touch(locked, actor=actor, summary=f"Added section “{section.heading}”")
    return section


@transaction.atomic
def change_section(section, *, actor, heading, body, level=None, revision=None):
    locked = RECORDS.lock_for_edit(section.report, actor=actor, revision=revision)
    heading = _heading(heading)
    stored = ReportSection.objects.get(pk=section.pk, report=locked)
    stored.heading, stored.body = heading, body
    if level is not None:
        stored.level = level
    stored.save()
    RECORDS.touch(locked, actor=actor, summary=f"Changed section “{stored.heading}”")
    return stored


@transaction.atomic
def remove_section(section, *, actor, revision=None):
    locked = RECORDS.lock_for_edit(section.report, actor=actor, revision=revision)
    stored = ReportSection.objects.get(pk=section.pk, report=locked)
    heading, order = stored.heading, stored.order
    stored.delete()
    for later in locked.sections.filter(order__gt=order).order_by("order"):
        later.order -= 1
        later.save(update_fields=["order"])
    RECORDS.touch(locked, actor=actor, summary=f"Removed section “{heading}”")


@transaction.atomic
def move_section(section, *, actor, direction, revision=None):
    """Swap a section with its neighbour ("up" or "down"). At the top or bottom, nothing changes."""
    if direction not in {"up", "down"}:
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    locked = RECORDS.lock_for_edit(section.report, actor=actor, revision=revision)
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
    RECORDS.touch(locked, actor=actor, summary=f"Moved section “{stored.heading}” {direction}")
    return stored


# — submission ---------------------------------------------------------------------------------------


def _submitted(locked):
    """When, and the names and job titles as on the day of submission, as the report prints them."""
    locked.submitted_at = timezone.now()
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
    locked = RECORDS.lock(report)
    require(permissions.can_submit(actor, locked))
    RECORDS.move(locked, actor=actor, action=Action.SUBMIT, then=_submitted)
    waiting = [d.pk for d in rules.required_departments(locked) if d.pk not in rules.current_sign_offs(locked)]
    transaction.on_commit(partial(notifications.sign_off_needed, locked.pk, waiting))
    RECORDS.advance_if_ready(locked, actor=actor)
    return locked


# — the strategic director and the cabinet member --------------------------------------------------


@transaction.atomic
def agree_report(report, *, actor, comment="", version=None):
    """The lead strategic director agrees the report; it goes to the cabinet member."""
    locked = RECORDS.lock(report)
    require(permissions.can_agree(actor, locked))
    RECORDS.check_version(locked, version, "agree")

    def agreed(locked):
        locked.director_agreed_on = today()
        locked.director_agreed_by = actor
        locked.director_agreed_by_name = actor.display_name

    RECORDS.move(locked, actor=actor, action=Action.AGREE, comment=comment, then=agreed)
    transaction.on_commit(partial(notifications.cabinet_approval_needed, locked.pk))
    return locked


def _approval(*, approver, approved_on, how, evidence="", recorded_by=None):
    """What an approval sets on the report, whoever gave it (a `move`'s `then`)."""

    def approved(locked):
        locked.cabinet_approved_on = approved_on
        locked.cabinet_approved_by = approver
        locked.cabinet_approver_name = approver.display_name
        locked.cabinet_approval_how = how
        locked.cabinet_approval_evidence = evidence
        locked.cabinet_approval_recorded_by = recorded_by
        transaction.on_commit(partial(notifications.ready_to_publish, locked.pk))

    return approved


@transaction.atomic
def approve_report(report, *, actor, comment="", version=None):
    """The lead member (cabinet member) approves the report in the system."""
    locked = RECORDS.lock(report)
    require(permissions.can_approve(actor, locked))
    RECORDS.check_version(locked, version, "approve")
    approved = _approval(approver=actor, approved_on=today(), how=ApprovalHow.IN_SYSTEM)
    RECORDS.move(locked, actor=actor, action=Action.APPROVE, comment=comment, then=approved)
    return locked


@transaction.atomic
def record_cabinet_approval(report, *, actor, approved_on, how, evidence, version=None):
    """Democratic Support records an approval the cabinet member gave outside the system ("approved by email")."""
    locked = RECORDS.lock(report)
    require(permissions.can_record_approval(actor, locked))
    RECORDS.check_version(locked, version, "record the approval")
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
    approved = _approval(
        approver=locked.lead_member, approved_on=approved_on, how=how, evidence=evidence, recorded_by=actor
    )
    RECORDS.move(
        locked,
        actor=actor,
        action=Action.RECORD_APPROVAL,
        then=approved,
        comment=lambda locked: f"{locked.cabinet_approval_display} on {approved_on:%-d %B %Y}: {evidence}",
    )
    return locked


# — publishing on the agenda (returning and withdrawing: records.services) ------------------------


def _on_the_agenda(locked):
    """The next item on its meeting's agenda; the first report published makes the agenda public."""
    meeting = Meeting.objects.select_for_update().get(pk=locked.meeting_id)
    last = meeting.reports.aggregate(last=Max("agenda_position"))["last"] or 0
    now = timezone.now()
    locked.agenda_position = last + 1
    locked.published_at = now
    if meeting.agenda_published_at is None:
        meeting.agenda_published_at = now
        meeting.save(update_fields=["agenda_published_at"])


@transaction.atomic
def publish_report(report, *, actor):
    """Democratic Support publishes the report as the next item on its meeting's agenda; it is frozen."""
    locked = RECORDS.lock(report)
    require(permissions.can_publish(actor, locked))
    RECORDS.move(
        locked, actor=actor, action=Action.PUBLISH, then=_on_the_agenda, comment=lambda r: f"Agenda of {r.meeting}"
    )
    transaction.on_commit(partial(notifications.published, locked.pk))
    RECORDS.enqueue_public_pdf(locked)
    return locked
