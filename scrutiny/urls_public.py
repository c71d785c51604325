"""The public's committees, meetings and agendas, under /committees/."""

from django.urls import path

from records.urls import public_record_urls
from scrutiny.views import public

app_name = "committees"

urlpatterns = [
    path("", public.committee_list, name="list"),
    path("<slug:slug>/", public.committee_detail, name="committee"),
    path("<slug:slug>/feed.atom", public.committee_feed, name="feed"),
    path("<slug:slug>/meetings/<int:pk>/", public.meeting_detail, name="meeting"),
    *public_record_urls(
        "<slug:slug>/reports/<int:pk>/",
        page=public.report_detail,
        pdf=public.report_pdf,
        appendix=public.report_appendix,
        paper=public.report_paper,
        names=("report", "report-pdf", "report-appendix", "report-paper"),
    ),
]
