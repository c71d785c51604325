"""What the public sees of call-in (CALL-1, CALL-2, issue #13): the decision's page says its status in
words and, for a validated call-in, the reasons, the meeting, the outcome and the reconsideration;
the register has a "Call-in" column and "open to call-in" / "called in" filters in constant
queries; the downloads and the Atom feed carry the same. A request not validated (still gathering
names, withdrawn, not valid) is never public: only the decision's "requested" status shows.

The states are written directly here (`call_in_state`): the services that move them are
tests/callin's; the page cache's purges are tested through the services in test_public_callin_cache."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from callin.models import CallIn, CallInEvent, Outcome, Reconsideration
from callin.models import Status as CallInStatus
from council import pagecache
from decisions.models import CallInState, Decision
from tests.decisions.factories import Cast, education_committee
from tests.decisions.test_register import body, published, queries
from tests.factories import UserFactory
from tests.scrutiny.factories import MeetingFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
ATOM = "{http://www.w3.org/2005/Atom}"
# Published on Friday 28 August 2026; Monday 31 August is a bank holiday: five working days run
# to Monday 7 September, effective from Tuesday 8 September (the calendar's own tests: tests/callin).
ENDS = datetime.date(2026, 9, 7)
EFFECTIVE = datetime.date(2026, 9, 8)
UNVALIDATED_REASONS = "ZZUNVALIDATED the councillors are still gathering names"


@pytest.fixture
def cast(db):
    return Cast()


def on(day, hour=10):
    """The clock on `day` in the council's time zone."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON), tick=False)


def open_decision(cast, n, **fields):
    """A decision published on 28 August 2026, its call-in window running to 7 September."""
    values = dict(
        subject_to_call_in=True,
        call_in_state=CallInState.OPEN,
        call_in_ends_on=ENDS,
        effective_from=EFFECTIVE,
        title=f"Library opening hours, phase {n}",
        conflict_of_interest=False,
        has_exempt_information=False,
    )
    values.update(fields)
    return published(cast, n, datetime.date(2026, 8, 28), **values)


def call_in(decision, status, *, n=1, **fields):
    """A call-in of `decision` in `status`, written directly, with one event into that status."""
    values = dict(
        reference=f"CI 2026/{n:03d}",
        decision=decision,
        author=UserFactory(),
        committee=education_committee(Cast()),
        reasons="The consultation did not reach the users of the libraries.",
        status=status,
    )
    values.update(fields)
    made = CallIn.objects.create(**values)
    CallInEvent.objects.create(
        call_in=made, action="request", from_status=CallInStatus.GATHERING, to_status=status, actor=made.author
    )
    return made


def called_in(cast, n=1, **fields):
    decision = open_decision(
        cast, n, call_in_state=CallInState.CALLED_IN, effective_from=None, called_in_on=datetime.date(2026, 9, 3)
    )
    made = call_in(
        decision,
        CallInStatus.CALLED_IN,
        n=n,
        validated_at=datetime.datetime(2026, 9, 4, 11, tzinfo=LONDON),
        **fields,
    )
    return decision, made


def change(model, pk, **fields):
    """Test data written behind the signals bumps the public version, as the services' saves do."""
    model.objects.filter(pk=pk).update(**fields)
    pagecache.bump()


def page(client, decision):
    response = client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug}))
    assert response.status_code == 200
    return response.content.decode()


# — the decision's page ------------------------------------------------------------------------------


def test_public_page_says_subject_to_call_in_until_then_effective_from_CALL_1(client, cast):
    decision = open_decision(cast, 1)
    with on(datetime.date(2026, 9, 7)):
        text = page(client, decision)
    assert "Open to call-in" in text
    assert "Subject to call-in until 7 September 2026. Effective from 8 September 2026 unless called in." in text
    with on(EFFECTIVE):
        text = page(client, decision)
    assert "Effective from 8 September 2026." in text and "Subject to call-in until" not in text


def test_public_page_says_why_an_urgent_decision_is_not_subject_to_call_in_CALL_2(client, cast):
    reason = "An urgent decision: the chair of the scrutiny committee agreed it is exempt from call-in (CALL-2)"
    decision = open_decision(
        cast, 1, subject_to_call_in=False, call_in_state=CallInState.NOT_SUBJECT, not_subject_reason=reason
    )
    text = page(client, decision)
    assert "Not subject to call-in" in text and reason in text


def test_public_page_of_a_request_being_checked_says_held_without_the_request_CALL_1(client, cast):
    decision = open_decision(
        cast, 1, call_in_state=CallInState.REQUESTED, effective_from=None, called_in_on=datetime.date(2026, 9, 3)
    )
    call_in(decision, CallInStatus.REQUESTED, reasons=UNVALIDATED_REASONS)
    text = page(client, decision)
    assert "Call-in requested on 3 September 2026" in text and "cannot take effect" in text
    assert "ZZUNVALIDATED" not in text and "CI 2026/001" not in text


@pytest.mark.parametrize("status", [CallInStatus.GATHERING, CallInStatus.WITHDRAWN, CallInStatus.REJECTED])
def test_public_page_never_shows_a_request_not_validated_CALL_1(client, cast, status):
    decision = open_decision(cast, 1)
    call_in(decision, status, reasons=UNVALIDATED_REASONS)
    with on(datetime.date(2026, 9, 2)):
        text = page(client, decision)
    assert "Subject to call-in until 7 September 2026" in text
    assert "ZZUNVALIDATED" not in text and "CI 2026/001" not in text


def test_public_page_shows_a_validated_call_in_meeting_and_outcome_CALL_1(client, cast):
    meeting = MeetingFactory(date=datetime.date(2026, 9, 21))
    decision, made = called_in(cast, meeting=meeting)
    text = page(client, decision)
    assert "Called in on 3 September 2026: it cannot take effect until the scrutiny committee" in text
    assert "CI 2026/001" in text and "The consultation did not reach the users of the libraries." in text
    assert reverse("committees:meeting", kwargs={"slug": meeting.committee.slug, "pk": meeting.pk}) in text
    assert "21 September 2026" in text

    change(
        CallIn,
        made.pk,
        status=CallInStatus.REFERRED_BACK,
        outcome=Outcome.REFERRED_BACK,
        outcome_on=datetime.date(2026, 9, 21),
        concerns="The committee asks for a survey of users first.",
    )
    change(Decision, decision.pk, call_in_state=CallInState.REFERRED_BACK)
    text = page(client, decision)
    assert "Referred back to the decision maker, 21 September 2026" in text
    assert "The committee asks for a survey of users first." in text
    assert "it cannot take effect until it is reconsidered" in text

    change(
        CallIn,
        made.pk,
        status=CallInStatus.CLOSED,
        reconsideration=Reconsideration.CONFIRMED,
        reconsidered_on=datetime.date(2026, 9, 25),
    )
    change(Decision, decision.pk, call_in_state=CallInState.EFFECTIVE, effective_from=datetime.date(2026, 9, 25))
    text = page(client, decision)
    assert "Effective from 25 September 2026." in text
    assert "The decision maker confirmed the decision, 25 September 2026" in text


def test_reconsidered_decisions_link_both_ways_once_published_CALL_1(client, cast):
    original, made = called_in(cast)
    changed = published(
        cast,
        2,
        datetime.date(2026, 9, 28),
        title="Library opening hours, changed",
        reconsiders=original,
        subject_to_call_in=False,
        call_in_state=CallInState.NOT_SUBJECT,
        not_subject_reason="A decision reconsidered after call-in cannot be called in again",
    )
    change(
        CallIn,
        made.pk,
        status=CallInStatus.CLOSED,
        reconsideration=Reconsideration.CHANGED,
        reconsidered_on=datetime.date(2026, 9, 28),
    )
    change(Decision, original.pk, call_in_state=CallInState.REPLACED)
    original_page, changed_page = page(client, original), page(client, changed)
    assert "Replaced by" in original_page and f'href="/decisions/{changed.reference_slug}/"' in original_page
    assert "This decision replaces" in changed_page and f'href="/decisions/{original.reference_slug}/"' in changed_page
    assert "cannot be called in again" in changed_page

    change(Decision, changed.pk, status="decided")  # not (yet) public: no link to it
    text = page(client, original)
    assert f"/decisions/{changed.reference_slug}/" not in text
    assert "The decision maker is taking a changed decision, which will replace this one when it is published" in text


# — the register -------------------------------------------------------------------------------------


def test_register_call_in_column_and_filters_CALL_1(client, cast):
    open_one = open_decision(cast, 1)
    held, _ = called_in(cast, 2)
    closed = open_decision(cast, 3, call_in_ends_on=datetime.date(2026, 9, 1), effective_from=datetime.date(2026, 9, 2))
    old = published(cast, 4, datetime.date(2021, 5, 1))  # published before call-in was recorded
    url = reverse("decisions:list")
    with on(datetime.date(2026, 9, 3)):
        listing = body(client.get(url))
        opened = client.get(url, {"call_in": "open"})
        held_only = client.get(url, {"call_in": "called_in"})
    assert "Open to call-in" in listing and "Called in" in listing and "Effective" in listing
    assert [d.pk for d in opened.context["decisions"]] == [open_one.pk]
    assert [d.pk for d in held_only.context["decisions"]] == [held.pk]
    assert ("Call-in", "Open to call-in", "") in opened.context["register"].active_filters()
    assert closed.pk not in [d.pk for d in opened.context["decisions"]]
    assert old.reference in listing


def test_register_call_in_filter_refuses_an_unknown_value_and_keeps_the_rest(client, cast):
    open_decision(cast, 1)
    response = client.get(reverse("decisions:list"), {"call_in": "maybe", "urgent": "no"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Choose open to call-in, called in or any" in text and 'href="#id_call_in"' in text
    assert response.context["register"].values["urgent"] == "no"


@pytest.mark.parametrize("params", [{"call_in": "open"}, {"call_in": "called_in"}, {}])
def test_register_call_in_queries_constant_with_3_or_40_records(client, cast, params):
    with on(datetime.date(2026, 9, 3)):
        for n in range(1, 4):
            (open_decision if n % 2 else called_in)(cast, n)
        url = reverse("decisions:list") + "?" + "&".join(f"{k}={v}" for k, v in params.items())
        client.get(url)
        three = queries(client, url)
        for n in range(4, 41):
            (open_decision if n % 2 else called_in)(cast, n)
        assert queries(client, url) == three


# — downloads and the feed ---------------------------------------------------------------------------


def test_downloads_carry_the_call_in_fields_CALL_1(client, cast):
    decision, _ = called_in(cast)
    changed = published(cast, 2, datetime.date(2026, 9, 28), reconsiders=decision)
    with on(datetime.date(2026, 9, 3)):
        rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("decisions:download-csv"))).lstrip("\ufeff"))))
        data = json.loads(body(client.get(reverse("decisions:download-json"))))
    row = next(r for r in rows if r["reference"] == decision.reference)
    assert row["subject_to_call_in"] == "yes" and row["called_in"] == "yes" and row["call_in_state"] == "called_in"
    assert row["call_in_ends_on"] == "2026-09-07" and row["effective_from"] == ""
    assert row["call_in_status"].startswith("Called in on 3 September 2026")
    item = next(d for d in data["decisions"] if d["reference"] == decision.reference)
    assert item["called_in"] is True and item["effective_from"] is None
    assert item["reconsidered_by"].endswith(f"/decisions/{changed.reference_slug}/")
    replacement = next(d for d in data["decisions"] if d["reference"] == changed.reference)
    assert replacement["reconsiders"].endswith(f"/decisions/{decision.reference_slug}/")


def test_csv_call_in_text_is_formula_safe(client, cast):
    open_decision(
        cast,
        1,
        call_in_state=CallInState.NOT_SUBJECT,
        subject_to_call_in=False,
        not_subject_reason="=HYPERLINK(1)",
    )
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("decisions:download-csv"))).lstrip("\ufeff"))))
    assert rows[0]["not_subject_to_call_in_reason"] == "'=HYPERLINK(1)"


def test_feed_entry_says_the_call_in_and_is_updated_when_called_in_CALL_1(client, cast):
    decision = open_decision(cast, 1)
    with on(datetime.date(2026, 9, 2)):
        root = ET.fromstring(client.get(reverse("decisions:feed")).content)
    entry = root.find(f"{ATOM}entry")
    assert "Subject to call-in until 7 September 2026" in entry.findtext(f"{ATOM}summary")
    published_updated = entry.findtext(f"{ATOM}updated")

    with on(datetime.date(2026, 9, 4)):
        made = call_in(decision, CallInStatus.CALLED_IN, validated_at=timezone.now())
        change(
            Decision,
            decision.pk,
            call_in_state=CallInState.CALLED_IN,
            effective_from=None,
            called_in_on=datetime.date(2026, 9, 3),
        )
        root = ET.fromstring(client.get(reverse("decisions:feed")).content)
    entry = root.find(f"{ATOM}entry")
    assert "Called in on 3 September 2026" in entry.findtext(f"{ATOM}summary")
    assert entry.findtext(f"{ATOM}updated") > published_updated
    assert entry.findtext(f"{ATOM}updated").startswith("2026-09-04")
    assert made.reference not in entry.findtext(f"{ATOM}summary")


def test_feed_brings_back_a_decision_whose_call_in_outcome_came_after_fifty_newer_ones_CALL_1(client, cast):
    with on(datetime.date(2026, 9, 4)):
        decision, made = called_in(cast, 1)
    for n in range(2, 53):
        published(cast, n, datetime.date(2026, 9, 10) + datetime.timedelta(days=n))
    with on(datetime.date(2026, 11, 2)):
        CallInEvent.objects.create(
            call_in=made, action="record_outcome", from_status=CallInStatus.CALLED_IN, to_status=CallInStatus.CLOSED
        )
        root = ET.fromstring(client.get(reverse("decisions:feed")).content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].findtext(f"{ATOM}title").startswith(decision.reference)


def test_feed_ignores_names_added_to_a_request_not_yet_made_CALL_1(client, cast):
    decision = open_decision(cast, 1)
    with on(datetime.date(2026, 9, 2)):
        call_in(decision, CallInStatus.GATHERING)  # its event: gathering -> gathering
        root = ET.fromstring(client.get(reverse("decisions:feed")).content)
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}updated").startswith("2026-08-28")


def test_feed_queries_constant_with_call_ins(client, cast):
    with on(datetime.date(2026, 9, 3)):
        for n in range(1, 4):
            called_in(cast, n)
        three = queries(client, reverse("decisions:feed"))
        for n in range(4, 20):
            called_in(cast, n)
        assert queries(client, reverse("decisions:feed")) == three


def test_sitemap_lastmod_follows_the_call_in_CALL_1(client, cast):
    decision, _ = called_in(cast)
    later = datetime.datetime(2026, 9, 4, 11, tzinfo=LONDON)
    change(Decision, decision.pk, updated_at=later)  # as the call-in services' save does
    text = client.get("/sitemap-decisions.xml").content.decode()
    entry = text.split(f"/decisions/{decision.reference_slug}/", 1)[1].split("</url>", 1)[0]
    assert "<lastmod>2026-09-04</lastmod>" in entry


def test_feed_orders_a_decision_imported_without_a_publication_time_last(client, cast):
    imported = published(cast, 1, datetime.date(2021, 5, 1), published_at=None)
    held, _ = called_in(cast, 2)
    response = client.get(reverse("decisions:feed"))
    assert response.status_code == 200
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(response.content).findall(f"{ATOM}entry")]
    assert titles[0].startswith(held.reference) and titles[-1].startswith(imported.reference)
