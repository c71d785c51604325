"""CALL-1: who is told, after the commit, with a link: the committee when the window opens; the
decision maker and the author at request, validation and each outcome."""

import datetime

import pytest
from django.urls import reverse

from callin import services
from callin.models import Outcome
from scrutiny.models import Meeting
from tests.callin.conftest import FRIDAY, on

TUESDAY = datetime.date(2026, 9, 1)
MEETING_DAY = datetime.date(2026, 9, 15)


def to(mailoutbox, email):
    return [m for m in mailoutbox if email in m.to]


def test_committee_is_told_when_the_window_opens_after_commit_with_a_link_CALL_1(
    publish, members, scrutiny_chair, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decision = publish()
    assert not [m for m in mailoutbox if m.subject.startswith("Open to call-in")]  # not before the commit
    with on(FRIDAY):  # sent at once after publication's commit
        for callback in callbacks:
            callback()
    for person in [*members, scrutiny_chair]:
        (mail,) = [m for m in to(mailoutbox, person.email) if m.subject.startswith("Open to call-in")]
        assert mail.subject == f"Open to call-in until 7 September 2026: {decision.reference} {decision.title}"
        assert reverse("decisions:detail", kwargs={"slug": decision.reference_slug}) in mail.body
        assert "http" in mail.body
        assert "Effective from 8 September 2026 unless called in." in mail.body


def test_no_one_is_told_of_a_window_when_the_decision_is_not_subject_CALL_2(
    publish, members, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(urgent=True)
    assert not [m for m in mailoutbox if m.subject.startswith("Open to call-in")]


@pytest.fixture
def people_told(publish, scrutiny_chair, democratic_support, committee, django_capture_on_commit_callbacks, mailoutbox):
    decision = publish()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), on(TUESDAY):
        call_in = services.request_call_in(decision, actor=scrutiny_chair, reasons="Families were not consulted.")
    requested = list(mailoutbox)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), on(TUESDAY):
        services.validate(call_in, actor=democratic_support)
        meeting = Meeting.objects.create(committee=committee, date=MEETING_DAY)
        services.schedule(call_in, actor=democratic_support, meeting=meeting)
    validated = list(mailoutbox)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), on(MEETING_DAY):
        services.record_outcome(call_in, actor=democratic_support, outcome=Outcome.NO_FURTHER_ACTION, on=MEETING_DAY)
    return decision, requested, validated, list(mailoutbox)


def test_decision_maker_and_author_are_told_of_the_request_CALL_1(people_told):
    decision, requested, _validated, _outcome = people_told
    for email in (decision.author.email, decision.decision_maker.email):
        (mail,) = to(requested, email)
        assert mail.subject == f"Call-in requested: {decision.reference} {decision.title}"
        assert "Families were not consulted." in mail.body
        assert reverse("decisions:record", kwargs={"pk": decision.pk}) in mail.body


def test_democratic_support_is_told_a_request_waits_for_them_CALL_1(people_told, council):
    _decision, requested, _validated, _outcome = people_told
    assert to(requested, council.democratic_support_email)


def test_decision_maker_and_author_are_told_of_validation_CALL_1(people_told):
    decision, _requested, validated, _outcome = people_told
    for email in (decision.author.email, decision.decision_maker.email):
        (mail,) = to(validated, email)
        assert mail.subject.startswith("Called in: ")
        assert "cannot take effect" in mail.body


def test_decision_maker_and_author_are_told_of_the_outcome_CALL_1(people_told):
    decision, _requested, _validated, outcome = people_told
    for email in (decision.author.email, decision.decision_maker.email):
        (mail,) = to(outcome, email)
        assert mail.subject.startswith("Call-in outcome: ")
        assert "The decision takes effect from 15 September 2026." in mail.body
