"""Staff pages of a Forward Plan item: proposing one, changing it, its page, and its actions.

The item page and the action pages are the record core's (`records.views_record.page_view`,
`records.views.RecordAction`): load, check who may, confirm or ask for a reason, check the
version seen, call one service, put its refusal on the form.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from council import calendar, integrity
from council.models import CouncilSettings
from forwardplan import kind, permissions, services, workflow
from forwardplan.forms import DeferForm, NewDateForm, PlanItemForm, WithdrawForm
from forwardplan.models import Status
from forwardplan.workflow import Action
from records.actions import return_action
from records.forms import ConfirmForm, apply_service_errors
from records.views import RecordAction, every_field
from records.views_record import Button, page_view

KIND = kind.KIND.review
FORM_TEMPLATE = "forwardplan/manage/form.html"


# — proposing and changing -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new(request):
    """An officer's "Propose a Forward Plan item": the reg 9 questions on one page, saved as a draft."""
    if not permissions.can_create(request.user):
        raise PermissionDenied
    form = PlanItemForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_item(actor=request.user, **form.changes())
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "Your Forward Plan item is saved as a draft. Propose it when it is ready")
            return redirect(KIND.url(item))
    return render(request, FORM_TEMPLATE, {"form": form, "item": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    """The author changes their draft; Democratic Support a proposed or public item (a "Changed" event)."""
    item = KIND.load(pk)
    if not permissions.can_edit(request.user, item):
        if permissions.can_view(request.user, item) and not workflow.allowed_in_status(item.status, Action.EDIT):
            return KIND.moved_on(request, item, Action.EDIT)
        raise PermissionDenied
    form = PlanItemForm(request.POST if request.method == "POST" else None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_edits(
                item, actor=request.user, data=form.changes(), revision=integrity.seen_revision(request.POST)
            )
        except ValidationError as exc:
            if isinstance(exc, integrity.EditConflict):
                item.revision = exc.revision  # saving again is deliberate
            apply_service_errors(form, exc)
        else:
            messages.success(request, "Your changes are saved")
            return redirect(KIND.url(item))
    return render(request, FORM_TEMPLATE, {"form": form, "item": item})


# — the item's page --------------------------------------------------------------------------------

BUTTONS = [
    Button("Change the item", "edit", "secondary", permissions.can_edit),
    Button("Propose for the Forward Plan", "submit", "primary", permissions.can_submit),
    Button("Publish on the Forward Plan", "publish", "primary", permissions.can_publish),
    Button("Put back on the plan", "republish", "primary", permissions.can_republish),
    Button("Defer the decision", "defer", "secondary", permissions.can_defer),
    Button("Return to the author", "return", "secondary", permissions.can_return),
    Button("Withdraw from the plan", "withdraw", "warning", permissions.can_withdraw),
]


def first_lawful_date(item):
    """EXEC-5: the first day a key decision on this notice may be taken (None before publication)."""
    if not item.first_published_on:
        return None
    return calendar.forward_plan_first_lawful_date(item.first_published_on, council=CouncilSettings.load())


def _item_context(request, item):
    complete = item.status in (Status.DRAFT, Status.SUBMITTED)
    return {
        "item": item,
        "problems": workflow.blockers(item, Action.SUBMIT if item.status == Status.DRAFT else Action.PUBLISH)
        if complete
        else [],
        "first_lawful_date": first_lawful_date(item),
        "returned": item.last_return(),
    }


item = page_view(KIND, "forwardplan/manage/item.html", BUTTONS, _item_context)


# — the actions: each a declaration of records.views.RecordAction ----------------------------------


def _action(action, *, permission, form, button, service, success, **more):
    """An action page of the item: its form (with the one button), the service it calls, its template
    (templates/forwardplan/manage/<action>.html) and what it says when done."""
    return RecordAction.declare(
        KIND,
        action,
        permission=permission,
        form=form,
        form_kwargs=lambda view: {"button": button},
        service=service,
        template=f"forwardplan/manage/{action}.html",
        success=success,
        **more,
    )


def _blockers(action):
    return lambda view: {"blockers": workflow.blockers(view.record, action)}


# Proposing and publishing: a confirmation, shown with what still stops it (reg 9(1)).
submit = _action(
    Action.SUBMIT,
    permission=permissions.can_submit,
    form=ConfirmForm,
    button="Propose the item",
    service=services.submit,
    success="Your item is proposed. Democratic Support will check and publish it",
    context=_blockers(Action.SUBMIT),
)
publish = _action(
    Action.PUBLISH,
    permission=permissions.can_publish,
    form=ConfirmForm,
    button="Publish on the Forward Plan",
    service=services.publish,
    success="{result.reference} is published on the Forward Plan",
    context=_blockers(Action.PUBLISH),
    versioned=True,
)
return_item = return_action(KIND, service=services.return_to_author, template="forwardplan/manage/return.html")
# A new date, a public reason, or both.
defer = _action(
    Action.DEFER,
    permission=permissions.can_defer,
    form=DeferForm,
    button="Defer the decision",
    service=services.defer,
    success="The decision is deferred; the Forward Plan shows the reason and the new date",
    arguments=every_field,
)
republish = _action(
    Action.REPUBLISH,
    permission=permissions.can_republish,
    form=NewDateForm,
    button="Put back on the plan",
    service=services.republish,
    success="The item is back on the Forward Plan",
    arguments=every_field,
)
withdraw = _action(
    Action.WITHDRAW,
    permission=permissions.can_withdraw,
    form=WithdrawForm,
    button="Withdraw from the plan",
    service=services.withdraw,
    success="The item is withdrawn; the Forward Plan shows it as withdrawn, with the reason",
    arguments=every_field,
)
