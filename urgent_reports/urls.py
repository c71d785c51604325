from django.urls import path

from urgent_reports import views

app_name = "urgent-reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.report, name="report"),
    path("<int:pk>/pdf/", views.report_pdf, name="pdf"),
    path("<int:pk>/issue/", views.issue, name="issue"),
    path("<int:pk>/retry-pdf/", views.retry_pdf, name="retry-pdf"),
]
