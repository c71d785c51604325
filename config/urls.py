"""URLs of the whole service."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from config import sitemaps
from council import health
from council import views as council_views
from council.pagecache import public_page

urlpatterns = [
    path("", council_views.home, name="home"),
    path("", include("council.urls")),
    path("decisions/", include("decisions.urls")),
    path("urgent-decisions-reports/", include("urgent_reports.urls")),
    path("urgent-decisions/", include("urgent_reports.urls_public")),
    path("scrutiny/manage/", include("scrutiny.urls_manage")),
    path("scrutiny/", include("scrutiny.urls")),
    path("committees/", include("scrutiny.urls_public")),
    path("notices/", include("notices.urls")),
    path("call-in/", include("callin.urls")),
    path("forward-plan/manage/", include("forwardplan.urls")),
    # The public plan after the staff pages, so /forward-plan/manage/ is never read as an item.
    path("forward-plan/", include("forwardplan.urls_public")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("sitemap.xml", public_page(sitemap_views.index), {"sitemaps": sitemaps.SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": sitemaps.SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

handler403 = "council.views.permission_denied"
handler404 = "api.views.page_not_found"  # JSON under /api/, the HTML page elsewhere
handler500 = "council.views.server_error"
