"""Staff pages of a submitted record: the record itself, sign-off, the chair's agreement, returns,
signing, publishing and withdrawal.

Each action page: GET shows what will happen (and why it cannot, if it cannot); POST calls one
service and redirects to the record with a success message. Service errors go on the form, so
the GOV.UK error summary shows them and nothing typed is lost. An action the record has moved
past sends the person back to the record with a message, rather than an error page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from council import integrity
from decisions import documents, forms_review, permissions, rules, services, workflow
from decisions.documents import record_context, record_queryset
from decisions.models import Status, today
from decisions.views.public import _council
from decisions.workflow import Action
from records import views as record_views
from records.views import AlreadyDone, RecordAction, RecordKind, SignOffAction, comment, every_field

KIND = RecordKind(
    name="decision",
    noun="record",
    queryset=record_queryset,
    page="decisions:record",
    permissions=permissions,
    rules=rules,
    workflow=workflow,
    status=Status,
    caption="decisions/_record_caption.html",
)


def _load(pk):
    return KIND.load(pk)


def moved_on(request, decision, action):
    """The record is past this action (done already, or in another state): say so on the record."""
    return record_views.moved_on(KIND, request, decision, action)


def second_click(action):
    """A second click on an action's button is told the record moved on, rather than a 403."""
    return record_views.second_click(KIND, action)


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
        events=record_views.history(KIND, decision),
        retry_pdf_url=(
            reverse("decisions:retry-pdf", kwargs={"pk": decision.pk})
            if permissions.can_retry_public_pdf(request.user, decision)
            else ""
        ),
    )
    return render(request, "decisions/record/record.html", context)


# Democratic Support asks again for a published record's PDF after it could not be made.
retry_pdf = record_views.retry_pdf(KIND, services.retry_public_pdf)


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


# — the actions: each a declaration of records.views.RecordAction --------------------------------

sign_off = SignOffAction.declare(
    KIND, Action.ISSUE_SIGN_OFF, service=services.issue_sign_off_code, template="decisions/record/sign_off.html"
)

return_record = RecordAction.declare(
    KIND,
    Action.RETURN,
    permission=permissions.can_return,
    form=forms_review.CommentForm,
    form_kwargs=lambda view: dict(
        label="Comments for the author",
        hint="Say what needs to change. The author sees these comments, and they are kept in the record's history.",
        required_message="Enter your comments for the author, so they know what to change",
        button="Return the record",
    ),
    service=services.return_to_author,
    arguments=comment,
    template="decisions/record/return.html",
    success="The record has been returned to the author",
)

withdraw = RecordAction.declare(
    KIND,
    Action.WITHDRAW,
    permission=permissions.can_withdraw,
    form=forms_review.CommentForm,
    form_kwargs=lambda view: dict(
        label="Why is the record being withdrawn?",
        hint="This is kept in the record's history.",
        required_message="Enter why the record is being withdrawn",
        button="Withdraw the record",
    ),
    service=services.withdraw_decision,
    arguments=comment,
    template="decisions/record/withdraw.html",
    success="The record has been withdrawn",
)


class UrgencyAction(RecordAction):
    """CALL-2: the scrutiny chair agrees, or declines, that the decision is urgent."""

    ANSWERED = "You have already responded to this request, or it is no longer waiting for you."
    form = forms_review.UrgencyForm
    template = "decisions/record/urgency.html"
    success = "{result}"

    @staticmethod
    def context(view):
        return {"agreements": [a for a in view.record.chair_agreements.all() if a.chair_id == view.request.user.pk]}

    def check(self):
        if permissions.can_agree_urgency(self.request.user, self.record):
            return None
        if any(a.chair_id == self.request.user.pk for a in self.record.chair_agreements.all()):
            messages.info(self.request, self.ANSWERED)
            return redirect(KIND.url(self.record))
        raise PermissionDenied

    def call(self, data):
        decision, user, comment = self.record, self.request.user, data["comment"].strip()
        try:
            if data["response"] == forms_review.UrgencyForm.AGREE:
                version = integrity.seen_version(self.request.POST)
                services.agree_urgency(decision, actor=user, comment=comment, version=version)
                return "You have agreed that the decision is urgent"
            services.decline_urgency(decision, actor=user, comment=comment)
            return "You have declined: the record has gone back to the author"
        except PermissionDenied:
            # Two clicks at once: the other one answered while this one waited for the lock.
            raise AlreadyDone(self.ANSWERED) from None


urgency = UrgencyAction.declare(KIND, Action.AGREE_URGENCY)

record_agreement = RecordAction.declare(
    KIND,
    Action.RECORD_AGREEMENT,
    permission=permissions.can_record_agreement,
    context=lambda view: {"waiting": _open_agreements(view.record)},
    form=forms_review.AgreementForm,
    form_kwargs=lambda view: dict(
        agreements=view.extra["waiting"],
        initial={"kind": view.extra["waiting"][0].kind} if len(view.extra["waiting"]) == 1 else {},
    ),
    ready=lambda view: bool(view.extra["waiting"]),
    service=services.record_chair_agreement,
    arguments=every_field,
    versioned=True,
    template="decisions/record/agreement.html",
    success="Recorded: {result.display}",
)

sign = RecordAction.declare(
    KIND,
    Action.SIGN,
    permission=permissions.can_sign,
    context=lambda view: {
        **record_context(view.record, public=False, council=_council(view.request)),
        "blockers": workflow.blockers(view.record, Action.SIGN, decided_on=today()),
        "today": today(),
    },
    form=forms_review.SignForm,
    ready=lambda view: not view.extra["blockers"],
    service=services.sign_decision,
    versioned=True,
    template="decisions/record/sign.html",
    success="You have signed the decision. Democratic Support will publish it",
)

publish = RecordAction.declare(
    KIND,
    Action.PUBLISH,
    permission=permissions.can_publish,
    context=lambda view: {"exempt_parts": _exempt_parts(view.record)},
    form=forms_review.ConfirmForm,
    form_kwargs=lambda view: {"button": "Publish the decision"},
    service=services.publish_decision,
    template="decisions/record/publish.html",
    success="{result.reference} is published on the public register",
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
