"""Staff pages of a briefing report: the report itself, sign-off, returns, the strategic director's
agreement, the cabinet member's approval (in the system, or recorded by Democratic Support),
publication to the meeting's agenda and withdrawal.

Each action page: GET shows what will happen; POST calls one service and redirects to the report
with a success message. Service errors go on the form, so the GOV.UK error summary shows them and
nothing typed is lost. An action the report has moved past sends the person back to the report
with a message, rather than an error page.
"""

import functools

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from council import documents as council_documents
from council import integrity
from council.models import Department
from records import forms as record_forms
from records.forms import GovDateField
from scrutiny import documents, permissions, rules, services, workflow
from scrutiny.models import ApprovalHow, BriefingReport, ReportAppendix, Status, today
from scrutiny.workflow import Action, TransitionNotAllowed

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _queryset():
    return BriefingReport.objects.select_related(
        "committee__chair",
        "meeting__committee",
        "author__directorate",
        "lead_member",
        "lead_member_portfolio",
        "lead_director",
        "priority",
        "originating_slt_member",
    ).prefetch_related(
        "sections",
        "appendices",
        "background_papers",
        "applicable_departments",
        "decisions",
        "sign_offs__department",
        "events",
    )


def _load(pk):
    return get_object_or_404(_queryset(), pk=pk)


def _report_url(report):
    return reverse("scrutiny:report", kwargs={"pk": report.pk})


def _after(request, report):
    """Back to the report if the person can still see it, else to their work."""
    fresh = BriefingReport.objects.select_related("committee").get(pk=report.pk)
    if permissions.can_view(request.user, fresh):
        return redirect(_report_url(fresh))
    return redirect("staff-home")


def moved_on(request, report, action):
    """The report is past this action (done already, or in another state): say so on the report."""
    phrase = workflow.STATE_PHRASES[action]
    if _already_done(report, action):
        messages.info(request, f"This report has already been {phrase}.")
    else:
        label = Status(report.status).label.lower()
        messages.info(request, f"This report is {label}: it can no longer be {phrase}.")
    return redirect(_report_url(report))


def _already_done(report, action):
    """Only a move of the whole report is "already done"; a sign-off is one department's, said by its page."""
    moves = workflow.TRANSITIONS[action].target is not None
    return moves and integrity.already_done(report, action, draft=Status.DRAFT)


def second_click(action):
    """A second click on an action's button, or the one that lost the race for the row lock, is
    refused by the permission check (the report has moved on): tell the person it is done instead
    of showing a 403. Only someone who may see the report hears its state: anyone else, or a
    refusal for another reason, still gets the 403."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, pk, **kwargs):
            try:
                return view(request, pk, **kwargs)
            except PermissionDenied:
                report = _load(pk)
                if not (request.method == "POST" and permissions.can_view(request.user, report)):
                    raise
                past = not workflow.allowed_in_status(report.status, action)
                if past or _already_done(report, action):
                    return moved_on(request, report, action)
                raise

        return wrapped

    return decorate


def _check(request, report, allowed, action):
    """403 unless allowed; a report past this action goes back to the report page instead."""
    if allowed:
        return None
    if permissions.can_view(request.user, report) and not workflow.allowed_in_status(report.status, action):
        return moved_on(request, report, action)
    raise PermissionDenied


def _data(request):
    return request.POST if request.method == "POST" else None


def _moved(report, form, exc):
    """SIGNOFF-1: the report changed since the page was shown. Say so on the form; show it as it is now."""
    record_forms.apply_service_errors(form, exc)
    return _load(report.pk)


def _page(request, template, report, form, **extra):
    return render(request, template, {"report": report, "form": form, **extra})


# — the report --------------------------------------------------------------------------------


def _actions(user, report):
    """The buttons this person may use now, in the order they would use them."""
    pk = {"pk": report.pk}
    actions = []
    if permissions.can_edit(user, report):
        actions.append(("Edit the report", reverse("scrutiny:tasks", kwargs=pk), "secondary"))
    if workflow.allowed_in_status(report.status, Action.ISSUE_SIGN_OFF):
        current = rules.current_sign_offs(report)
        for dep in permissions.report_reviewer_departments(user, report):
            if dep.pk not in current:
                url = reverse("scrutiny:sign-off", kwargs={**pk, "department": dep.slug})
                actions.append((f"Sign off for {dep.name}", url, "primary"))
    if permissions.can_agree(user, report):
        actions.append(("Agree the report", reverse("scrutiny:agree", kwargs=pk), "primary"))
    if permissions.can_approve(user, report):
        actions.append(("Approve the report", reverse("scrutiny:approve", kwargs=pk), "primary"))
    if permissions.can_record_approval(user, report):
        url = reverse("scrutiny:record-approval", kwargs=pk)
        actions.append(("Record the cabinet member's approval", url, "secondary"))
    if permissions.can_publish(user, report):
        actions.append(("Publish to the meeting's agenda", reverse("scrutiny:publish", kwargs=pk), "primary"))
    if permissions.can_return(user, report):
        actions.append(("Return to the author", reverse("scrutiny:return", kwargs=pk), "secondary"))
    if permissions.can_withdraw(user, report):
        actions.append(("Withdraw the report", reverse("scrutiny:withdraw", kwargs=pk), "warning"))
    return actions


def _history(report):
    labels = dict(Status.choices)
    return [
        {
            "at": e.at,
            "who": e.actor_name,
            "what": e.action_label,
            "comment": e.comment,
            "from": labels.get(e.from_status, ""),
            "to": labels.get(e.to_status, ""),
        }
        for e in report.events.all()
    ]


def _sign_off_rows(report):
    """The report's sign-off row: each department that applies, its current code or what is missing."""
    current = rules.current_sign_offs(report)
    stale = {s.department_id for s in report.sign_offs.all()} - current.keys()
    rows = []
    for department in rules.required_departments(report):
        sign_off = current.get(department.pk)
        rows.append(
            {
                "department": department,
                "label": department.report_label or department.name,
                "code": sign_off.code if sign_off else "",
                "state": "current" if sign_off else ("stale" if department.pk in stale else "waiting"),
            }
        )
    return rows


@login_required
@require_safe
def report(request, pk):
    report = _load(pk)
    if not permissions.can_view(request.user, report):
        raise PermissionDenied
    context = documents.report_context(report, public=False)
    return render(
        request,
        "scrutiny/record/report.html",
        {
            **context,
            "actions": _actions(request.user, report),
            "gaps": rules.sign_off_gaps(report) if report.status == Status.IN_SIGN_OFF else [],
            "sign_off_rows": _sign_off_rows(report),
            "events": _history(report),
            "retry_pdf_url": (
                reverse("scrutiny:retry-pdf", kwargs={"pk": report.pk})
                if permissions.can_retry_public_pdf(request.user, report)
                else ""
            ),
        },
    )


@login_required
@require_http_methods(["POST"])
def retry_pdf(request, pk):
    """Democratic Support asks again for a published report's PDF after it could not be made."""
    report = _load(pk)
    if not permissions.can_retry_public_pdf(request.user, report):
        if permissions.can_view(request.user, report) and report.public_pdf_sha256:
            messages.info(request, "The PDF has been made: there is nothing to try again.")
            return redirect(_report_url(report))
        raise PermissionDenied
    services.retry_public_pdf(report, actor=request.user)
    fresh = BriefingReport.objects.get(pk=report.pk)
    if fresh.public_pdf_sha256:
        messages.success(request, "The PDF has been made")
    elif not fresh.public_pdf_error:
        messages.success(request, "The PDF is being made: this page will show it when it is ready")
    return redirect(_report_url(report))


@login_required
@require_safe
def report_pdf(request, pk):
    """The full version as PDF, for those who may see the report, rendered now; "DRAFT" until published."""
    report = _load(pk)
    if not permissions.can_view(request.user, report):
        raise PermissionDenied
    watermark = None if report.status == Status.PUBLISHED else council_documents.WATERMARK
    data = documents.render_report_pdf(report, public=False, watermark=watermark)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{documents.pdf_filename(report, public=False)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def appendix_file(request, pk, child):
    """An appendix's file, for whoever may see the report (the public uses its own URL)."""
    appendix = get_object_or_404(ReportAppendix.objects.select_related("report"), pk=child, report_id=pk)
    if not permissions.can_download_appendix(request.user, appendix):
        raise PermissionDenied
    return council_documents.serve_attachment(appendix)


# — sign-off ---------------------------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.ISSUE_SIGN_OFF)
def sign_off(request, pk, department):
    report = _load(pk)
    dep = get_object_or_404(Department, slug=department, on_report_form=True)
    allowed = permissions.can_issue_sign_off(request.user, report, dep)
    if response := _check(request, report, allowed, Action.ISSUE_SIGN_OFF):
        return response
    form = record_forms.SignOffForm(_data(request), department=dep)
    done = rules.current_sign_offs(report).get(dep.pk)
    moved = False
    if request.method == "POST" and not done and form.is_valid():
        try:
            issued = services.issue_sign_off_code(
                report,
                actor=request.user,
                department=dep,
                typed_code=form.cleaned_data.get("code", ""),
                version=integrity.seen_version(request.POST),
            )
        except integrity.VersionMoved as exc:
            report, moved = _moved(report, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            # Two clicks at once: the other one issued the code while this one waited for the lock.
            done = rules.current_sign_offs(_load(pk)).get(dep.pk)
            record_forms.apply_service_errors(form, exc)
        else:
            messages.success(request, f"{dep.name} sign-off code {issued.code} issued")
            return _after(request, report)
    if request.method == "POST" and done:
        messages.info(request, f"{dep.name} has already signed off this version, with the code {done.code}.")
        return redirect(_report_url(report))
    return _page(
        request,
        "scrutiny/record/sign_off.html",
        report,
        form,
        department=dep,
        done=done,
        can_return=permissions.can_return(request.user, report),
        version_moved=moved,
    )


# — returning and withdrawing ----------------------------------------------------------------


def _comment_action(request, pk, *, allowed, action, form_kwargs, service, success, template):
    report = _load(pk)
    if response := _check(request, report, allowed(request.user, report), action):
        return response
    form = record_forms.CommentForm(_data(request), **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(report, actor=request.user, comment=form.cleaned_data["comment"])
        except (ValidationError, TransitionNotAllowed) as exc:
            record_forms.apply_service_errors(form, exc)
        else:
            messages.success(request, success)
            return _after(request, report)
    return _page(request, template, report, form)


@login_required
@GET_POST
@second_click(Action.RETURN)
def return_report(request, pk):
    return _comment_action(
        request,
        pk,
        allowed=permissions.can_return,
        action=Action.RETURN,
        form_kwargs=dict(
            label="Comments for the author",
            hint="Say what needs to change. The author sees these comments, and they are kept in the report's history.",
            required_message="Enter your comments for the author, so they know what to change",
            button="Return the report",
        ),
        service=services.return_to_author,
        success="The report has been returned to the author",
        template="scrutiny/record/return.html",
    )


@login_required
@GET_POST
@second_click(Action.WITHDRAW)
def withdraw(request, pk):
    return _comment_action(
        request,
        pk,
        allowed=permissions.can_withdraw,
        action=Action.WITHDRAW,
        form_kwargs=dict(
            label="Why is the report being withdrawn?",
            hint="This is kept in the report's history.",
            required_message="Enter why the report is being withdrawn",
            button="Withdraw the report",
        ),
        service=services.withdraw_report,
        success="The report has been withdrawn",
        template="scrutiny/record/withdraw.html",
    )


# — the strategic director and the cabinet member ---------------------------------------------


class OptionalCommentForm(forms.Form):
    comment = forms.CharField(label="Comments (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, button, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = record_forms.action_helper(Field.textarea("comment", rows=4), button=button)


def _confirm_action(request, pk, *, allowed, action, service, button, success, template):
    report = _load(pk)
    if response := _check(request, report, allowed(request.user, report), action):
        return response
    form = OptionalCommentForm(_data(request), button=button)
    blockers = workflow.blockers(report, action)
    moved = False
    if request.method == "POST" and form.is_valid():
        try:
            service(
                report,
                actor=request.user,
                comment=form.cleaned_data["comment"].strip(),
                version=integrity.seen_version(request.POST),
            )
        except integrity.VersionMoved as exc:
            report, moved = _moved(report, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            record_forms.apply_service_errors(form, exc)
        else:
            messages.success(request, success)
            return _after(request, report)
    return _page(request, template, report, form, blockers=blockers, version_moved=moved)


@login_required
@GET_POST
@second_click(Action.AGREE)
def agree(request, pk):
    return _confirm_action(
        request,
        pk,
        allowed=permissions.can_agree,
        action=Action.AGREE,
        service=services.agree_report,
        button="Agree the report",
        success="You have agreed the report. The lead member is asked to approve it",
        template="scrutiny/record/agree.html",
    )


@login_required
@GET_POST
@second_click(Action.APPROVE)
def approve(request, pk):
    return _confirm_action(
        request,
        pk,
        allowed=permissions.can_approve,
        action=Action.APPROVE,
        service=services.approve_report,
        button="Approve the report",
        success="You have approved the report. Democratic Support will publish it",
        template="scrutiny/record/approve.html",
    )


class ApprovalForm(forms.Form):
    """Democratic Support records an approval the cabinet member gave outside the system."""

    approved_on = GovDateField(
        what="the date the cabinet member approved",
        when="past",
        required=True,
        label="Date the cabinet member approved",
        help_text="For example, 4 11 2021",
    )
    how = forms.ChoiceField(
        label="How did the cabinet member approve?",
        choices=[(ApprovalHow.EMAIL, "By email"), (ApprovalHow.OTHER, "Another way, in writing")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the cabinet member approved"},
    )
    evidence = forms.CharField(
        label="Evidence of the approval",
        help_text="For example, the date, sender and subject of the cabinet member's email",
        widget=forms.Textarea,
        error_messages={"required": "Describe the evidence of the approval, for example the email's date and subject"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_on"].error_messages["required"] = "Enter the date the cabinet member approved"
        self.helper = record_forms.action_helper(
            Field("approved_on", context={"legend_size": "govuk-fieldset__legend--s"}),
            Field.radios("how", legend_size="s"),
            Field.textarea("evidence", label_size="s", rows=4),
            button="Record the approval",
        )

    def clean_evidence(self):
        evidence = self.cleaned_data["evidence"].strip()
        if not evidence:
            raise ValidationError(self.fields["evidence"].error_messages["required"], code="required")
        return evidence


@login_required
@GET_POST
@second_click(Action.RECORD_APPROVAL)
def record_approval(request, pk):
    report = _load(pk)
    allowed = permissions.can_record_approval(request.user, report)
    if response := _check(request, report, allowed, Action.RECORD_APPROVAL):
        return response
    form = ApprovalForm(_data(request))
    moved = False
    if request.method == "POST" and form.is_valid():
        try:
            done = services.record_cabinet_approval(
                report, actor=request.user, version=integrity.seen_version(request.POST), **form.cleaned_data
            )
        except integrity.VersionMoved as exc:
            report, moved = _moved(report, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            record_forms.apply_service_errors(form, exc)
        else:
            messages.success(request, f"Recorded: {done.cabinet_approval_display}")
            return _after(request, report)
    return _page(request, "scrutiny/record/record_approval.html", report, form, version_moved=moved)


# — publishing ---------------------------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.PUBLISH)
def publish(request, pk):
    report = _load(pk)
    if response := _check(request, report, permissions.can_publish(request.user, report), Action.PUBLISH):
        return response
    form = record_forms.ConfirmForm(_data(request), button="Publish to the agenda")
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_report(report, actor=request.user)
        except TransitionNotAllowed as exc:
            problems = [p.message for p in exc.reasons]
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, f"The report is published on the agenda of {report.meeting}")
            return _after(request, report)
    exempt = [
        f"{i}: {i.not_for_publication}"
        for i in [*report.appendices.all(), *report.background_papers.all()]
        if i.is_exempt
    ]
    return _page(
        request,
        "scrutiny/record/publish.html",
        report,
        form,
        problems=problems,
        blockers=workflow.blockers(report, Action.PUBLISH),
        exempt_parts=exempt,
        today=today(),
    )
