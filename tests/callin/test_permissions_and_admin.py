"""Who may do what to a call-in (`callin.permissions`), per object; the admin only shows call-ins."""

import datetime

import pytest
from django.urls import reverse

from callin import permissions, services
from callin.models import CallIn, Outcome
from scrutiny.models import Meeting
from tests.callin.conftest import councillor, on

TUESDAY = datetime.date(2026, 9, 1)
MEETING_DAY = datetime.date(2026, 9, 15)
PEOPLE = [
    "requester",
    "member",
    "scrutiny_chair",
    "cabinet_member",
    "democratic_support",
    "decision_maker",
    "author",
    "other_officer",
]


@pytest.fixture
def people(members, scrutiny_chair, cabinet_member, democratic_support, decision_maker, officer, other_officer):
    return {
        "requester": members[0],
        "member": members[1],
        "scrutiny_chair": scrutiny_chair,
        "cabinet_member": cabinet_member,
        "democratic_support": democratic_support,
        "decision_maker": decision_maker,
        "author": officer,  # the decision factories' author
        "other_officer": other_officer,
    }


@pytest.fixture
def gathering(publish, people):
    decision = publish()
    with on(TUESDAY):
        return services.request_call_in(decision, actor=people["requester"], reasons="Families were not consulted.")


def allowed(check, people, *args, **kwargs):
    with on(TUESDAY):
        return {name for name in PEOPLE if check(people[name], *args, **kwargs)}


def test_who_may_act_on_a_request_waiting_for_names_CALL_1(gathering, people):
    decision = gathering.decision
    assert allowed(permissions.can_see_open_decisions, people) == {
        "requester",
        "member",
        "scrutiny_chair",
        "democratic_support",
    }
    assert allowed(permissions.can_add_name, people, gathering) == {"member", "scrutiny_chair"}
    assert allowed(permissions.can_withdraw, people, gathering) == {"requester"}
    assert allowed(permissions.can_view, people, gathering) == set(PEOPLE) - {"cabinet_member", "other_officer"}
    assert allowed(permissions.can_validate, people, gathering) == set()
    assert allowed(permissions.can_request, people, decision) == set()  # one request at a time


def test_who_may_act_once_democratic_support_has_it_CALL_1(gathering, people):
    with on(TUESDAY):
        services.add_name(gathering, actor=people["member"])
        call_in = services.add_name(gathering, actor=people["scrutiny_chair"])
    assert allowed(permissions.can_validate, people, call_in) == {"democratic_support"}
    assert allowed(permissions.can_reject, people, call_in) == {"democratic_support"}
    assert allowed(permissions.can_withdraw, people, call_in) == {"requester"}
    assert allowed(permissions.can_add_name, people, call_in) == set()


def test_who_may_reconsider_a_referred_back_decision_CALL_1(gathering, people, committee):
    ds = people["democratic_support"]
    with on(TUESDAY):
        services.add_name(gathering, actor=people["scrutiny_chair"])
        services.validate(gathering, actor=ds)
        services.schedule(gathering, actor=ds, meeting=Meeting.objects.create(committee=committee, date=MEETING_DAY))
    with on(MEETING_DAY):
        call_in = services.record_outcome(
            gathering, actor=ds, outcome=Outcome.REFERRED_BACK, on=MEETING_DAY, concerns="Not consulted."
        )
    assert allowed(permissions.can_confirm, people, call_in) == {"decision_maker", "democratic_support"}
    assert allowed(permissions.can_start_changed_decision, people, call_in) == {"decision_maker", "democratic_support"}
    assert allowed(permissions.can_record_outcome, people, call_in) == set()


def test_who_may_ask_on_an_open_decision_CALL_1(publish, people):
    decision = publish()
    outsider = councillor("outsider")
    assert allowed(permissions.can_request, people, decision) == {"requester", "member", "scrutiny_chair"}
    with on(TUESDAY):
        assert permissions.can_request(outsider, decision)


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_admin_shows_a_call_in_and_never_changes_or_deletes_it_CALL_1(admin_client, gathering):
    change = reverse("admin:callin_callin_change", args=[gathering.pk])
    page = admin_client.get(change)
    assert page.status_code == 200
    assert gathering.reference in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(change, {"reasons": "The admin's own words"}).status_code == 403
    assert admin_client.get(reverse("admin:callin_callin_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:callin_callin_delete", args=[gathering.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert CallIn.objects.get(pk=gathering.pk).reasons == "Families were not consulted."
    assert admin_client.get(reverse("admin:callin_callin_changelist")).status_code == 200
