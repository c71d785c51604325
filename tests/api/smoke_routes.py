"""Routes of the open data API (api/urls.py), for tests/test_smoke.py."""

from decisions.models import Status
from notices.services import give_general_exception_notice
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.forwardplan.public_items import plan_item
from tests.notices.factories import general_exception_decision
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory


def _decision(request):
    return {"id": DecisionFactory(state=Status.PUBLISHED).reference_slug}


def _committee(request):
    return {"slug": EDUCATION_COMMITTEE}


def _meeting(request):
    return {"id": MeetingFactory().pk}


def _report(request):
    return {"id": BriefingReportFactory(state=ReportStatus.PUBLISHED).pk}


def _notice(request):
    decision = general_exception_decision()
    democratic_support = Cast().democratic_support
    return {"id": give_general_exception_notice(decision, actor=democratic_support, reasons="Too soon.").pk}


def _plan_item(request):
    return {"id": plan_item().reference_slug}


ROUTES = {
    "api:docs": (None, None, "get"),
    "api:index": (None, None, "get"),
    "api:openapi": (None, None, "get"),
    "api:decisions": (None, None, "get"),
    "api:decision": (None, _decision, "get"),
    "api:committees": (None, None, "get"),
    "api:committee": (None, _committee, "get"),
    "api:meetings": (None, None, "get"),
    "api:meeting": (None, _meeting, "get"),
    "api:reports": (None, None, "get"),
    "api:report": (None, _report, "get"),
    "api:forward-plan": (None, None, "get"),
    "api:forward-plan-item": (None, _plan_item, "get"),
    "api:notices": (None, None, "get"),
    "api:notice": (None, _notice, "get"),
}
