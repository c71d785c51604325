"""Staff pages of call-in, under /call-in/ (CALL-1): councillors', Democratic Support's and the
decision maker's. What the public sees of a call-in is on the decision's public page."""

from django.urls import path

from callin import views, views_actions

app_name = "callin"

urlpatterns = [
    path("", views.open_decisions, name="open"),
    path("decisions/<int:pk>/request/", views.request_call_in, name="request"),
    path("<int:pk>/", views.call_in_page, name="detail"),
    path("<int:pk>/add-my-name/", views_actions.add_name, name="add-name"),
    path("<int:pk>/withdraw/", views_actions.withdraw, name="withdraw"),
    path("<int:pk>/validate/", views_actions.validate, name="validate"),
    path("<int:pk>/reject/", views_actions.reject, name="reject"),
    path("<int:pk>/schedule/", views_actions.schedule, name="schedule"),
    path("<int:pk>/outcome/", views_actions.outcome, name="outcome"),
    path("<int:pk>/council-outcome/", views_actions.council_outcome, name="council-outcome"),
    path("<int:pk>/reconsider/", views_actions.reconsider, name="reconsider"),
]
