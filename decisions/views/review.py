"""Staff pages of a submitted record: the record itself, sign-off, the chair's agreement, returns,
signing, publishing and withdrawal.

Each action page: GET shows what will happen (and why it cannot, if it cannot); POST calls one
service and redirects to the record with a success message. Service errors go on the form, so
the GOV.UK error summary shows them and nothing typed is lost. An action the record has moved
past sends the person back to the record with a message, rather than an error page.
"""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from council import integrity
from council.models import Department
from decisions import documents, forms_review, permissions, rules, services, workflow
from decisions.documents import record_context, record_queryset
from decisions.models import Status, today
from decisions.views.public import _council
from decisions.workflow import Action, TransitionNotAllowed

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _load(pk):
    return get_object_or_404(record_queryset(), pk=pk)


def _record_url(decision):
    return reverse("decisions:record", kwargs={"pk": decision.pk})


def _after(request, decision):
    """Back to the record if the person can still see it, else to their work."""
    fresh = record_queryset().get(pk=decision.pk)
    if permissions.can_view(request.user, fresh):
        return redirect(_record_url(fresh))
    return redirect("staff-home")


def moved_on(request, decision, action):
    """The record is past this action (done already, or in another state): say so on the record."""
    label = Status(decision.status).label.lower()
    phrase = getattr(workflow, "STATE_PHRASES", {}).get(action) or workflow.ACTION_LABELS[action].lower()
    if _already_done(decision, action):
        messages.info(request, f"This record has already been {phrase}.")
    else:
        messages.info(request, f"This record is {label}: it can no longer be {phrase}.")
    return redirect(_record_url(decision))


def _already_done(decision, action):
    """Only a move of the whole record is "already done"; a sign-off is one department's, said by its page."""
    moves = workflow.TRANSITIONS[action].target is not None
    return moves and integrity.already_done(decision, action, draft=Status.DRAFT)


def second_click(action):
    """A second click on an action's button, or the one that lost the race for the row lock, is
    refused by the permission check (the record has moved on): tell the person it is done instead
    of showing a 403. Only someone who may see the record hears its state: anyone else, or a
    refusal for another reason, still gets the 403."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, pk, **kwargs):
            try:
                return view(request, pk, **kwargs)
            except PermissionDenied:
                decision = _load(pk)
                if not (request.method == "POST" and permissions.can_view(request.user, decision)):
                    raise
                past = not workflow.allowed_in_status(decision.status, action)
                if past or _already_done(decision, action):
                    return moved_on(request, decision, action)
                raise

        return wrapped

    return decorate


def _check(request, decision, allowed, action):
    """403 unless allowed; a record past this action goes back to the record page instead."""
    if allowed:
        return None
    if permissions.can_view(request.user, decision) and not workflow.allowed_in_status(decision.status, action):
        return moved_on(request, decision, action)
    raise PermissionDenied


def _data(request):
    """Bind on POST even when nothing was sent (a confirm button, an unticked box)."""
    return request.POST if request.method == "POST" else None


def _moved(decision, form, exc):
    """SIGNOFF-1: the record changed since the page was shown. Say so on the form; show it as it is now."""
    forms_review.apply_service_errors(form, exc)
    return _load(decision.pk)


def _page(request, template, decision, form, **extra):
    return render(request, template, {"decision": decision, "form": form, **extra})


# — the record --------------------------------------------------------------------------------


def _actions(user, decision):
    """The buttons this person may use now, in the order they would use them."""
    actions = []
    if permissions.can_edit(user, decision):
        actions.append(("Edit the record", reverse("decisions:tasks", kwargs={"pk": decision.pk}), "secondary"))
    if workflow.allowed_in_status(decision.status, Action.ISSUE_SIGN_OFF):
        current = rules.current_sign_offs(decision)
        for dep in permissions.reviewer_departments(user, decision):
            if dep.pk not in current:
                url = reverse("decisions:sign-off", kwargs={"pk": decision.pk, "department": dep.slug})
                actions.append((f"Sign off for {dep.name}", url, "primary"))
    if permissions.can_agree_urgency(user, decision):
        url = reverse("decisions:urgency", kwargs={"pk": decision.pk})
        actions.append(("Agree or decline the urgency", url, "primary"))
    if permissions.can_record_agreement(user, decision) and _open_agreements(decision):
        url = reverse("decisions:record-agreement", kwargs={"pk": decision.pk})
        actions.append(("Record the chair's agreement", url, "secondary"))
    if permissions.can_sign(user, decision):
        actions.append(("Sign the decision", reverse("decisions:sign", kwargs={"pk": decision.pk}), "primary"))
    if permissions.can_publish(user, decision):
        actions.append(("Publish the decision", reverse("decisions:publish", kwargs={"pk": decision.pk}), "primary"))
    if permissions.can_return(user, decision):
        actions.append(("Return to the author", reverse("decisions:return", kwargs={"pk": decision.pk}), "secondary"))
    if permissions.can_withdraw(user, decision):
        actions.append(("Withdraw the record", reverse("decisions:withdraw", kwargs={"pk": decision.pk}), "warning"))
    return actions


def _open_agreements(decision):
    required = set(rules.required_agreements(decision))
    return [a for a in decision.chair_agreements.all() if a.kind in required and not a.is_agreed]


@login_required
@require_safe
def record(request, pk):
    decision = _load(pk)
    if not permissions.can_view(request.user, decision):
        raise PermissionDenied
    context = record_context(decision, public=False, council=_council(request))
    context.update(
        actions=_actions(request.user, decision),
        warnings=rules.record_warnings(decision),
        gaps=rules.sign_off_gaps(decision) if decision.status == Status.IN_SIGN_OFF else [],
        events=_history(decision),
        retry_pdf_url=(
            reverse("decisions:retry-pdf", kwargs={"pk": decision.pk})
            if permissions.can_retry_public_pdf(request.user, decision)
            else ""
        ),
    )
    return render(request, "decisions/record/record.html", context)


@login_required
@require_http_methods(["POST"])
def retry_pdf(request, pk):
    """Democratic Support asks again for a published record's PDF after it could not be made."""
    decision = _load(pk)
    if not permissions.can_retry_public_pdf(request.user, decision):
        if permissions.can_view(request.user, decision) and decision.public_pdf_sha256:
            messages.info(request, "The PDF has been made: there is nothing to try again.")
            return redirect(_record_url(decision))
        raise PermissionDenied
    services.retry_public_pdf(decision, actor=request.user)
    fresh = record_queryset().get(pk=decision.pk)
    if fresh.public_pdf_sha256:
        messages.success(request, "The PDF has been made")
    elif not fresh.public_pdf_error:
        messages.success(request, "The PDF is being made: this page will show it when it is ready")
    return redirect(_record_url(decision))


@login_required
@require_safe
def record_pdf(request, pk):
    """The full version as PDF, for those who may see it, rendered now; "DRAFT" until it is decided."""
    decision = _load(pk)
    if not permissions.can_view(request.user, decision):
        raise PermissionDenied
    watermark = None if decision.is_frozen else documents.WATERMARK
    data = documents.render_decision_pdf(decision, public=False, watermark=watermark, council=_council(request))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{documents.pdf_filename(decision, public=False)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _history(decision):
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
        for e in decision.events.all()
    ]


# — sign-off ---------------------------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.ISSUE_SIGN_OFF)
def sign_off(request, pk, department):
    decision = _load(pk)
    dep = get_object_or_404(Department, slug=department)
    allowed = permissions.can_issue_sign_off(request.user, decision, dep)
    if response := _check(request, decision, allowed, Action.ISSUE_SIGN_OFF):
        return response
    form = forms_review.SignOffForm(_data(request), department=dep)
    done = rules.current_sign_offs(decision).get(dep.pk)
    moved = False
    if request.method == "POST" and not done and form.is_valid():
        try:
            issued = services.issue_sign_off_code(
                decision,
                actor=request.user,
                department=dep,
                typed_code=form.cleaned_data.get("code", ""),
                version=integrity.seen_version(request.POST),
            )
        except integrity.VersionMoved as exc:
            decision, moved = _moved(decision, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            # Two clicks at once: the other one issued the code while this one waited for the lock.
            done = rules.current_sign_offs(_load(pk)).get(dep.pk)
            forms_review.apply_service_errors(form, exc)
        else:
            messages.success(request, f"{dep.name} sign-off code {issued.code} issued")
            return _after(request, decision)
    if request.method == "POST" and done:
        messages.info(request, f"{dep.name} has already signed off this version, with the code {done.code}.")
        return redirect(_record_url(decision))
    return _page(
        request,
        "decisions/record/sign_off.html",
        decision,
        form,
        department=dep,
        done=done,
        can_return=permissions.can_return(request.user, decision),
        version_moved=moved,
    )


# — returning and withdrawing ----------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.RETURN)
def return_record(request, pk):
    decision = _load(pk)
    if response := _check(request, decision, permissions.can_return(request.user, decision), Action.RETURN):
        return response
    form = forms_review.CommentForm(
        _data(request),
        label="Comments for the author",
        hint="Say what needs to change. The author sees these comments, and they are kept in the record's history.",
        required_message="Enter your comments for the author, so they know what to change",
        button="Return the record",
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.return_to_author(decision, actor=request.user, comment=form.cleaned_data["comment"])
        except (ValidationError, TransitionNotAllowed) as exc:
            forms_review.apply_service_errors(form, exc)
        else:
            messages.success(request, "The record has been returned to the author")
            return _after(request, decision)
    return _page(request, "decisions/record/return.html", decision, form)


@login_required
@GET_POST
@second_click(Action.WITHDRAW)
def withdraw(request, pk):
    decision = _load(pk)
    if response := _check(request, decision, permissions.can_withdraw(request.user, decision), Action.WITHDRAW):
        return response
    form = forms_review.CommentForm(
        _data(request),
        label="Why is the record being withdrawn?",
        hint="This is kept in the record's history.",
        required_message="Enter why the record is being withdrawn",
        button="Withdraw the record",
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_decision(decision, actor=request.user, comment=form.cleaned_data["comment"])
        except (ValidationError, TransitionNotAllowed) as exc:
            forms_review.apply_service_errors(form, exc)
        else:
            messages.success(request, "The record has been withdrawn")
            return _after(request, decision)
    return _page(request, "decisions/record/withdraw.html", decision, form)


# — the scrutiny chair -----------------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.AGREE_URGENCY)
def urgency(request, pk):
    decision = _load(pk)
    user = request.user
    if not permissions.can_agree_urgency(user, decision):
        if any(a.chair_id == user.pk for a in decision.chair_agreements.all()):
            messages.info(request, "You have already responded to this request, or it is no longer waiting for you.")
            return redirect(_record_url(decision))
        raise PermissionDenied
    form = forms_review.UrgencyForm(_data(request))
    moved = False
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"].strip()
        try:
            if form.cleaned_data["response"] == form.AGREE:
                services.agree_urgency(
                    decision, actor=user, comment=comment, version=integrity.seen_version(request.POST)
                )
                messages.success(request, "You have agreed that the decision is urgent")
            else:
                services.decline_urgency(decision, actor=user, comment=comment)
                messages.success(request, "You have declined: the record has gone back to the author")
        except PermissionDenied:
            # Two clicks at once: the other one answered while this one waited for the lock.
            messages.info(request, "You have already responded to this request, or it is no longer waiting for you.")
            return redirect(_record_url(decision))
        except integrity.VersionMoved as exc:
            decision, moved = _moved(decision, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            forms_review.apply_service_errors(form, exc)
        else:
            return _after(request, decision)
    agreements = [a for a in decision.chair_agreements.all() if a.chair_id == user.pk]
    return _page(request, "decisions/record/urgency.html", decision, form, agreements=agreements, version_moved=moved)


@login_required
@GET_POST
@second_click(Action.RECORD_AGREEMENT)
def record_agreement(request, pk):
    decision = _load(pk)
    if response := _check(
        request, decision, permissions.can_record_agreement(request.user, decision), Action.RECORD_AGREEMENT
    ):
        return response
    waiting = _open_agreements(decision)
    form = forms_review.AgreementForm(_data(request), agreements=waiting)
    if len(waiting) == 1 and not form.is_bound:
        form.initial["kind"] = waiting[0].kind
    moved = False
    if request.method == "POST" and waiting and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = services.record_chair_agreement(
                decision,
                actor=request.user,
                kind=data["kind"],
                agreed_on=data["agreed_on"],
                how=data["how"],
                evidence=data["evidence"],
                version=integrity.seen_version(request.POST),
            )
        except integrity.VersionMoved as exc:
            decision, moved = _moved(decision, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            forms_review.apply_service_errors(form, exc)
        else:
            messages.success(request, f"Recorded: {agreement.display}")
            return _after(request, decision)
    return _page(request, "decisions/record/agreement.html", decision, form, waiting=waiting, version_moved=moved)


# — deciding and publishing ------------------------------------------------------------------


@login_required
@GET_POST
@second_click(Action.SIGN)
def sign(request, pk):
    decision = _load(pk)
    if response := _check(request, decision, permissions.can_sign(request.user, decision), Action.SIGN):
        return response
    form = forms_review.SignForm(_data(request))
    blockers = workflow.blockers(decision, Action.SIGN, decided_on=today())
    moved = False
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            services.sign_decision(decision, actor=request.user, version=integrity.seen_version(request.POST))
        except integrity.VersionMoved as exc:
            decision, moved = _moved(decision, form, exc), True
        except (ValidationError, TransitionNotAllowed) as exc:
            forms_review.apply_service_errors(form, exc)
        else:
            messages.success(request, "You have signed the decision. Democratic Support will publish it")
            return _after(request, decision)
    context = record_context(decision, public=False, council=_council(request))
    context.update(form=form, blockers=blockers, today=today(), version_moved=moved)
    return render(request, "decisions/record/sign.html", context)


@login_required
@GET_POST
@second_click(Action.PUBLISH)
def publish(request, pk):
    decision = _load(pk)
    if response := _check(request, decision, permissions.can_publish(request.user, decision), Action.PUBLISH):
        return response
    form = forms_review.ConfirmForm(_data(request), button="Publish the decision")
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            published = services.publish_decision(decision, actor=request.user)
        except TransitionNotAllowed as exc:
            problems = exc.reasons
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, f"{published.reference} is published on the public register")
            return _after(request, decision)
    return _page(
        request,
        "decisions/record/publish.html",
        decision,
        form,
        problems=problems,
        exempt_parts=_exempt_parts(decision),
    )


def _exempt_parts(decision):
    """What the public version will withhold, so Democratic Support can check before publishing."""
    parts = []
    if decision.has_exempt_information and decision.part2_paragraphs:
        parts.append(f"The confidential (Part II) briefing report: {decision.part2_not_for_publication}")
    for item in [*decision.appendices.all(), *decision.background_papers.all()]:
        if item.is_exempt:
            parts.append(f"{item}: {item.not_for_publication}")
    return parts
