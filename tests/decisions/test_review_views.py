"""Staff review pages (decisions/views/review.py): the record page, each action's happy and error
paths, 403/404, constant queries, and the staff home worklists (decisions/apps.py)."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council import roles
from council.models import Department
from decisions import services
from decisions.models import ChairAgreement, Decision, Event, SignOff, Status, today
from tests.decisions.factories import Cast, DecisionFactory, advance, issue_all_sign_offs  # noqa: F401
from tests.factories import UserFactory


def url(name, decision, **kwargs):
    return reverse(f"decisions:{name}", kwargs={"pk": decision.pk, **kwargs})


def text(response):
    return html.unescape(response.content.decode())


def fresh(decision):
    return Decision.objects.get(pk=decision.pk)


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    """Cheap password hashing for the many personas; uploads in a temporary directory."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def in_sign_off(cast):
    return DecisionFactory(cast=cast, state=Status.IN_SIGN_OFF)


@pytest.fixture
def urgent_in_sign_off(cast):
    return DecisionFactory(cast=cast, urgent=True, state=Status.IN_SIGN_OFF)


# — the record page ----------------------------------------------------------------------------


def test_record_page_unknown_record_is_404(client, cast):
    client.force_login(cast.democratic_support)
    assert client.get(reverse("decisions:record", kwargs={"pk": 999999})).status_code == 404


def test_record_page_unrelated_officer_is_403(client, cast, in_sign_off):
    client.force_login(cast.other_officer)
    assert client.get(url("record", in_sign_off)).status_code == 403


def test_record_page_anonymous_is_sent_to_sign_in(client, in_sign_off):
    response = client.get(url("record", in_sign_off))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_record_page_shows_record_status_actions_and_history(client, cast, in_sign_off):
    client.force_login(cast.democratic_support)
    response = client.get(url("record", in_sign_off))
    assert response.status_code == 200
    body = text(response)
    assert in_sign_off.reference in body
    assert "In sign-off" in body
    assert "EXECUTIVE DECISION" in body and "made by a Council Officer" in body
    assert f"Executive Decision Reference Number – {fresh(in_sign_off).reference}" in body
    assert "Sign off for Democratic Support" in body
    assert "Return to the author" in body
    assert "Withdraw the record" in body
    assert "Sign the decision" not in body and "Publish the decision" not in body
    assert "Submitted for sign-off" in body  # the history
    assert "Draft → In sign-off" in body
    # SIGNOFF-1: what is still blocking
    assert "The Finance sign-off has not been given" in body


def test_record_page_finance_reviewer_sees_only_their_sign_off_button(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    body = text(client.get(url("record", in_sign_off)))
    assert "Sign off for Finance" in body
    assert "Sign off for Democratic Support" not in body and "Sign off for Legal" not in body
    assert "Withdraw the record" not in body


def test_record_page_marks_a_stale_sign_off_out_of_date(client, cast, in_sign_off):
    """SIGNOFF-1: an edit after a sign-off makes it stale, visibly."""
    finance = Department.objects.get(slug="finance")
    issued = services.issue_sign_off_code(in_sign_off, actor=cast.finance_reviewer, department=finance)
    record = fresh(in_sign_off)
    record.title = "A changed title"
    services.save_edits(record, actor=cast.officer, fields=["title"])
    client.force_login(cast.democratic_support)
    body = text(client.get(url("record", in_sign_off)))
    assert issued.code in body
    assert "Out of date" in body
    assert "Awaiting sign-off" in body  # Legal has not signed off


def test_record_page_shows_dates_warning_on_a_decided_record(client, cast):
    """DATES-1: something dated after the date of decision is shown as a warning."""
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    Decision._base_manager.filter(pk=decision.pk).update(cmt_consulted_on=today() + datetime.timedelta(days=2))
    client.force_login(cast.democratic_support)
    body = text(client.get(url("record", decision)))
    assert "govuk-warning-text" in body
    assert "after the date of decision" in body


def test_record_page_urgent_agreed_record_says_exempt_from_call_in(client, cast):
    """CALL-2: an urgent decision the chair agreed is exempt from call-in, and the record says so."""
    decision = DecisionFactory(cast=cast, urgent=True, state=Status.DECIDED)
    client.force_login(cast.democratic_support)
    body = text(client.get(url("record", decision)))
    assert "exempt from call-in" in body
    assert "Councillor Jemima Laing (agreed in this system)" in body


def _count_queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_record_page_queries_do_not_grow_with_sign_offs_and_events(client, cast):
    small = DecisionFactory(cast=cast, state=Status.IN_SIGN_OFF)
    big = DecisionFactory(
        cast=cast, exempt=True, consulted=True, applicable=["human-resources", "procurement"], state=Status.IN_SIGN_OFF
    )
    issue_all_sign_offs(big, cast, skip={"legal"})
    for n in range(12):
        Event.objects.create(
            decision=big,
            actor=cast.officer,
            action="edit",
            from_status="in_sign_off",
            to_status="in_sign_off",
            comment=f"note {n}",
        )
    client.force_login(cast.democratic_support)
    client.get(url("record", small))  # warm the session and the content types
    assert _count_queries(client, url("record", big)) == _count_queries(client, url("record", small))


# — sign-off -----------------------------------------------------------------------------------


def test_sign_off_generated_code_issues_and_redirects(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    page = text(client.get(url("sign-off", in_sign_off, department="finance")))
    assert "Issue Finance sign-off code" in page
    assert "Return the record to the author with comments instead" in page
    response = client.post(url("sign-off", in_sign_off, department="finance"), follow=True)
    assert response.redirect_chain[0] == (url("record", in_sign_off), 302)
    sign_off = SignOff.objects.get(decision=in_sign_off, department__slug="finance")
    assert sign_off.code.startswith("djn.")
    assert f"Finance sign-off code {sign_off.code} issued" in text(response)


def test_sign_off_typed_code_is_recorded(client, cast, in_sign_off):
    client.force_login(cast.legal_reviewer)
    assert "Sign-off code" in text(client.get(url("sign-off", in_sign_off, department="legal")))
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": " MS/36955 "})
    assert response.status_code == 302
    assert SignOff.objects.get(decision=in_sign_off, department__slug="legal").code == "MS/36955"


def test_sign_off_typed_code_missing_is_an_error_on_the_field(client, cast, in_sign_off):
    client.force_login(cast.legal_reviewer)
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": ""})
    assert response.status_code == 200
    body = text(response)
    assert "There is a problem" in body and "Enter the Legal sign-off code" in body
    assert "<title>Error: " in body
    assert not SignOff.objects.filter(decision=in_sign_off, department__slug="legal").exists()


def test_sign_off_typed_code_already_used_is_an_error_and_keeps_the_input(client, cast, in_sign_off):
    other = DecisionFactory(cast=cast, state=Status.IN_SIGN_OFF)
    legal = Department.objects.get(slug="legal")
    services.issue_sign_off_code(other, actor=cast.legal_reviewer, department=legal, typed_code="MS/1")
    client.force_login(cast.legal_reviewer)
    response = client.post(url("sign-off", in_sign_off, department="legal"), {"code": "MS/1"})
    assert response.status_code == 200
    body = text(response)
    assert "Legal has already issued the code MS/1" in body
    assert 'value="MS/1"' in body


def test_sign_off_for_another_department_is_403(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    assert client.get(url("sign-off", in_sign_off, department="legal")).status_code == 403
    assert client.post(url("sign-off", in_sign_off, department="legal"), {"code": "X/1"}).status_code == 403


def test_sign_off_by_reviewer_of_a_department_not_applicable_is_403(client, cast, in_sign_off):
    client.force_login(cast.hr_reviewer)
    assert client.get(url("sign-off", in_sign_off, department="human-resources")).status_code == 403
    assert client.post(url("sign-off", in_sign_off, department="human-resources")).status_code == 403


def test_sign_off_unknown_department_is_404(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    assert client.get(url("sign-off", in_sign_off, department="no-such")).status_code == 404


def test_sign_off_page_after_signing_off_says_so_without_a_button(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    client.post(url("sign-off", in_sign_off, department="finance"))
    response = client.get(url("sign-off", in_sign_off, department="finance"))
    assert response.status_code == 200
    body = text(response)
    assert "has already signed off this version" in body
    assert "Issue Finance sign-off code" not in body
    client.post(url("sign-off", in_sign_off, department="finance"))
    assert SignOff.objects.filter(decision=in_sign_off, department__slug="finance").count() == 1


def test_sign_off_page_after_the_record_moved_on_redirects_not_500(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(cast.finance_reviewer)
    response = client.get(url("sign-off", decision, department="finance"), follow=True)
    assert response.redirect_chain[-1][0] == url("record", decision)
    assert "can no longer be" in text(response)


# — return -------------------------------------------------------------------------------------


def test_return_without_comment_is_an_error(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    response = client.post(url("return", in_sign_off), {"comment": "  "})
    assert response.status_code == 200
    assert "Enter your comments for the author" in text(response)
    assert fresh(in_sign_off).status == Status.IN_SIGN_OFF


def test_return_with_comment_sends_the_record_back(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    response = client.post(url("return", in_sign_off), {"comment": "Say where the money comes from."})
    assert response.status_code == 302
    assert fresh(in_sign_off).status == Status.DRAFT
    assert Event.objects.filter(
        decision=in_sign_off, action="return", comment="Say where the money comes from."
    ).exists()


def test_return_by_someone_who_cannot_is_403(client, cast, in_sign_off):
    client.force_login(cast.other_officer)
    assert client.post(url("return", in_sign_off), {"comment": "No"}).status_code == 403


# — the scrutiny chair -------------------------------------------------------------------------


def test_urgency_chair_agrees(client, cast, urgent_in_sign_off):
    """CALL-2: the chair agrees in the system."""
    client.force_login(cast.scrutiny_chair)
    assert "Is this decision urgent?" in text(client.get(url("urgency", urgent_in_sign_off)))
    response = client.post(url("urgency", urgent_in_sign_off), {"response": "agree", "comment": ""})
    assert response.status_code == 302
    agreement = ChairAgreement.objects.get(decision=urgent_in_sign_off)
    assert agreement.status == ChairAgreement.Outcome.AGREED


def test_urgency_decline_without_comment_is_an_error(client, cast, urgent_in_sign_off):
    client.force_login(cast.scrutiny_chair)
    response = client.post(url("urgency", urgent_in_sign_off), {"response": "decline", "comment": ""})
    assert response.status_code == 200
    assert "Explain why you do not agree" in text(response)
    assert fresh(urgent_in_sign_off).status == Status.IN_SIGN_OFF


def test_urgency_no_choice_is_an_error(client, cast, urgent_in_sign_off):
    client.force_login(cast.scrutiny_chair)
    response = client.post(url("urgency", urgent_in_sign_off), {})
    assert "Select whether you agree that the decision is urgent" in text(response)


def test_urgency_decline_with_comment_returns_to_the_author(client, cast, urgent_in_sign_off):
    client.force_login(cast.scrutiny_chair)
    response = client.post(url("urgency", urgent_in_sign_off), {"response": "decline", "comment": "It can wait."})
    assert response.status_code == 302
    assert fresh(urgent_in_sign_off).status == Status.DRAFT


def test_urgency_by_someone_else_is_403(client, cast, urgent_in_sign_off):
    client.force_login(cast.democratic_support)
    assert client.get(url("urgency", urgent_in_sign_off)).status_code == 403


def test_urgency_page_after_responding_redirects_not_500(client, cast, urgent_in_sign_off):
    client.force_login(cast.scrutiny_chair)
    client.post(url("urgency", urgent_in_sign_off), {"response": "agree"})
    response = client.get(url("urgency", urgent_in_sign_off))
    assert response.status_code == 302


# — Democratic Support records the chair's agreement --------------------------------------------


def _agreement_data(**overrides):
    agreed = today() - datetime.timedelta(days=1)
    data = {
        "kind": ChairAgreement.Kind.CALL_IN_WAIVER,
        "agreed_on_0": agreed.day,
        "agreed_on_1": agreed.month,
        "agreed_on_2": agreed.year,
        "how": "email",
        "evidence": "Email from Cllr Laing, 14 July 2021, 'Urgent award'",
    }
    data.update(overrides)
    return data


def test_record_agreement_via_email(client, cast, urgent_in_sign_off):
    client.force_login(cast.democratic_support)
    assert "Date the chair agreed" in text(client.get(url("record-agreement", urgent_in_sign_off)))
    response = client.post(url("record-agreement", urgent_in_sign_off), _agreement_data(), follow=True)
    assert "Councillor Jemima Laing (agreed via email)" in text(response)
    agreement = ChairAgreement.objects.get(decision=urgent_in_sign_off)
    assert agreement.how == "email" and agreement.status == ChairAgreement.Outcome.AGREED


def test_record_agreement_missing_date_and_evidence_are_errors(client, cast, urgent_in_sign_off):
    client.force_login(cast.democratic_support)
    response = client.post(
        url("record-agreement", urgent_in_sign_off),
        _agreement_data(agreed_on_0="", agreed_on_1="", agreed_on_2="", evidence=""),
    )
    body = text(response)
    assert response.status_code == 200
    assert "Enter the date the chair agreed" in body
    assert "Describe the evidence of the agreement" in body


def test_record_agreement_future_date_is_an_error_on_the_date(client, cast, urgent_in_sign_off):
    later = today() + datetime.timedelta(days=3)
    client.force_login(cast.democratic_support)
    response = client.post(
        url("record-agreement", urgent_in_sign_off),
        _agreement_data(agreed_on_0=later.day, agreed_on_1=later.month, agreed_on_2=later.year),
    )
    assert "must be today or in the past" in text(response)


def test_record_agreement_by_non_democratic_support_is_403(client, cast, urgent_in_sign_off):
    client.force_login(cast.finance_reviewer)
    assert client.post(url("record-agreement", urgent_in_sign_off), _agreement_data()).status_code == 403


# — signing --------------------------------------------------------------------------------------


def test_sign_by_the_decision_maker(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(cast.decision_maker)
    page = text(client.get(url("sign", decision)))
    assert "I agree the decision and confirm" in page
    assert "I have read the declaration and agree the decision" in page
    response = client.post(url("sign", decision), {"confirm": "on"})
    assert response.status_code == 302
    signed = fresh(decision)
    assert signed.status == Status.DECIDED and signed.decided_on == today()


def test_sign_without_confirming_is_an_error(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(cast.decision_maker)
    response = client.post(url("sign", decision), {})
    assert "Confirm that you have read the declaration" in text(response)
    assert fresh(decision).status == Status.AWAITING_DECISION


def test_signing_an_exempt_record_asks_the_decision_maker_to_confirm_its_classification_EXEC_13(client, cast):
    """EXEC-13: the page lists what the public version withholds, with its paragraphs; without the second
    box ticked the error is on that box, nothing is signed and the other box stays ticked."""
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION, exempt=True)
    client.force_login(cast.decision_maker)
    page = text(client.get(url("sign", decision)))
    assert "Withheld from the public" in page
    assert "The confidential (Part II) briefing report: Not for publication by virtue of paragraph 3" in page
    assert "Appendix A: Business case (commercial): Not for publication by virtue of paragraph 3" in page
    assert "Appendix B" not in page.split("Withheld from the public")[1].split("Declaration")[0]
    assert "Provider's tender pricing: Not for publication by virtue of paragraph 3" in page
    assert "the public interest in keeping it exempt outweighs the public interest in disclosing it" in page

    response = client.post(url("sign", decision), {"confirm": "on"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_confirm_exemptions"' in body and "Confirm that the information withheld from the public" in body
    assert re.search(r'<input[^>]*name="confirm"[^>]*checked', body)  # the other answer is kept
    assert not re.search(r'<input[^>]*name="confirm_exemptions"[^>]*checked', body)
    assert fresh(decision).status == Status.AWAITING_DECISION

    client.post(url("sign", decision), {"confirm": "on", "confirm_exemptions": "on"})
    signed = fresh(decision)
    assert signed.status == Status.DECIDED
    assert "public interest in keeping it exempt outweighs" in signed.declaration


def test_signing_a_record_with_nothing_exempt_asks_no_classification_EXEC_13(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(cast.decision_maker)
    page = text(client.get(url("sign", decision)))
    assert "Withheld from the public" not in page and "confirm_exemptions" not in page


def test_sign_by_a_decision_maker_not_named_is_403(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    other = UserFactory(username="other.director", roles=[roles.DECISION_MAKER])
    client.force_login(other)
    assert client.get(url("sign", decision)).status_code == 403
    assert client.post(url("sign", decision), {"confirm": "on"}).status_code == 403


def test_action_page_refused_on_get_reads_the_record_once(client, cast):
    """A 403 on opening an action page reads the record once: only a clicked button (a POST) is
    looked at again, to say whether the record moved on."""
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(UserFactory(username="other.director", roles=[roles.DECISION_MAKER]))
    table = f'FROM "{Decision._meta.db_table}"'
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("sign", decision)).status_code == 403
    assert sum(table in query["sql"] for query in queries.captured_queries) == 1


def test_action_refused_on_post_reads_the_record_once(client, cast):
    """A button clicked by someone who may see the record but not act: the 403 is decided from the
    record this request read, not from a second read."""
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(cast.democratic_support)
    table = f'FROM "{Decision._meta.db_table}"'
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url("sign", decision), {"confirm": "on"}).status_code == 403
    assert sum(table in query["sql"] for query in queries.captured_queries) == 1
    assert fresh(decision).status == Status.AWAITING_DECISION


def test_sign_page_lists_blockers_and_has_no_button(client, cast):
    """DATES-1 blocks signing: the page says why and offers no button."""
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    Decision._base_manager.filter(pk=decision.pk).update(cmt_consulted_on=today() + datetime.timedelta(days=2))
    client.force_login(cast.decision_maker)
    body = text(client.get(url("sign", decision)))
    assert "You cannot sign this decision yet" in body
    assert "after the date of decision" in body
    assert "Sign the decision</button>" not in body
    client.post(url("sign", decision), {"confirm": "on"})
    assert fresh(decision).status == Status.AWAITING_DECISION


def test_sign_page_after_signing_redirects_not_500(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.decision_maker)
    response = client.get(url("sign", decision))
    assert response.status_code == 302 and response["Location"] == url("record", decision)


# — publishing and withdrawing --------------------------------------------------------------------


def test_publish_by_democratic_support(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.democratic_support)
    assert "Publish the decision" in text(client.get(url("publish", decision)))
    response = client.post(url("publish", decision), follow=True)
    assert "is published on the public register" in text(response)
    assert fresh(decision).status == Status.PUBLISHED


def test_publish_by_non_democratic_support_is_403(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.officer)  # the author can see the record, but not publish it
    assert client.get(url("publish", decision)).status_code == 403
    assert client.post(url("publish", decision)).status_code == 403


def test_publish_page_after_publishing_redirects_not_500(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    client.force_login(cast.democratic_support)
    assert client.get(url("publish", decision)).status_code == 302
    assert client.post(url("publish", decision)).status_code == 302


def test_withdraw_without_comment_is_an_error(client, cast, in_sign_off):
    client.force_login(cast.officer)
    response = client.post(url("withdraw", in_sign_off), {"comment": ""})
    assert "Enter why the record is being withdrawn" in text(response)
    assert fresh(in_sign_off).status == Status.IN_SIGN_OFF


def test_withdraw_with_comment(client, cast, in_sign_off):
    client.force_login(cast.officer)
    assert client.post(url("withdraw", in_sign_off), {"comment": "Funding fell through."}).status_code == 302
    assert fresh(in_sign_off).status == Status.WITHDRAWN


def test_withdraw_by_a_reviewer_is_403(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    assert client.post(url("withdraw", in_sign_off), {"comment": "No"}).status_code == 403


# — worklists on the staff home -------------------------------------------------------------------


def _home(client, user):
    client.force_login(user)
    return text(client.get(reverse("staff-home")))


def test_worklist_finance_reviewer_sees_records_waiting_for_finance(client, cast, in_sign_off):
    body = _home(client, cast.finance_reviewer)
    assert "Waiting for Finance sign-off" in body
    assert in_sign_off.title in body
    finance = Department.objects.get(slug="finance")
    services.issue_sign_off_code(in_sign_off, actor=cast.finance_reviewer, department=finance)
    assert in_sign_off.title not in _home(client, cast.finance_reviewer)


def test_worklist_hr_reviewer_does_not_see_records_hr_does_not_apply_to(client, cast, in_sign_off):
    applicable = DecisionFactory(cast=cast, applicable=["human-resources"], state=Status.IN_SIGN_OFF)
    body = _home(client, cast.hr_reviewer)
    assert applicable.title in body
    assert in_sign_off.title not in body


def test_worklist_officer_sees_their_records(client, cast, in_sign_off):
    draft = DecisionFactory(cast=cast)
    body = _home(client, cast.officer)
    assert "Your decision records" in body
    assert in_sign_off.title in body and draft.title in body
    assert in_sign_off.title not in _home(client, cast.other_officer)


def test_worklist_scrutiny_chair_sees_urgent_requests(client, cast, urgent_in_sign_off, in_sign_off):
    body = _home(client, cast.scrutiny_chair)
    assert "Urgent decisions waiting for your agreement" in body
    assert urgent_in_sign_off.title in body and in_sign_off.title not in body


def test_worklist_decision_maker_and_democratic_support(client, cast, in_sign_off):
    awaiting = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    decided = DecisionFactory(cast=cast, state=Status.DECIDED)
    body = _home(client, cast.decision_maker)
    assert awaiting.title in body and decided.title not in body
    body = _home(client, cast.democratic_support)
    assert "Decided, ready to publish" in body and decided.title in body
    assert "In sign-off" in body and in_sign_off.title in body


def test_worklists_queries_do_not_grow_with_records(client, cast):
    client.force_login(cast.democratic_support)
    client.get(reverse("staff-home"))
    before = _count_queries(client, reverse("staff-home"))
    for _ in range(4):
        DecisionFactory(cast=cast, state=Status.IN_SIGN_OFF)
    assert _count_queries(client, reverse("staff-home")) == before


def test_worklists_are_registered_once(cast):
    from django.apps import apps

    from council import worklists

    before = len(worklists._registry)
    apps.get_app_config("decisions").ready()
    assert len(worklists._registry) == before


def test_advance_helper_reaches_published(cast):
    assert advance(DecisionFactory(cast=cast), Status.PUBLISHED).status == Status.PUBLISHED


# — approvals carry the version shown (SIGNOFF-1) -----------------------------------------------


def shown_version(response):
    import re

    return re.search(r'name="version" value="(\d+)"', response.content.decode()).group(1)


def author_edits(decision, text="Changed after the page was opened."):
    decision = fresh(decision)
    decision.reasons = text
    services.save_edits(decision, actor=decision.author, fields=["reasons"])


def test_sign_off_on_a_version_the_reviewer_never_saw_is_refused_SIGNOFF_1(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    page = url("sign-off", in_sign_off, department="finance")
    seen = shown_version(client.get(page))
    author_edits(in_sign_off)

    refused = client.post(page, {"version": seen})

    assert refused.status_code == 200
    body = text(refused)
    assert "has changed since you opened this page: it is now version 2" in body
    assert f'href="{url("record", in_sign_off)}"' in body and "Read version 2, the current version" in body
    assert not SignOff.objects.filter(decision=in_sign_off, department__slug="finance").exists()
    # The page shown back is the current version: signing off from it is deliberate, and counts.
    assert client.post(page, {"version": shown_version(refused)}).status_code == 302
    assert SignOff.objects.get(decision=in_sign_off, department__slug="finance").content_version == 2


def test_signature_on_a_version_the_decision_maker_never_saw_is_refused_SIGNOFF_1(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(decision.decision_maker)
    seen = shown_version(client.get(url("sign", decision)))
    services.return_to_author(fresh(decision), actor=decision.decision_maker, comment="One more reason, please.")
    author_edits(decision, "A reason the decision maker has not read.")
    advance(fresh(decision), to=Status.AWAITING_DECISION, cast=cast)

    refused = client.post(url("sign", decision), {"confirm": "on", "version": seen})

    assert refused.status_code == 200
    assert "it is now version" in text(refused)
    assert fresh(decision).status == Status.AWAITING_DECISION and fresh(decision).decided_on is None


def test_chair_agreement_on_a_version_never_seen_is_refused_SIGNOFF_1(client, cast, urgent_in_sign_off):
    chair = urgent_in_sign_off.chair_agreements.first().chair
    client.force_login(chair)
    seen = shown_version(client.get(url("urgency", urgent_in_sign_off)))
    author_edits(urgent_in_sign_off)

    refused = client.post(url("urgency", urgent_in_sign_off), {"response": "agree", "comment": "", "version": seen})

    assert refused.status_code == 200
    assert "it is now version 2" in text(refused)
    assert not urgent_in_sign_off.chair_agreements.filter(status=ChairAgreement.Outcome.AGREED).exists()


# — a second click is told it is done, not shown a 403 ------------------------------------------


def flashed(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_second_click_on_publish_says_already_published(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    client.force_login(cast.democratic_support)
    assert client.post(url("publish", decision)).status_code == 302

    again = client.post(url("publish", decision))

    assert again.status_code == 302 and again.url == url("record", decision)
    assert flashed(again)[-1] == "This record has already been published."
    assert fresh(decision).events.filter(action="publish").count() == 1


def test_second_click_on_withdraw_says_already_withdrawn(client, cast, in_sign_off):
    client.force_login(cast.officer)
    client.post(url("withdraw", in_sign_off), {"comment": "Superseded."})

    again = client.post(url("withdraw", in_sign_off), {"comment": "Superseded."})

    assert again.status_code == 302 and flashed(again)[-1] == "This record has already been withdrawn."


def test_second_click_on_sign_off_goes_to_the_record(client, cast, in_sign_off):
    client.force_login(cast.finance_reviewer)
    page = url("sign-off", in_sign_off, department="finance")
    client.post(page)
    code = SignOff.objects.get(decision=in_sign_off, department__slug="finance").code

    again = client.post(page)

    assert again.status_code == 302 and again.url == url("record", in_sign_off)
    assert flashed(again)[-1] == f"Finance has already signed off this version, with the code {code}."
    assert SignOff.objects.filter(decision=in_sign_off, department__slug="finance").count() == 1


def test_second_click_on_sign_says_already_signed(client, cast):
    decision = DecisionFactory(cast=cast, state=Status.AWAITING_DECISION)
    client.force_login(decision.decision_maker)
    client.post(url("sign", decision), {"confirm": "on"})

    again = client.post(url("sign", decision), {"confirm": "on"})

    assert again.status_code == 302 and flashed(again)[-1] == "This record has already been signed."


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_on_publish_both_land_on_the_record():
    """The click that waits for the row lock finds the record published: a message, not a 403."""
    from django.test import Client

    from tests.decisions.test_reference_concurrency import run_at_once

    if connection.vendor != "postgresql":
        pytest.skip(f"Two requests at once need PostgreSQL row locks; this run uses {connection.vendor}.")
    cast = Cast()
    decision = DecisionFactory(cast=cast, state=Status.DECIDED)
    clients = [Client(), Client()]
    for c in clients:
        c.force_login(cast.democratic_support)

    responses, errors = run_at_once(lambda c: c.post(url("publish", decision)), clients)

    assert errors == []
    assert [r.status_code for r in responses] == [302, 302]
    assert fresh(decision).events.filter(action="publish").count() == 1
