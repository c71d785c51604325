"""General exception and special urgency notices in the JSON API (api/views_notices.py): published
notices only, each response validated against the OpenAPI document by the `api` fixture; the
reasons only once published (reg 10(4)); the decision linked only once it is published; never a
decision's exempt text; a filter, pagination and constant queries."""

import pytest
from django.urls import reverse

from decisions.models import Decision, Status
from notices import opendata, services
from tests.api.test_forwardplan import _queries  # past the page cache, as the plan's API is measured
from tests.notices.factories import general_exception_decision

pytestmark = pytest.mark.django_db
LIST = "/api/v1/notices/"
REASONS = "The grant offer closes before 28 clear days' notice can run."
MARKER = "ZZEXEMPTMARKER"


def detail(notice):
    return reverse("api:notice", kwargs={"id": notice.pk})


def give(cast, **values):
    decision = general_exception_decision(cast=cast, **values)
    return services.give_general_exception_notice(decision, actor=cast.democratic_support, reasons=REASONS)


def test_notice_urls_are_stable():
    assert reverse("api:notices") == LIST
    assert reverse("api:notice", kwargs={"id": 7}) == "/api/v1/notices/7/"


def test_list_gives_published_notices_newest_first_EXEC_6(api, cast):
    first = give(cast, title="Emergency repairs to the Civic Centre roof")
    second = give(cast, title="Temporary classrooms at Plymstock School")
    body = api.get(LIST)
    assert body["count"] == 2
    assert [r["id"] for r in body["results"]] == [second.pk, first.pk]
    row = body["results"][1]
    assert list(row) == list(opendata.FIELDS)
    assert row["kind"] == "general_exception" and row["title"] == "Emergency repairs to the Civic Centre roof"
    assert row["url"].endswith(reverse("notices:detail", kwargs={"pk": first.pk}))
    assert row["chair_name"] == first.chair_name and row["committee_name"] == first.committee_name
    assert row["published_on"] == first.published_on.isoformat()


def test_list_filters_by_kind(api, cast):
    notice = give(cast)
    assert [r["id"] for r in api.get(LIST, {"kind": "general_exception"})["results"]] == [notice.pk]
    assert api.get(LIST, {"kind": "special_urgency"})["count"] == 0
    body = api.get(LIST, {"kind": "draft"}, status=400)
    assert list(body["errors"]) == ["kind"]


def test_list_pages_as_the_rest_of_the_api(api, cast):
    for _ in range(3):
        give(cast)
    first = api.get(LIST, {"page_size": 2})
    assert first["count"] == 3 and len(first["results"]) == 2 and "page=2" in first["next"]
    assert len(api.get(LIST, {"page_size": 2, "page": 2})["results"]) == 1
    api.get(LIST, {"page_size": 2, "page": 3}, status=404)


def test_reasons_are_null_until_the_notice_of_reasons_is_published_EXEC_6(api, cast):
    notice = give(cast)
    body = api.get(detail(notice))
    assert body["reasons"] is None and body["reasons_published_at"] is None
    assert REASONS not in "".join(api.bodies)
    services.publish_reasons(notice, actor=cast.democratic_support, reasons=REASONS)
    body = api.get(detail(notice))
    assert body["reasons"] == REASONS and body["reasons_published_at"]


def test_decision_is_linked_only_once_published(api, cast):
    notice = give(cast)
    body = api.get(detail(notice))
    assert body["decision_reference"] is None and body["decision_url"] is None
    other = give(cast)
    # Published as the demo's history is loaded: the 5 clear days' signing is tests/decisions' concern.
    Decision.objects.filter(pk=other.decision_id).update(
        status=Status.PUBLISHED, decided_on=other.published_on, published_at=other.published_at
    )
    decision = Decision.objects.get(pk=other.decision_id)
    body = api.get(detail(other))
    assert body["decision_reference"] == decision.reference
    assert body["decision_url"].endswith(reverse("decisions:detail", kwargs={"slug": decision.reference_slug}))


def test_detail_is_404_for_no_notice(api):
    body = api.get(reverse("api:notice", kwargs={"id": 999999}), status=404)
    assert body["message"] == "No published notice has that id."


def test_notice_about_a_part_ii_decision_never_gives_its_exempt_text_S12A_4(api, cast):
    exempt = f"{MARKER} quokkapricing"
    notice = give(
        cast,
        exempt=True,
        part2_summary=f"{exempt} notice's part II summary",
        part2_public_interest_reasoning=f"{exempt} notice's part II reasoning",
    )
    services.publish_reasons(notice, actor=cast.democratic_support, reasons=REASONS)
    assert MARKER in Decision.objects.get(pk=notice.decision_id).part2_summary
    api.get(LIST)
    api.get(detail(notice))
    assert len(api.bodies) == 2 and MARKER not in "".join(api.bodies)


def test_notice_schema_comes_from_the_open_data_fields(api):
    schemas = api.document()["components"]["schemas"]
    assert list(schemas["Notice"]["properties"]) == list(opendata.FIELDS) == schemas["Notice"]["required"]
    assert schemas["Notice"]["properties"]["kind"]["enum"] == ["general_exception", "special_urgency"]
    assert set(opendata.FIELDS) < set(schemas["NoticeDetail"]["properties"])


def test_index_links_the_notices(api):
    assert api.get("/api/v1/")["notices"].endswith(LIST)


@pytest.mark.parametrize("params", [{}, {"page_size": 100}, {"kind": "general_exception", "page_size": 5}])
def test_list_queries_do_not_grow_with_notices(client, cast, params):
    give(cast)
    few = _queries(client, LIST, params)
    for _ in range(6):
        give(cast)
    assert _queries(client, LIST, params) == few
