"""The public pages of the reports of urgent decisions to council (EXEC-8), under /urgent-decisions/:
the issued reports, newest first, each report (the staff page's content: public text only) and its
stored PDF. A report not yet issued is a 404. Page-cached; issuing a report bumps the public version.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from council import documents as council_documents
from council.pagecache import public_page
from council.pagination import page_links
from urgent_reports import documents
from urgent_reports.models import UrgentDecisionsReport

PAGE_SIZE = 50


@public_page
@require_safe
def report_list(request):
    issued = UrgentDecisionsReport.objects.issued().order_by("-issued_at", "-pk")
    page = Paginator(issued, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "urgent_reports/public_list.html",
        {"page": page, "reports": page.object_list, "pages": page_links(page)},
    )


@public_page
@require_safe
def report(request, pk):
    found = get_object_or_404(documents.report_queryset().issued(), pk=pk)
    return render(request, "urgent_reports/public_report.html", documents.report_context(found))


@public_page
@require_safe
def report_pdf(request, pk):
    found = get_object_or_404(UrgentDecisionsReport.objects.issued(), pk=pk)
    return council_documents.serve_public_pdf(request, found, filename=documents.pdf_filename(found))
