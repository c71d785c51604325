"""The register benchmark's URLs: the whole site, plus a floor to compare every page with.

The floor is the least a Django page can cost here: one indexed query and a small response,
through the same middleware stack as every other page (sessions, CSRF, CSP, WhiteNoise...).
"""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_safe

from decisions.models import Decision

FLOOR_URL = "/bench/floor/"


@require_safe
def floor(request):
    pk = Decision.objects.filter(reference_slug="cod02-21-22").values_list("pk", flat=True).first()
    return HttpResponse(f"{pk}\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path(FLOOR_URL.strip("/") + "/", floor, name="bench-floor"),
    path("", include("config.urls")),
]

handler403 = "council.views.permission_denied"
handler404 = "council.views.page_not_found"
handler500 = "council.views.server_error"
