"""Democratic Support manage committees and their meetings, under /scrutiny/manage/.

Every view asks `permissions.can_manage_meetings` (Democratic Support or an administrator) on the
server; anyone else signed in gets 403, and a visitor is sent to sign in. Every write goes through
a service (`schedule_meeting`, `save_meeting`, `save_committee`), which leaves a `CommitteeEvent`.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from council.models import Committee
from scrutiny import forms_manage, permissions, services
from scrutiny.models import CommitteeEvent, Meeting

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def manager_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_manage_meetings(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _committee(slug):
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        raise Http404("No committee has that address")
    return committee


def _data(request):
    return request.POST if request.method == "POST" else None


def _service_errors(form, exc):
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@manager_required
@require_safe
def committee_list(request):
    committees = (
        Committee.objects.select_related("chair", "vice_chair")
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(Prefetch("meetings", Meeting.objects.order_by("-date", "-starts_at")))
        .order_by("order", "name")
    )
    return render(request, "scrutiny/manage/committee_list.html", {"committees": committees})


@manager_required
@GET_POST
def committee_edit(request, slug):
    committee = _committee(slug)
    form = forms_manage.CommitteeForm(_data(request), instance=committee)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_committee(committee, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            messages.success(request, f"You have saved the {committee.name}")
            return redirect("scrutiny-manage:list")
    events = CommitteeEvent.objects.filter(committee=committee).select_related("meeting").order_by("-at", "-pk")[:20]
    return render(
        request, "scrutiny/manage/committee_edit.html", {"committee": committee, "form": form, "events": events}
    )


@manager_required
@GET_POST
def meeting_add(request, slug):
    committee = _committee(slug)
    form = forms_manage.MeetingForm(_data(request), committee=committee)
    if request.method == "POST" and form.is_valid():
        try:
            services.schedule_meeting(
                actor=request.user,
                committee=committee,
                date=form.cleaned_data["date"],
                venue=form.cleaned_data["venue"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            messages.success(request, f"You have added a meeting on {form.cleaned_data['date']:%-d %B %Y}")
            return redirect("scrutiny-manage:list")
    return render(request, "scrutiny/manage/meeting_form.html", {"committee": committee, "form": form, "meeting": None})


@manager_required
@GET_POST
def meeting_edit(request, slug, pk):
    committee = _committee(slug)
    meeting = Meeting.objects.filter(pk=pk, committee=committee).first()
    if meeting is None:
        raise Http404("No meeting has that address")
    form = forms_manage.MeetingForm(_data(request), instance=meeting, committee=committee)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.save_meeting(
                meeting, actor=request.user, date=form.cleaned_data["date"], venue=form.cleaned_data["venue"]
            )
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            messages.success(request, f"You have saved the meeting on {meeting.date:%-d %B %Y}")
            return redirect("scrutiny-manage:list")
    return render(
        request, "scrutiny/manage/meeting_form.html", {"committee": committee, "form": form, "meeting": meeting}
    )
