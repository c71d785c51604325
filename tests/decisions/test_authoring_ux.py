"""What officers found confusing or missing while drafting decision records (issue #10, part 4)."""

import datetime
import re

import pytest
from django.urls import reverse

from decisions import services
from decisions.models import Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def url(name, decision=None, **kwargs):
    if decision is not None:
        kwargs["pk"] = decision.pk
    return reverse(f"decisions:{name}", kwargs=kwargs)


def text(response):
    """The page's visible text, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def returned(finance_reviewer):
    decision = DecisionFactory(state=Status.IN_SIGN_OFF)
    services.return_to_author(
        decision, actor=finance_reviewer, comment="The funding source is missing.\n\n- Name the budget line"
    )
    decision.refresh_from_db()
    return decision


# — 1. a returned record says who returned it, when and why ------------------------------------


def test_returned_record_task_list_shows_who_when_and_comments(author, returned):
    page = text(author.get(url("tasks", returned)))
    assert "Returned to you" in page
    assert f"Dan Norris returned this record on {datetime.date.today():%-d %B %Y}" in page
    assert "The funding source is missing." in page and "Name the budget line" in page


def test_declined_urgency_task_list_shows_the_chairs_comments(author, scrutiny_chair):
    decision = DecisionFactory(urgent=True, state=Status.IN_SIGN_OFF)
    services.decline_urgency(decision, actor=scrutiny_chair, comment="This can wait for the committee.")
    page = text(author.get(url("tasks", decision)))
    assert "Councillor Jemima Laing returned this record" in page
    assert "This can wait for the committee." in page


def test_never_submitted_draft_task_list_has_no_returned_banner(author, officer):
    decision = services.start_decision(actor=officer)
    assert "Returned to you" not in text(author.get(url("tasks", decision)))


def test_resubmitted_record_is_no_longer_shown_as_returned(author, returned):
    services.submit_for_sign_off(returned, actor=returned.author)
    returned.refresh_from_db()
    assert returned.last_return() is None
    assert "Returned to you" not in text(author.get(reverse("staff-home")))


def test_returned_record_on_your_work_shows_who_when_and_comments(author, returned):
    page = text(author.get(reverse("staff-home")))
    assert "Returned to you" in page
    assert f"Returned by Dan Norris on {datetime.date.today():%-d %B %Y}: “The funding source is missing." in page
