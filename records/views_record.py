"""The staff page of a record, as every kind has it: status tag, buttons, PDF, history.

Each app's record page view says what is its own (its document, its gaps, its sign-off table) and
takes the shared blocks from `page_context`; templates/components/record_page.html lays them out.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from council import documents as council_documents
from council.models import CouncilSettings
from records.retention import disposal_problems, retention


@dataclass(frozen=True)
class Button:
    """A button on the record page: shown when `allowed(user, record)`; `page` names the URL in the app."""

    label: str
    page: str
    style: str  # "primary", "secondary" or "warning"
    allowed: object  # (user, record) -> bool


@dataclass(frozen=True)
class SignOffButtons:
    """One "Sign off for <department>" button per department this person may still sign off for."""

    departments: object  # (user, record) -> the departments this person reviews for


def every_kinds_buttons(kind, own, *, departments):
    """The buttons every kind of record has around its own: edit and sign off first, return and
    withdraw last. `departments(user, record)`: those this person signs off for."""
    may = kind.permissions
    return [
        Button(f"Edit the {kind.noun}", "tasks", "secondary", may.can_edit),
        SignOffButtons(departments),
        *own,
        Button("Return to the author", "return", "secondary", may.can_return),
        Button(f"Withdraw the {kind.noun}", "withdraw", "warning", may.can_withdraw),
        Button(
            "Dispose of the background papers' files",
            "dispose-papers",
            "warning",
            lambda user, record: may.can_dispose_papers(user, record) and not disposal_problems(record),
        ),
    ]


def buttons(kind, user, record, declared):
    """The buttons this person may use now, in the order the app declares (the order they use them)."""
    shown = []
    for button in declared:
        if isinstance(button, SignOffButtons):
            if not kind.workflow.allowed_in_status(record.status, kind.workflow.Action.ISSUE_SIGN_OFF):
                continue
            current = kind.rules.current_sign_offs(record)
            for dep in button.departments(user, record):
                if dep.pk not in current:
                    url = reverse(kind.url_name("sign-off"), kwargs={"pk": record.pk, "department": dep.slug})
                    shown.append((f"Sign off for {dep.name}", url, "primary"))
        elif button.allowed(user, record):
            shown.append((button.label, kind.url(record, button.page), button.style))
    return shown


def status_colour(kind, status):
    """The GOV.UK tag colour of a status of this kind ("" is the default blue)."""
    return kind.tags.get(status, kind.tags.get(None, ""))


def page_context(kind, request, record, declared):
    """What components/record_page.html shows of every kind of record."""
    may_retry = kind.permissions.can_retry_public_pdf(request.user, record)
    return {
        "record": record,
        "noun": kind.noun,
        "status_colour": status_colour(kind, record.status),
        "actions": buttons(kind, request.user, record, declared),
        "events": history(kind, record),
        "retry_pdf_url": kind.url(record, "retry-pdf") if may_retry else "",
        # A kind without sign-off (a Forward Plan item) has no IN_SIGN_OFF status.
        "gaps": kind.rules.sign_off_gaps(record) if record.status == getattr(kind.status, "IN_SIGN_OFF", None) else [],
        "retention": retention(record, CouncilSettings.for_request(request)),
    }


def page_view(kind, template, declared, context):
    """The staff page of a record, for whoever may see it: `context(request, record)` is the kind's
    own (its document, warnings, sign-off table); `declared` its buttons."""

    @login_required
    @require_safe
    def view(request, pk):
        record = kind.load_for(request.user, pk)
        return render(request, template, {**context(request, record), **page_context(kind, request, record, declared)})

    return view


def history(kind, record):
    """The record's events as the history table shows them, oldest first."""
    labels = dict(kind.status.choices)
    return [
        {
            "at": e.at,
            "who": e.actor_name,
            "what": e.action_label,
            "comment": e.comment,
            "from": labels.get(e.from_status, ""),
            "to": labels.get(e.to_status, ""),
        }
        for e in record.events.all()
    ]


def pdf_view(kind, render, filename):
    """The full version as PDF, for those who may see it, rendered now; "DRAFT" until it is frozen.
    `render(request, record, watermark)` gives the bytes, `filename(record, public=False)` the name."""

    @login_required
    @require_safe
    def view(request, pk):
        record = kind.load_for(request.user, pk)
        if request.method == "HEAD":
            # Headers only (a link checker, a download manager): rendering would cost seconds of
            # WeasyPrint for a body never sent. HTTP lets a HEAD leave out the Content-Length that only
            # the body gives (RFC 9110, 9.3.2); a streamed answer has none.
            response = StreamingHttpResponse((), content_type="application/pdf")
        else:
            watermark = None if record.is_frozen else council_documents.WATERMARK
            response = HttpResponse(render(request, record, watermark), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename(record, public=False)}"'
        response["Cache-Control"] = "private, no-store"
        return response

    return view


def retry_pdf_view(kind, service):
    """Democratic Support asks again for a published record's public PDF after it could not be made."""

    @login_required
    @require_POST
    def view(request, pk):
        record = kind.load(pk)
        if not kind.permissions.can_retry_public_pdf(request.user, record):
            if kind.permissions.can_view(request.user, record) and record.public_pdf_sha256:
                messages.info(request, "The PDF has been made: there is nothing to try again.")
                return redirect(kind.url(record))
            raise PermissionDenied
        service(record, actor=request.user)
        fresh = kind.queryset().get(pk=record.pk)
        if fresh.public_pdf_sha256:
            messages.success(request, "The PDF has been made")
        elif not fresh.public_pdf_error:
            messages.success(request, "The PDF is being made: this page will show it when it is ready")
        return redirect(kind.url(record))

    return view


# — the files of a record's children (appendices, background papers) --------------------------


def file_download(model, may):
    """The staff download of a child's file (an appendix's, a background paper's), under its record's
    address, for whoever `may(user, child)`. The public is not told that a record or a file exists."""
    record_field = model.RECORD_FIELD

    @require_safe
    def view(request, pk, child):
        item = get_object_or_404(model.objects.select_related(record_field), pk=child, **{f"{record_field}_id": pk})
        if not may(request.user, item):
            raise PermissionDenied if request.user.is_authenticated else Http404
        return council_documents.serve_attachment(item)

    return view


def numbered(papers, number):
    """The background paper numbered `number` (from 1, as section 19 and a report number them), or None.
    A published record is frozen, so its papers keep their numbers."""
    papers = list(papers)
    return papers[number - 1] if 0 < number <= len(papers) else None
