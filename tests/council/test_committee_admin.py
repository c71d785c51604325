"""Every write to a committee goes through a service and leaves an event: the admin adds committees
and changes their details through `scrutiny.services.save_committee_details`, never deletes them,
and Democratic Support change their people on their own page (`save_committee`). Meetings are
view-only in the admin. Through the admin's real URLs, as a superuser."""

import pytest
from django.urls import reverse

from council.models import Committee
from scrutiny.models import CommitteeEvent
from tests.scrutiny.factories import EDUCATION_COMMITTEE

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    assert administrator.is_superuser
    client.force_login(administrator)
    return client


@pytest.fixture
def committee():
    return Committee.objects.get(slug=EDUCATION_COMMITTEE)


def test_committee_admin_changes_the_name_through_the_service_and_leaves_an_event(admin_client, committee, officer):
    """The admin's form has the committee's details only; its save is `save_committee_details`."""
    chair_before = committee.chair_id
    posted = admin_client.post(
        reverse("admin:council_committee_change", args=[committee.pk]),
        {"name": "Education Scrutiny", "slug": committee.slug, "remit": "Schools.", "order": 3, "chair": officer.pk},
    )

    assert posted.status_code == 302
    committee.refresh_from_db()
    assert (committee.name, committee.remit, committee.order) == ("Education Scrutiny", "Schools.", 3)
    assert committee.chair_id == chair_before  # people change on Democratic Support's page only
    event = CommitteeEvent.objects.get(committee=committee)
    assert event.action == CommitteeEvent.Action.COMMITTEE_CHANGED and event.actor.is_superuser
    assert event.summary == "Changed the name, remit and order"


def test_committee_admin_adds_a_committee_through_the_service_and_leaves_an_event(admin_client):
    posted = admin_client.post(
        reverse("admin:council_committee_add"),
        {"name": "Climate Scrutiny Committee", "slug": "climate", "remit": "", "order": 9},
    )

    assert posted.status_code == 302
    added = Committee.objects.get(slug="climate")
    event = CommitteeEvent.objects.get(committee=added)
    assert event.action == CommitteeEvent.Action.COMMITTEE_ADDED and event.summary == "Added Climate Scrutiny Committee"


def test_committee_admin_refuses_a_duplicate_name_on_the_field_and_changes_nothing(admin_client, committee):
    other = Committee.objects.exclude(pk=committee.pk).first()
    page = admin_client.post(
        reverse("admin:council_committee_change", args=[committee.pk]),
        {"name": other.name, "slug": committee.slug, "remit": "", "order": 0},
    )

    assert page.status_code == 200 and "Committee with this Name already exists." in page.content.decode()
    assert not CommitteeEvent.objects.filter(committee=committee).exists()


def test_committee_admin_saved_with_nothing_changed_leaves_no_event(admin_client, committee):
    admin_client.post(
        reverse("admin:council_committee_change", args=[committee.pk]),
        {"name": committee.name, "slug": committee.slug, "remit": committee.remit, "order": committee.order},
    )
    assert not CommitteeEvent.objects.filter(committee=committee).exists()


def test_committee_admin_delete_is_refused(admin_client, committee):
    address = reverse("admin:council_committee_delete", args=[committee.pk])

    assert admin_client.get(address).status_code == 403
    assert admin_client.post(address, {"post": "yes"}).status_code == 403
    admin_client.post(
        reverse("admin:council_committee_changelist"),
        {"action": "delete_selected", "_selected_action": [committee.pk], "post": "yes"},
    )
    assert Committee.objects.filter(pk=committee.pk).exists()


def test_meeting_admin_shows_a_meeting_but_refuses_to_change_or_add_one(admin_client, committee):
    """Meetings change on Democratic Support's page (`save_meeting`, `schedule_meeting`), which
    leave a CommitteeEvent; the admin shows them and refuses a change that would leave none."""
    from scrutiny.models import Meeting

    meeting = Meeting.objects.create(committee=committee, date="2026-12-14", venue="Council House")
    change = reverse("admin:scrutiny_meeting_change", args=[meeting.pk])
    page = admin_client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()

    posted = admin_client.post(change, {"committee": committee.pk, "date": "2027-01-04", "venue": "Guildhall"})
    assert posted.status_code == 403
    meeting.refresh_from_db()
    assert str(meeting.date) == "2026-12-14" and meeting.venue == "Council House"
    assert admin_client.get(reverse("admin:scrutiny_meeting_add")).status_code == 403
    assert not CommitteeEvent.objects.filter(committee=committee).exists()
