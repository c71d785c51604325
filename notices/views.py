"""Notices: Democratic Support's actions on a decision record's staff page, and the public pages.

The actions are `records.views.RecordAction`s on the decision record (its `RecordKind`): the
confirm page with the reasons, the service, the success message. The public list and each notice
are served through the page cache; they show only what the notice holds, never the decision's
exempt text.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.decorators.http import require_safe

from council.pagecache import public_page
from council.pagination import page_links
from decisions import kind as decisions
from notices import permissions, rules, services
from notices.kind import KIND
from notices.models import Kind, Notice
from records.forms import CommentForm
from records.permissions import is_democratic_support
from records.views import AlreadyDone, RecordAction

# The decision record's review pages' kind: the notices' actions are on its staff page.
DECISIONS = decisions.KIND.review

# — Democratic Support's actions on a decision record -------------------------------------------


class NoticeAction(RecordAction):
    """An action on the decision record that is not one of its workflow's moves: a person who may
    not take it is refused (403), and one who could but is too late hears why on the record."""

    LATE = "This notice has already been given, or the record can no longer have it."

    def dispatch(self, request, *args, **kwargs):
        # The record's workflow knows nothing of notices: no "moved on" answer from it.
        return View.dispatch(self, request, *args, **kwargs)

    def check(self):
        if self.allowed():
            return None
        if is_democratic_support(self.request.user):
            messages.info(self.request, self.LATE)
            return redirect(DECISIONS.url(self.record))
        raise PermissionDenied

    def call(self, data):
        try:
            return super().call(data)
        except PermissionDenied:
            raise AlreadyDone(self.LATE) from None


def _reasons(data, view):
    # The page's one textarea (records.forms.CommentForm) holds the reasons.
    return {"reasons": data["comment"]}


PUBLIC = "Published on the notice's public page, for anyone to read. Leave out anything exempt."


def notice_action(action, question, required, button, *, hint=PUBLIC, initial=lambda view: "", **declared):
    """A notice's confirm page: the reasons in one textarea (`question`), then the service."""
    form_kwargs = dict(label=question, hint=hint, required_message=required, button=button)
    return NoticeAction.declare(
        DECISIONS,
        action,
        form=CommentForm,
        form_kwargs=lambda view: {**form_kwargs, "initial": {"comment": initial(view)}},
        arguments=_reasons,
        template=f"notices/{action.removesuffix('_notice')}.html",
        **declared,
    )


general_exception = notice_action(
    "general_exception_notice",
    "Why is 28 clear days' notice in the Forward Plan impracticable?",
    "Enter why 28 clear days' notice is impracticable",
    "Give general exception notice",
    hint="The chair is sent these reasons in writing. They are published later, in the notice of reasons.",
    permission=permissions.can_give_general_exception_notice,
    context=lambda view: {"chair": view.record.scrutiny_committee.chair, "committee": view.record.scrutiny_committee},
    service=services.give_general_exception_notice,
    success="General exception notice published, and {chair.display_name} emailed",
)


def _publish_reasons(decision, *, actor, reasons):
    notice = permissions.waiting_for_reasons(decision)
    if notice is None:
        raise PermissionDenied
    return services.publish_reasons(notice, actor=actor, reasons=reasons)


publish_reasons = notice_action(
    "publish_reasons",
    "Why was 28 clear days' notice impracticable?",
    "Enter why 28 clear days' notice was impracticable",
    "Publish the notice of reasons",
    initial=lambda view: view.extra["notice"].reasons if view.extra["notice"] else "",
    permission=permissions.can_publish_reasons,
    context=lambda view: {"notice": permissions.waiting_for_reasons(view.record)},
    service=_publish_reasons,
    success="The notice of reasons has been published",
)


def _special_urgency_reasons(view):
    agreement = rules.special_urgency_agreement(view.record)
    return getattr(agreement, "reasons", "") or view.record.urgency_reason


special_urgency = notice_action(
    "special_urgency_notice",
    "Why can the decision not reasonably be deferred?",
    "Enter why the decision cannot reasonably be deferred",
    "Publish special urgency notice",
    initial=_special_urgency_reasons,
    permission=permissions.can_publish_special_urgency_notice,
    context=lambda view: {"agreement": rules.special_urgency_agreement(view.record)},
    service=services.publish_special_urgency_notice,
    success="The special urgency notice has been published",
)


# — the public pages ---------------------------------------------------------------------------

PAGE_SIZE = 50


@public_page
@require_safe
def notice_list(request):
    page = Paginator(Notice.objects.public().order_by("-published_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notices/list.html", {"page": page, "notices": page.object_list, "pages": page_links(page)})


@public_page
@require_safe
def notice_detail(request, pk):
    notice = get_object_or_404(KIND.queryset().public(), pk=pk)
    return render(
        request,
        "notices/detail.html",
        {"notice": notice, "is_general_exception": notice.kind == Kind.GENERAL_EXCEPTION},
    )
