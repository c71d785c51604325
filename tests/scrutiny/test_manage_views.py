"""Democratic Support manage committees and meetings: permission-checked, GOV.UK forms with error summaries."""

import pytest
from django.urls import reverse

from council.models import Committee
from scrutiny.models import Meeting
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
