"""Democratic Support manage committees and meetings: permission-checked, GOV.UK forms with error summaries."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from council.models import Committee
from scrutiny import services
from scrutiny.models import CommitteeEvent, Meeting
from tests.scrutiny.factories import EDUCATION_COMMITTEE, MeetingFactory

LIST = reverse("scrutiny-manage:list")
EDIT = reverse("scrutiny-manage:committee", kwargs={"slug": EDUCATION_COMMITTEE})
ADD = reverse("scrutiny-manage:meeting-add", kwargs={"slug": EDUCATION_COMMITTEE})


@pytest.mark.parametrize(
    "persona", ["officer", "decision_maker", "finance_reviewer", "scrutiny_chair", "cabinet_member"]
)
def test_manage_pages_are_403_for_anyone_but_democratic_support(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    meeting = MeetingFactory()
    edit_meeting = reverse("scrutiny-manage:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": meeting.pk})
    for url in (LIST, EDIT, ADD, edit_meeting):
        assert client.get(url).status_code == 403
        assert client.post(url, {"venue": "X"}).status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).venue != "X"


def test_visitor_is_sent_to_sign_in(client, db):
    response = client.get(LIST)
    assert response.status_code == 302 and "sign-in" in response["Location"]


@pytest.mark.parametrize("persona", ["democratic_support", "administrator"])
def test_democratic_support_and_administrators_see_the_list(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 200


def test_edit_committee_members(client, democratic_support, scrutiny_chair, cabinet_member, officer):
    client.force_login(democratic_support)
    response = client.post(
        EDIT,
        {
            "chair": scrutiny_chair.pk,
            "vice_chair": cabinet_member.pk,
            "members": [cabinet_member.pk],
            "lead_officers": [officer.pk],
        },
    )
    assert response.status_code == 302
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    assert committee.chair == scrutiny_chair and committee.vice_chair == cabinet_member
    assert list(committee.members.all()) == [cabinet_member] and list(committee.lead_officers.all()) == [officer]


def test_chair_cannot_be_vice_chair(client, democratic_support, scrutiny_chair):
    client.force_login(democratic_support)
    response = client.post(EDIT, {"chair": scrutiny_chair.pk, "vice_chair": scrutiny_chair.pk})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Choose a vice-chair who is not the chair" in body


def test_add_and_edit_a_meeting(client, democratic_support):
    client.force_login(democratic_support)
    response = client.post(ADD, {"date_0": "17", "date_1": "11", "date_2": "2031", "venue": "Warspite Room"})
    assert response.status_code == 302
    meeting = Meeting.objects.get(committee__slug=EDUCATION_COMMITTEE, date="2031-11-17")
    url = reverse("scrutiny-manage:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": meeting.pk})
    assert (
        client.post(url, {"date_0": "18", "date_1": "11", "date_2": "2031", "venue": "Council House"}).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert str(meeting.date) == "2031-11-18" and meeting.venue == "Council House"


def test_meeting_errors_show_in_an_error_summary(client, democratic_support):
    client.force_login(democratic_support)
    existing = MeetingFactory()
    for data, message in [
        ({"date_0": "", "date_1": "", "date_2": "", "venue": ""}, "Enter the date of the meeting"),
        ({"date_0": "31", "date_1": "2", "date_2": "2031"}, "must be a real date"),
        (
            {"date_0": existing.date.day, "date_1": existing.date.month, "date_2": existing.date.year},
            "already has a meeting on that date",
        ),
    ]:
        response = client.post(ADD, data)
        body = response.content.decode()
        assert response.status_code == 200 and "govuk-error-summary" in body and message in body, message
        assert body.count("<title>Error: ") == 1


def test_committee_change_leaves_an_event_and_shows_in_history(client, democratic_support, scrutiny_chair, officer):
    Committee.objects.filter(slug=EDUCATION_COMMITTEE).update(chair=None)
    client.force_login(democratic_support)
    response = client.post(EDIT, {"chair": scrutiny_chair.pk, "lead_officers": [officer.pk]})
    assert response.status_code == 302
    event = CommitteeEvent.objects.get(committee__slug=EDUCATION_COMMITTEE)
    assert event.action == CommitteeEvent.Action.COMMITTEE_CHANGED and event.actor == democratic_support
    assert "chair" in event.summary and "lead officers" in event.summary
    body = client.get(EDIT).content.decode()
    assert "Changed the committee" in body and democratic_support.display_name in body


def test_meeting_add_and_change_leave_events(client, democratic_support):
    client.force_login(democratic_support)
    client.post(ADD, {"date_0": "17", "date_1": "11", "date_2": "2031", "venue": "Warspite Room"})
    meeting = Meeting.objects.get(committee__slug=EDUCATION_COMMITTEE, date="2031-11-17")
    url = reverse("scrutiny-manage:meeting", kwargs={"slug": EDUCATION_COMMITTEE, "pk": meeting.pk})
    client.post(url, {"date_0": "17", "date_1": "11", "date_2": "2031", "venue": "Council House"})
    events = list(CommitteeEvent.objects.filter(meeting=meeting))
    assert [e.action for e in events] == [
        CommitteeEvent.Action.MEETING_SCHEDULED,
        CommitteeEvent.Action.MEETING_CHANGED,
    ]
    assert all(e.actor == democratic_support for e in events)
    assert events[1].summary == "Changed the venue of the meeting on 17 November 2031"


def test_save_committee_refuses_people_who_may_not_manage(officer, scrutiny_chair):
    Committee.objects.filter(slug=EDUCATION_COMMITTEE).update(chair=None)
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    with pytest.raises(PermissionDenied):
        services.save_committee(
            committee, actor=officer, chair=scrutiny_chair, vice_chair=None, members=[], lead_officers=[]
        )
    assert not CommitteeEvent.objects.exists()
    assert Committee.objects.get(pk=committee.pk).chair is None


def test_save_meeting_refuses_a_new_date_once_the_agenda_is_published(democratic_support):
    meeting = MeetingFactory()
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=timezone.now())
    with pytest.raises(ValidationError) as caught:
        services.save_meeting(meeting, actor=democratic_support, date=meeting.date + datetime.timedelta(days=1))
    assert "date" in caught.value.message_dict
    assert not CommitteeEvent.objects.exists()


def test_committee_events_are_append_only(democratic_support):
    meeting = MeetingFactory()
    services.save_meeting(meeting, actor=democratic_support, date=meeting.date, venue="Elsewhere")
    event = CommitteeEvent.objects.get()
    event.summary = "Rewritten"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
