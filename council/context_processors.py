"""Template context every page needs: the council's name and the signed-in person's navigation."""

from django.urls import reverse

from council import roles
from council.models import CouncilSettings


def council(request):
    settings = getattr(request, "_council_settings", None)
    if settings is None:
        settings = CouncilSettings.load()
        request._council_settings = settings
    return {"council": settings, "navigation": navigation(request)}


def navigation(request):
    """Links in the service navigation, by role. Views still check permissions themselves."""
    user = request.user
    items = [("Decisions", reverse("decisions:list"))]
    if roles.is_staff_user(user):
        items.insert(0, ("Your work", reverse("staff-home")))
        if user.is_superuser or roles.has_role(user, roles.ADMINISTRATOR):
            items.append(("Administration", reverse("admin:index")))
    current = request.path
    return [
        {"label": label, "url": url, "active": current == url or (url != "/" and current.startswith(url))}
        for label, url in items
    ]
