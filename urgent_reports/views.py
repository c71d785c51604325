"""Democratic Support's pages for the reports of urgent decisions to council (EXEC-8), under
/urgent-decisions-reports/: the reports and the form to generate one, a report, its PDF, and
"Issue the report" (then it is public: urgent_reports/views_public.py).

Every view asks `permissions` on the server; anyone else signed in gets 403, a visitor is sent
to sign in. The PDF is the one the worker stored, never rendered in the request.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from council import documents as council_documents
from records.forms import apply_service_errors
from urgent_reports import documents, permissions, rules, services
from urgent_reports.forms import PeriodForm
from urgent_reports.models import UrgentDecisionsReport


def democratic_support_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_view(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def listed(count):
    if not count:
        return "The report lists no decisions: none was taken under special urgency in the period"
    return f"The report lists {count} decision{pluralize(count)}"


@democratic_support_required
@require_http_methods(["GET", "HEAD", "POST"])
def index(request):
    form = PeriodForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.generate_report(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, listed(report.decisions.count()))
            return redirect(report)
    reports = UrgentDecisionsReport.objects.all()[:50]
    return render(request, "urgent_reports/index.html", {"form": form, "reports": reports})


def _report(pk):
    return get_object_or_404(documents.report_queryset(), pk=pk)


@democratic_support_required
@require_safe
def report(request, pk):
    found = _report(pk)
    return render(request, "urgent_reports/report.html", documents.report_context(found))


@democratic_support_required
@require_safe
def report_pdf(request, pk):
    found = get_object_or_404(UrgentDecisionsReport, pk=pk)
    response = council_documents.serve_public_pdf(request, found, filename=documents.pdf_filename(found))
    # Staff only until it is on the Council's agenda: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


@democratic_support_required
@require_POST
def retry_pdf(request, pk):
    found = get_object_or_404(UrgentDecisionsReport, pk=pk)
    services.retry_pdf(found, actor=request.user)
    messages.success(request, "The PDF is being made again")
    return redirect(found)


@democratic_support_required
@require_http_methods(["GET", "HEAD", "POST"])
def issue(request, pk):
    """EXEC-8: confirm, then issue the report to the Council (public from then on). The refusal
    (a listed decision not yet published, or issued already) is shown on this page, before and after."""
    found = _report(pk)
    problems = [str(p) for p in rules.issue_problems(found)]
    if request.method == "POST":
        try:
            services.issue_report(found, actor=request.user)
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, "The report has been issued: it is now public")
            return redirect(found)
    return render(request, "urgent_reports/issue.html", {"report": found, "problems": problems})
