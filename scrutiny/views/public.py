"""The public's committees, meetings, agendas and published briefing reports, under /committees/.

No sign-in. Nothing here shows exempt information: `report_context(..., public=True)` replaces
every exempt part by its "Not for publication" text, and a Part II report shows only its title and
the exemption paragraph text, on its page, its agenda entry and its PDF. A report that is not
published answers exactly like one that does not exist (404). List and agenda pages make a
constant number of queries, however many rows they show.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from council import documents as council_documents
from council.models import Committee, CouncilSettings, User
from council.opendata import PublicFeed
from council.pagecache import public_page
from decisions.models import Status as DecisionStatus
from records.retention import retention
from records.views_record import numbered
from scrutiny import documents
from scrutiny.documents import report_context, report_queryset
from scrutiny.models import BriefingReport, Meeting, Status

NOT_FOUND = "No published report has that address"
FEED_SIZE = 50


def _committee(slug, queryset=None):
    committee = (queryset or Committee.objects.all()).filter(slug=slug).first()
    if committee is None:
        raise Http404("No committee has that address")
    return committee


@public_page
@require_safe
def committee_list(request):
    committees = Committee.objects.select_related("chair").order_by("order", "name")
    return render(request, "scrutiny/public/committee_list.html", {"committees": committees})


@public_page
@require_safe
def committee_detail(request, slug):
    people = User.objects.order_by("last_name", "first_name")
    committee = _committee(
        slug,
        Committee.objects.select_related("chair", "vice_chair").prefetch_related(
            Prefetch("members", people),
            Prefetch("meetings", Meeting.objects.order_by("-date", "-starts_at")),
        ),
    )
    return render(request, "scrutiny/public/committee_detail.html", {"committee": committee})


def _agenda(meeting):
    return (
        BriefingReport.objects.filter(meeting=meeting, status=Status.PUBLISHED)
        .select_related("committee", "meeting")
        .order_by("agenda_position", "pk")
    )


@public_page
@require_safe
def meeting_detail(request, slug, pk):
    meeting = Meeting.objects.select_related("committee").filter(pk=pk, committee__slug=slug).first()
    if meeting is None:
        raise Http404("No meeting has that address")
    return render(request, "scrutiny/public/meeting_detail.html", {"meeting": meeting, "agenda": _agenda(meeting)})


def _published(queryset, slug, pk):
    report = queryset.filter(pk=pk, committee__slug=slug, status=Status.PUBLISHED).first()
    if report is None:
        raise Http404(NOT_FOUND)
    return report


@public_page
@require_safe
def report_detail(request, slug, pk):
    report = _published(report_queryset(), slug, pk)
    council = CouncilSettings.for_request(request)
    context = report_context(report, public=True, council=council)
    context["retention"] = retention(report, council)  # OLGB-6
    context["pdf_filename"] = documents.pdf_filename(report)
    # The decisions the report is about, each linked to its public record: only published ones.
    context["decisions"] = report.decisions.filter(status=DecisionStatus.PUBLISHED).order_by("-decided_on", "pk")
    return render(request, "scrutiny/public/report_detail.html", context)


@require_safe
def report_appendix(request, slug, pk, ref):
    """S12A-4, EXEC-14: a non-exempt appendix of a published Part I report, as a download."""
    report = _published(BriefingReport.objects.select_related("committee"), slug, pk)
    item = report.appendices.filter(ref=ref).first()
    if item is None or report.is_part_2 or item.is_exempt or not item.file:
        raise Http404(NOT_FOUND)
    return council_documents.serve_attachment(item)


@require_safe
def report_paper(request, slug, pk, number):
    """OLGB-5, S12A-4: a non-exempt background paper of a published Part I report, as a download, by its
    number in the report's list."""
    report = _published(BriefingReport.objects.select_related("committee"), slug, pk)
    item = numbered(report.background_papers.all(), number)
    if item is None or report.is_part_2 or item.is_exempt or not item.file:
        raise Http404(NOT_FOUND)
    return council_documents.serve_attachment(item)


@require_safe
def report_pdf(request, slug, pk):
    """The public PDF, as the worker stored it on publication; a 503 until it has."""
    report = _published(BriefingReport.objects.select_related("committee", "meeting"), slug, pk)
    return council_documents.serve_public_pdf(request, report, filename=documents.pdf_filename(report))


class CommitteeReportsFeed(PublicFeed):
    """Atom: the reports a committee has published, newest first. A Part II report is its title and
    the paragraphs it is exempt under, nothing of its content (S12A-4)."""

    def get_object(self, request, slug):
        return _committee(slug)

    def title(self, committee):
        return f"{committee.name}: briefing reports"

    def subtitle(self, committee):
        return f"Briefing reports published for meetings of the {committee.name}, newest first."

    def link(self, committee):
        return reverse("committees:committee", kwargs={"slug": committee.slug})

    def feed_url(self, committee):
        return reverse("committees:feed", kwargs={"slug": committee.slug})

    def items(self, committee):
        return (
            BriefingReport.objects.published()
            .filter(committee=committee)
            .select_related("committee", "meeting")
            .only(
                "pk",
                "title",
                "purpose",
                "confidentiality",
                "exempt_paragraphs",
                "published_at",
                "committee__slug",
                "committee__name",
                "meeting__date",
            )
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        meeting = f"For the meeting on {item.meeting.date:%-d %B %Y}." if item.meeting else ""
        if item.is_part_2:
            return f"{item.part2_not_for_publication}. {meeting}".strip()
        return f"{item.purpose}\n\n{meeting}".strip()

    def item_link(self, item):
        return reverse("committees:report", kwargs={"slug": item.committee.slug, "pk": item.pk})


committee_feed = public_page(require_safe(CommitteeReportsFeed()))
