"""Your work links to everything a role may start or manage (issue #10, part 4, item 7)."""

import pytest
from django.urls import reverse

from tests.scrutiny.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_staff_home_offers_officers_a_start_link_for_briefing_reports(client, officer):
    client.force_login(officer)
    html = client.get(reverse("staff-home")).text
    assert "Start a new briefing report" in html
    assert f'href="{reverse("scrutiny:start")}"' in html


def test_staff_home_offers_no_briefing_report_start_to_reviewers(client, finance_reviewer):
    client.force_login(finance_reviewer)
    assert "Start a new briefing report" not in client.get(reverse("staff-home")).text


def test_staff_home_links_democratic_support_to_committees_and_upcoming_meetings(client, democratic_support):
    meeting = MeetingFactory()
    client.force_login(democratic_support)
    html = client.get(reverse("staff-home")).text
    assert f'href="{reverse("scrutiny-manage:list")}"' in html and "Manage committees and meetings" in html
    edit = reverse("scrutiny-manage:meeting", kwargs={"slug": meeting.committee.slug, "pk": meeting.pk})
    assert f'href="{edit}"' in html


def test_navigation_offers_manage_committees_to_democratic_support_only(client, democratic_support, officer):
    client.force_login(democratic_support)
    labels = [item["label"] for item in client.get(reverse("staff-home")).context["navigation"]]
    assert "Manage committees" in labels
    active = client.get(reverse("scrutiny-manage:list")).context["navigation"]
    assert [item["label"] for item in active if item["active"]] == ["Manage committees"]
    client.force_login(officer)
    html = client.get(reverse("staff-home")).text
    assert "Manage committees" not in html
