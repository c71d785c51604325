"""sitemap.xml and robots.txt: every public page a search engine should find, nothing else.

Published decisions, committees, meetings with a published agenda, published reports, the
reports of urgent decisions issued to the Council and the Forward Plan's public items (withdrawn
ones too: their pages stay, with the reason); never a draft or a staff page (robots.txt asks
crawlers to keep out of those too). Each section is paged at 50,000 addresses (the sitemaps
protocol's limit) from a sitemap index, so the number of queries stays constant however many
records there are.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from council.models import Committee
from council.pagecache import public_page
from decisions.models import Decision
from forwardplan.models import PlanItem
from notices.models import Notice
from scrutiny.models import BriefingReport, Meeting
from urgent_reports.models import UrgentDecisionsReport


class PagesSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "decisions:list",
            "forwardplan_public:plan",
            "notices:list",
            "urgent-decisions:list",
            "committees:list",
            "accessibility",
        ]

    def location(self, item):
        return reverse(item)


class DecisionsSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return Decision.objects.published().only("reference_slug", "published_at", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("decisions:detail", kwargs={"slug": item.reference_slug})

    def lastmod(self, item):
        # A call-in's move after publication (called in, outcome, effective: CALL-1) saves the
        # decision's call-in columns with `updated_at`, and changes what its page says.
        return max(item.published_at, item.updated_at) if item.published_at else item.updated_at


class ForwardPlanSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return PlanItem.objects.public().only("reference_slug", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("forwardplan_public:item", kwargs={"reference_slug": item.reference_slug})

    def lastmod(self, item):
        return item.updated_at


class CommitteesSitemap(Sitemap):
    def items(self):
        return Committee.objects.only("slug").order_by("order", "name")

    def location(self, item):
        return reverse("committees:committee", kwargs={"slug": item.slug})


class MeetingsSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return (
            Meeting.objects.with_published_agenda()
            .select_related("committee")
            .only("pk", "agenda_published_at", "committee__slug")
            .order_by("pk")
        )

    def location(self, item):
        return reverse("committees:meeting", kwargs={"slug": item.committee.slug, "pk": item.pk})

    def lastmod(self, item):
        return item.agenda_published_at


class ReportsSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return (
            BriefingReport.objects.published()
            .select_related("committee")
            .only("pk", "published_at", "committee__slug")
            .order_by("pk")
        )

    def location(self, item):
        return reverse("committees:report", kwargs={"slug": item.committee.slug, "pk": item.pk})

    def lastmod(self, item):
        return item.published_at


class NoticesSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return Notice.objects.public().only("pk", "published_at").order_by("pk")

    def location(self, item):
        return reverse("notices:detail", kwargs={"pk": item.pk})

    def lastmod(self, item):
        return item.published_at


class UrgentDecisionsSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return UrgentDecisionsReport.objects.issued().only("pk", "issued_at").order_by("pk")

    def location(self, item):
        return item.get_public_url()

    def lastmod(self, item):
        return item.issued_at


SITEMAPS = {
    "pages": PagesSitemap,
    "decisions": DecisionsSitemap,
    "forward-plan": ForwardPlanSitemap,
    "committees": CommitteesSitemap,
    "meetings": MeetingsSitemap,
    "reports": ReportsSitemap,
    "notices": NoticesSitemap,
    "urgent-decisions": UrgentDecisionsSitemap,
}

# Staff and sign-in pages: nothing there is public, and crawlers have no business asking.
DISALLOWED = [
    "/admin/",
    "/decisions/records/",
    "/scrutiny/",
    "/forward-plan/manage/",
    "/urgent-decisions-reports/",
    "/call-in/",
    "/your-work/",
    "/sign-in/",
    "/sign-out/",
]


@public_page
@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /", ""]
    lines.append(f"Sitemap: {settings.SITE_URL.rstrip('/')}{reverse('sitemap-index')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
