"""Notices' pages: Democratic Support's actions on the decision's staff page (EXEC-6, EXEC-7), and
the public list and notice, which never show a decision's exempt text; constant queries."""

import html

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisions.models import ChairAgreement, Status
from notices import services
from notices.models import Kind, Notice
from tests.decisions.factories import advance
from tests.notices.factories import general_exception_decision, special_urgency_decision

REASONS = "The grant offer closes before 28 clear days' notice can run."


def url(name, decision):
    return reverse(f"decisions:{name}", kwargs={"pk": decision.pk})


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture(autouse=True)
def quick_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_democratic_support_gives_the_general_exception_notice_from_the_record_EXEC_6(
    client, democratic_support, scrutiny_chair, mailoutbox, django_capture_on_commit_callbacks
):
    decision = advance(general_exception_decision(), to=Status.IN_SIGN_OFF)
    client.force_login(democratic_support)
    record = text(client.get(url("record", decision)))
    assert "Give general exception notice" in record and url("general-exception-notice", decision) in record
    page = client.get(url("general-exception-notice", decision))
    assert page.status_code == 200 and "Jemima Laing" in text(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("general-exception-notice", decision), {"comment": REASONS})
    assert response.status_code == 302 and response.url == url("record", decision)
    notice = Notice.objects.get(decision=decision, kind=Kind.GENERAL_EXCEPTION)
    assert notice.reasons == REASONS and [m.to for m in mailoutbox] == [[scrutiny_chair.email]]
    record = text(client.get(url("record", decision)))
    assert "Give general exception notice" not in record and "Publish the notice of reasons" in record


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "Enter why 28 clear days' notice is impracticable"),
        ("   ", "Enter why 28 clear days' notice is impracticable"),
        ("Reasons\x00with a NUL", "Null characters are not allowed."),
    ],
)
def test_bad_reasons_are_an_error_on_the_field_never_a_500_EXEC_6(client, democratic_support, typed, error):
    decision = general_exception_decision()
    client.force_login(democratic_support)
    response = client.post(url("general-exception-notice", decision), {"comment": typed})
    assert response.status_code == 200 and error in response.context["form"].errors["comment"]
    assert "govuk-error-summary" in text(response) and not Notice.objects.exists()


def test_long_reasons_are_kept_whole_EXEC_6(client, democratic_support):
    decision = general_exception_decision()
    client.force_login(democratic_support)
    response = client.post(url("general-exception-notice", decision), {"comment": "x" * 100_000})
    assert response.status_code == 302 and len(Notice.objects.get().reasons) == 100_000


def test_only_democratic_support_may_give_the_notice_EXEC_6(client, officer, decision_maker):
    decision = general_exception_decision()
    for person in (officer, decision_maker):
        client.force_login(person)
        assert client.get(url("general-exception-notice", decision)).status_code == 403
        assert client.post(url("general-exception-notice", decision), {"comment": REASONS}).status_code == 403
    client.logout()
    assert client.get(url("general-exception-notice", decision)).status_code == 302  # to sign in
    assert not Notice.objects.exists()


def test_a_second_click_is_told_the_notice_was_given_EXEC_6(client, democratic_support):
    decision = general_exception_decision()
    services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    client.force_login(democratic_support)
    response = client.post(url("general-exception-notice", decision), {"comment": REASONS}, follow=True)
    assert "already been given" in text(response) and Notice.objects.count() == 1


def test_notice_of_reasons_and_special_urgency_notice_pages_EXEC_6_EXEC_7(client, democratic_support):
    decision = general_exception_decision()
    services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    client.force_login(democratic_support)
    page = client.get(url("notice-of-reasons", decision))
    assert page.status_code == 200 and REASONS in text(page)  # the reasons sent to the chair, to check
    assert client.post(url("notice-of-reasons", decision), {"comment": "Reworded."}).status_code == 302
    assert Notice.objects.get(decision=decision).reasons_published_at is not None

    urgent = advance(special_urgency_decision(), to=Status.IN_SIGN_OFF)
    assert client.get(url("special-urgency-notice", urgent)).status_code == 302  # not agreed yet: said on the record
    ChairAgreement.objects.filter(decision=urgent, kind=ChairAgreement.Kind.SPECIAL_URGENCY).update(
        status=ChairAgreement.Outcome.AGREED, responded_on=urgent.submitted_at.date()
    )
    page = client.get(url("special-urgency-notice", urgent))
    assert page.status_code == 200 and urgent.urgency_reason in text(page)
    assert client.post(url("special-urgency-notice", urgent), {"comment": urgent.urgency_reason}).status_code == 302
    assert Notice.objects.get(decision=urgent).kind == Kind.SPECIAL_URGENCY


# — public pages -------------------------------------------------------------------------------


def test_public_notice_shows_the_matter_and_reasons_never_exempt_text_EXEC_6(client, democratic_support):
    decision = general_exception_decision(exempt=True, part2_summary="ZZSECRET summary of the part II report")
    notice = services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    listing = text(client.get(reverse("notices:list")))
    assert decision.title in listing and reverse("notices:detail", kwargs={"pk": notice.pk}) in listing
    page = text(client.get(reverse("notices:detail", kwargs={"pk": notice.pk})))
    assert decision.title in page and "General exception" in page and "Jemima Laing" in page
    assert REASONS not in page  # reg 10(4): the reasons are their own, later notice
    assert "ZZSECRET" not in page and decision.part2_title not in page
    services.publish_reasons(notice, actor=democratic_support, reasons=REASONS)
    page = text(client.get(reverse("notices:detail", kwargs={"pk": notice.pk})))
    assert REASONS in page and "ZZSECRET" not in page


def test_public_notice_unknown_is_404(client, db):
    assert client.get(reverse("notices:detail", kwargs={"pk": 999})).status_code == 404


def _queries(client, path):
    cache.clear()  # measure the render, not the page cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_public_notices_list_queries_do_not_grow_with_notices(client, democratic_support):
    services.give_general_exception_notice(general_exception_decision(), actor=democratic_support, reasons=REASONS)
    few = _queries(client, reverse("notices:list"))
    for _ in range(4):
        services.give_general_exception_notice(general_exception_decision(), actor=democratic_support, reasons=REASONS)
    assert _queries(client, reverse("notices:list")) == few


def test_democratic_support_sees_notices_waiting_for_their_reasons_EXEC_6(client, democratic_support):
    decision = general_exception_decision()
    notice = services.give_general_exception_notice(decision, actor=democratic_support, reasons=REASONS)
    client.force_login(democratic_support)
    home = text(client.get(reverse("staff-home")))
    assert "General exception notices waiting for their notice of reasons" in home
    assert url("notice-of-reasons", decision) in home
    services.publish_reasons(notice, actor=democratic_support, reasons=REASONS)
    assert url("notice-of-reasons", decision) not in text(client.get(reverse("staff-home")))
