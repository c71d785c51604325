"""Democratic Support's committees and meetings: scheduling, changing, and each change's event.

Re-exported by `scrutiny.services`, where views and the demo call them.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from council.models import Committee
from records.services import require
from scrutiny import permissions
from scrutiny.models import CommitteeEvent, Meeting


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
    require(permissions.can_manage_meetings(actor))
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
    require(permissions.can_manage_meetings(actor))
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


COMMITTEE_DETAILS = ("name", "slug", "remit", "order")


@transaction.atomic
def save_committee_details(committee, *, actor, name, slug, remit="", order=0):
    """Add a committee, or change its name, address, remit or place in lists (administrators and
    Democratic Support, in the admin); its people change through `save_committee`."""
    require(permissions.can_manage_meetings(actor))
    values = {"name": name, "slug": slug, "remit": remit, "order": order}
    if committee.pk is None:
        added = Committee.objects.create(**values)
        _committee_event(added, actor=actor, action=CommitteeEvent.Action.COMMITTEE_ADDED, summary=f"Added {name}")
        return added
    locked = Committee.objects.select_for_update().get(pk=committee.pk)
    before = {field: getattr(locked, field) for field in COMMITTEE_DETAILS}
    for field, value in values.items():
        setattr(locked, field, value)
    locked.save(update_fields=list(COMMITTEE_DETAILS))
    if changed := _changed_labels(Committee, before, values):
        _committee_event(
            locked, actor=actor, action=CommitteeEvent.Action.COMMITTEE_CHANGED, summary=f"Changed {changed}"
        )
    return locked


@transaction.atomic
def save_meeting(meeting, *, actor, date, venue=""):
    """Democratic Support change a meeting's date or venue (its date is fixed once its agenda is public)."""
    require(permissions.can_manage_meetings(actor))
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
