"""The public Forward Plan's pages (forwardplan/views_public.py): the current plan and each item's
page, with what reg 9 requires (EXEC-5), never a draft or an item waiting for Democratic Support,
never more of an exempt part than its Schedule 12A paragraph, constant queries, fresh after a change."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from council.models import CabinetPortfolio
from forwardplan import services
from forwardplan.models import DecisionMakerType, PlanItem, Status
from records.models import SCHEDULE_12A
from tests.forwardplan.factories import draft_item
from tests.forwardplan.public_items import MARKER, hidden_items, history, plan_item

pytestmark = pytest.mark.django_db
PLAN = "/forward-plan/"


def text(response):
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def item_url(item):
    return reverse("forwardplan_public:item", kwargs={"reference_slug": item.reference_slug})


def queries(client, url, params=None):
    client.get(url, params)  # warm up: the council's settings
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, HTTP_COOKIE="sessionid=none")  # past the page cache
    assert response.status_code == 200
    return len(captured.captured_queries)


# — the plan ----------------------------------------------------------------------------------------


def test_plan_is_at_a_stable_address_EXEC_5():
    assert reverse("forwardplan_public:plan") == PLAN


def test_plan_lists_published_and_deferred_items_by_expected_date_EXEC_5(client):
    today = timezone.localdate()
    later = plan_item(expected_from=today + datetime.timedelta(days=90), title="Sale of the civic centre")
    sooner = plan_item(expected_from=today + datetime.timedelta(days=35), title="Library opening hours")
    deferred = plan_item(status=Status.DEFERRED, expected_from=today + datetime.timedelta(days=60), title="Bus lanes")
    body = text(client.get(PLAN))
    assert body.index(sooner.title) < body.index(deferred.title) < body.index(later.title)
    assert "Deferred" in body
    assert f"Expected in {sooner.expected_from:%B %Y}" in body
    assert f"{sooner.first_published_on:%-d %B %Y}" in body  # first published


def test_plan_never_shows_drafts_submitted_or_withdrawn_items(client):
    hidden_items()
    withdrawn = plan_item(status=Status.WITHDRAWN, title="Withdrawn matter", status_reason="No longer needed")
    body = text(client.get(PLAN))
    assert MARKER not in body
    assert withdrawn.title not in body
    assert "There are no key decisions on the plan at the moment." in body


def test_plan_leaves_out_items_expected_over_six_months_ago_and_every_item_shows_them(client):
    today = timezone.localdate()
    old = plan_item(expected_from=today - datetime.timedelta(days=200), title="Long since decided")
    recent = plan_item(expected_from=today - datetime.timedelta(days=100), title="Decided this spring")
    period = plan_item(
        expected_from=today - datetime.timedelta(days=300),
        expected_to=today + datetime.timedelta(days=10),
        title="Over a long period",
    )
    withdrawn = plan_item(status=Status.WITHDRAWN, title="Withdrawn matter", status_reason="No longer needed")
    body = text(client.get(PLAN))
    assert old.title not in body
    assert recent.title in body and period.title in body
    every = text(client.get(PLAN, {"show": "all"}))
    for item in (old, recent, period, withdrawn):
        assert item.title in every
    assert "Withdrawn" in every


def test_plan_names_each_kind_of_decision_maker(client):
    officer = plan_item()
    plan_item(maker=DecisionMakerType.CABINET)
    portfolio = CabinetPortfolio.objects.create(title="Transport and Highways", order=99)
    plan_item(maker=DecisionMakerType.CABINET_MEMBER, portfolio=portfolio)
    body = text(client.get(PLAN))
    assert officer.decision_maker.name_and_title in body
    assert "The Cabinet" in body
    assert "Cabinet Member for Transport and Highways" in body


def test_plan_filters_by_decision_maker_type_and_month(client):
    today = timezone.localdate()
    month = today.replace(day=1) + datetime.timedelta(days=95)
    in_month = plan_item(maker=DecisionMakerType.CABINET, expected_from=month.replace(day=3), title="Cabinet in month")
    plan_item(maker=DecisionMakerType.CABINET, expected_from=month.replace(day=3) + datetime.timedelta(days=40))
    officer = plan_item(expected_from=month.replace(day=5), title="Officer in month")
    spans = plan_item(
        maker=DecisionMakerType.CABINET,
        expected_from=month.replace(day=1) - datetime.timedelta(days=20),
        expected_to=month.replace(day=10),
        title="A period into the month",
    )
    response = client.get(PLAN, {"decision_maker_type": "cabinet", "month": f"{month:%Y-%m}"})
    body = text(response)
    assert response.context["page"].paginator.count == 2
    assert in_month.title in body and spans.title in body and officer.title not in body
    assert "Decision maker: The Cabinet</a>" in body  # the filter in use, with a link to remove it
    assert f'<option value="{month:%Y-%m}" selected>' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2026-13"},
        {"month": "next year"},
        {"month": "2026-03\x00"},
        {"month": "9" * 100_000},
        {"decision_maker_type": "the mayor"},
        {"show": "x" * 100_000},
    ],
    ids=["month-13", "words", "nul", "huge", "unknown-maker", "huge-show"],
)
def test_bad_filters_give_an_error_summary_and_keep_the_other_answers(client, params):
    plan_item(maker=DecisionMakerType.CABINET, title="Cabinet matter")
    plan_item(title="Officer matter")
    other = {"decision_maker_type": "cabinet"} if "decision_maker_type" not in params else {"month": ""}
    response = client.get(PLAN, {**params, **other})
    body = text(response)
    assert response.status_code == 200
    assert "There is a problem" in body and "govuk-error-message" in body
    assert "<title>Error: Forward Plan" in body
    if "decision_maker_type" in other:
        assert "Officer matter" not in body and "Cabinet matter" in body  # the valid filter still applies


def test_plan_pages_through_many_items(client):
    for n in range(55):
        plan_item(expected_from=timezone.localdate() + datetime.timedelta(days=30 + n))
    first = client.get(PLAN)
    assert len(first.context["page"].object_list) == 50
    body = text(first)
    assert 'aria-label="Pages of the Forward Plan"' in body and "?page=2" in body
    second = client.get(PLAN, {"page": "2"})
    assert len(second.context["page"].object_list) == 5


def test_plan_page_queries_are_constant_with_3_or_30_items(client):
    portfolio = CabinetPortfolio.objects.create(title="Forward Plan test portfolio", order=98)
    for n in range(3):
        plan_item(maker=[DecisionMakerType.OFFICER, DecisionMakerType.CABINET_MEMBER][n % 2], portfolio=portfolio)
    three = queries(client, PLAN)
    for n in range(27):
        plan_item(maker=[DecisionMakerType.OFFICER, DecisionMakerType.CABINET_MEMBER][n % 2], portfolio=portfolio)
    assert queries(client, PLAN) == three
    assert queries(client, PLAN, {"show": "all", "decision_maker_type": "officer"}) == three


def test_plan_page_is_fresh_after_an_item_changes(client):
    item = plan_item(title="Original matter")
    assert "Original matter" in text(client.get(PLAN))
    assert client.get(PLAN)["X-Page-Cache"] == "hit"
    item.title = "Renamed matter"
    item.save()
    body = text(client.get(PLAN))
    assert "Renamed matter" in body and "Original matter" not in body


# — an item -----------------------------------------------------------------------------------------


def test_item_page_shows_everything_reg_9_requires_EXEC_5(client):
    item = plan_item(
        expected_from=datetime.date(2031, 3, 2),
        expected_to=datetime.date(2031, 3, 30),
        other_documents="The highways asset management plan",
    )
    body = text(client.get(item_url(item)))
    for expected in (
        item.reference,
        item.title,  # reg 9(1)(a)
        item.decision_maker.name_and_title,  # reg 9(1)(b)
        "Between 2 March 2031 and 30 March 2031",  # reg 9(1)(d)
        item.documents,  # reg 9(1)(e)
        "The highways asset management plan",  # reg 9(1)(f)
        item.documents_how,  # reg 9(1)(g)-(h)
        item.contact_name,
        item.contact_email,
        item.contact_phone,
        "First published",
        f"{item.first_published_on:%-d %B %Y}",
        "Will any part be taken in private?",  # reg 9(1)(c)
    ):
        assert expected in body, expected


def test_item_page_404s_for_drafts_submitted_and_unknown_references(client):
    for hidden in hidden_items():
        assert client.get(f"{PLAN}{hidden.pk}/").status_code == 404
        hidden.reference_slug = f"fp-2099-{hidden.pk:03d}"
        hidden.reference = f"FP 2099/{hidden.pk:03d}"
        PlanItem.objects.filter(pk=hidden.pk).update(reference=hidden.reference, reference_slug=hidden.reference_slug)
        response = client.get(item_url(hidden))
        assert response.status_code == 404
        assert MARKER not in response.content.decode()
    assert client.get(f"{PLAN}fp-2000-999/").status_code == 404


def test_withdrawn_item_stays_reachable_with_its_reason(client):
    item = plan_item(status=Status.WITHDRAWN, status_reason="The contract is no longer needed.")
    history(item, "withdraw", Status.PUBLISHED, Status.WITHDRAWN, comment="The contract is no longer needed.")
    body = text(client.get(item_url(item)))
    assert "This item has been withdrawn from the Forward Plan" in body
    assert "The contract is no longer needed." in body


def test_deferred_item_shows_its_reason_and_new_date(client):
    item = plan_item(
        status=Status.DEFERRED, expected_from=datetime.date(2031, 6, 9), status_reason="Awaiting the audit."
    )
    history(item, "defer", Status.PUBLISHED, Status.DEFERRED, comment="Awaiting the audit.")
    body = text(client.get(item_url(item)))
    assert "it is now expected 9 June 2031" in body
    assert "Awaiting the audit." in body
    assert "Deferred" in body


def test_item_changes_are_the_public_history_only(client):
    item = plan_item()
    before = item.first_published_at - datetime.timedelta(days=2)
    history(item, "return", Status.SUBMITTED, Status.DRAFT, comment=f"{MARKER} internal comment", at=before)
    history(item, "edit", Status.PUBLISHED, Status.PUBLISHED, comment="Changed: expected date of decision")
    body = text(client.get(item_url(item)))
    assert "Changes to this item" in body
    assert "Published on the Forward Plan" in body and "Changed" in body
    assert "Changed: expected date of decision" in body
    assert MARKER not in body


def test_first_published_date_never_moves_with_later_changes(client):
    item = plan_item(first_published_at=timezone.make_aware(datetime.datetime(2030, 1, 15, 10, 0)))
    history(item, "edit", Status.PUBLISHED, Status.PUBLISHED, comment="Changed: title")
    item.title = "A new title"
    item.save()
    body = text(client.get(item_url(item)))
    assert "15 January 2030" in body


def test_exempt_item_shows_its_paragraph_and_nothing_more_S12A_4(client):
    item = plan_item(expected_exempt=True, exempt_paragraphs=[3])
    body = text(client.get(item_url(item)))
    assert "Paragraph 3: " + SCHEDULE_12A[3] in body
    assert "paragraph 3 of Part 1 of Schedule 12A" in body
    for other in (1, 2, 4, 5, 6, 7):
        assert SCHEDULE_12A[other] not in body


def test_item_not_exempt_says_so(client):
    assert "Will any part be taken in private?" in text(client.get(item_url(plan_item(expected_exempt=False))))
    unknown = plan_item(expected_exempt=None)
    assert "Not known yet" in text(client.get(item_url(unknown)))


def test_item_page_queries_do_not_grow_with_history(client):
    quiet = plan_item()
    busy = plan_item(maker=DecisionMakerType.CABINET_MEMBER)
    for n in range(8):
        history(busy, "edit", Status.PUBLISHED, Status.PUBLISHED, comment=f"Changed {n}")
    assert queries(client, item_url(busy)) == queries(client, item_url(quiet))


def test_the_public_plan_follows_each_service_with_no_stale_page_EXEC_5(client, officer, democratic_support):
    """Through the services as people use them: each public change shows at once, though the plan
    and the item's page were cached a moment before (council.pagecache)."""
    draft = draft_item(officer, title="Award of the school meals contract", expected_from=datetime.date(2031, 3, 1))
    submitted = services.submit(draft, actor=officer)
    assert "school meals" not in text(client.get(PLAN))  # waiting for Democratic Support: not public
    item = services.publish(submitted, actor=democratic_support)
    url = item_url(item)
    assert "school meals" in text(client.get(PLAN)) and client.get(PLAN)["X-Page-Cache"] == "hit"
    assert "Published on the Forward Plan" in text(client.get(url))

    item = services.save_edits(item, actor=democratic_support, data={"documents": "The revised business case"})
    assert "The revised business case" in text(client.get(url))
    assert "Changed documents to be submitted to the decision maker" in text(client.get(url))

    item = services.defer(
        item, actor=democratic_support, reason="Awaiting the audit", expected_from=datetime.date(2031, 6, 9)
    )
    body = text(client.get(url))
    assert "it is now expected 9 June 2031" in body and "Awaiting the audit" in body
    assert "Deferred" in text(client.get(PLAN))

    services.withdraw(item, actor=democratic_support, reason="The contract is no longer needed")
    assert "school meals" not in text(client.get(PLAN))
    body = text(client.get(url))
    assert "This item has been withdrawn" in body and "The contract is no longer needed" in body
    first = PlanItem.objects.get(pk=item.pk).first_published_on
    assert f"{first:%-d %B %Y}" in body  # the first publication never moves
