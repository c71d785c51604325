"""What officers found confusing or missing while drafting decision records (issue #10, part 4)."""

import datetime
import html as html_module
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from council import roles
from council.models import CabinetPortfolio, DeletedDraft
from decisions import rules, services
from decisions.models import Decision, Status
from decisions.workflow import TransitionNotAllowed
from tests.decisions.factories import DecisionFactory
from tests.factories import UserFactory

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


# — 3. no page loses typed answers ----------------------------------------------------------


def date_data(name, value):
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


def post_forms(response):
    """The POST forms in the page's main content."""
    main = response.content.decode().split('id="main-content"', 1)[1]
    return re.findall(r'<form method="post"[^>]*>', main)


def test_consultation_page_is_one_form(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.get(url("task", decision, task="consultation"))
    assert len(post_forms(response)) == 1
    assert 'name="add-consultation"' in response.content.decode()


def test_adding_a_cabinet_member_keeps_the_answers_typed_on_the_page(author, officer):
    decision = services.start_decision(actor=officer)
    portfolio = CabinetPortfolio.objects.first()
    consulted = timezone.localdate() - datetime.timedelta(days=3)
    response = author.post(
        url("task", decision, task="consultation"),
        {
            "other_portfolios_affected": "True",
            "conflict_of_interest": "True",
            "conflict_details": "Cllr Smith is a trustee of the provider.",
            "consultation-portfolio": portfolio.pk,
            **date_data("consultation-consulted_on", consulted),
            "add-consultation": "",
        },
    )
    assert response.status_code == 302
    assert response.url == url("task", decision, task="consultation") + "#consultations"
    decision.refresh_from_db()
    assert decision.other_portfolios_affected is True
    assert decision.conflict_details == "Cllr Smith is a trustee of the provider."
    assert [(c.portfolio, c.consulted_on) for c in decision.consultations.all()] == [(portfolio, consulted)]


def test_adding_an_incomplete_cabinet_member_shows_the_error_and_keeps_the_typed_answers(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(
        url("task", decision, task="consultation"),
        {"conflict_of_interest": "True", "conflict_details": "Declared by Cllr Smith", "add-consultation": ""},
    )
    assert response.status_code == 200
    assert "Choose the cabinet member&#x27;s portfolio" in response.content.decode()
    assert "Declared by Cllr Smith" in response.content.decode()
    decision.refresh_from_db()
    assert decision.conflict_details == "Declared by Cllr Smith" and not decision.consultations.exists()


def test_removing_a_cabinet_member_keeps_the_answers_typed_on_the_page(author, officer):
    decision = services.start_decision(actor=officer)
    portfolio = CabinetPortfolio.objects.first()
    added = services.add_consultation(decision, actor=officer, portfolio=portfolio, consulted_on=timezone.localdate())
    response = author.post(
        url("task", decision, task="consultation"),
        {"conflict_of_interest": "False", "remove-consultation": str(added.pk)},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.conflict_of_interest is False and not decision.consultations.exists()


def test_save_for_later_adds_the_cabinet_member_typed_on_the_page(author, officer):
    decision = services.start_decision(actor=officer)
    portfolio = CabinetPortfolio.objects.first()
    author.post(
        url("task", decision, task="consultation"),
        {"consultation-portfolio": portfolio.pk, **date_data("consultation-consulted_on", timezone.localdate())},
    )
    assert decision.consultations.get().portfolio == portfolio


def test_appendices_page_is_one_form(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.get(url("task", decision, task="appendices"))
    assert len(post_forms(response)) == 1
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="add-appendix"' in html and 'name="add-paper"' in html


def test_adding_an_appendix_keeps_the_background_paper_typed_on_the_page(author, officer):
    decision = services.start_decision(actor=officer)
    pdf = SimpleUploadedFile("case.pdf", b"%PDF-1.4 business case", content_type="application/pdf")
    response = author.post(
        url("task", decision, task="appendices"),
        {
            "appendix-ref": "A",
            "appendix-title": "Business case",
            "appendix-file": pdf,
            "paper-title": "Tender evaluation",
            "add-appendix": "",
        },
    )
    assert response.status_code == 302
    assert [a.title for a in decision.appendices.all()] == ["Business case"]
    assert [p.title for p in decision.background_papers.all()] == ["Tender evaluation"]


def test_adding_a_background_paper_shows_errors_in_the_typed_appendix_instead_of_dropping_it(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(
        url("task", decision, task="appendices"),
        {"appendix-ref": "A", "appendix-title": "Business case", "paper-title": "Tender evaluation", "add-paper": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select the appendix file" in html and 'value="Business case"' in html
    assert [p.title for p in decision.background_papers.all()] == ["Tender evaluation"]


def test_removing_an_appendix_from_the_page_form_removes_it(author, officer):
    decision = DecisionFactory(exempt=True)
    appendix = decision.appendices.first()
    response = author.post(url("task", decision, task="appendices"), {"remove-appendix": str(appendix.pk)})
    assert response.status_code == 302
    assert not decision.appendices.filter(pk=appendix.pk).exists()


# — 4. "Save and continue" goes on to the next task; the count leaves out untouched optional tasks --


def test_save_and_continue_goes_to_the_next_task(author, officer):
    decision = services.start_decision(actor=officer)
    data = {"reasons": "Demand has risen.", "alternatives": "- Locums", "continue": ""}
    response = author.post(url("task", decision, task="reasons"), data)
    assert response.status_code == 302 and response.url == url("task", decision, task="finance")


def test_save_and_continue_on_the_appendices_task_goes_to_the_next_task(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(url("task", decision, task="appendices"), {"continue": ""})
    assert response.status_code == 302 and response.url == url("task", decision, task="exempt")


def test_save_and_continue_on_the_last_task_goes_to_check_your_answers(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(url("task", decision, task="exempt"), {"has_exempt_information": "False", "continue": ""})
    assert response.status_code == 302 and response.url == url("check", decision)


def test_save_and_come_back_later_still_returns_to_the_task_list(author, officer):
    decision = services.start_decision(actor=officer)
    response = author.post(url("task", decision, task="reasons"), {"reasons": "Demand.", "later": ""})
    assert response.url == url("tasks", decision)


def test_task_count_leaves_out_untouched_optional_tasks(author):
    # Complete apart from the two optional tasks (sign-off departments, appendices), left untouched.
    decision = DecisionFactory()
    decision.appendices.all().delete()
    decision.background_papers.all().delete()
    decision.applicable_departments.clear()
    page = text(author.get(url("tasks", decision)))
    assert "You have completed 8 of 8 sections." in page


def test_task_count_of_a_new_draft_counts_only_the_required_sections(author, officer):
    decision = services.start_decision(actor=officer)
    assert "You have completed 0 of 8 sections." in text(author.get(url("tasks", decision)))


# — 5. pickers list only the people who may be chosen -------------------------------------------


def options(response, field):
    """{value: label} of a select's options, the empty choice left out."""
    html = response.content.decode()
    select = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', html, re.S).group(1)
    found = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)
    return {value: html_module.unescape(label.strip()) for value, label in found}


def test_cmt_picker_lists_only_corporate_management_team_members(author, officer, decision_maker, administrator):
    not_on_cmt = UserFactory(username="other.director", roles=[roles.DECISION_MAKER])
    decision = services.start_decision(actor=officer)
    listed = options(author.get(url("task", decision, task="consultation")), "cmt_member")
    assert listed == {str(decision_maker.pk): decision_maker.name_and_title}
    assert str(administrator.pk) not in listed and str(not_on_cmt.pk) not in listed


def test_cmt_picker_refuses_someone_not_on_the_cmt_with_an_error_on_the_field(author, officer, administrator):
    decision = services.start_decision(actor=officer)
    response = author.post(url("task", decision, task="consultation"), {"cmt_member": administrator.pk, "later": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["cmt_member"] == ["Choose a Corporate Management Team member from the list"]
    decision.refresh_from_db()
    assert decision.cmt_member is None


def test_decision_maker_picker_lists_only_active_people_with_delegated_authority(
    author, officer, decision_maker, administrator
):
    left = UserFactory(username="retired.director", roles=[roles.DECISION_MAKER], is_active=False)
    decision = services.start_decision(actor=officer)
    listed = options(author.get(url("task", decision, task="details")), "decision_maker")
    assert listed == {str(decision_maker.pk): decision_maker.name_and_title}
    assert str(left.pk) not in listed and str(administrator.pk) not in listed


# — 6. 18a cannot say "No" while an appendix or background paper is exempt (S12A-4) ------------


def test_exempt_no_while_an_appendix_is_exempt_is_refused_on_18a_S12A_4(author):
    decision = DecisionFactory(exempt=True)  # exempt appendix A and an exempt background paper
    response = author.post(url("task", decision, task="exempt"), {"has_exempt_information": "False", "continue": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors["has_exempt_information"]
    assert errors == [
        "Select yes, because appendix A and background paper “Provider's tender pricing” are marked exempt. "
        "Or remove the exemption in “Appendices and background papers”"
    ]
    decision.refresh_from_db()
    assert decision.has_exempt_information is True


def test_exempt_no_rule_names_the_rule_and_blocks_submission_S12A_4(officer):
    decision = DecisionFactory(exempt=True)
    Decision.objects.filter(pk=decision.pk).update(has_exempt_information=False)
    decision.refresh_from_db()
    problems = [p for p in rules.completeness(decision) if p.rule == "S12A-4"]
    assert [(p.field, p.task) for p in problems] == [("has_exempt_information", "exempt")]
    with pytest.raises(TransitionNotAllowed):
        services.submit_for_sign_off(decision, actor=officer)


def test_exempt_no_is_accepted_when_nothing_is_exempt_S12A_4(author):
    decision = DecisionFactory()
    response = author.post(url("task", decision, task="exempt"), {"has_exempt_information": "False", "continue": ""})
    assert response.status_code == 302


def test_exempt_part_title_fields_say_the_title_is_published(author, officer):
    decision = services.start_decision(actor=officer)
    appendices = text(author.get(url("task", decision, task="appendices")))
    assert "The title is published even when the appendix is exempt" in appendices
    assert "The title is published even when the background paper is exempt" in appendices
    exempt = text(author.get(url("task", decision, task="exempt")))
    assert "The title is published even when the briefing report is exempt" in exempt


def test_save_and_continue_with_a_typed_cabinet_member_counts_it_for_13a(author, officer, decision_maker):
    decision = services.start_decision(actor=officer)
    today = timezone.localdate()
    response = author.post(
        url("task", decision, task="consultation"),
        {
            "other_portfolios_affected": "True",
            "conflict_of_interest": "False",
            "cmt_member": decision_maker.pk,
            **date_data("cmt_consulted_on", today),
            "consultation-portfolio": CabinetPortfolio.objects.first().pk,
            **date_data("consultation-consulted_on", today),
            "continue": "",
        },
    )
    assert response.status_code == 302, response.context["error_links"]
    assert response.url == url("task", decision, task="sign-off")
    assert decision.consultations.count() == 1
