"""Emails about decision records. Called only after the transaction commits (see services)."""

from django.urls import reverse

from decisions.models import ChairAgreement, Decision
from records import notifications
from records.notifications import send as _send


def _link(decision):
    return notifications.link(reverse("decisions:record", kwargs={"pk": decision.pk}))


def _name(decision):
    return f"{decision.reference} {decision.title}".strip()


def sign_off_needed(decision_pk, department_pks):
    decision = Decision.objects.get(pk=decision_pk)
    notifications.sign_off_needed(
        decision, department_pks, name=_name(decision), what="a decision record", url=_link(decision)
    )


def chair_agreement_needed(decision_pk):
    decision = Decision.objects.get(pk=decision_pk)
    for agreement in decision.chair_agreements.filter(status=ChairAgreement.Outcome.REQUESTED).select_related("chair"):
        if agreement.agreed_as == ChairAgreement.AgreedAs.SCRUTINY_CHAIR:
            role, reply = f"chair of the {agreement.committee}", ""
        else:
            # EXEC-7's fallback: they answer Democratic Support, who record it on the record.
            role = f"{agreement.get_agreed_as_display()} ({agreement.others_unable_text})"
            reply = "\n\nReply to Democratic Support, who will record your answer."
        _send(
            f"Your agreement is needed: {_name(decision)}",
            f"As {role}, you are asked to agree: {agreement.get_kind_display()}.\n\n"
            f"Reason for urgency: {decision.urgency_reason}\n\nOpen it: {_link(decision)}{reply}",
            [agreement.chair.email],
        )


def decision_needed(decision_pk):
    decision = Decision.objects.select_related("decision_maker").get(pk=decision_pk)
    if decision.decision_maker:
        _send(
            f"Ready for your decision: {_name(decision)}",
            f"Every sign-off is in place. The record is waiting for your decision.\n\nOpen it: {_link(decision)}",
            [decision.decision_maker.email],
        )


def returned_to_author(decision_pk, comment):
    decision = Decision.objects.select_related("author").get(pk=decision_pk)
    notifications.returned_to_author(
        decision, comment, name=_name(decision), what="decision record", url=_link(decision)
    )


def decided(decision_pk):
    decision = Decision.objects.select_related("author").get(pk=decision_pk)
    _send(
        f"Decided: {_name(decision)}",
        f"{decision.decision_maker_name} signed the decision on {decision.decided_on:%-d %B %Y}. "
        f"Democratic Support will publish it.\n\nOpen it: {_link(decision)}",
        [decision.author.email],
    )
