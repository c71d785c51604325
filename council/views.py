"""Pages every visitor or signed-in person sees: home, staff home, sign-in, statements, errors."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_safe

from council import oidc, roles, worklists
from council.forms import SignInForm
from council.pagecache import public_page


@public_page
@require_safe
def home(request):
    return render(request, "council/home.html")


@login_required
@require_safe
def staff_home(request):
    if not roles.is_staff_user(request.user):
        raise PermissionDenied
    return render(request, "council/staff_home.html", {"sections": worklists.sections_for(request.user)})


@public_page
@require_safe
def accessibility_statement(request):
    return render(request, "council/accessibility.html")


class SignInView(auth_views.LoginView):
    template_name = "council/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"error_links": []}

    def get_context_data(self, **kwargs):
        context = {**super().get_context_data(**kwargs), **oidc.sign_in_page_context()}
        form = context["form"]
        if form.is_bound and form.has_error("__all__", "password_sign_in_off"):
            # The way on is the identity provider's button, not the username field.
            context["error_links"] = [("#council-account", error) for error in form.non_field_errors()]
        return context

    def dispatch(self, request, *args, **kwargs):
        return oidc.allow_form_to_provider(super().dispatch(request, *args, **kwargs))


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        oidc.signed_out(request)
        return response


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' locked-out response: our page, saying how long to wait and whom to ask."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {"username": username.strip(), "cooloff_minutes": minutes}
    return render(request, "council/locked_out.html", context, status=429)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors beyond the request: the database may be what failed.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render({"council": None}))
