"""Routes of the staff pages of briefing reports (scrutiny/urls.py), merged into tests/test_smoke.py ROUTES."""

from scrutiny.models import ReportBackgroundPaper, Status
from tests.scrutiny.factories import BriefingReportFactory


def _draft(request, **extra):
    return {"pk": BriefingReportFactory().pk, **extra}


def _in_state(status, **extra):
    return lambda request: {"pk": BriefingReportFactory(state=status).pk, **extra}


def _section(request):
    report = BriefingReportFactory()
    return {"pk": report.pk, "child": report.sections.first().pk}


def _section_move(request):
    return {**_section(request), "direction": "down"}


def _appendix(request):
    report = BriefingReportFactory()
    return {"pk": report.pk, "child": report.appendices.create(ref="A", title="Caseload figures").pk}


def _appendix_with_file(request):
    from tests.decisions.factories import pdf_file

    report = BriefingReportFactory()
    appendix = report.appendices.create(
        ref="A", title="Caseload figures", file=pdf_file("caseloads.pdf"), original_filename="caseloads.pdf"
    )
    return {"pk": report.pk, "child": appendix.pk}


def _paper(request):
    report = BriefingReportFactory()
    paper = ReportBackgroundPaper.objects.create(report=report, title="Workforce plan")
    return {"pk": report.pk, "child": paper.pk}


def _paper_with_file(request):
    from tests.decisions.factories import pdf_file

    report = BriefingReportFactory()
    paper = report.background_papers.create(
        title="Workforce plan", file=pdf_file("workforce.pdf"), original_filename="workforce.pdf"
    )
    return {"pk": report.pk, "child": paper.pk}


ROUTES = {
    "scrutiny:start": ("officer", None, "get"),
    "scrutiny:tasks": ("officer", _draft, "get"),
    "scrutiny:delete-draft": ("officer", _draft, "get"),
    "scrutiny:task": ("officer", lambda r: _draft(r, task="details"), "get"),
    "scrutiny:section-add": ("officer", _draft, "post"),
    "scrutiny:section-edit": ("officer", _section, "get"),
    "scrutiny:section-remove": ("officer", _section, "post"),
    "scrutiny:section-move": ("officer", _section_move, "post"),
    "scrutiny:appendix-add": ("officer", _draft, "post"),
    "scrutiny:appendix-remove": ("officer", _appendix, "post"),
    "scrutiny:paper-add": ("officer", _draft, "post"),
    "scrutiny:paper-remove": ("officer", _paper, "post"),
    "scrutiny:check": ("officer", _draft, "get"),
    "scrutiny:report": ("democratic_support", _draft, "get"),
    "scrutiny:report-pdf": ("democratic_support", _draft, "get"),
    "scrutiny:appendix-file": ("democratic_support", _appendix_with_file, "get"),
    "scrutiny:paper-file": ("democratic_support", _paper_with_file, "get"),
    "scrutiny:sign-off": ("finance_reviewer", _in_state(Status.IN_SIGN_OFF, department="finance"), "get"),
    "scrutiny:return": ("finance_reviewer", _in_state(Status.IN_SIGN_OFF), "get"),
    "scrutiny:agree": ("decision_maker", _in_state(Status.AWAITING_DIRECTOR), "get"),
    "scrutiny:approve": ("cabinet_member", _in_state(Status.AWAITING_CABINET_MEMBER), "get"),
    "scrutiny:record-approval": ("democratic_support", _in_state(Status.AWAITING_CABINET_MEMBER), "get"),
    "scrutiny:publish": ("democratic_support", _in_state(Status.APPROVED), "get"),
    "scrutiny:retry-pdf": ("democratic_support", _in_state(Status.PUBLISHED), "post"),
    "scrutiny:dispose-papers": ("democratic_support", _in_state(Status.PUBLISHED), "get"),
    "scrutiny:withdraw": ("officer", _draft, "get"),
}
