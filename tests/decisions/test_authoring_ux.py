"""What officers found confusing or missing while drafting decision records (issue #10, part 4)."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from council.models import DeletedDraft
from decisions import services
from decisions.models import Decision, Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def url(name, decision=None, **kwargs):
    if decision is not None:
        kwargs["pk"] = decision.pk
    return reverse(f"decisions:{name}", kwargs=kwargs)


def text(response):
    """The page's visible text, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def returned(finance_reviewer):
    decision = DecisionFactory(state=Status.IN_SIGN_OFF)
    services.return_to_author(
        decision, actor=finance_reviewer, comment="The funding source is missing.\n\n- Name the budget line"
    )
    decision.refresh_from_db()
    return decision


# — 1. a returned record says who returned it, when and why ------------------------------------


def test_returned_record_task_list_shows_who_when_and_comments(author, returned):
    page = text(author.get(url("tasks", returned)))
    assert "Returned to you" in page
    assert f"Dan Norris returned this record on {datetime.date.today():%-d %B %Y}" in page
    assert "The funding source is missing." in page and "Name the budget line" in page


def test_declined_urgency_task_list_shows_the_chairs_comments(author, scrutiny_chair):
    decision = DecisionFactory(urgent=True, state=Status.IN_SIGN_OFF)
    services.decline_urgency(decision, actor=scrutiny_chair, comment="This can wait for the committee.")
    page = text(author.get(url("tasks", decision)))
    assert "Councillor Jemima Laing returned this record" in page
    assert "This can wait for the committee." in page


def test_never_submitted_draft_task_list_has_no_returned_banner(author, officer):
    decision = services.start_decision(actor=officer)
    assert "Returned to you" not in text(author.get(url("tasks", decision)))


def test_resubmitted_record_is_no_longer_shown_as_returned(author, returned):
    services.submit_for_sign_off(returned, actor=returned.author)
    returned.refresh_from_db()
    assert returned.last_return() is None
    assert "Returned to you" not in text(author.get(reverse("staff-home")))


def test_returned_record_on_your_work_shows_who_when_and_comments(author, returned):
    page = text(author.get(reverse("staff-home")))
    assert "Returned to you" in page
    assert f"Returned by Dan Norris on {datetime.date.today():%-d %B %Y}: “The funding source is missing." in page


# — 2. an author can delete a draft that was never submitted ----------------------------------


def test_delete_draft_asks_for_confirmation_first(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.get(url("delete-draft", decision))
    assert response.status_code == 200
    assert "Are you sure you want to delete this draft decision record?" in text(response)
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_delete_draft_removes_the_record_and_keeps_an_audit_row(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(url("delete-draft", decision))
    assert response.status_code == 302 and response.url == reverse("staff-home")
    assert not Decision.objects.filter(pk=decision.pk).exists()
    row = DeletedDraft.objects.get()
    assert (row.kind, row.record_id, row.title, row.deleted_by, row.deleted_by_name) == (
        "decision record",
        decision.pk,
        "",
        officer,
        "Olive Officer",
    )


def test_delete_draft_removes_uploaded_appendix_files(author, officer, django_capture_on_commit_callbacks):
    decision = DecisionFactory(exempt=True)
    stored = decision.appendices.exclude(file="").get()
    storage, name = stored.file.storage, stored.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_draft(decision, actor=officer)
    assert not storage.exists(name)


def test_task_list_of_a_never_submitted_draft_links_to_delete_it(author, officer):
    decision = services.start_decision(actor=officer)
    assert url("delete-draft", decision) in author.get(url("tasks", decision)).content.decode()


def test_submitted_record_cannot_be_deleted(author, returned):
    # Returned to draft, but it has a reference: it is on the record for good.
    assert url("delete-draft", returned) not in author.get(url("tasks", returned)).content.decode()
    assert author.get(url("delete-draft", returned)).status_code == 403
    assert author.post(url("delete-draft", returned)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.delete_draft(returned, actor=returned.author)
    assert Decision.objects.filter(pk=returned.pk).exists() and not DeletedDraft.objects.exists()


def test_draft_cannot_be_deleted_by_anyone_but_its_author(client, officer, other_officer, democratic_support):
    decision = services.start_decision(actor=officer)
    for person in (other_officer, democratic_support):
        client.force_login(person)
        assert client.post(url("delete-draft", decision)).status_code == 403
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_your_work_leaves_out_untouched_drafts_older_than_a_day(author, officer):
    abandoned = services.start_decision(actor=officer)
    Decision.objects.filter(pk=abandoned.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    started_today = services.start_decision(actor=officer)
    old_but_edited = services.start_decision(actor=officer)
    old_but_edited.title = "Library opening hours"
    services.save_edits(old_but_edited, actor=officer, fields=["title"])
    Decision.objects.filter(pk=old_but_edited.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    html = author.get(reverse("staff-home")).content.decode()
    assert url("tasks", started_today) in html
    assert url("tasks", old_but_edited) in html
    assert url("tasks", abandoned) not in html
