"""OLGB-6: once a record's background papers' retention date has passed, Democratic Support may dispose
of their files: confirmed on a page, recorded in the history, each paper still listed with the day its
file went. Before the date, nothing is removed, by the page, the service or the model."""

import datetime
import html
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions import services as decision_services
from decisions.models import Decision
from decisions.models import Status as DecisionStatus
from records.models import FrozenRecord
from records.retention import last_day, latest_start_ended
from records.workflow import TransitionNotAllowed
from scrutiny import services as report_services
from scrutiny.models import Meeting
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory, advance, pdf_file
from tests.scrutiny.factories import BriefingReportFactory
from tests.scrutiny.factories import advance as advance_report

pytestmark = pytest.mark.usefixtures("no_pdf_render")

LONG_AGO = datetime.date(2020, 7, 1)  # the papers' four years ended on 30 June 2024


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def cast(db):
    return Cast()


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def published_decision(cast, decided_on=None, *, with_a_file=True):
    decision = DecisionFactory(cast=cast)
    decision.background_papers.all().delete()
    if with_a_file:
        decision.background_papers.create(
            title="Traffic survey", order=1, file=pdf_file("survey.pdf"), original_filename="survey.pdf"
        )
    decision.background_papers.create(title="Cabinet minutes", order=2)  # listed, no file
    decision = advance(decision, DecisionStatus.PUBLISHED, cast)
    if decided_on:
        Decision._base_manager.filter(pk=decision.pk).update(decided_on=decided_on)  # the scene: years ago
        decision.refresh_from_db()
    return decision


def dispose_url(decision):
    return reverse("decisions:dispose-papers", args=[decision.pk])


def test_before_the_date_nothing_is_disposed_of_by_any_door_OLGB_6(client, cast, media):
    decision = published_decision(cast)  # decided today: kept four more years
    paper = decision.background_papers.get(order=1)
    with pytest.raises(TransitionNotAllowed, match="kept until"):
        decision_services.RECORDS.dispose_papers(decision, actor=cast.democratic_support)
    paper.file, paper.disposed_at = "", datetime.datetime.now(datetime.UTC)
    with pytest.raises(FrozenRecord):  # the model refuses it too, whoever calls save()
        paper.save(update_fields=["file", "disposed_at"])
    client.force_login(cast.democratic_support)
    page = client.get(reverse("decisions:record", args=[decision.pk])).content.decode()
    assert dispose_url(decision) not in page  # no button
    response = client.post(dispose_url(decision))
    assert response.status_code == 200
    assert "their files cannot be disposed of before then" in text(response)
    paper.refresh_from_db()
    assert paper.file and paper.disposed_at is None and (media / paper.file.name).exists()


def test_after_the_date_democratic_support_disposes_of_the_files_OLGB_6(
    client, cast, media, django_capture_on_commit_callbacks
):
    decision = published_decision(cast, decided_on=LONG_AGO)
    paper = decision.background_papers.get(order=1)
    stored = media / paper.file.name
    public_file = reverse("decisions:public-paper", args=[decision.reference_slug, 1])
    assert client.get(public_file).status_code == 200
    detail = reverse("decisions:detail", args=[decision.reference_slug])
    assert "Its file was disposed of" not in text(client.get(detail))  # now in the page cache
    client.force_login(cast.democratic_support)
    page = client.get(reverse("decisions:record", args=[decision.pk])).content.decode()
    assert f'href="{dispose_url(decision)}"' in page
    confirm = text(client.get(dispose_url(decision)))
    assert "The background papers were kept until 30 June 2024, 4 years from 1 July 2020" in confirm
    assert "Traffic survey (survey.pdf)" in confirm and "Cabinet minutes" not in confirm
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(dispose_url(decision)).status_code == 302
    paper.refresh_from_db()
    assert not paper.file and paper.disposed_at is not None and not stored.exists()
    event = decision.events.order_by("-pk").first()
    assert event.action == "dispose_papers" and event.actor == cast.democratic_support
    assert event.comment == "Files disposed of: Traffic survey"
    client.logout()
    public = text(client.get(reverse("decisions:detail", args=[decision.reference_slug])))
    assert (
        f"Traffic survey Its file was disposed of on {paper.disposed_at:%-d %B %Y}, after its retention period"
        in public
    )
    assert client.get(public_file).status_code == 404
    assert (
        client.get(reverse("api:decision", args=[decision.reference_slug])).json()["background_paper_list"][0][
            "download_url"
        ]
        is None
    )


def test_only_democratic_support_disposes_of_papers_OLGB_6(client, cast):
    decision = published_decision(cast, decided_on=LONG_AGO)
    for person in (cast.officer, cast.decision_maker, cast.finance_reviewer):
        client.force_login(person)
        assert client.get(dispose_url(decision)).status_code == 403
        assert client.post(dispose_url(decision)).status_code == 403
        with pytest.raises(PermissionDenied):
            decision_services.RECORDS.dispose_papers(decision, actor=person)
    assert decision.background_papers.get(order=1).file


def test_nothing_left_to_dispose_of_is_said_OLGB_6(client, cast, django_capture_on_commit_callbacks):
    decision = published_decision(cast, decided_on=LONG_AGO)
    decision_services.RECORDS.dispose_papers(decision, actor=cast.democratic_support)
    with pytest.raises(TransitionNotAllowed, match="No background paper has a file left"):
        decision_services.RECORDS.dispose_papers(decision, actor=cast.democratic_support)
    client.force_login(cast.democratic_support)
    assert dispose_url(decision) not in client.get(reverse("decisions:record", args=[decision.pk])).content.decode()


def test_a_reports_papers_are_disposed_of_after_four_years_from_its_meeting_OLGB_6(
    client, cast, media, django_capture_on_commit_callbacks
):
    report = BriefingReportFactory()
    report.background_papers.create(title="Workforce plan", file=pdf_file("workforce.pdf"))
    report = advance_report(report, ReportStatus.PUBLISHED)
    url = reverse("scrutiny:dispose-papers", args=[report.pk])
    with pytest.raises(TransitionNotAllowed, match="kept until"):
        report_services.RECORDS.dispose_papers(report, actor=cast.democratic_support)
    Meeting.objects.filter(pk=report.meeting_id).update(date=LONG_AGO)
    report.refresh_from_db()
    paper = report.background_papers.get()
    stored = media / paper.file.name
    client.force_login(cast.democratic_support)
    assert f'href="{url}"' in client.get(reverse("scrutiny:report", args=[report.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not stored.exists()
    client.logout()
    public = text(client.get(reverse("committees:report", args=[report.committee.slug, report.pk])))
    assert "Workforce plan Its file was disposed of on" in public


# — Democratic Support's list of what is due ---------------------------------------------------------


@pytest.mark.parametrize("years", [1, 4, 6])
def test_the_last_start_whose_period_has_ended_agrees_with_its_last_day_OLGB_6(years):
    """`latest_start_ended` (the queue's database filter) says of every start day what `last_day`
    says: a period beginning on or before it has ended before today, one beginning after has not,
    across 29 February (today or the start) in leap and other years."""
    todays = [datetime.date(y, m, d) for y in (2027, 2028, 2029) for m, d in ((2, 28), (3, 1), (12, 31), (1, 1))]
    todays.append(datetime.date(2028, 2, 29))
    for today in todays:
        cutoff = latest_start_ended(today, years)
        first = datetime.date(today.year - years - 1, 1, 1)
        for offset in range(800):
            start = first + datetime.timedelta(days=offset)
            assert (start <= cutoff) == (last_day(start, years) < today), (today, start, years)


def _home(client, person):
    client.force_login(person)
    return text(client.get(reverse("staff-home")))


def test_democratic_support_is_told_which_records_papers_are_past_their_date_OLGB_6(
    client, cast, django_capture_on_commit_callbacks
):
    due = published_decision(cast, decided_on=LONG_AGO)
    recent = published_decision(cast)  # decided today: its papers are kept four more years
    no_file = published_decision(cast, decided_on=LONG_AGO, with_a_file=False)  # only a paper listed
    report = BriefingReportFactory(cast=cast)
    report.background_papers.create(title="Workforce plan", file=pdf_file("workforce.pdf"))
    report = advance_report(report, ReportStatus.PUBLISHED)
    Meeting.objects.filter(pk=report.meeting_id).update(date=datetime.date(2021, 3, 1))

    page = _home(client, cast.democratic_support)
    listed = page.split("Background papers past their retention date", 1)[1]
    assert f"{due.reference}: {due.title}" in listed
    assert "Background papers kept until 30 June 2024" in listed
    assert recent.reference not in listed and no_file.reference not in listed
    assert f"Briefing report: {report.title} Background papers kept until 28 February 2025 Published" in listed
    html = client.get(reverse("staff-home")).text
    assert f'href="{reverse("decisions:record", args=[due.pk])}"' in html  # where "Dispose of" is
    assert f'href="{reverse("scrutiny:report", args=[report.pk])}"' in html

    for person in (cast.officer, cast.decision_maker, cast.finance_reviewer):
        assert "past their retention date" not in _home(client, person)

    with django_capture_on_commit_callbacks(execute=True):
        decision_services.RECORDS.dispose_papers(due, actor=cast.democratic_support)
        report_services.RECORDS.dispose_papers(report, actor=cast.democratic_support)
    page = _home(client, cast.democratic_support)
    assert "No published record has background papers past their retention date." in page
    assert "No published briefing report has background papers past their retention date." in page


def test_the_list_of_papers_past_their_date_is_read_in_constant_queries_OLGB_6(client, cast):
    published_decision(cast, decided_on=LONG_AGO)
    client.force_login(cast.democratic_support)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("staff-home")).status_code == 200
    for year in (2019, 2020, 2021):
        published_decision(cast, decided_on=datetime.date(year, 1, 4))
    with CaptureQueriesContext(connection) as four:
        page = client.get(reverse("staff-home")).text
    assert page.count("Background papers kept until") == 4
    assert len(four) == len(one)
