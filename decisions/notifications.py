"""Emails about decision records. Called only after the transaction commits (see services)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from council.models import CouncilSettings, Department, User
from decisions.models import ChairAgreement, Decision


def _link(decision):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{reverse('decisions:record', kwargs={'pk': decision.pk})}"


def _send(subject, body, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    council = CouncilSettings.load()
    return send_mail(
        subject, f"{body}\n\n{council.name}\nDecisions and scrutiny", settings.DEFAULT_FROM_EMAIL, recipients
    )


def _name(decision):
    return f"{decision.reference} {decision.title}".strip()


def sign_off_needed(decision_pk, department_pks):
    decision = Decision.objects.get(pk=decision_pk)
    for department in Department.objects.filter(pk__in=department_pks).select_related("reviewer_group"):
        emails = User.objects.filter(groups=department.reviewer_group, is_active=True).values_list("email", flat=True)
        _send(
            f"Sign-off needed: {_name(decision)}",
            f"{decision.author_name} has submitted a decision record for {department.name} sign-off.\n\n"
            f"Open it: {_link(decision)}",
            emails,
        )


def chair_agreement_needed(decision_pk):
    decision = Decision.objects.get(pk=decision_pk)
    for agreement in decision.chair_agreements.filter(status=ChairAgreement.Outcome.REQUESTED).select_related("chair"):
        _send(
            f"Your agreement is needed: {_name(decision)}",
            f"As chair of the {agreement.committee}, you are asked to agree: {agreement.get_kind_display()}.\n\n"
            f"Reason for urgency: {decision.urgency_reason}\n\nOpen it: {_link(decision)}",
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
    _send(
        f"Returned to you: {_name(decision)}",
        f"Your decision record has been returned with these comments:\n\n{comment}\n\nOpen it: {_link(decision)}",
        [decision.author.email],
    )


def decided(decision_pk):
    decision = Decision.objects.select_related("author").get(pk=decision_pk)
    _send(
        f"Decided: {_name(decision)}",
        f"{decision.decision_maker_name} signed the decision on {decision.decided_on:%-d %B %Y}. "
        f"Democratic Support will publish it.\n\nOpen it: {_link(decision)}",
        [decision.author.email],
    )
