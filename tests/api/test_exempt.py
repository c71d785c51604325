"""S12A-4: no exempt information in any API response.

A marker is planted in every exempt field — a decision's Part II summary and public-interest
reasoning, its appendices' and background papers' reasoning; a Part II briefing report's sections,
fixed sections, Part II title and reasoning; a Part I report's exempt appendix and paper — and a
distinctive review date in every exemption. Every endpoint is then read, and neither appears.
"""

from django.urls import reverse

from decisions.models import Appendix, BackgroundPaper, Status
from scrutiny.models import ReportAppendix, ReportBackgroundPaper
from scrutiny.models import Status as ReportStatus
from tests.api.data import MARKER, REVIEW_ON, exempt_report_fields, exemption
from tests.decisions.factories import DecisionFactory, pdf_file
from tests.decisions.factories import advance as advance_decision
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory
from tests.scrutiny.factories import advance as advance_report


def _exempt_decision(cast):
    decision = DecisionFactory(
        cast=cast,
        urgent=True,
        exempt=True,
        part2_summary=f"{MARKER} the provider's day rates",
        part2_public_interest_reasoning=f"{MARKER} reasoning",
        part2_review_on=REVIEW_ON,
    )
    # The trait's exempt appendix A (with a file), public appendix B (no file) and exempt paper, and more.
    planted = {"public_interest_reasoning": MARKER, "exemption_review_on": REVIEW_ON}
    Appendix.objects.filter(decision=decision, ref="A").update(**planted)
    BackgroundPaper.objects.filter(decision=decision).update(**planted)
    Appendix.objects.create(decision=decision, ref="C", title="Exempt, no file", **exemption())
    Appendix.objects.create(decision=decision, ref="D", title="Public, with a file", file=pdf_file())
    BackgroundPaper.objects.create(decision=decision, title="Another exempt paper", **exemption())
    assert Appendix.objects.filter(decision=decision, public_interest_reasoning=MARKER).count() == 2
    return advance_decision(decision, to=Status.PUBLISHED)


def _reports(cast):
    meeting = MeetingFactory()
    part_2 = BriefingReportFactory(cast=cast, meeting=meeting, **exempt_report_fields())
    part_1 = BriefingReportFactory(cast=cast, meeting=meeting, public_interest_reasoning=MARKER)
    for report in (part_2, part_1):
        ReportAppendix.objects.create(report=report, ref="A", title="Exempt figures", file=pdf_file(), **exemption())
        ReportAppendix.objects.create(report=report, ref="B", title="Public figures", file=pdf_file())
        ReportBackgroundPaper.objects.create(report=report, title="Exempt paper", **exemption())
        advance_report(report, to=ReportStatus.PUBLISHED)
    return meeting, part_2, part_1


def test_no_exempt_text_or_review_date_in_any_response(api, client, cast):
    decision = _exempt_decision(cast)
    meeting, part_2, part_1 = _reports(cast)
    urls = [
        reverse("api:index"),
        reverse("api:openapi"),
        "/api/v1/decisions/",
        "/api/v1/decisions/?page_size=100",
        f"/api/v1/decisions/?q={MARKER}",
        "/api/v1/decisions/?urgent=yes",
        reverse("api:decision", kwargs={"id": decision.reference_slug}),
        "/api/v1/committees/",
        reverse("api:committee", kwargs={"slug": EDUCATION_COMMITTEE}),
        "/api/v1/meetings/",
        f"/api/v1/meetings/?committee={EDUCATION_COMMITTEE}",
        reverse("api:meeting", kwargs={"id": meeting.pk}),
        "/api/v1/reports/",
        f"/api/v1/reports/?meeting={meeting.pk}",
        reverse("api:report", kwargs={"id": part_2.pk}),
        reverse("api:report", kwargs={"id": part_1.pk}),
    ]
    for url in urls:
        api.get(url)
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    everything = "\n".join([*api.bodies, docs.content.decode()]).lower()
    for secret in (MARKER, REVIEW_ON.isoformat(), f"{REVIEW_ON:%-d %B %Y}", f"{REVIEW_ON:%d/%m/%Y}"):
        assert secret.lower() not in everything, f"{secret!r} is in an API response"
    # And the things that are public are there: titles and the "Not for publication" text.
    assert part_2.title.lower() in everything and decision.part2_title.lower() in everything
    assert "not for publication by virtue of paragraph 3" in everything


def test_exempt_appendices_have_no_download_and_part_2_nothing_but_its_title(api, cast):
    decision = _exempt_decision(cast)
    meeting, part_2, part_1 = _reports(cast)
    appendices = api.get(reverse("api:decision", kwargs={"id": decision.reference_slug}))["appendix_list"]
    assert [(a["ref"], a["exempt"], a["download_url"] is not None) for a in appendices] == [
        ("A", True, False),
        ("B", False, False),
        ("C", True, False),
        ("D", False, True),
    ]
    report = api.get(reverse("api:report", kwargs={"id": part_1.pk}))
    assert [(a["ref"], a["download_url"] is not None) for a in report["appendices"]] == [("A", False), ("B", True)]
    withheld = api.get(reverse("api:report", kwargs={"id": part_2.pk}))
    for key in ("appendices", "background_papers", "sections", "purpose", "pdf_url", "sign_offs", "author"):
        assert key not in withheld
