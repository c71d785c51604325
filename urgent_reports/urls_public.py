"""The public reports of urgent decisions to council, at /urgent-decisions/ (issued reports only)."""

from django.urls import path

from urgent_reports import views_public

app_name = "urgent-decisions"

urlpatterns = [
    path("", views_public.report_list, name="list"),
    path("<int:pk>/", views_public.report, name="report"),
    path("<int:pk>/pdf/", views_public.report_pdf, name="pdf"),
]
