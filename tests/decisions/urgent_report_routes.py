"""Routes of the reports of urgent decisions to council (urgent_reports/urls.py), merged into
tests/test_smoke.py ROUTES."""

from django.utils import timezone


def _report(request):
    from urgent_reports import services

    actor = request.getfixturevalue("democratic_support")
    today = timezone.localdate()
    return services.generate_report(actor=actor, period_from=today.replace(day=1), period_to=today)


def _report_with_pdf(request):
    from urgent_reports import documents

    return {"pk": documents.PDF.store(_report(request)).pk}


def _issued(request):
    from urgent_reports import services

    report = _report(request)
    services.issue_report(report, actor=request.getfixturevalue("democratic_support"))
    return report


def _issued_with_pdf(request):
    from urgent_reports import documents

    return {"pk": documents.PDF.store(_issued(request)).pk}


ROUTES = {
    "urgent-reports:index": ("democratic_support", None, "get"),
    "urgent-reports:report": ("democratic_support", lambda request: {"pk": _report(request).pk}, "get"),
    "urgent-reports:pdf": ("democratic_support", _report_with_pdf, "get"),
    "urgent-reports:issue": ("democratic_support", lambda request: {"pk": _report(request).pk}, "get"),
    "urgent-decisions:list": (None, None, "get"),
    "urgent-decisions:report": (None, lambda request: {"pk": _issued(request).pk}, "get"),
    "urgent-decisions:pdf": (None, _issued_with_pdf, "get"),
    "urgent-reports:retry-pdf": ("democratic_support", lambda request: {"pk": _report(request).pk}, "post"),
}
