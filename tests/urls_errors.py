"""The site's URLs plus one that fails, to show the 500 page under the live server."""

from django.urls import path

from config.urls import handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("deliberate failure to show the 500 page")


urlpatterns = [*site_urlpatterns, path("__boom__/", boom)]
