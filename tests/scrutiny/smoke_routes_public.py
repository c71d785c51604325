"""Routes of the public committee pages and Democratic Support's management pages, for tests/test_smoke.py."""

from scrutiny.models import Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory


def _committee(request):
    return {"slug": EDUCATION_COMMITTEE}


def _meeting(request):
    return {"slug": EDUCATION_COMMITTEE, "pk": MeetingFactory().pk}


def _published(request):
    return {"slug": EDUCATION_COMMITTEE, "pk": BriefingReportFactory(state=Status.PUBLISHED).pk}


ROUTES = {
    "committees:list": (None, None, "get"),
    "committees:committee": (None, _committee, "get"),
    "committees:meeting": (None, _meeting, "get"),
    "committees:report": (None, _published, "get"),
    "committees:report-pdf": (None, _published, "get"),
    "scrutiny-manage:list": ("democratic_support", None, "get"),
    "scrutiny-manage:committee": ("democratic_support", _committee, "get"),
    "scrutiny-manage:meeting-add": ("democratic_support", _committee, "get"),
    "scrutiny-manage:meeting": ("democratic_support", _meeting, "get"),
}
