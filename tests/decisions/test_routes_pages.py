"""The officer's Forward Plan task (8b): the route, the plan item, "Propose it for the Forward
Plan", and the first-lawful-date warnings on the task list (EXEC-5, EXEC-6, EXEC-7)."""

import datetime
import html
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import Directorate
from decisions.models import Decision, KeyDecisionRoute, today
from forwardplan.models import PlanItem
from forwardplan.models import Status as PlanStatus
from notices import services as notices
from tests.decisions.factories import DecisionFactory
from tests.decisions.routes_factories import plan_item
from tests.notices.factories import general_exception_decision


def url(name, decision, **kwargs):
    return reverse(f"decisions:{name}", kwargs={"pk": decision.pk, **kwargs})


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture(autouse=True)
def quick_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_task_list_warns_of_each_routes_first_lawful_date_EXEC_5_EXEC_6_EXEC_7(client, officer):
    published_on = datetime.date(2026, 12, 5)
    decision = DecisionFactory(key=True, plan_item=plan_item(officer, published_on=published_on))
    client.force_login(officer)
    page = text(client.get(url("tasks", decision)))
    assert "govuk-warning-text" in page
    assert "Forward Plan: from 3 January 2027 (published 5 December 2026)" in page
    assert "General exception: 5 clear days after the notice" in page
    assert "Special urgency: once the chair agrees" in page


def test_task_list_says_the_plan_item_is_not_yet_published_EXEC_5(client, officer):
    decision = DecisionFactory(key=True, plan_item=plan_item(officer, published_on=None))
    client.force_login(officer)
    assert "Forward Plan: not yet published" in text(client.get(url("task", decision, task="forward-plan")))


def test_task_list_gives_the_general_exception_notices_date_EXEC_6(client, officer, democratic_support):
    decision = general_exception_decision()
    notices.give_general_exception_notice(decision, actor=democratic_support, reasons="No time for 28 days.")
    client.force_login(officer)
    earliest = today() + datetime.timedelta(days=6)
    assert f"General exception: from {earliest:%-d %B %Y}" in text(client.get(url("tasks", decision)))


def test_a_decision_that_is_not_key_has_no_route_warnings(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    assert "govuk-warning-text" not in text(client.get(url("tasks", decision)))


def test_officer_links_the_decision_to_their_plan_item_EXEC_5(client, officer):
    decision = DecisionFactory(key=True, plan_item=None)
    item = plan_item(officer, published_on=today() - datetime.timedelta(days=40))
    client.force_login(officer)
    page = text(client.get(url("task", decision, task="forward-plan")))
    assert item.reference in page
    response = client.post(
        url("task", decision, task="forward-plan"),
        {"key_decision_route": "forward_plan", "plan_item": item.pk, "continue": "", "revision": decision.revision},
    )
    assert response.status_code == 302
    assert Decision.objects.get(pk=decision.pk).plan_item == item


def test_another_directorates_plan_item_is_not_a_choice_EXEC_5(client, officer, other_officer):
    decision = DecisionFactory(key=True, plan_item=None)
    theirs = plan_item(other_officer, published_on=today() - datetime.timedelta(days=40))
    PlanItem.objects.filter(pk=theirs.pk).update(directorate=Directorate.objects.exclude(pk=decision.directorate_id)[0])
    client.force_login(officer)
    response = client.post(
        url("task", decision, task="forward-plan"),
        {"key_decision_route": "forward_plan", "plan_item": theirs.pk, "continue": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["plan_item"] == ["Choose a Forward Plan item from the list"]
    assert Decision.objects.get(pk=decision.pk).plan_item is None


def test_propose_it_for_the_forward_plan_makes_a_linked_draft_item_EXEC_5(client, officer):
    decision = DecisionFactory(key=True, plan_item=None, key_decision_route="")
    client.force_login(officer)
    assert "Propose it for the Forward Plan" in text(client.get(url("task", decision, task="forward-plan")))
    response = client.post(url("propose-plan-item", decision), {"revision": decision.revision})
    decision = Decision.objects.get(pk=decision.pk)
    item = decision.plan_item
    assert response.status_code == 302 and response.url == reverse("forwardplan:edit", kwargs={"pk": item.pk})
    assert decision.key_decision_route == KeyDecisionRoute.FORWARD_PLAN
    assert (item.status, item.author, item.title) == (PlanStatus.DRAFT, officer, decision.title)
    assert (item.decision_maker, item.summary) == (decision.decision_maker, decision.decision_to_be_taken)
    assert decision.events.filter(action="edit", comment__startswith="Proposed for the Forward Plan").exists()
    # Once linked, the button is gone and a second post makes nothing.
    assert "Propose it for the Forward Plan" not in text(client.get(url("task", decision, task="forward-plan")))
    client.post(url("propose-plan-item", decision), {"revision": decision.revision})
    assert PlanItem.objects.count() == 1


def test_propose_refuses_a_stale_tab_and_other_people_EXEC_5(client, officer, other_officer):
    decision = DecisionFactory(key=True, plan_item=None)
    client.force_login(other_officer)
    assert client.post(url("propose-plan-item", decision)).status_code == 403
    client.force_login(officer)
    response = client.post(url("propose-plan-item", decision), {"revision": decision.revision - 1 or 0})
    assert response.status_code == 200 and not PlanItem.objects.exists()
    assert client.get(url("propose-plan-item", decision)).status_code == 405


def test_task_list_queries_do_not_grow_with_the_route(client, officer, democratic_support):
    """The warnings read one plan item, the notices and the council's settings: constant queries."""
    plain = DecisionFactory(key=True, plan_item=plan_item(officer, published_on=today()))
    noticed = general_exception_decision()
    notices.give_general_exception_notice(noticed, actor=democratic_support, reasons="No time for 28 days.")
    client.force_login(officer)
    counts = []
    for decision in (plain, noticed):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("tasks", decision)).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]


def test_section_8b_shows_the_plan_items_first_publication_everywhere_EXEC_5(client, officer):
    """The record page, the download and the API take 8b from the plan item, never a typed date."""
    from decisions.models import Status
    from tests.decisions.factories import advance

    published_on = today() - datetime.timedelta(days=40)
    decision = advance(
        DecisionFactory(key=True, plan_item=plan_item(officer, published_on=published_on)), Status.PUBLISHED
    )
    item = decision.plan_item
    page = text(client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})))
    assert f"{published_on:%-d %B %Y}" in page and f"Forward Plan item {item.reference}: {item.title}" in page
    # It links to the item's public page, which answers the public.
    item_page = reverse("forwardplan_public:item", kwargs={"reference_slug": item.reference_slug})
    assert (
        f'href="{item_page}"' in client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})).text
    )
    assert client.get(item_page).status_code == 200
    response = client.get(reverse("decisions:download-json"))
    rows = json.loads(b"".join(response.streaming_content))["decisions"]
    row = next(r for r in rows if r["reference"] == decision.reference)
    assert row["forward_plan_published_on"] == published_on.isoformat()
    assert (row["forward_plan_reference"], row["key_decision_route"]) == (item.reference, "forward_plan")


def test_forward_plan_task_is_optional_until_the_decision_is_key_EXEC_5(client, officer):
    """Not key: "Optional", and not counted. Key without a route: to do. Key with a route: completed."""
    client.force_login(officer)
    not_key = DecisionFactory()
    assert "Optional" in _status(client, not_key)
    key = DecisionFactory(key=True, key_decision_route="", plan_item=None)
    assert "Not yet started" in _status(client, key)
    response = client.post(
        url("task", key, task="forward-plan"), {"key_decision_route": "special_urgency", "continue": ""}
    )
    assert response.status_code == 302 and "Completed" in _status(client, key)


def _status(client, decision):
    """The Forward Plan task's row of the task list."""
    page = text(client.get(url("tasks", decision)))
    row = page[page.index(">Forward Plan<") :]
    return row[: row.index("</li>")]
