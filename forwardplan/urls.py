"""Staff pages of the Forward Plan, under /forward-plan/manage/ (the public plan is planpub's
`forwardplan_public` namespace)."""

from django.urls import path

from forwardplan.views import plan, staff

app_name = "forwardplan"

urlpatterns = [
    path("", plan.plan, name="plan"),
    path("new/", staff.new, name="new"),
    path("<int:pk>/", staff.item, name="item"),
    path("<int:pk>/edit/", staff.edit, name="edit"),
    path("<int:pk>/propose/", staff.submit, name="submit"),
    path("<int:pk>/publish/", staff.publish, name="publish"),
    path("<int:pk>/return/", staff.return_item, name="return"),
    path("<int:pk>/defer/", staff.defer, name="defer"),
    path("<int:pk>/back-on-the-plan/", staff.republish, name="republish"),
    path("<int:pk>/withdraw/", staff.withdraw, name="withdraw"),
]
