"""Giving and publishing notices (notices.services): who may, when, the chair's email after commit,
and the history (EXEC-6, EXEC-7)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from council.models import Committee
from decisions.models import ChairAgreement, Status
from notices import services
from notices.models import Kind, Notice
from notices.workflow import TransitionNotAllowed
from records.models import FrozenRecord
from tests.decisions.factories import DecisionFactory, advance
from tests.notices.factories import general_exception_decision, special_urgency_decision

REASONS = "The grant offer closes before 28 clear days' notice can run."


def test_general_exception_notice_is_published_and_the_chair_emailed_after_commit_EXEC_6(
    democratic_support, scrutiny_chair, django_capture_on_commit_callbacks, mailoutbox
):
    decision = general_exception_decision()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notice = services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    assert callbacks and mailoutbox == []  # nothing is sent before the notice is committed
    callbacks[0]()
    [email] = mailoutbox
    assert email.to == [scrutiny_chair.email] and email.subject == f"General exception notice: {decision.title}"
    assert REASONS in email.body and f"/notices/{notice.pk}/" in email.body
    assert notice.kind == Kind.GENERAL_EXCEPTION and notice.published_at and notice.chair_notified_at
    assert (notice.chair, notice.title, notice.reasons_published_at) == (scrutiny_chair, decision.title, None)
    assert [e.action for e in notice.events.all()] == ["publish", "notify_chair"]
    assert notice.events.get(action="notify_chair").actor == democratic_support
    assert decision.events.filter(action="general_exception_notice", actor=democratic_support).exists()


def test_only_democratic_support_gives_the_notice_EXEC_6(officer, scrutiny_chair):
    decision = general_exception_decision()
    for person in (officer, scrutiny_chair):
        with pytest.raises(PermissionDenied):
            services.give_general_exception_notice(decision, actor=person, reasons=REASONS)
    assert not Notice.objects.exists()


def test_general_exception_notice_is_given_once_EXEC_6(democratic_support):
    decision = general_exception_decision()
    services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    with pytest.raises(ValidationError, match="already been given"):
        services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    assert Notice.objects.count() == 1


def test_general_exception_notice_needs_the_route_and_reasons_EXEC_6(democratic_support):
    with pytest.raises(ValidationError, match="not a key decision taken by the general exception route"):
        services.give_general_exception_notice(DecisionFactory(), actor=democratic_support, reasons=REASONS)
    with pytest.raises(ValidationError) as refused:
        services.give_general_exception_notice(general_exception_decision(), actor=democratic_support, reasons=" ")
    assert "reasons" in refused.value.error_dict


def test_general_exception_notice_needs_a_chair_to_tell_EXEC_6(democratic_support):
    decision = general_exception_decision()
    Committee.objects.filter(pk=decision.scrutiny_committee_id).update(chair=None)
    with pytest.raises(ValidationError, match="chair must be told in writing"):
        services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)


def test_general_exception_notice_is_given_about_a_submitted_record_EXEC_6(democratic_support):
    with pytest.raises(ValidationError, match="must be submitted"):
        services.give_general_exception_notice(
            general_exception_decision(state=Status.DRAFT), actor=democratic_support, reasons=REASONS
        )


def test_general_exception_notice_comes_before_the_decision_EXEC_6(democratic_support):
    decision = general_exception_decision()
    decision.__class__.objects.filter(pk=decision.pk).update(status=Status.DECIDED, decided_on=decision.created_at)
    with pytest.raises(ValidationError, match="before the decision is taken"):
        services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)


def test_notice_of_reasons_is_published_once_EXEC_6(democratic_support):
    notice = services.give_general_exception_notice(
        general_exception_decision(), actor=democratic_support, reasons=REASONS
    )
    published = services.publish_reasons(notice, actor=democratic_support, reasons="Reworded for the public.")
    assert published.reasons == "Reworded for the public." and published.reasons_published_at is not None
    assert published.events.last().action == "publish_reasons"
    with pytest.raises(TransitionNotAllowed):
        services.publish_reasons(notice, actor=democratic_support, reasons="Again.")


def test_special_urgency_notice_waits_for_the_chairs_agreement_EXEC_7(democratic_support):
    decision = advance(special_urgency_decision(), to=Status.IN_SIGN_OFF)
    with pytest.raises(ValidationError, match="has not agreed"):
        services.publish_special_urgency_notice(decision, actor=democratic_support)
    ChairAgreement.objects.filter(decision=decision, kind=ChairAgreement.Kind.SPECIAL_URGENCY).update(
        status=ChairAgreement.Outcome.AGREED, responded_on=decision.submitted_at.date()
    )
    notice = services.publish_special_urgency_notice(decision, actor=democratic_support)
    assert notice.kind == Kind.SPECIAL_URGENCY and notice.reasons == decision.urgency_reason
    assert notice.published_at == notice.reasons_published_at  # its reasons are the notice
    with pytest.raises(ValidationError, match="already been published"):
        services.publish_special_urgency_notice(decision, actor=democratic_support)


def test_demo_has_a_decision_on_the_general_exception_route_with_its_notice_EXEC_6(demo_loaded):
    notice = Notice.objects.get(kind=Kind.GENERAL_EXCEPTION)
    assert notice.decision.key_decision_route == "general_exception" and notice.chair_notified_at
    assert notice.decision.status == Status.IN_SIGN_OFF


def test_demo_has_a_decision_taken_under_special_urgency_with_its_notice_EXEC_7_EXEC_8(demo_loaded):
    """The demo's special urgency decision is agreed by the scrutiny chair, published with its notice,
    and is what a report to council of urgent decisions for this month lists (so `make run` shows one)."""
    from council.models import User
    from urgent_reports import services as reports

    notice = Notice.objects.get(kind=Kind.SPECIAL_URGENCY)
    decision = notice.decision
    assert decision.key_decision_route == "special_urgency" and decision.status == Status.PUBLISHED
    assert "cannot wait" in notice.reasons and notice.reasons_published_at
    agreements = {a.kind: a for a in decision.chair_agreements.all()}
    assert {a.status for a in agreements.values()} == {ChairAgreement.Outcome.AGREED}
    assert agreements[ChairAgreement.Kind.SPECIAL_URGENCY].chair.username == "jemima.laing"
    decided = decision.decided_on
    report = reports.generate_report(
        actor=User.objects.get(username="sam.okafor"), period_from=decided.replace(day=1), period_to=decided
    )
    assert list(report.decisions.all()) == [decision]


def test_published_notice_keeps_what_it_said_EXEC_6(democratic_support):
    """A notice is published when given: its matter and decision maker never change afterwards, and
    it cannot be deleted; only its reasons follow, once (reg 10(4))."""
    notice = services.give_general_exception_notice(
        general_exception_decision(), actor=democratic_support, reasons=REASONS
    )
    notice.refresh_from_db()
    notice.title = "Something else"
    with pytest.raises(FrozenRecord):
        notice.save()
    notice.refresh_from_db()
    with pytest.raises(FrozenRecord):
        notice.delete()
    services.publish_reasons(notice, actor=democratic_support, reasons=REASONS)
    notice.refresh_from_db()
    assert notice.reasons_published_at is not None and notice.title != "Something else"
