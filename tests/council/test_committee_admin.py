"""Every write to a committee goes through a service and leaves an event: the admin shows committees
but cannot add, change or delete them (Democratic Support change their people on their own page,
through `scrutiny.services.save_committee`). Through the admin's real URLs, as a superuser."""

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


def test_committee_admin_shows_a_committee_without_a_save_button(admin_client, committee):
    page = admin_client.get(reverse("admin:council_committee_change", args=[committee.pk]))

    assert page.status_code == 200
    body = page.content.decode()
    assert committee.name in body and 'name="_save"' not in body


def test_committee_admin_change_is_refused_and_changes_nothing(admin_client, committee, officer):
    chair_before = committee.chair_id
    posted = admin_client.post(
        reverse("admin:council_committee_change", args=[committee.pk]),
        {"name": "The admin's own name", "slug": committee.slug, "chair": officer.pk, "order": 0},
    )

    assert posted.status_code == 403
    committee.refresh_from_db()
    assert committee.name != "The admin's own name" and committee.chair_id == chair_before
    assert not CommitteeEvent.objects.filter(committee=committee).exists()


def test_committee_admin_add_is_refused(admin_client):
    address = reverse("admin:council_committee_add")
    count = Committee.objects.count()

    assert admin_client.get(address).status_code == 403
    assert admin_client.post(address, {"name": "New committee", "slug": "new-committee"}).status_code == 403
    assert Committee.objects.count() == count


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
