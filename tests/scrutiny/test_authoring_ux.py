"""What officers found confusing or missing while drafting briefing reports (issue #10, part 4)."""

import datetime
import re

import pytest
from django.urls import reverse

from scrutiny import services
from scrutiny.models import Status
from tests.scrutiny.factories import BriefingReportFactory

pytestmark = pytest.mark.django_db


def url(name, report=None, **kwargs):
    if report is not None:
        kwargs["pk"] = report.pk
    return reverse(f"scrutiny:{name}", kwargs=kwargs)


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def returned(finance_reviewer):
    report = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    services.return_to_author(report, actor=finance_reviewer, comment="Add the 2022/23 budget figures.")
    report.refresh_from_db()
    return report


# — 1. a returned report says who returned it, when and why ------------------------------------


def test_returned_report_task_list_shows_who_when_and_comments(author, returned):
    page = text(author.get(url("tasks", returned)))
    assert "Returned to you" in page
    assert f"Dan Norris returned this report on {datetime.date.today():%-d %B %Y}" in page
    assert "Add the 2022/23 budget figures." in page


def test_returned_report_on_your_work_shows_who_when_and_comments_and_opens_the_task_list(author, returned):
    response = author.get(reverse("staff-home"))
    page = text(response)
    assert "Returned to you" in page
    assert f"Returned by Dan Norris on {datetime.date.today():%-d %B %Y}: “Add the 2022/23 budget figures.”" in page
    assert f'href="{url("tasks", returned)}"' in response.content.decode()
