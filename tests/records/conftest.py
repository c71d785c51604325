"""Published records of both kinds, with something in every relation: fixtures for the tests of what a
frozen record refuses (test_retention.py, test_frozen_updates.py)."""

import pytest

from decisions.models import BackgroundPaper
from decisions.models import Status as DecisionStatus
from scrutiny.models import ReportAppendix, ReportBackgroundPaper
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.scrutiny.factories import BriefingReportFactory

DECISION_CHILDREN = ["background_papers", "appendices", "sign_offs", "chair_agreements", "consultations"]
REPORT_CHILDREN = ["background_papers", "appendices", "sign_offs", "sections"]


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def published_decision(cast):
    decision = DecisionFactory(cast=cast, exempt=True, urgent=True, consulted=True)
    BackgroundPaper.objects.create(decision=decision, title="Market analysis, 2021")
    decision = DecisionFactory._meta.model.objects.get(pk=decision.pk)
    from tests.decisions.factories import advance

    return advance(decision, DecisionStatus.PUBLISHED, cast)


@pytest.fixture
def published_report(db):
    from tests.scrutiny.factories import advance

    report = BriefingReportFactory()
    ReportBackgroundPaper.objects.create(report=report, title="Ofsted inspection letter")
    if not report.appendices.exists():
        ReportAppendix.objects.create(report=report, ref="A", title="Service data")
    return advance(report, ReportStatus.PUBLISHED)
