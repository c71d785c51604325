"""Template context every page needs: the council's name and the signed-in person's navigation."""

from django.urls import reverse

from council import roles
from council.models import CouncilSettings


def council(request):
    return {"council": CouncilSettings.for_request(request), "navigation": navigation(request)}


def navigation(request):
    """Links in the service navigation, by role. Views still check permissions themselves.

    Each link owns the paths under its prefixes; staff work on a record (/decisions/records/)
    belongs to "Your work", not to the public register.
    """
    user = request.user
    items = [
        ("Decisions", reverse("decisions:list"), ()),
        # The public plan and Democratic Support's pages for it (/forward-plan/manage/) alike.
        ("Forward Plan", reverse("forwardplan_public:plan"), ()),
        ("Committees", reverse("committees:list"), ()),
    ]
    if roles.is_staff_user(user):
        staff_prefixes = (reverse("staff-home"), reverse("decisions:list") + "records/")
        items.insert(0, ("Your work", reverse("staff-home"), staff_prefixes))
        if roles.has_role(user, roles.COUNCILLOR, roles.SCRUTINY_CHAIR, roles.DEMOCRATIC_SUPPORT):
            items.append(("Call-in", reverse("callin:open"), ()))  # callin.views.may_look
        if user.is_superuser or roles.has_role(user, roles.ADMINISTRATOR, roles.DEMOCRATIC_SUPPORT):
            # Democratic Support's committees and meetings (scrutiny.permissions.can_manage_meetings).
            items.append(("Manage committees", reverse("scrutiny-manage:list"), ()))
        if user.is_superuser or roles.has_role(user, roles.ADMINISTRATOR):
            items.append(("Administration", reverse("admin:index"), ()))
    current = request.path
    owners = sorted(
        ((prefix, label) for label, url, prefixes in items for prefix in (url, *prefixes)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    active = next((label for prefix, label in owners if current.startswith(prefix)), None)
    return [{"label": label, "url": url, "active": label == active} for label, url, _ in items]
