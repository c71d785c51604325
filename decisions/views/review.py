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
from council.models import CouncilSettings
from decisions import (
    documents,
    forms_review,
    kind,
    permissions,
    rules,
    rules_signing,
    rules_special_urgency,
    services,
    workflow,
)
from decisions.documents import record_context
from decisions.models import ChairAgreement, today
from decisions.workflow import Action
from notices import permissions as notice_may
from records.actions import every_kinds_views, publish_action
from records.views import AlreadyDone, RecordAction, every_field
from records.views_record import Button, every_kinds_buttons, page_view

KIND = kind.KIND.review


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
        # The statutory clock's notices, given by Democratic Support (notices/, EXEC-6 and EXEC-7).
        Button(
            "Give general exception notice",
            "general-exception-notice",
            "secondary",
            notice_may.can_give_general_exception_notice,
        ),
        Button("Publish the notice of reasons", "notice-of-reasons", "secondary", notice_may.can_publish_reasons),
        Button(
            "Publish special urgency notice",
            "special-urgency-notice",
            "secondary",
            notice_may.can_publish_special_urgency_notice,
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
        **record_context(decision, public=False, council=CouncilSettings.for_request(request)),
        "warnings": rules.record_warnings(decision),
    },
)

# — the actions: each a declaration of records.views.RecordAction --------------------------------

# Sign-off, return, withdraw and the PDFs, as every kind has them (records.actions).
sign_off, return_record, withdraw, record_pdf, retry_pdf, dispose_papers = every_kinds_views(
    KIND, services.RECORDS, "decisions/record/", documents.render_decision_pdf
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

    @staticmethod
    def form_kwargs(view):
        asked = [a for a in view.record.chair_agreements.all() if a.chair_id == view.request.user.pk]
        return {"kinds": [(a.kind, a.get_kind_display()) for a in asked if not a.is_agreed]}

    def call(self, data):
        decision, user, comment = self.record, self.request.user, data["comment"].strip()
        agreed, declined = forms_review.UrgencyForm.answers(data)
        try:
            if not declined and declined is not None:
                version = integrity.seen_version(self.request.POST)
                services.agree_urgency(decision, actor=user, comment=comment, version=version)
                return "You have agreed that the decision is urgent"
            if agreed:
                version = integrity.seen_version(self.request.POST)
                services.answer_urgency(
                    decision, actor=user, agreed=agreed, declined=declined, comment=comment, version=version
                )
                return "You have agreed in part and declined in part: the record has gone back to the author"
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
        agreers=_agreers(view.record, view.extra["waiting"]),
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
        **record_context(view.record, public=False, council=CouncilSettings.for_request(view.request)),
        "blockers": workflow.blockers(view.record, Action.SIGN, decided_on=today()),
        "today": today(),
        "withheld": rules_signing.withheld(view.record),
    },
    form=forms_review.SignForm,
    form_kwargs=lambda view: {"withheld": view.extra["withheld"]},
    ready=lambda view: not view.extra["blockers"],
    service=services.sign_decision,
    arguments=lambda data, view: {"exemptions_confirmed": data.get("confirm_exemptions", False)},
    versioned=True,
    template="decisions/record/sign.html",
    success="You have signed the decision. Democratic Support will publish it",
)

publish = publish_action(
    KIND,
    services.publish_decision,
    "decisions/record/publish.html",
    button="Publish the decision",
    success="{result.reference} is published on the public register",
    withheld=rules_signing.withheld,
)


def _agreers(decision, waiting):
    """EXEC-7: who may agree special urgency, in the order the law asks them, named as today."""
    if not any(a.kind == ChairAgreement.Kind.SPECIAL_URGENCY for a in waiting):
        return []
    council = CouncilSettings.load()
    choices = []
    for agreed_as in ChairAgreement.AgreedAs:
        person = rules_special_urgency.holder(decision, agreed_as, council)
        choices.append((agreed_as.value, f"{agreed_as.label}: {person.display_name if person else 'nobody recorded'}"))
    return choices
