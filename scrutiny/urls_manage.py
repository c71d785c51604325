"""Democratic Support's management of committees and meetings, under /scrutiny/manage/."""

from django.urls import path

from scrutiny.views import manage

app_name = "scrutiny-manage"

urlpatterns = [
    path("", manage.committee_list, name="list"),
    path("committees/<slug:slug>/", manage.committee_edit, name="committee"),
    path("committees/<slug:slug>/meetings/add/", manage.meeting_add, name="meeting-add"),
    path("committees/<slug:slug>/meetings/<int:pk>/", manage.meeting_edit, name="meeting"),
]
