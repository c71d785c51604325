"""Every list and every item makes the same number of queries however many rows, children and
people it has: related rows are joined or prefetched, never fetched one by one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import Committee
from tests.api.data import quick_decision, quick_report
from tests.factories import UserFactory
from tests.scrutiny.factories import MeetingFactory

_counter = iter(range(1, 10_000))


def queries(client, url, params=None):
    client.get(url, params)  # warm up: the council's settings, content types
    with CaptureQueriesContext(connection) as captured:
        # Past the page cache (it serves only requests without a session cookie): the view's own
        # queries are measured, not a cache hit's one.
        response = client.get(url, params, HTTP_COOKIE="sessionid=none")
    assert response.status_code == 200, response.content[:300]
    assert len(captured.captured_queries) > 1, f"{url} came from the page cache: nothing was measured"
    return len(captured.captured_queries)


def add_decisions(cast, how_many):
    return [quick_decision(cast, next(_counter), children=True) for _ in range(how_many)]


def add_committees(how_many):
    made = []
    for _ in range(how_many):
        n = next(_counter)
        committee = Committee.objects.create(name=f"Committee {n}", slug=f"committee-{n}", order=n)
        chair, vice = UserFactory(), UserFactory()
        committee.chair, committee.vice_chair = chair, vice
        committee.save()
        committee.members.add(chair, vice, UserFactory())
        made.append(committee)
    return made


def add_meetings(cast, how_many):
    made = []
    for _ in range(how_many):
        meeting = MeetingFactory()
        quick_report(cast, next(_counter), meeting=meeting)
        quick_report(cast, next(_counter), meeting=meeting, part_2=True)
        made.append(meeting)
    return made


def add_reports(cast, how_many):
    made = []
    for n in range(how_many):
        made.append(quick_report(cast, next(_counter), children=True, part_2=(n % 4 == 3)))
    return made


MAKERS = {
    "api:decisions": lambda cast, n: add_decisions(cast, n),
    "api:committees": lambda cast, n: add_committees(n),
    "api:meetings": add_meetings,
    "api:reports": add_reports,
}


@pytest.mark.parametrize("name", sorted(MAKERS))
@pytest.mark.parametrize("params", [{}, {"page_size": 100}, {"page_size": 5, "page": 2}])
def test_list_queries_do_not_grow_with_rows_or_page_size(client, cast, name, params):
    MAKERS[name](cast, 2 if params.get("page") is None else 7)
    few = queries(client, reverse(name), params)
    MAKERS[name](cast, 10)
    assert queries(client, reverse(name), params) == few


def test_filtered_lists_are_constant_too(client, cast):
    meetings = add_meetings(cast, 2)
    slug = meetings[0].committee.slug
    cases = [
        ("api:decisions", {"urgent": "no", "directorate": "cyp", "decided_from": "2020-01-01", "q": "decision"}),
        ("api:meetings", {"committee": slug}),
        ("api:reports", {"committee": slug}),
    ]
    add_decisions(cast, 2)
    before = [queries(client, reverse(name), params) for name, params in cases]
    add_meetings(cast, 6)
    add_decisions(cast, 8)
    assert [queries(client, reverse(name), params) for name, params in cases] == before


def test_item_queries_do_not_grow_with_children(client, cast):
    small_decision = quick_decision(cast, next(_counter))
    big_decision = quick_decision(cast, next(_counter), children=True, consulted=True)
    small_report = quick_report(cast, next(_counter), sections=[])
    big_report = quick_report(
        cast, next(_counter), children=True, sections=[(f"Heading {n}", "Text") for n in range(1, 9)]
    )
    small_meeting = MeetingFactory()
    big_meeting = add_meetings(cast, 1)[0]
    for _ in range(4):
        quick_report(cast, next(_counter), meeting=big_meeting)
    small_committee = Committee.objects.create(name="Small", slug="small", order=90)
    big_committee = add_committees(1)[0]
    big_committee.members.add(*[UserFactory() for _ in range(6)])
    pairs = [
        ("api:decision", {"id": small_decision.reference_slug}, {"id": big_decision.reference_slug}),
        ("api:report", {"id": small_report.pk}, {"id": big_report.pk}),
        ("api:meeting", {"id": small_meeting.pk}, {"id": big_meeting.pk}),
        ("api:committee", {"slug": small_committee.slug}, {"slug": big_committee.slug}),
    ]
    for name, small, big in pairs:
        assert queries(client, reverse(name, kwargs=small)) == queries(client, reverse(name, kwargs=big)), name
