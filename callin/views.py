"""Councillors' call-in pages, under /call-in/ (CALL-1): the decisions open to call-in, the request
on one decision, and a request's own page (the record core's `page_view`), where colleagues add
their names and Democratic Support and the decision maker find their actions.

Who may is `callin.permissions`; a refusal of the service (the window closed, a decision not
subject to call-in, an ineligible member, a second request) goes on the form as an error.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from callin import kind, permissions, rules, services
from callin.forms import RequestForm
from callin.models import CallIn, Status
from callin.reconsider import changed_decisions
from callin.views_actions import BUTTONS
from council import roles
from council.models import CouncilSettings
from council.pagination import page_links
from decisions.models import Decision, today
from decisions.rules_callin import call_in_status
from records.forms import apply_service_errors
from records.views_record import page_view

KIND = kind.KIND.review
PAGE_SIZE = 25


def _open_requests(decisions):
    """{decision pk: its request in progress} for a page of decisions: one query."""
    requests = CallIn.objects.open().filter(decision__in=decisions)
    return {request.decision_id: request for request in requests}


def may_look(user):
    """The list and a request's page: who may call in (and Democratic Support), and any other holder
    of the Councillor role (a cabinet member), who is told why they may not ask rather than a 403."""
    return permissions.can_see_open_decisions(user) or roles.has_role(user, roles.COUNCILLOR)


@login_required
@require_safe
def open_decisions(request):
    """Every published decision whose call-in window is still running, the last day first."""
    if not may_look(request.user):
        raise PermissionDenied
    on_date = today()
    decisions = (
        Decision.objects.open_to_call_in(on_date)
        .select_related("decision_maker", "directorate", "scrutiny_committee")
        .order_by("call_in_ends_on", "reference", "pk")
    )
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    requests = _open_requests(list(page.object_list))
    rows = [
        {"decision": d, "status": call_in_status(d, on_date), "request": requests.get(d.pk)} for d in page.object_list
    ]
    return render(
        request,
        "callin/open.html",
        {"page": page, "rows": rows, "pages": page_links(page), "rule": rules.rule_in_words(CouncilSettings.load())},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def request_call_in(request, pk):
    """A councillor asks for a published decision to be called in, with their reasons. Why they
    cannot (the window closed, not subject to call-in, not eligible, a request already open) is
    said on the page; a POST from a page that went stale gets the service's refusal on the form."""
    decisions = Decision.objects.published().select_related("decision_maker", "scrutiny_committee")
    decision = get_object_or_404(decisions.prefetch_related("call_ins", "scrutiny_committee__members"), pk=pk)
    if not (permissions.is_councillor(request.user) or roles.has_role(request.user, roles.COUNCILLOR)):
        raise PermissionDenied
    council, on_date = CouncilSettings.load(), today()
    form = RequestForm(request.POST if request.method == "POST" else None, button="Request a call-in")
    if request.method == "POST" and form.is_valid():
        try:
            call_in = services.request_call_in(decision, actor=request.user, reasons=form.cleaned_data["reasons"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _requested_message(call_in))
            return redirect(KIND.url(call_in))
    problems = [] if form.errors else _why_not(request.user, decision, council, on_date)
    return render(
        request,
        "callin/request.html",
        {
            "decision": decision,
            "status": call_in_status(decision, on_date),
            "existing": next((c for c in decision.call_ins.all() if c.is_open), None),
            "rule": rules.rule_in_words(council),
            "problems": problems,
            "form": form,
        },
    )


def _why_not(user, decision, council, on_date):
    return [
        *rules.window_problems(decision, on_date),
        *rules.eligibility_problems(user, decision.scrutiny_committee, council),
    ]


def _requested_message(call_in):
    if call_in.status == Status.GATHERING:
        return f"Your request {call_in.reference} is made. Other councillors can now add their names to it"
    return f"Your request {call_in.reference} is made and has gone to Democratic Support to check"


def _call_in_context(request, call_in):
    council = CouncilSettings.load()
    signatories = list(call_in.signatories.all())
    return {
        "call_in": call_in,
        "decision": call_in.decision,
        "decision_status": call_in_status(call_in.decision, today()),
        "signatories": signatories,
        "names_needed": rules.names_still_needed(call_in, council),
        "lapsed": rules.has_lapsed(call_in, today()),
        "rule": rules.rule_in_words(council),
        "may_see_decision": permissions.can_see_decision_record(request.user, call_in.decision),
        # A changed decision taken after this call-in (reconsideration), linked both ways.
        "changed_decisions": changed_decisions(request.user, call_in.decision),
    }


call_in_page = page_view(KIND, "callin/call_in.html", BUTTONS, _call_in_context)
