"""Published decisions and reports in bulk for the API's tests, and a marker planted in every exempt field.

`quick_decision` and `quick_report` make published rows without the services (children first,
then the status), as tests/decisions/test_public_views.py does: fast enough for dozens of rows.
The tests that need the real journey use the factories' `state=`.
"""

import datetime

from django.utils import timezone

from decisions.models import Appendix, BackgroundPaper, Decision
from decisions.models import Status as DecisionStatus
from scrutiny.models import BriefingReport, Confidentiality, ReportAppendix, ReportBackgroundPaper
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import DecisionFactory, pdf_file
from tests.scrutiny.factories import BriefingReportFactory

# Planted in every exempt field; no API response may ever contain it.
MARKER = "ZZ-API-EXEMPT-41d9"
# An exemption review date planted likewise: review dates are never published.
REVIEW_ON = datetime.date(2031, 7, 19)


def quick_decision(cast, n, *, decided_on=None, children=False, **fields):
    """A published decision without the services. `children=True` adds appendices and papers."""
    d = DecisionFactory(cast=cast, title=f"Published decision number {n}", **fields)
    if children:
        Appendix.objects.create(decision=d, ref="A", title=f"Plan {n}", file=pdf_file(), original_filename="a.pdf")
        Appendix.objects.create(decision=d, ref="B", title=f"Costs {n}")
        BackgroundPaper.objects.create(decision=d, title=f"Paper {n}")
    Decision.objects.filter(pk=d.pk).update(
        status=DecisionStatus.PUBLISHED,
        reference=f"COD{n:02d} 22/23",
        reference_slug=f"cod{n:02d}-22-23",
        decided_on=decided_on or datetime.date(2022, 5, 1) + datetime.timedelta(days=n),
        published_at=timezone.now(),
        decision_maker_name="Dana Director",
        decision_maker_job_title="Director",
    )
    return Decision.objects.get(pk=d.pk)


def quick_report(cast, n, *, meeting=None, part_2=False, children=False, **fields):
    """A published report without the services, on `meeting` (a new one when not given)."""
    extra = {"meeting": meeting} if meeting else {}
    report = BriefingReportFactory(cast=cast, title=f"Published report number {n}", part_2=part_2, **extra, **fields)
    if children:
        ReportAppendix.objects.create(report=report, ref="A", title=f"Figures {n}", file=pdf_file())
        ReportAppendix.objects.create(report=report, ref="B", title=f"Plans {n}")
        ReportBackgroundPaper.objects.create(report=report, title=f"Paper {n}")
    today = timezone.localdate()
    position = BriefingReport.objects.filter(meeting=report.meeting, status=ReportStatus.PUBLISHED).count() + 1
    BriefingReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.PUBLISHED,
        published_at=timezone.now(),
        agenda_position=position,
        director_agreed_on=today,
        cabinet_approved_on=today,
    )
    if report.meeting.agenda_published_at is None:
        report.meeting.agenda_published_at = timezone.now()
        report.meeting.save(update_fields=["agenda_published_at"])
    return BriefingReport.objects.get(pk=report.pk)


def exemption(**extra):
    return {"exempt_paragraphs": [3], "public_interest_reasoning": MARKER, "exemption_review_on": REVIEW_ON, **extra}


def exempt_report_fields():
    """Every field of a Part II report that the public must never see, holding the marker."""
    text = f"{MARKER} exempt text"
    return {
        "confidentiality": Confidentiality.PART_2,
        "part2_title": f"{MARKER} Part II title",
        "exempt_paragraphs": [3],
        "public_interest_reasoning": text,
        "exemption_review_on": REVIEW_ON,
        "purpose": text,
        "recommendations": text,
        "alternatives": text,
        "plan_relevance": text,
        "financial_implications": text,
        "carbon_implications": text,
        "your_reference": MARKER,
        "author_email": "zz-api-exempt-41d9@council.example",
        "sections": [(f"{MARKER} heading", text), ("Costs", text)],
    }
