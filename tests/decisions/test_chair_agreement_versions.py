"""The scrutiny chair's agreement holds for the version the chair agreed to (CALL-2, EXEC-7).

Like a department's sign-off (SIGNOFF-1): an edit in sign-off asks the chair again, a record returned,
changed and resubmitted asks again, and one resubmitted unchanged keeps the agreement.
"""

import pytest

from decisions import services
from decisions.models import ChairAgreement, Status
from tests.decisions.factories import DecisionFactory, agree_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(officer, scrutiny_chair):
    decision = DecisionFactory(urgent=True, state=Status.IN_SIGN_OFF)
    agree_all(decision)
    decision.refresh_from_db()
    assert decision.chair_agreements.get().status == ChairAgreement.Outcome.AGREED
    return decision


def test_chair_agreement_goes_stale_and_is_asked_again_on_an_edit_in_sign_off_CALL_2(
    agreed, officer, django_capture_on_commit_callbacks, mailoutbox
):
    agreed.urgency_reason = "Caseloads have risen again since the chair agreed."
    with django_capture_on_commit_callbacks(execute=True):
        services.save_edits(agreed, actor=officer, fields=["urgency_reason"])
    agreement = agreed.chair_agreements.get()
    agreed.refresh_from_db()
    assert agreement.status == ChairAgreement.Outcome.REQUESTED
    assert agreement.content_version == agreed.content_version
    assert any("Your agreement is needed" in m.subject for m in mailoutbox)


def test_record_resubmitted_unchanged_keeps_the_chairs_agreement_CALL_2(agreed, finance_reviewer, officer):
    services.return_to_author(agreed, actor=finance_reviewer, comment="Please check the figures.")
    agreed.refresh_from_db()
    services.submit_for_sign_off(agreed, actor=officer)
    assert agreed.chair_agreements.get().status == ChairAgreement.Outcome.AGREED


def test_record_returned_changed_and_resubmitted_asks_the_chair_again_CALL_2(agreed, finance_reviewer, officer):
    services.return_to_author(agreed, actor=finance_reviewer, comment="The amount is wrong.")
    agreed.refresh_from_db()
    agreed.financial_implications = "£591k from revenue funding."
    services.save_edits(agreed, actor=officer, fields=["financial_implications"])
    agreed.refresh_from_db()
    services.submit_for_sign_off(agreed, actor=officer)
    assert agreed.chair_agreements.get().status == ChairAgreement.Outcome.REQUESTED


def test_stale_agreement_keeps_the_record_from_the_decision_maker_CALL_2(agreed, officer):
    from tests.decisions.factories import issue_all_sign_offs

    agreed.title = "Urgent decision: direct award (revised)"
    services.save_edits(agreed, actor=officer, fields=["title"])
    issue_all_sign_offs(agreed)
    agreed.refresh_from_db()
    assert agreed.status == Status.IN_SIGN_OFF
