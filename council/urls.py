from django.urls import path

from council import oidc, views

urlpatterns = [
    path("your-work/", views.staff_home, name="staff-home"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/council-account/", oidc.start, name="oidc-start"),
    path("sign-in/council-account/return/", oidc.callback, name="oidc-callback"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
]
