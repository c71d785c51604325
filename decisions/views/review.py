"""Staff pages of a submitted record: the record itself, sign-off, the chair's agreement, returns,
signing, publishing and withdrawal.

Each action page: GET shows what will happen (and why it cannot, if it cannot); POST calls one
service and redirects to the record with a success message. Service errors go on the form, so
the GOV.UK error summary shows them and nothing typed is lost. An action the record has moved
past sends the person back to the record with a message, rather than an error page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from council import integrity
from decisions import documents, forms_review, kind, permissions, rules, services, workflow
from decisions.documents import record_context
from decisions.models import today
from decisions.views.public import _council
from decisions.workflow import Action
from records.actions import return_action, withdraw_action
from records.views import AlreadyDone, RecordAction, SignOffAction, every_field
from records.views_record import Button, every_kinds_buttons, page_view, pdf_view, retry_pdf_view

KIND = kind.KIND.review


# Authoring's submit page answers a second click the same way.
moved_on = KIND.moved_on
second_click = KIND.second_click


# — the record --------------------------------------------------------------------------------


# The buttons of the record page, in the order people use them.
BUTTONS = every_kinds_buttons(
    KIND,
    [
        Button("Agree or decline the urgency", "urgency", "primary", permissions.can_agree_urgency),
        Button(
            "Record the chair's agreement",
            "record-agreement",
            "secondary",
            lambda user, decision: permissions.can_record_agreement(user, decision) and _open_agreements(decision),
        ),
        Button("Sign the decision", "sign", "primary", permissions.can_sign),
        Button("Publish the decision", "publish", "primary", permissions.can_publish),
    ],
    departments=permissions.reviewer_departments,
)


def _open_agreements(decision):
    required = set(rules.required_agreements(decision))
    return [a for a in decision.chair_agreements.all() if a.kind in required and not a.is_agreed]


record = page_view(
    KIND,
    "decisions/record/record.html",
    BUTTONS,
    lambda request, decision: {
        **record_context(decision, public=False, council=_council(request)),
        "warnings": rules.record_warnings(decision),
    },
)
retry_pdf = retry_pdf_view(KIND, services.retry_public_pdf)
record_pdf = pdf_view(
    KIND,
    lambda request, decision, watermark: documents.render_decision_pdf(
        decision, public=False, watermark=watermark, council=_council(request)
    ),
    documents.pdf_filename,
)


# — the actions: each a declaration of records.views.RecordAction --------------------------------

sign_off = SignOffAction.declare(
    KIND, Action.ISSUE_SIGN_OFF, service=services.issue_sign_off_code, template="decisions/record/sign_off.html"
)

return_record = return_action(KIND, service=services.return_to_author, template="decisions/record/return.html")
withdraw = withdraw_action(KIND, service=services.withdraw_decision, template="decisions/record/withdraw.html")


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
