"""The public Forward Plan, under /forward-plan/ (mounted after the staff pages' /forward-plan/manage/)."""

from django.urls import path

from forwardplan import views_public

app_name = "forwardplan_public"

urlpatterns = [
    path("", views_public.plan, name="plan"),
    path("plan.csv", views_public.download_csv, name="csv"),
    path("plan.json", views_public.download_json, name="json"),
    path("feed/", views_public.feed, name="feed"),
    path("<slug:reference_slug>/", views_public.item, name="item"),
]
