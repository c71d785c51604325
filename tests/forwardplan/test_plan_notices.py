"""Democratic Support's plan view lists the general exception notices whose 5 clear days have not
yet passed (EXEC-6), each with the first lawful date of decision, and points to Your work for the
notices still waiting for their notice of reasons (reg 10(4)) rather than listing them again."""

import datetime
import html

import pytest
from django.urls import reverse

from council.models import CouncilSettings
from decisions.models import Status
from notices import services
from tests.decisions.factories import advance
from tests.forwardplan.factories import clock
from tests.notices.factories import general_exception_decision

pytestmark = pytest.mark.django_db

REASONS = "The grant offer closes before 28 clear days' notice can run."
# Noon in London, whatever the season: the day the notice is published is the day it is given.
GIVEN = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def quick_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def give_notice(democratic_support, *, at=GIVEN, **values):
    with clock(at):
        decision = general_exception_decision(**values)
        return services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)


def plan_page(client, on, user):
    with clock(on):  # signed in then: a session lasts a working day
        client.force_login(user)
        response = client.get(reverse("forwardplan:plan"))
    assert response.status_code == 200
    return response


def test_notice_given_on_d_is_listed_on_d_plus_5_not_on_d_plus_6_EXEC_6(client, democratic_support):
    notice = give_notice(democratic_support, title="Emergency repairs to the Civic Centre roof")
    on_d5 = plan_page(client, GIVEN + datetime.timedelta(days=5), democratic_support)
    assert [n.pk for n in on_d5.context["notices"]] == [notice.pk]
    page = html.unescape(on_d5.content.decode())
    assert "Emergency repairs to the Civic Centre roof" in page
    assert reverse("decisions:record", kwargs={"pk": notice.decision_id}) in page
    assert "10 March 2027" in page and "16 March 2027" in page  # given on D, decided from D+6
    assert on_d5.context["notices"][0].can_be_decided_from == datetime.date(2027, 3, 16)
    on_d6 = plan_page(client, GIVEN + datetime.timedelta(days=6), democratic_support)
    assert on_d6.context["notices"] == []
    assert "No general exception notice is waiting for its 5 clear days" in on_d6.content.decode()


def test_notice_is_listed_from_the_day_it_is_given_EXEC_6(client, democratic_support):
    notice = give_notice(democratic_support)
    assert [n.pk for n in plan_page(client, GIVEN, democratic_support).context["notices"]] == [notice.pk]


def test_working_days_council_waits_over_the_weekend_EXEC_6(client, democratic_support):
    council = CouncilSettings.load()
    council.clear_days_basis = CouncilSettings.ClearDaysBasis.WORKING
    council.save()
    # Wednesday 10 March 2027: Thursday, Friday, Monday, Tuesday, Wednesday are the 5 clear days.
    notice = give_notice(democratic_support)
    on_wednesday = plan_page(client, GIVEN + datetime.timedelta(days=7), democratic_support).context["notices"]
    assert [n.pk for n in on_wednesday] == [notice.pk]
    assert on_wednesday[0].can_be_decided_from == datetime.date(2027, 3, 18)
    assert plan_page(client, GIVEN + datetime.timedelta(days=8), democratic_support).context["notices"] == []


def test_withdrawn_decisions_notice_is_not_waiting_EXEC_6(client, democratic_support):
    notice = give_notice(democratic_support)
    with clock(GIVEN):
        advance(notice.decision, to=Status.WITHDRAWN)
    assert plan_page(client, GIVEN + datetime.timedelta(days=1), democratic_support).context["notices"] == []


def test_notices_waiting_for_reasons_are_counted_and_linked_not_listed_again_EXEC_6(client, democratic_support):
    waiting = give_notice(democratic_support)
    published = give_notice(democratic_support)
    with clock(GIVEN):
        services.publish_reasons(published, actor=democratic_support, reasons=REASONS)
    page = plan_page(client, GIVEN + datetime.timedelta(days=30), democratic_support)
    assert page.context["reasons_to_publish"] == 1
    text = html.unescape(page.content.decode())
    assert "1 general exception notice is waiting for its notice of reasons" in text
    assert f'href="{reverse("staff-home")}"' in text
    # Past their 5 days, neither is in the page's own list: Your work lists what waits for reasons.
    assert reverse("decisions:record", kwargs={"pk": waiting.decision_id}) not in text
