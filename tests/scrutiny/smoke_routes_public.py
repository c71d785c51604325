"""Routes of the public committee pages and Democratic Support's management pages, for tests/test_smoke.py."""

from scrutiny.models import Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory


def _committee(request):
    return {"slug": EDUCATION_COMMITTEE}


def _meeting(request):
    return {"slug": EDUCATION_COMMITTEE, "pk": MeetingFactory().pk}


def _published(request):
    return {"slug": EDUCATION_COMMITTEE, "pk": BriefingReportFactory(state=Status.PUBLISHED).pk}


def _published_with_pdf(request):
    """A published report whose public PDF the worker has stored (before that, its URL is a 503)."""
    from scrutiny import documents

    return {
        "slug": EDUCATION_COMMITTEE,
        "pk": documents.store_public_pdf(BriefingReportFactory(state=Status.PUBLISHED)).pk,
    }


def _public_appendix(request):
    from tests.decisions.factories import pdf_file

    report = BriefingReportFactory()
    report.appendices.create(
        ref="A",
        title="Caseload figures",
        file=pdf_file("caseloads.pdf"),
        original_filename="caseloads.pdf",
        content_type="application/pdf",
    )
    from tests.scrutiny.factories import advance

    advance(report, to=Status.PUBLISHED)
    return {"slug": EDUCATION_COMMITTEE, "pk": report.pk, "ref": "A"}


def _public_paper(request):
    """OLGB-5: a published report's background paper with a file, by its number in the list."""
    from tests.decisions.factories import pdf_file
    from tests.scrutiny.factories import advance

    report = BriefingReportFactory()
    report.background_papers.create(
        title="Workforce plan", file=pdf_file("workforce.pdf"), original_filename="workforce.pdf"
    )
    advance(report, to=Status.PUBLISHED)
    return {"slug": EDUCATION_COMMITTEE, "pk": report.pk, "number": 1}


ROUTES = {
    "committees:report-appendix": (None, _public_appendix, "get"),
    "committees:report-paper": (None, _public_paper, "get"),
    "committees:list": (None, None, "get"),
    "committees:committee": (None, _committee, "get"),
    "committees:feed": (None, _committee, "get"),
    "committees:meeting": (None, _meeting, "get"),
    "committees:report": (None, _published, "get"),
    "committees:report-pdf": (None, _published_with_pdf, "get"),
    "scrutiny-manage:list": ("democratic_support", None, "get"),
    "scrutiny-manage:committee": ("democratic_support", _committee, "get"),
    "scrutiny-manage:meeting-add": ("democratic_support", _committee, "get"),
    "scrutiny-manage:meeting": ("democratic_support", _meeting, "get"),
}
