"""What officers found confusing or missing while drafting briefing reports (issue #10, part 4)."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from council.models import Committee, DeletedDraft
from scrutiny import services
from scrutiny.models import BriefingReport, Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def url(name, report=None, **kwargs):
    if report is not None:
        kwargs["pk"] = report.pk
    return reverse(f"scrutiny:{name}", kwargs=kwargs)


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def returned(finance_reviewer):
    report = BriefingReportFactory(state=Status.IN_SIGN_OFF)
    services.return_to_author(report, actor=finance_reviewer, comment="Add the 2022/23 budget figures.")
    report.refresh_from_db()
    return report


# — 1. a returned report says who returned it, when and why ------------------------------------


def test_returned_report_task_list_shows_who_when_and_comments(author, returned):
    page = text(author.get(url("tasks", returned)))
    assert "Returned to you" in page
    assert f"Dan Norris returned this report on {datetime.date.today():%-d %B %Y}" in page
    assert "Add the 2022/23 budget figures." in page


def test_returned_report_on_your_work_shows_who_when_and_comments_and_opens_the_task_list(author, returned):
    response = author.get(reverse("staff-home"))
    page = text(response)
    assert "Returned to you" in page
    assert f"Returned by Dan Norris on {datetime.date.today():%-d %B %Y}: “Add the 2022/23 budget figures.”" in page
    assert f'href="{url("tasks", returned)}"' in response.content.decode()


# — 2. an author can delete a draft that was never submitted ----------------------------------


@pytest.fixture
def draft(officer):
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    return services.start_report(actor=officer, committee=committee, meeting=MeetingFactory(committee=committee))


def test_delete_draft_report_confirms_then_removes_it_and_keeps_an_audit_row(author, officer, draft):
    assert url("delete-draft", draft) in author.get(url("tasks", draft)).content.decode()
    confirm = author.get(url("delete-draft", draft))
    assert "Are you sure you want to delete this draft briefing report?" in text(confirm)
    response = author.post(url("delete-draft", draft))
    assert response.status_code == 302 and response.url == reverse("staff-home")
    assert not BriefingReport.objects.filter(pk=draft.pk).exists()
    row = DeletedDraft.objects.get()
    assert (row.kind, row.record_id, row.deleted_by) == ("briefing report", draft.pk, officer)


def test_submitted_report_cannot_be_deleted(author, returned):
    assert url("delete-draft", returned) not in author.get(url("tasks", returned)).content.decode()
    assert author.post(url("delete-draft", returned)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.delete_draft(returned, actor=returned.author)
    assert BriefingReport.objects.filter(pk=returned.pk).exists()


def test_draft_report_cannot_be_deleted_by_another_officer(client, other_officer, draft):
    client.force_login(other_officer)
    assert client.post(url("delete-draft", draft)).status_code == 403
    assert BriefingReport.objects.filter(pk=draft.pk).exists()


def test_your_work_leaves_out_untouched_draft_reports_older_than_a_day(author, officer, draft):
    BriefingReport.objects.filter(pk=draft.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    assert url("tasks", draft) not in author.get(reverse("staff-home")).content.decode()
    services.add_section(draft, actor=officer, heading="Introduction")
    assert url("tasks", draft) in author.get(reverse("staff-home")).content.decode()


# — 3. the appendices page loses nothing typed ------------------------------------------------


def test_report_appendices_page_is_one_form_and_adding_a_paper_keeps_the_typed_appendix(author, draft):
    page = author.get(url("task", draft, task="appendices")).content.decode()
    main = page.split('id="main-content"', 1)[1]
    assert len(re.findall(r'<form method="post"', main)) == 1
    response = author.post(
        url("task", draft, task="appendices"),
        {"appendix-ref": "A", "appendix-title": "Caseload figures", "paper-title": "Workforce plan", "add-paper": ""},
    )
    assert response.status_code == 302
    assert [a.title for a in draft.appendices.all()] == ["Caseload figures"]
    assert [p.title for p in draft.background_papers.all()] == ["Workforce plan"]


def test_report_appendix_removed_from_the_page_form(author, officer, draft):
    services.add_section(draft, actor=officer, heading="Introduction")
    author.post(url("task", draft, task="appendices"), {"paper-title": "Workforce plan", "add-paper": ""})
    paper = draft.background_papers.get()
    response = author.post(url("task", draft, task="appendices"), {"remove-paper": str(paper.pk)})
    assert response.status_code == 302 and not draft.background_papers.exists()


# — 4. "Save and continue" goes on to the next task; the count leaves out untouched optional tasks --


def test_report_save_and_continue_goes_to_the_next_task(author, draft):
    response = author.post(url("task", draft, task="body"), {"continue": ""})
    # The body has no sections yet: the rules keep the author on the page with the problem.
    assert response.status_code == 200
    services.add_section(draft, actor=draft.author, heading="Introduction", body="Why this report.")
    response = author.post(url("task", draft, task="body"), {"continue": ""})
    assert response.status_code == 302 and response.url == url("task", draft, task="appendices")


def test_report_save_and_continue_on_the_last_task_goes_to_check_your_answers(author, draft):
    response = author.post(url("task", draft, task="decisions"), {"continue": ""})
    assert response.status_code == 302 and response.url == url("check", draft)


def test_report_task_count_leaves_out_untouched_optional_tasks(author):
    report = BriefingReportFactory()
    report.appendices.all().delete()
    report.decisions.clear()
    assert "You have completed 6 of 6 sections." in text(author.get(url("tasks", report)))


# — 5. pickers list only the people and meetings that may be chosen -----------------------------


def options(response, field):
    html = response.content.decode()
    select = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return set(re.findall(r'<option value="([^"]+)"', select))


def test_start_page_lists_only_future_meetings(author):
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    past = MeetingFactory(committee=committee, date=timezone.localdate() - datetime.timedelta(days=7))
    future = MeetingFactory(committee=committee)
    assert options(author.get(url("start")), "meeting") == {str(future.pk)}
    response = author.post(url("start"), {"committee": committee.pk, "meeting": past.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["meeting"] == ["Choose a meeting from the list"]
    assert not BriefingReport.objects.exists()


def test_details_task_lists_future_meetings_and_the_one_already_chosen(author, draft):
    past = MeetingFactory(committee=draft.committee, date=timezone.localdate() - datetime.timedelta(days=7))
    listed = options(author.get(url("task", draft, task="details")), "meeting")
    assert str(draft.meeting_id) in listed and str(past.pk) not in listed
    BriefingReport.objects.filter(pk=draft.pk).update(meeting=past)
    assert str(past.pk) in options(author.get(url("task", draft, task="details")), "meeting")


def test_committee_chair_pickers_list_only_councillors(
    client, democratic_support, scrutiny_chair, officer, administrator
):
    client.force_login(democratic_support)
    edit = reverse("scrutiny-manage:committee", kwargs={"slug": EDUCATION_COMMITTEE})
    page = client.get(edit)
    for field in ("chair", "vice_chair"):
        listed = options(page, field)
        assert str(scrutiny_chair.pk) in listed
        assert str(officer.pk) not in listed and str(administrator.pk) not in listed
    response = client.post(edit, {"chair": officer.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["chair"] == ["Choose a councillor from the list"]


# — 6. the Part II title is published -------------------------------------------------------------


def test_report_part2_title_and_appendix_title_say_the_title_is_published(author, draft):
    confidentiality = text(author.get(url("task", draft, task="confidentiality")))
    assert "The title is published even when the Part II report is exempt" in confidentiality
    appendices = text(author.get(url("task", draft, task="appendices")))
    assert "The title is published even when the appendix is exempt" in appendices
