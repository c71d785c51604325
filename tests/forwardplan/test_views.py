"""The Forward Plan's staff pages: who may use them, bad input kept on the form, stale edits refused."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forwardplan import services
from forwardplan.models import PlanItem, Status
from notices import services as notice_services
from tests.forwardplan.factories import clock, draft_item, published_item, submitted_item
from tests.notices.factories import general_exception_decision

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "Award of the school meals contract",
        "summary": "",
        "decision_maker_type": "cabinet",
        "expected_from_0": "1",
        "expected_from_1": "3",
        "expected_from_2": "2027",
        "documents": "Report of the Director",
        "documents_how": "From Democratic Support, Ballard House",
        "contact_name": "Olive Officer",
        "contact_email": "olive@council.example",
        "expected_exempt": "False",
    }
    data.update(overrides)
    return data


def url(name, item=None):
    return reverse(f"forwardplan:{name}", kwargs={"pk": item.pk} if item else None)


# — proposing ----------------------------------------------------------------------------------


def test_new_item_page_shown_to_officer_refused_to_others(client, officer, democratic_support):
    client.force_login(officer)
    assert client.get(url("new")).status_code == 200
    client.force_login(democratic_support)
    assert client.get(url("new")).status_code == 403


def test_new_item_page_asks_visitor_to_sign_in(client):
    assert client.get(url("new")).status_code == 302


def test_new_item_saved_as_draft_and_opens_its_page(client, officer):
    client.force_login(officer)
    response = client.post(url("new"), form_data())
    item = PlanItem.objects.get()
    assert response.status_code == 302 and response["Location"] == url("item", item)
    assert (item.status, item.author, item.expected_from) == (Status.DRAFT, officer, datetime.date(2027, 3, 1))


def test_new_item_without_matter_shows_error_and_keeps_answers(client, officer):
    client.force_login(officer)
    response = client.post(url("new"), form_data(title="", documents="Cabinet report"))
    assert response.status_code == 200
    html = response.text
    assert "govuk-error-summary" in html and "Enter the matter to be decided" in html
    assert "Cabinet report" in html
    assert not PlanItem.objects.exists()


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", "Award\x00 of the contract"),
        ("title", "x" * 100_000),
        ("documents", "Report\x00"),
        ("contact_email", "x" * 100_000),
        ("expected_from_2", "9" * 100),
        ("exempt_paragraphs", "99999999999999999999999"),
        ("decision_maker", "99999999999999999999999999999999"),
        ("expected_to_2", "2026"),
    ],
)
def test_new_item_hostile_input_is_field_error_not_500(client, officer, field, value):
    client.force_login(officer)
    overrides = {field: value}
    if field == "expected_to_2":
        overrides.update(expected_to_0="1", expected_to_1="1")
    response = client.post(url("new"), form_data(**overrides))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert not PlanItem.objects.exists()


def test_long_summary_accepted(client, officer):
    client.force_login(officer)
    assert client.post(url("new"), form_data(summary="word " * 20_000)).status_code == 302


# — the item's page and who sees it ----------------------------------------------------------------


def test_item_page_draft_seen_by_author_and_ds_only(client, officer, other_officer, democratic_support):
    item = draft_item(officer)
    for person, status in ((officer, 200), (democratic_support, 200), (other_officer, 403)):
        client.force_login(person)
        assert client.get(url("item", item)).status_code == status


def test_item_page_proposed_seen_by_anyone_with_a_role(client, officer, other_officer, finance_reviewer):
    item = submitted_item(officer)
    for person in (other_officer, finance_reviewer):
        client.force_login(person)
        assert client.get(url("item", item)).status_code == 200


def test_item_page_shows_first_lawful_date_EXEC_5(client, officer, democratic_support):
    with clock(datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)):
        item = published_item(officer, democratic_support)
    client.force_login(democratic_support)
    html = client.get(url("item", item)).text
    # 28 clear days after 10 June: 11 June to 8 July, so 9 July.
    assert "on or after 9 July 2026" in html
    assert "FP 2026/001" in html


def test_item_page_of_draft_lists_what_is_missing(client, officer):
    item = draft_item(officer, documents_how="")
    client.force_login(officer)
    assert "Enter how to get the documents" in client.get(url("item", item)).text


# — actions ----------------------------------------------------------------------------------------


def test_officer_proposes_then_ds_publishes(client, officer, democratic_support):
    item = draft_item(officer)
    client.force_login(officer)
    assert client.post(url("submit", item)).status_code == 302
    assert client.post(url("publish", item)).status_code == 403
    client.force_login(democratic_support)
    assert client.post(url("publish", item)).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.reference


def test_propose_incomplete_shows_what_is_missing_EXEC_5(client, officer):
    item = draft_item(officer, contact_name="")
    client.force_login(officer)
    response = client.get(url("submit", item))
    assert "Enter who to contact for details" in response.text
    client.post(url("submit", item))
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_ds_returns_proposed_item_with_comment(client, officer, democratic_support):
    item = submitted_item(officer)
    client.force_login(democratic_support)
    assert client.post(url("return", item), {"comment": "Say which documents"}).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    client.force_login(officer)
    assert "Say which documents" in client.get(url("item", item)).text


def test_defer_without_date_shows_error(client, officer, democratic_support):
    item = published_item(officer, democratic_support)
    client.force_login(democratic_support)
    response = client.post(url("defer", item), {"reason": "Consultation extended"})
    assert response.status_code == 200
    assert "Enter the new expected date" in response.text and "Consultation extended" in response.text


def test_defer_then_put_back_then_withdraw(client, officer, democratic_support):
    item = published_item(officer, democratic_support)
    client.force_login(democratic_support)
    new_date = {"expected_from_0": "1", "expected_from_1": "6", "expected_from_2": "2027"}
    assert client.post(url("defer", item), {"reason": "Consultation extended", **new_date}).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.expected_from) == (Status.DEFERRED, datetime.date(2027, 6, 1))
    assert client.post(url("republish", item), new_date).status_code == 302
    assert client.post(url("withdraw", item), {"reason": ""}).status_code == 200
    assert client.post(url("withdraw", item), {"reason": "No longer needed"}).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.status_reason) == (Status.WITHDRAWN, "No longer needed")


def test_officer_cannot_defer_or_withdraw(client, officer, democratic_support):
    item = published_item(officer, democratic_support)
    client.force_login(officer)
    assert client.get(url("defer", item)).status_code == 403
    assert client.post(url("withdraw", item), {"reason": "Mine"}).status_code == 403


def test_second_publish_click_told_already_published(client, officer, democratic_support):
    item = published_item(officer, democratic_support)
    client.force_login(democratic_support)
    response = client.post(url("publish", item), follow=True)
    assert "already been published on the Forward Plan" in response.text


# — editing ----------------------------------------------------------------------------------------


def test_edit_of_published_item_by_ds_is_changed_in_history_EXEC_5(client, officer, democratic_support):
    item = published_item(officer, democratic_support)
    first = item.first_published_at
    client.force_login(democratic_support)
    data = form_data(title="Award of the meals contract", revision=str(item.revision))
    assert client.post(url("edit", item), data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Award of the meals contract" and item.first_published_at == first
    assert "Changed matter to be decided" in client.get(url("item", item)).text


def test_edit_by_officer_after_proposing_refused(client, officer):
    item = submitted_item(officer)
    client.force_login(officer)
    assert client.get(url("edit", item)).status_code == 403


def test_edit_with_stale_revision_refused_answers_kept(client, officer):
    item = draft_item(officer)
    stale = item.revision
    services.save_edits(item, actor=officer, data={"summary": "Changed in another tab"})
    client.force_login(officer)
    response = client.post(url("edit", item), form_data(title="My new matter", revision=str(stale)))
    assert response.status_code == 200
    assert "since you opened this page" in response.text and "My new matter" in response.text
    item.refresh_from_db()
    assert item.title != "My new matter"


# — Democratic Support's plan ----------------------------------------------------------------------


def test_plan_view_for_ds_only(client, officer, democratic_support):
    client.force_login(officer)
    assert client.get(url("plan")).status_code == 403
    client.force_login(democratic_support)
    assert client.get(url("plan")).status_code == 200


def test_plan_view_lists_waiting_due_and_past(client, officer, democratic_support):
    with clock(datetime.datetime(2027, 1, 10, 9, 0, tzinfo=datetime.UTC)):
        submitted_item(officer, title="Waiting item")
        published_item(officer, democratic_support, title="Due item", expected_from=datetime.date(2027, 2, 1))
        published_item(officer, democratic_support, title="Later item", expected_from=datetime.date(2027, 6, 1))
    with clock(datetime.datetime(2027, 1, 20, 9, 0, tzinfo=datetime.UTC)):
        past = published_item(officer, democratic_support, title="Past item", expected_from=datetime.date(2027, 1, 15))
        client.force_login(democratic_support)
        lists = {
            section["id"]: [i.title for i in section["items"]] for section in client.get(url("plan")).context["lists"]
        }
    assert lists == {"waiting": ["Waiting item"], "due": ["Due item"], "past": ["Past item"]}
    assert past.reference


def _plan_queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url("plan")).status_code == 200
    return len(captured)


def _waiting_notice(democratic_support):
    """A general exception notice given now: listed on the plan as waiting for its 5 days (EXEC-6)."""
    return notice_services.give_general_exception_notice(
        general_exception_decision(), actor=democratic_support, reasons="The grant offer closes too soon."
    )


def test_plan_view_queries_constant_in_number_of_items(client, officer, democratic_support, decision_maker):
    client.force_login(democratic_support)
    published_item(officer, democratic_support, expected_from=datetime.date(2020, 1, 1))
    submitted_item(officer)
    _waiting_notice(democratic_support)
    few = _plan_queries(client)
    for n in range(6):
        published_item(
            officer,
            democratic_support,
            decision_maker_type="officer",
            decision_maker=decision_maker,
            expected_from=datetime.date(2020, 1, 1 + n),
        )
        submitted_item(officer)
        _waiting_notice(democratic_support)
    response = client.get(url("plan"))
    assert len(response.context["notices"]) == 7 and response.context["reasons_to_publish"] == 7
    assert _plan_queries(client) == few


def test_staff_home_links_ds_to_the_plan_and_officers_to_propose(client, officer, democratic_support):
    submitted_item(officer, title="Waiting for you")
    client.force_login(democratic_support)
    html = client.get(reverse("staff-home")).text
    assert f'href="{url("plan")}"' in html and "Waiting for you" in html
    client.force_login(officer)
    assert f'href="{url("new")}"' in client.get(reverse("staff-home")).text


def test_publish_of_version_changed_since_page_shown_refused(client, officer, democratic_support):
    item = submitted_item(officer)
    seen = item.content_version
    services.save_edits(item, actor=democratic_support, data={"title": "Changed by a colleague"})
    client.force_login(democratic_support)
    response = client.post(url("publish", item), {"version": str(seen)})
    assert response.status_code == 200
    assert "has changed since you opened this page" in response.text
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert client.post(url("publish", item), {"version": str(item.content_version)}).status_code == 302


def test_returned_item_listed_for_author_with_comment(client, officer, democratic_support):
    item = services.return_to_author(submitted_item(officer), actor=democratic_support, comment="Name the documents")
    client.force_login(officer)
    html = client.get(reverse("staff-home")).text
    assert "Returned to you" in html and f'href="{url("item", item)}"' in html
