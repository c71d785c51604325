"""The admin is a viewer for decision records and their children: a superuser cannot edit a record
in sign-off or awaiting decision round the services, nor delete an in-flight record with its
history. Reference data (departments) stays editable. Through the admin's real URLs."""

import pytest
from django.urls import reverse

from council.models import Department
from decisions.models import Decision, Event, SignOff, Status
from tests.decisions.factories import Cast, DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    assert administrator.is_superuser
    client.force_login(administrator)
    return client


def change_url(decision):
    return reverse("admin:decisions_decision_change", args=[decision.pk])


@pytest.mark.parametrize("state", [Status.IN_SIGN_OFF, Status.AWAITING_DECISION])
def test_admin_cannot_change_an_in_flight_record(admin_client, state):
    decision = DecisionFactory(cast=Cast(), state=state)
    before = Decision.objects.get(pk=decision.pk)
    events = decision.events.count()

    page = admin_client.get(change_url(decision))
    posted = admin_client.post(change_url(decision), {"title": "The admin's own wording", "reasons": "Admin text"})

    assert page.status_code == 200
    assert decision.title in page.content.decode() and 'name="_save"' not in page.content.decode()
    assert posted.status_code == 403
    after = Decision.objects.get(pk=decision.pk)
    assert (after.title, after.reasons, after.content_version) == (before.title, before.reasons, 1)
    assert after.events.count() == events
    assert all(s.content_version == after.content_version for s in SignOff.objects.filter(decision=decision))


def test_admin_cannot_delete_an_in_flight_record_or_its_history(admin_client):
    decision = DecisionFactory(cast=Cast(), state=Status.IN_SIGN_OFF)

    page = admin_client.get(reverse("admin:decisions_decision_delete", args=[decision.pk]))
    posted = admin_client.post(reverse("admin:decisions_decision_delete", args=[decision.pk]), {"post": "yes"})
    bulk = admin_client.post(
        reverse("admin:decisions_decision_changelist"),
        {"action": "delete_selected", "_selected_action": [decision.pk], "post": "yes"},
    )

    assert page.status_code == 403 and posted.status_code == 403
    assert bulk.status_code in {200, 302}
    assert Decision.objects.filter(pk=decision.pk).exists()
    assert Event.objects.filter(decision=decision).exists()


def test_admin_cannot_add_a_record(admin_client):
    assert admin_client.get(reverse("admin:decisions_decision_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:decisions_decision_add"), {"title": "Round the workflow"}).status_code == 403
    )
    assert not Decision.objects.filter(title="Round the workflow").exists()


def test_admin_still_lists_and_shows_records(admin_client):
    decision = DecisionFactory(cast=Cast(), state=Status.IN_SIGN_OFF)
    listing = admin_client.get(reverse("admin:decisions_decision_changelist"))
    assert listing.status_code == 200 and decision.reference in listing.content.decode()


def test_admin_still_edits_reference_data(admin_client):
    finance = Department.objects.get(slug="finance")
    page = admin_client.get(reverse("admin:council_department_change", args=[finance.pk]))
    assert page.status_code == 200 and 'name="_save"' in page.content.decode()
