"""The public's committees, meetings and agendas, under /committees/."""

from django.urls import path

from scrutiny.views import public

app_name = "committees"

urlpatterns = [
    path("", public.committee_list, name="list"),
    path("<slug:slug>/", public.committee_detail, name="committee"),
    path("<slug:slug>/feed.atom", public.committee_feed, name="feed"),
    path("<slug:slug>/meetings/<int:pk>/", public.meeting_detail, name="meeting"),
    path("<slug:slug>/reports/<int:pk>/", public.report_detail, name="report"),
    path("<slug:slug>/reports/<int:pk>/pdf/", public.report_pdf, name="report-pdf"),
    path("<slug:slug>/reports/<int:pk>/appendices/<str:ref>/", public.report_appendix, name="report-appendix"),
]
