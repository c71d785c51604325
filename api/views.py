"""The read-only JSON API (issue #6): published decisions, committees, meetings and published
briefing reports, as open data under the Open Government Licence.

No sign-in, and nothing a visitor could not read on the public pages: decisions through
`decisions.opendata`, committees, meetings and reports through `scrutiny.opendata`, the same
representations the downloads and feeds use. An unpublished decision or report answers exactly
like one that does not exist (404). Every list and item makes a constant number of queries,
however many rows it shows. HTTP conventions (GET only, errors, licence, CORS, caching,
pagination) are in api/http.py; the OpenAPI document is api/openapi.py.
"""

import re

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from api import openapi as openapi_document
from api.http import (
    LICENCE,
    ApiError,
    detail_response,
    endpoint,
    form_errors,
    json_response,
    not_found,
    paginated_response,
)
from council import views as council_views
from council.models import Committee
from council.opendata import absolute
from council.pagecache import public_page
from decisions import opendata as decision_opendata
from decisions.models import Decision
from decisions.register import RegisterForm, RegisterQuery
from scrutiny import opendata
from scrutiny.models import Meeting

DECISION_FILTERS = tuple(RegisterForm.base_fields)  # q and every filter of the register page
NO_DECISION = "No published decision has that id."
NO_COMMITTEE = "No committee has that slug."
NO_MEETING = "No meeting has that id."
NO_REPORT = "No published briefing report has that id."


# — index and description --------------------------------------------------------------------------


@endpoint()
def index(request):
    """Where everything is: each list, the OpenAPI description, the documentation, the licence."""
    return json_response(
        {
            "name": "Decisions and scrutiny open data API",
            "version": openapi_document.API_VERSION,
            "decisions": absolute(reverse("api:decisions")),
            "committees": absolute(reverse("api:committees")),
            "meetings": absolute(reverse("api:meetings")),
            "reports": absolute(reverse("api:reports")),
            "forward_plan": absolute(reverse("api:forward-plan")),
            "notices": absolute(reverse("api:notices")),
            "openapi": absolute(reverse("api:openapi")),
            "documentation": absolute(reverse("api:docs")),
            "licence": LICENCE,
        }
    )


@endpoint()
def openapi(request):
    return json_response(openapi_document.build())


@csrf_exempt  # read-only: any other method is 405, not a CSRF failure
@public_page
@require_safe
def documentation(request):
    """The HTML documentation page, from the OpenAPI document itself so the two cannot disagree."""
    document = openapi_document.build()
    endpoints = openapi_document.endpoints(document, examples=openapi_document.examples())
    for item in endpoints:
        item["description"] = _code_spans(item["description"])
        for parameter in item["parameters"]:
            parameter["description"] = _code_spans(parameter["description"])
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": endpoints,
            "openapi_url": reverse("api:openapi"),
            "index_url": reverse("api:index"),
            "licence": LICENCE,
            "max_page_size": openapi_document.MAX_PAGE_SIZE,
            "default_page_size": openapi_document.DEFAULT_PAGE_SIZE,
        },
    )


def _code_spans(text):
    """The description's `names` as <code>, everything else escaped."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))  # noqa: S308 - escaped first


# — decisions --------------------------------------------------------------------------------------


@endpoint(query=DECISION_FILTERS, paginated=True)
def decision_list(request):
    """Published decisions, with the register page's search and filters and its order."""
    query = RegisterQuery(request.GET)
    decisions = decision_opendata.export_queryset(query.ordered())
    errors = form_errors(query.form)
    if _unknown_id(request.GET, errors, "decision_maker"):
        decisions = decisions.none()
    # A reversed range (dates or amounts) is valid per parameter, so not a 400: nothing is in it.
    for name, problems in query.form.errors.as_data().items():
        if all(problem.code == "reversed" for problem in problems):
            del errors[name]
            decisions = decisions.none()
    return paginated_response(request, decisions, decision_opendata.decision_data, errors=errors)


def _unknown_id(params, errors, name):
    """A well-formed number that nobody (no meeting) has is a filter that matches nothing, as a
    client expects and the description says: it is dropped from `errors`, and True is returned."""
    if name in errors and re.fullmatch(r"[0-9]+", params.get(name, "")) and params[name].strip("0"):
        del errors[name]
        return True
    return False


@endpoint()
def decision_detail(request, id):
    queryset = Decision.objects.published().filter(reference_slug=id)
    decision = decision_opendata.export_queryset(queryset).first()
    if decision is None:
        raise ApiError(404, NO_DECISION)  # the same for a draft as for nothing at all
    return detail_response(decision_opendata.decision_detail(decision))


# — committees and meetings ------------------------------------------------------------------------


@endpoint(paginated=True)
def committee_list(request):
    return paginated_response(request, opendata.committee_queryset(), opendata.committee_data)


@endpoint()
def committee_detail(request, slug):
    committee = opendata.committee_queryset().filter(slug=slug).first()
    if committee is None:
        raise ApiError(404, NO_COMMITTEE)
    return detail_response(opendata.committee_data(committee))


class _CommitteeChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            Committee.objects.all(),
            to_field_name="slug",
            required=False,
            error_messages={"invalid_choice": "Choose a committee by its slug, as /api/v1/committees/ lists them"},
            **kwargs,
        )


class MeetingFilters(forms.Form):
    committee = _CommitteeChoice()


class ReportFilters(forms.Form):
    committee = _CommitteeChoice()
    meeting = forms.ModelChoiceField(
        Meeting.objects.all(),
        required=False,
        error_messages={"invalid_choice": "Choose a meeting by its id, as /api/v1/meetings/ lists them"},
    )


def _filtered(form_class, request, queryset):
    """`queryset` narrowed by the form's valid answers, and the form's errors."""
    form = form_class(request.GET)
    form.is_valid()
    for name, value in form.cleaned_data.items():
        if value is not None and name not in form.errors:
            queryset = queryset.filter(**{name: value})
    errors = form_errors(form)
    if _unknown_id(request.GET, errors, "meeting"):
        queryset = queryset.none()
    return queryset, errors


@endpoint(query=tuple(MeetingFilters.base_fields), paginated=True)
def meeting_list(request):
    meetings, errors = _filtered(MeetingFilters, request, opendata.meeting_queryset())
    return paginated_response(request, meetings, opendata.meeting_data, errors=errors)


@endpoint()
def meeting_detail(request, id):
    meeting = opendata.meeting_queryset().filter(pk=id).first()
    if meeting is None:
        raise ApiError(404, NO_MEETING)
    return detail_response(opendata.meeting_data(meeting))


# — briefing reports -------------------------------------------------------------------------------


@endpoint(query=tuple(ReportFilters.base_fields), paginated=True)
def report_list(request):
    """Published briefing reports, as their public pages show them (a Part II report: its title only)."""
    reports, errors = _filtered(ReportFilters, request, opendata.published_reports())
    departments = [] if errors else opendata.report_form_departments()  # read once for the whole page
    return paginated_response(
        request, reports, lambda r: opendata.report_data(r, departments=departments), errors=errors
    )


@endpoint()
def report_detail(request, id):
    report = opendata.published_reports().filter(pk=id).first()
    if report is None:
        raise ApiError(404, NO_REPORT)  # the same for a draft as for nothing at all
    return detail_response(opendata.report_data(report))


def page_not_found(request, exception=None):
    """The site's 404: JSON under the API (its clients read JSON), the HTML page elsewhere."""
    if request.path.startswith(reverse("api:docs")):
        return not_found(request)
    return council_views.page_not_found(request, exception)
