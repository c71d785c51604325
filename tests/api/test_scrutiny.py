"""Committees, meetings and published briefing reports in the API, as their public pages show them:
a Part II report by its title and exemption text only; drafts never."""

import pytest
from django.urls import reverse
from django.utils import timezone

from council.models import Committee, CouncilSettings, User
from scrutiny import documents, opendata
from scrutiny.models import BriefingReport, Confidentiality, ReportAppendix, ReportBackgroundPaper, Status
from tests.api.data import quick_report
from tests.decisions.factories import pdf_file
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory

COMMITTEES = "/api/v1/committees/"
MEETINGS = "/api/v1/meetings/"
REPORTS = "/api/v1/reports/"
OTHER_COMMITTEE = "health-and-adult-social-care"


def committee_url(slug):
    return reverse("api:committee", kwargs={"slug": slug})


def meeting_url(meeting):
    return reverse("api:meeting", kwargs={"id": getattr(meeting, "pk", meeting)})


def report_url(report):
    return reverse("api:report", kwargs={"id": getattr(report, "pk", report)})


# — committees -------------------------------------------------------------------------------------


def test_committees_list_names_chair_members_and_links(api, cast, scrutiny_chair):
    member = User.objects.create(username="cllr.allen", first_name="Ruth", last_name="Allen", honorific="Councillor")
    committee = opendata.committee_queryset().get(slug=EDUCATION_COMMITTEE)
    committee.members.add(member, scrutiny_chair)
    body = api.get(COMMITTEES)
    item = next(c for c in body["results"] if c["slug"] == EDUCATION_COMMITTEE)
    assert body["count"] == opendata.committee_queryset().count()
    assert item["chair"] == "Councillor Jemima Laing" and item["vice_chair"] is None
    assert item["members"] == ["Councillor Ruth Allen", "Councillor Jemima Laing"]
    assert item["url"].endswith(f"/committees/{EDUCATION_COMMITTEE}/")
    assert item["meetings_url"].endswith(f"/api/v1/meetings/?committee={EDUCATION_COMMITTEE}")
    assert api.get(committee_url(EDUCATION_COMMITTEE)) == {**item, "licence": body["licence"]}


def test_unknown_committee_is_404(api, db):
    assert api.get(committee_url("no-such-committee"), status=404)["message"] == "No committee has that slug."


# — meetings ---------------------------------------------------------------------------------------


def test_meetings_list_agendas_in_order_with_published_reports_only(api, cast):
    meeting = MeetingFactory(venue="Warspite Room")
    first = quick_report(cast, 1, meeting=meeting)
    second = quick_report(cast, 2, meeting=meeting, part_2=True)
    BriefingReportFactory(cast=cast, meeting=meeting, title="A draft item")
    other = MeetingFactory(committee=Committee.objects.get(slug=OTHER_COMMITTEE))

    body = api.get(MEETINGS)
    assert {m["id"] for m in body["results"]} == {meeting.pk, other.pk}
    item = api.get(meeting_url(meeting))
    assert item["venue"] == "Warspite Room" and item["agenda_published"] is True
    assert item["committee"]["slug"] == EDUCATION_COMMITTEE
    assert [(a["position"], a["id"]) for a in item["agenda"]] == [(1, first.pk), (2, second.pk)]
    part_1, part_2 = item["agenda"]
    assert part_1["pdf_url"].endswith(f"/reports/{first.pk}/pdf/") and part_1["not_for_publication"] == ""
    assert part_2["pdf_url"] is None and part_2["not_for_publication"].startswith("Not for publication")
    assert "A draft item" not in str(body) + str(item)


def test_meetings_filter_by_committee(api, cast):
    mine = MeetingFactory()
    MeetingFactory(committee=Committee.objects.get(slug=OTHER_COMMITTEE))
    body = api.get(MEETINGS, {"committee": EDUCATION_COMMITTEE})
    assert [m["id"] for m in body["results"]] == [mine.pk]
    assert api.get(MEETINGS, {"committee": "nope"}, status=400)["errors"]["committee"]


def test_meetings_newest_first(api, cast):
    older, newer = MeetingFactory(), MeetingFactory()
    assert newer.date > older.date
    assert [m["id"] for m in api.get(MEETINGS)["results"]] == [newer.pk, older.pk]


def test_unknown_meeting_is_404(api, db):
    assert api.get(meeting_url(999999), status=404)["message"] == "No meeting has that id."


# — reports ----------------------------------------------------------------------------------------


def test_reports_list_published_only_filtered_by_committee_and_meeting(api, cast):
    meeting, later = MeetingFactory(), MeetingFactory()
    a = quick_report(cast, 1, meeting=meeting)
    b = quick_report(cast, 2, meeting=meeting)
    c = quick_report(cast, 3, meeting=later)
    BriefingReportFactory(cast=cast, meeting=meeting, title="Draft report", state=Status.APPROVED)
    body = api.get(REPORTS)
    assert [r["id"] for r in body["results"]] == [c.pk, a.pk, b.pk]  # newest meeting first, then agenda order
    assert [r["id"] for r in api.get(REPORTS, {"meeting": meeting.pk})["results"]] == [a.pk, b.pk]
    assert api.get(REPORTS, {"committee": EDUCATION_COMMITTEE})["count"] == 3
    assert api.get(REPORTS, {"committee": OTHER_COMMITTEE})["count"] == 0
    errors = api.get(REPORTS, {"committee": "nope", "meeting": "x"}, status=400)["errors"]
    assert set(errors) == {"committee", "meeting"}
    assert api.get(REPORTS, {"meeting": 999999})["count"] == 0  # a number no meeting has matches nothing


def test_part_1_report_is_what_its_public_page_shows(api, cast, client):
    report = BriefingReportFactory(cast=cast, applicable=["human-resources"], state=Status.PUBLISHED)
    documents.store_public_pdf(report)
    report = documents.report_queryset().get(pk=report.pk)
    context = documents.report_context(report, public=True, council=CouncilSettings.load())
    body = api.get(report_url(report))

    assert body["part_2"] is False and body["confidentiality"] == "Part I - Official"
    for heading, text, field in context["fixed_sections"]:
        assert body[field] == text, heading
    assert body["priority"] == report.priority.name
    assert [(s["heading"], s["level"], s["body"]) for s in body["sections"]] == [
        (s.heading, s.level, s.body) for s in context["body_sections"]
    ]
    assert [(cell["label"], cell["department"], cell["code"] or "", cell["applies"]) for cell in body["sign_offs"]] == [
        (cell["label"], cell["name"], cell["code"], cell["applies"]) for cell in context["sign_off_row"]
    ]
    assert any(cell["code"] for cell in body["sign_offs"])
    assert (
        body["lead_member"] == report.lead_member_name and body["lead_strategic_director"] == report.lead_director_name
    )
    assert body["director_agreed_on"] == report.director_agreed_on.isoformat()
    assert body["cabinet_approval"] == report.cabinet_approval_display
    assert body["pdf_sha256"] == report.public_pdf_sha256 and body["pdf_size"] == report.public_pdf_size
    # Every value given is on the public page.
    page = client.get(reverse("committees:report", kwargs={"slug": EDUCATION_COMMITTEE, "pk": report.pk}))
    html = page.content.decode()
    for field in ("title", "author", "contact_email", "your_reference", "lead_strategic_director", "pdf_sha256"):
        assert str(body[field]) in html, field
    listed = api.get(REPORTS)["results"]
    assert listed == [{k: v for k, v in body.items() if k != "licence"}]


def test_appendix_download_only_when_not_exempt_and_with_a_file(api, cast):
    report = BriefingReportFactory(cast=cast)
    exempt = {"exempt_paragraphs": [3, 1], "public_interest_reasoning": "Because.", "exemption_review_on": None}
    ReportAppendix.objects.create(report=report, ref="A", title="Public with file", file=pdf_file())
    ReportAppendix.objects.create(report=report, ref="B", title="Public without file")
    ReportAppendix.objects.create(report=report, ref="C", title="Exempt with file", file=pdf_file(), **exempt)
    ReportBackgroundPaper.objects.create(report=report, title="Exempt paper", **exempt)
    report = _publish(report)
    body = api.get(report_url(report))
    a, b, c = body["appendices"]
    assert a["download_url"].endswith(f"/reports/{report.pk}/appendices/A/") and a["exempt"] is False
    assert b["download_url"] is None and c["download_url"] is None
    assert c["exempt"] is True and c["exempt_paragraphs"] == [1, 3]
    assert c["not_for_publication"].startswith("Not for publication by virtue of paragraphs 1 and 3")
    assert body["background_papers"] == [
        {
            "title": "Exempt paper",
            "exempt": True,
            "exempt_paragraphs": [1, 3],
            "not_for_publication": c["not_for_publication"],
            "download_url": None,  # exempt: never a file (OLGB-5, S12A-4)
        }
    ]


def _publish(report):
    """Published without the services, so the appendices can be anything the test needs."""
    BriefingReport.objects.filter(pk=report.pk).update(
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        agenda_position=1,
        director_agreed_on=timezone.localdate(),
        cabinet_approved_on=timezone.localdate(),
    )
    return BriefingReport.objects.get(pk=report.pk)


def test_part_2_report_gives_its_title_and_exemption_only(api, cast):
    report = BriefingReportFactory(cast=cast, part_2=True, state=Status.PUBLISHED)
    body = api.get(report_url(report))
    assert list(body) == [*opendata.WITHHELD_REPORT_FIELDS, "licence"]
    assert body["part_2"] is True and body["title"] == report.title
    assert body["confidentiality"] == Confidentiality.PART_2.label
    assert body["not_for_publication"] == report.part2_not_for_publication != ""
    assert list(api.get(REPORTS)["results"][0]) == list(opendata.WITHHELD_REPORT_FIELDS)


@pytest.mark.parametrize("state", [Status.DRAFT, Status.IN_SIGN_OFF, Status.APPROVED, Status.WITHDRAWN])
def test_unpublished_report_answers_exactly_like_an_unknown_one(api, client, cast, state, democratic_support):
    report = BriefingReportFactory(cast=cast, state=state)
    client.force_login(democratic_support)
    hidden, unknown = client.get(report_url(report)), client.get(report_url(999999))
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.content == unknown.content
    assert api.get(report_url(report), status=404)["message"] == "No published briefing report has that id."
    assert report.pk not in [r["id"] for r in api.get(REPORTS)["results"]]
