"""The actions on a call-in request, each a declaration of the record core's `RecordAction`: load the
request, check who may (`callin.permissions`), confirm or ask, call one service, put its refusal
on the form, and go back to the request with a message. A request past an action (a second click,
another person first) goes back to its page with a message rather than a 403.

- councillors: add my name, withdraw the request;
- Democratic Support: validate or reject it, schedule it for a meeting of the decision's scrutiny
  committee, record the committee's outcome and full council's;
- the decision maker (or Democratic Support for them): reconsider a decision referred back.
"""

from callin import kind, permissions, rules, services
from callin.forms import CouncilOutcomeForm, OutcomeForm, ReconsiderForm, ScheduleForm
from callin.workflow import Action, allowed_in_status
from council.models import CouncilSettings
from decisions.models import today
from records.actions import withdraw_action
from records.forms import CommentForm, ConfirmForm
from records.views import RecordAction
from records.views_record import Button
from scrutiny.models import Meeting

KIND = kind.KIND.review


def may_reconsider(user, call_in):
    """The reconsideration page: confirming the decision, or starting its changed decision."""
    return permissions.can_confirm(user, call_in) or permissions.can_start_changed_decision(user, call_in)


# The buttons of the request's page, in the order people use them.
BUTTONS = [
    Button("Add my name", "add-name", "primary", permissions.can_add_name),
    Button("Validate the call-in", "validate", "primary", permissions.can_validate),
    Button("Reject the request", "reject", "warning", permissions.can_reject),
    Button("Schedule for a meeting", "schedule", "primary", permissions.can_schedule),
    Button("Record the committee's outcome", "outcome", "primary", permissions.can_record_outcome),
    Button("Record full council's outcome", "council-outcome", "primary", permissions.can_record_council_outcome),
    Button("Reconsider the decision", "reconsider", "primary", may_reconsider),
    Button("Withdraw the request", "withdraw", "warning", permissions.can_withdraw),
]


def _action(action, *, permission, form, button, service, success, template=None, **more):
    """An action page (templates/callin/<template or action>.html) with its one button."""
    return RecordAction.declare(
        KIND,
        action,
        permission=permission,
        form=form,
        form_kwargs=more.pop("form_kwargs", lambda view: {"button": button}),
        service=service,
        template=f"callin/{template or action}.html",
        success=success,
        **more,
    )


def _with_reason(service):
    return lambda record, *, actor, comment: service(record, actor=actor, reason=comment)


def _comment(data, view):
    return {"comment": data["comment"]}


def _may_sign(user, call_in):
    """The "Add my name" page: any councillor while the request gathers names; the page says why
    they cannot (not eligible, already named, too late) rather than a 403."""
    return permissions.is_councillor(user) and allowed_in_status(call_in.status, Action.ADD_NAME)


def _add_name_problems(view):
    on_date, council = today(), CouncilSettings.load()
    return {"problems": rules.add_name_problems(view.record, view.request.user, council, on_date)}


add_name = _action(
    Action.ADD_NAME,
    permission=_may_sign,
    form=ConfirmForm,
    button="Add my name",
    context=_add_name_problems,
    ready=lambda view: not view.extra["problems"],
    service=services.add_name,
    success="Your name is added to {record.reference}",
    template="add_name",
)
# The requester withdraws, with a reason for the history: the shared withdrawal (records.actions).
withdraw = withdraw_action(KIND, service=_with_reason(services.withdraw), template="callin/withdraw.html")
validate = _action(
    Action.VALIDATE,
    permission=permissions.can_validate,
    form=ConfirmForm,
    button="Validate the call-in",
    service=services.validate,
    success="{record.reference} is validated: the decision is called in and cannot take effect",
)
reject = _action(
    Action.REJECT,
    permission=permissions.can_reject,
    form=CommentForm,
    button="Reject the request",
    form_kwargs=lambda view: {
        "label": "Why is the request not valid?",
        "hint": "The councillors who signed it and the decision maker see this reason.",
        "required_message": "Enter why the request is not valid",
        "button": "Reject the request",
    },
    service=_with_reason(services.reject),
    arguments=_comment,
    success="{record.reference} is rejected: the decision is open to call-in again",
)


def future_meetings(call_in):
    """The meetings still to come of the committee the decision names (the only ones offered)."""
    return Meeting.objects.filter(committee_id=call_in.committee_id, date__gte=today()).order_by("date", "starts_at")


schedule = _action(
    Action.SCHEDULE,
    permission=permissions.can_schedule,
    form=ScheduleForm,
    button="Schedule the call-in",
    form_kwargs=lambda view: {
        "meetings": view.extra["meetings"],
        "button": "Schedule the call-in",
        "initial": {"meeting": view.record.meeting_id},  # moving it: the meeting it is on is chosen
    },
    context=lambda view: {"meetings": future_meetings(view.record)},
    service=services.schedule,
    arguments=lambda data, view: {"meeting": data["meeting"]},
    versioned=True,
    success="{record.reference} is on the agenda of the meeting on {result.meeting.date:%-d %B %Y}",
)
outcome = _action(
    Action.REFER_BACK,  # the outcome page: any of the three outcomes (each its own action)
    permission=permissions.can_record_outcome,
    form=OutcomeForm,
    button="Record the outcome",
    service=services.record_outcome,
    arguments=lambda data, view: {"outcome": data["outcome"], "on": data["on"], "concerns": data["concerns"]},
    success="The committee's outcome on {record.reference} is recorded",
    template="outcome",
)
council_outcome = _action(
    Action.COUNCIL_REFER_BACK,  # either of council's two outcomes
    permission=permissions.can_record_council_outcome,
    form=CouncilOutcomeForm,
    button="Record the outcome",
    service=services.record_council_outcome,
    arguments=lambda data, view: {"outcome": data["outcome"], "on": data["on"]},
    success="Full council's outcome on {record.reference} is recorded",
    template="council_outcome",
)


def _reconsider(call_in, *, actor, choice, on):
    """Confirm the decision from `on`, or start the changed decision (a new draft, linked)."""
    if choice == ReconsiderForm.CONFIRM:
        services.confirm_decision(call_in, actor=actor, on=on)
        return f"The decision is confirmed: it takes effect from {on:%-d %B %Y}"
    changed = services.start_changed_decision(call_in, actor=actor)
    return f"A changed decision is started as a new draft for {changed.author.name_and_title} to edit"


reconsider = _action(
    Action.CONFIRM,  # confirming, or starting a changed decision
    permission=may_reconsider,
    form=ReconsiderForm,
    button="Save the decision",
    form_kwargs=lambda view: {
        "button": "Save the decision",
        "may_change": permissions.can_start_changed_decision(view.request.user, view.record),
    },
    service=_reconsider,
    template="reconsider",
    arguments=lambda data, view: {"choice": data["choice"], "on": data["on"]},
    success="{result}",
)
