"""The read-only JSON API under /api/v1/, and its documentation page at /api/.

Every pattern here is described in the OpenAPI document (api/openapi.py); a test fails for one
that is not, and for a parameter a view reads that the document does not give.
"""

from django.urls import path

from api import views, views_forwardplan, views_notices

app_name = "api"

urlpatterns = [
    path("", views.documentation, name="docs"),
    path("v1/", views.index, name="index"),
    path("v1/openapi.json", views.openapi, name="openapi"),
    path("v1/decisions/", views.decision_list, name="decisions"),
    path("v1/decisions/<slug:id>/", views.decision_detail, name="decision"),
    path("v1/committees/", views.committee_list, name="committees"),
    path("v1/committees/<slug:slug>/", views.committee_detail, name="committee"),
    path("v1/meetings/", views.meeting_list, name="meetings"),
    path("v1/meetings/<int:id>/", views.meeting_detail, name="meeting"),
    path("v1/reports/", views.report_list, name="reports"),
    path("v1/reports/<int:id>/", views.report_detail, name="report"),
    path("v1/forward-plan/", views_forwardplan.plan_item_list, name="forward-plan"),
    path("v1/forward-plan/<slug:id>/", views_forwardplan.plan_item_detail, name="forward-plan-item"),
    path("v1/notices/", views_notices.notice_list, name="notices"),
    path("v1/notices/<int:id>/", views_notices.notice_detail, name="notice"),
]
