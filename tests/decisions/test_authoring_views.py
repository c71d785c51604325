"""The officer's authoring journey over HTTP: permissions, each task, the rules on the fields, uploads, submit."""

import datetime
import re
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import CabinetPortfolio, Committee, CouncilSettings, Department, Directorate, Priority
from decisions import services
from decisions.models import Appendix, BackgroundPaper, Decision, Status, today
from decisions.sections import LABELS, ORDER
from decisions.tasklist import TASKS
from tests.decisions.factories import DecisionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# — helpers ------------------------------------------------------------------------------------


def url(name, decision=None, **kwargs):
    if decision is not None:
        kwargs["pk"] = decision.pk
    return reverse(f"decisions:{name}", kwargs=kwargs)


def task_url(decision, slug):
    return url("task", decision, task=slug)


def date_data(name, value):
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


def statuses(response):
    """{task title: status text} from the task list."""
    html = response.content.decode()
    pattern = r'govuk-task-list__link"[^>]*>([^<]+)</a>.*?govuk-task-list__status"[^>]*>\s*(.*?)\s*</div>'
    items = re.findall(pattern, html, re.S)
    return {title: re.sub(r"<[^>]+>", "", status).strip() for title, status in items}


def field_errors(response, name):
    return response.context["form"].errors.get(name, [])


@pytest.fixture
def draft(officer):
    return services.start_decision(actor=officer)


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def yesterday():
    return today() - datetime.timedelta(days=1)


def valid_answers(slug, decision_maker, yesterday):
    return {
        "details": {
            "title": "Direct award for a managed social work team",
            "decision_maker": decision_maker.pk,
            "directorate": Directorate.objects.get(code="CYP").pk,
            "author_email": "olive@council.example",
            "author_phone": "01752 307000",
            "original_delegation": "N/A",
            "decision_to_be_taken": "To direct award a contract for services to Innovate, to the value of £491,000.",
            "authorisation": "general",
            "general_authorisation_effects": ["contract"],
        },
        "reasons": {"reasons": "Demand is 25% higher.\n\n- Recruitment has not kept up.", "alternatives": "- Locums"},
        "finance": {
            "financial_implications": "£491k from revenue funding.",
            "capital_amount": "0",
            "revenue_amount": "491,000",
            "funding_source": "Covid Outbreak Management Fund",
            "significant_ward_effect": "False",
        },
        "contract": {
            "awards_contract": "True",
            "contract_supplier": "Innovate",
            "contract_description": "A managed social work team, for 6 months.",
            "contract_value": "491,000",
            **date_data("contract_starts_on", yesterday),
            **date_data("contract_ends_on", yesterday + datetime.timedelta(days=182)),
            "contract_procurement": "direct",
        },
        "forward-plan": {},  # not a key decision: no route (8b)
        "plan": {
            "priority": Priority.objects.get(short_name="Caring").pk,
            "plan_link": "Caring for people.",
            "environmental_implications": "None.",
        },
        "urgency": {"is_urgent": "False"},
        "consultation": {
            "other_portfolios_affected": "False",
            "conflict_of_interest": "False",
            "cmt_member": decision_maker.pk,
            **date_data("cmt_consulted_on", yesterday),
        },
        "sign-off": {"applicable_departments": [Department.objects.get(slug="human-resources").pk]},
        "exempt": {"has_exempt_information": "False"},
    }[slug]


# — who may do what ----------------------------------------------------------------------------


def test_start_page_explains_what_is_needed(author):
    response = author.get(url("start"))
    assert response.status_code == 200
    assert "Before you start" in response.content.decode()


def test_starting_creates_a_draft_and_shows_the_task_list(author, officer):
    response = author.post(url("start"))
    decision = Decision.objects.get(author=officer)
    assert decision.status == Status.DRAFT
    assert response.status_code == 302 and response.url == url("tasks", decision)


def test_start_is_refused_to_people_who_are_not_officers(client, democratic_support):
    client.force_login(democratic_support)
    assert client.get(url("start")).status_code == 403
    assert client.post(url("start")).status_code == 403
    assert not Decision.objects.exists()


def test_public_is_sent_to_sign_in(client, draft):
    for address in [url("start"), url("tasks", draft), task_url(draft, "reasons"), url("check", draft)]:
        response = client.get(address)
        assert response.status_code == 302 and response.url.startswith("/sign-in/"), address


def test_another_officer_gets_403_on_someone_elses_draft(client, draft, other_officer):
    client.force_login(other_officer)
    for address in [url("tasks", draft), task_url(draft, "reasons"), url("check", draft)]:
        assert client.get(address).status_code == 403, address
    response = client.post(task_url(draft, "reasons"), {"reasons": "Hijacked", "continue": ""})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.reasons == ""


def test_task_page_refused_to_another_officer_reads_none_of_the_records_related_rows(client, draft, other_officer):
    """Who may edit is decided on the record's own row: the related rows the page would show (its
    appendices, papers, consultations, notices) are never read for someone who may not edit it."""
    client.force_login(other_officer)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(task_url(draft, "reasons")).status_code == 403
    read = " ".join(query["sql"] for query in queries.captured_queries)
    related = [Appendix, BackgroundPaper, Decision.consultations.rel.related_model, Decision.notices.rel.related_model]
    assert [m._meta.db_table for m in related if f'FROM "{m._meta.db_table}"' in read] == []


def test_task_page_of_the_author_reads_its_related_rows_once(author, draft):
    with CaptureQueriesContext(connection) as queries:
        assert author.get(task_url(draft, "appendices")).status_code == 200
    read = [query["sql"] for query in queries.captured_queries]
    assert sum(f'FROM "{Appendix._meta.db_table}"' in sql for sql in read) == 1


def test_missing_record_is_404(author):
    assert author.get(url("tasks", pk=999999)).status_code == 404
    assert author.get(url("task", pk=999999, task="reasons")).status_code == 404


def test_unknown_task_is_404(author, draft):
    assert author.get(task_url(draft, "no-such-task")).status_code == 404


def test_submitted_record_cannot_be_edited_here(client, decision_maker):
    decision = DecisionFactory()
    services.submit_for_sign_off(decision, actor=decision.author)
    Decision.objects.filter(pk=decision.pk).update(status=Status.DECIDED, decided_on=today())
    client.force_login(decision.author)
    assert client.get(task_url(decision, "reasons")).status_code == 403


@pytest.mark.parametrize("name", ["consultation-add", "appendix-add", "paper-add"])
def test_post_only_endpoints_refuse_get(author, draft, name):
    assert author.get(url(name, draft)).status_code == 405


@pytest.mark.parametrize("name", ["consultation-remove", "appendix-remove", "paper-remove"])
def test_remove_endpoints_refuse_get(author, draft, name):
    assert author.get(url(name, draft, child=1)).status_code == 405


# — the task list ------------------------------------------------------------------------------


def test_task_list_shows_every_task_with_its_sections(author, draft):
    response = author.get(url("tasks", draft))
    html = response.content.decode()
    assert 'class="govuk-task-list"' in html
    captions = [
        "Sections 1 to 4c",
        "Sections 5 and 6",
        "Sections 7 and 8",
        "Section 7b",
        "Section 8b",
        "Sections 9 and 10",
        "Sections 11 and 12a",
        "Sections 13a to 15",
        "Section 16",
        "Sections 17 and 19",
        "Sections 18a and 18b",
    ]
    assert [task.caption for task in TASKS.tasks] == captions
    for task in TASKS.tasks:
        assert task.title in html and task.caption in html
    assert statuses(response)["Reasons and alternative options"] == "Not yet started"
    assert statuses(response)["Appendices and background papers"] == "Optional"
    assert url("check", draft) in html


# The optional tasks (appendices; the Forward Plan, for a decision that is not key) have their own tests.
@pytest.mark.parametrize("slug", [slug for slug in TASKS if slug not in ("appendices", "forward-plan")])
def test_each_task_saves_and_shows_completed(author, draft, decision_maker, yesterday, slug):
    author.force_login(draft.author)
    response = author.post(task_url(draft, slug), {**valid_answers(slug, decision_maker, yesterday), "continue": ""})
    assert response.status_code == 302, response.context and response.context["error_links"]
    slugs = list(TASKS)
    following = slugs[slugs.index(slug) + 1 :]
    assert response.url == (task_url(draft, following[0]) if following else url("check", draft))
    title = TASKS[slug].title
    assert statuses(author.get(url("tasks", draft)))[title] == "Completed"


def test_all_tasks_complete_lets_the_author_submit(author, draft, decision_maker, yesterday):
    author.force_login(draft.author)
    for slug in TASKS:
        if slug != "appendices":
            author.post(task_url(draft, slug), {**valid_answers(slug, decision_maker, yesterday), "continue": ""})
    response = author.get(url("check", draft))
    assert response.context["error_links"] == []
    assert "Submit for sign-off" in response.content.decode()


def test_saved_answers_are_shown_again(author, draft, decision_maker, yesterday):
    author.force_login(draft.author)
    author.post(task_url(draft, "finance"), {**valid_answers("finance", decision_maker, yesterday), "continue": ""})
    draft.refresh_from_db()
    assert str(draft.amount) == "491000.00"
    html = author.get(task_url(draft, "finance")).content.decode()
    assert 'value="491,000"' in html  # as people write it, not 491000.00
    assert 'class="govuk-input__prefix" aria-hidden="true">£' in html


def test_a_saved_amount_is_shown_with_its_pence_and_saves_again_unchanged(author, draft, decision_maker, yesterday):
    author.force_login(draft.author)
    answers = {**valid_answers("finance", decision_maker, yesterday), "revenue_amount": "1234567.5"}
    author.post(task_url(draft, "finance"), {**answers, "continue": ""})
    html = author.get(task_url(draft, "finance")).content.decode()
    assert 'value="1,234,567.50"' in html
    # Saving the page again as shown keeps the amount.
    author.post(task_url(draft, "finance"), {**answers, "revenue_amount": "1,234,567.50", "continue": ""})
    draft.refresh_from_db()
    assert str(draft.revenue_amount) == "1234567.50"


def test_an_amount_typed_with_an_error_elsewhere_is_shown_back_as_typed(author, draft, decision_maker, yesterday):
    author.force_login(draft.author)
    answers = {
        **valid_answers("finance", decision_maker, yesterday),
        "revenue_amount": "£12,000.5",
        "capital_amount": "lots",
    }
    html = author.post(task_url(draft, "finance"), {**answers, "continue": ""}).content.decode()
    assert 'value="£12,000.5"' in html and 'value="lots"' in html


# — save and come back later -------------------------------------------------------------------


def test_save_and_come_back_later_keeps_partial_answers(author, draft):
    data = {"reasons": "Demand has risen.", "alternatives": "", "later": ""}
    response = author.post(task_url(draft, "reasons"), data)
    assert response.status_code == 302 and response.url == url("tasks", draft)
    draft.refresh_from_db()
    assert draft.reasons == "Demand has risen."
    assert statuses(author.get(url("tasks", draft)))["Reasons and alternative options"] == "Incomplete"


def test_save_and_come_back_later_keeps_the_valid_answers_and_shows_the_invalid_one(author, draft):
    response = author.post(
        task_url(draft, "reasons"),
        {
            "reasons": "Demand has risen.",
            "alternatives": "<p>Locums</p>",
            "later": "",
        },
    )
    assert response.status_code == 200
    assert "Remove the HTML" in field_errors(response, "alternatives")[0]
    draft.refresh_from_db()
    assert draft.reasons == "Demand has risen." and draft.alternatives == ""


def test_save_and_continue_with_problems_saves_nothing(author, draft):
    data = {"reasons": "Demand has risen.", "alternatives": "", "continue": ""}
    response = author.post(task_url(draft, "reasons"), data)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.reasons == ""


# — the rules on the fields --------------------------------------------------------------------


def post_task(client, decision, slug, data):
    return client.post(task_url(decision, slug), {**data, "continue": ""})


def test_record_must_state_reasons_and_alternatives_OLGB_3(author, draft):
    """OLGB-3: the record holds the decision and its reasons and the alternatives rejected."""
    response = post_task(author, draft, "reasons", {"reasons": "", "alternatives": ""})
    html = response.content.decode()
    assert field_errors(response, "reasons") == ["Enter the reasons for the decision"]
    assert field_errors(response, "alternatives")[0].startswith("Enter the alternative options")
    assert html.index("govuk-error-summary") < html.index("<h1")
    assert 'href="#id_reasons"' in html and "govuk-error-message" in html
    assert response.context["form"].errors.as_data()["reasons"][0].code == "OLGB-3"


def test_record_must_state_the_decision_OLGB_3(author, draft):
    """OLGB-3: the decision itself (4a)."""
    response = post_task(author, draft, "details", {"title": "A title"})
    assert field_errors(response, "decision_to_be_taken") == ["Enter the decision to be taken"]


def test_conflict_must_be_answered_even_if_none_OLGB_3(author, draft):
    """OLGB-3 and EXEC-10: the record says whether a conflict was declared, even if the answer is none."""
    response = post_task(author, draft, "consultation", {"other_portfolios_affected": "False"})
    assert field_errors(response, "conflict_of_interest")[0].startswith("Select yes if any cabinet member declared")
    assert 'href="#id_conflict_of_interest_1"' in response.content.decode()


def test_record_of_decision_holds_decision_reasons_alternatives_and_conflict_EXEC_10(author, draft):
    """EXEC-10: the decision, its reasons, the alternatives rejected and any conflict declared are all required."""
    response = author.get(url("check", draft))
    messages = [message for _, message in response.context["error_links"]]
    assert "Enter the decision to be taken" in messages
    assert "Enter the reasons for the decision" in messages
    assert any(m.startswith("Enter the alternative options") for m in messages)
    assert any(m.startswith("Select yes if any cabinet member declared a conflict") for m in messages)
    assert "Submit for sign-off" not in response.content.decode()


def test_conflict_without_details_is_refused_CONFLICT_1(author, draft, decision_maker, yesterday):
    """CONFLICT-1: a declared conflict needs its details and the Monitoring Officer's involvement."""
    data = {**valid_answers("consultation", decision_maker, yesterday), "conflict_of_interest": "True"}
    response = post_task(author, draft, "consultation", data)
    assert field_errors(response, "conflict_details") == ["Enter who declared the conflict of interest and what it is"]
    assert field_errors(response, "monitoring_officer_involved") == [
        "A declared conflict of interest must be discussed with the Monitoring Officer"
    ]
    draft.refresh_from_db()
    assert draft.conflict_of_interest is None  # nothing saved


def test_key_decision_over_threshold_EXEC_4(author, draft, decision_maker, yesterday):
    """EXEC-4: revenue over the council's £1m threshold makes it a key decision: the page says why."""
    data = {**valid_answers("finance", decision_maker, yesterday), "revenue_amount": "1,500,000"}
    post_task(author, draft, "finance", data)
    # Saved, the officer goes on to the key decision's route (8b); the finance page says why it is key.
    response = author.get(task_url(draft, "finance"))
    assert (
        "This is a key decision because revenue spending of £1,500,000 is over the £1,000,000 threshold"
        in response.content.decode()
    )
    assert response.context["form"].instance.key_revenue is True


def test_key_decision_needs_forward_plan_or_special_urgency_EXEC_5(author, draft, decision_maker, yesterday):
    """EXEC-5: a key decision needs its route (8b): the Forward Plan with its item, or an urgency route."""
    data = {
        **valid_answers("finance", decision_maker, yesterday),
        "revenue_amount": "1,500,000",
        "is_key_decision": "True",
        "key_criteria": ["key_revenue"],
    }
    assert post_task(author, draft, "finance", data).status_code == 302
    response = post_task(author, draft, "forward-plan", {})
    assert field_errors(response, "key_decision_route") == ["Choose how the key decision will be taken lawfully"]
    assert 'href="#id_key_decision_route_1"' in response.content.decode()
    response = post_task(author, draft, "forward-plan", {"key_decision_route": "forward_plan"})
    assert field_errors(response, "plan_item")[0].startswith("Choose the decision's item in the Forward Plan")
    response = post_task(author, draft, "forward-plan", {"key_decision_route": "special_urgency"})
    assert response.status_code == 302


def test_urgent_needs_reason_CALL_2(author, draft):
    """CALL-2: an urgent decision needs the reason and the scrutiny committee whose chair agrees."""
    response = post_task(author, draft, "urgency", {"is_urgent": "True", "urgency_reason": ""})
    assert field_errors(response, "urgency_reason") == ["Enter the reason the decision is urgent"]
    assert field_errors(response, "scrutiny_committee")[0].startswith("Choose the scrutiny committee")


def test_urgent_decision_with_reason_and_committee_is_saved_CALL_2(author, draft, scrutiny_chair):
    committee = Committee.objects.get(slug="education-and-childrens-social-care")
    response = post_task(
        author,
        draft,
        "urgency",
        {
            "is_urgent": "True",
            "urgency_reason": "Caseloads are unsafe.",
            "scrutiny_committee": committee.pk,
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_urgent is True and draft.scrutiny_committee == committee


def test_exempt_needs_paragraph_S12A_2(author, draft):
    """S12A-2: exempt information needs at least one Schedule 12A paragraph, the reasoning and a review date."""
    response = post_task(author, draft, "exempt", {"has_exempt_information": "True", "part2_title": "Pricing"})
    assert field_errors(response, "part2_paragraphs") == [
        "Choose at least one paragraph of Schedule 12A that makes it exempt"
    ]
    assert field_errors(response, "part2_public_interest_reasoning")
    assert field_errors(response, "part2_review_on") == ["Enter a date to review the exemption"]
    assert 'href="#id_part2_paragraphs_1"' in response.content.decode()


def test_exempt_information_with_paragraph_is_saved_S12A_2(author, draft):
    review = today() + datetime.timedelta(days=365)
    response = post_task(
        author,
        draft,
        "exempt",
        {
            "has_exempt_information": "True",
            "part2_title": "Pricing",
            "part2_paragraphs": ["3"],
            "part2_public_interest_reasoning": "Commercial.",
            **date_data("part2_review_on", review),
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.part2_paragraphs == [3]


def test_other_portfolios_affected_needs_a_consultation(author, draft, decision_maker, yesterday):
    data = {**valid_answers("consultation", decision_maker, yesterday), "other_portfolios_affected": "True"}
    response = post_task(author, draft, "consultation", data)
    link = ("#id_consultation-portfolio", "Add the cabinet member consulted and the date")
    assert link in response.context["error_links"]


# — bad input ----------------------------------------------------------------------------------


def test_missing_fields_give_errors_and_keep_the_other_answers(author, draft):
    response = post_task(author, draft, "details", {"title": "Keep this title", "decision_to_be_taken": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["error_links"]
    assert 'value="Keep this title"' in html
    assert html.count("govuk-error-message") >= 2


def test_30_february_gives_a_clear_error_and_keeps_other_answers(author, draft, decision_maker):
    response = post_task(
        author,
        draft,
        "consultation",
        {
            "other_portfolios_affected": "False",
            "conflict_of_interest": "False",
            "cmt_member": decision_maker.pk,
            "cmt_consulted_on_0": "30",
            "cmt_consulted_on_1": "2",
            "cmt_consulted_on_2": "2021",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "must be a real date" in field_errors(response, "cmt_consulted_on")[0]
    assert 'href="#id_cmt_consulted_on_0"' in html
    assert 'name="cmt_consulted_on_0" value="30"' in html
    assert f'<option value="{decision_maker.pk}" selected>' in html


def test_html_in_text_is_refused_never_stored_or_rendered(author, draft):
    data = {"reasons": "<script>alert('x')</script>", "alternatives": "None"}
    response = post_task(author, draft, "reasons", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert field_errors(response, "reasons") == ["Remove the HTML from the reasons. Type or paste plain text"]
    assert response.context["form"].errors.as_data()["reasons"][0].code == "html"
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert response.context["form"]["alternatives"].value() == "None"
    assert html.startswith("<!DOCTYPE html>") and "<title>Error: " in html
    draft.refresh_from_db()
    assert draft.reasons == ""


def test_negative_amount_gives_a_clear_error(author, draft):
    response = post_task(author, draft, "finance", {"revenue_amount": "-100", "funding_source": "Reserves"})
    assert field_errors(response, "revenue_amount") == ["The amount must be £0 or more"]
    assert response.context["form"]["funding_source"].value() == "Reserves"


# — consultations ------------------------------------------------------------------------------


def test_cabinet_member_consulted_is_added_and_removed(author, draft, cabinet_member, yesterday):
    portfolio = CabinetPortfolio.objects.get(title__startswith="Education")
    response = author.post(
        url("consultation-add", draft),
        {
            "consultation-portfolio": portfolio.pk,
            **date_data("consultation-consulted_on", yesterday),
        },
    )
    assert response.status_code == 302
    consultation = draft.consultations.get()
    assert consultation.member_name.startswith("Cllr Dave Downie")
    assert "Cllr Dave Downie" in author.get(task_url(draft, "consultation")).content.decode()
    response = author.post(url("consultation-remove", draft, child=consultation.pk))
    assert response.status_code == 302
    assert not draft.consultations.exists()


def test_cabinet_member_consulted_needs_a_real_date(author, draft):
    portfolio = CabinetPortfolio.objects.first()
    response = author.post(
        url("consultation-add", draft),
        {
            "consultation-portfolio": portfolio.pk,
            "consultation-consulted_on_0": "30",
            "consultation-consulted_on_1": "2",
            "consultation-consulted_on_2": "2021",
        },
    )
    assert response.status_code == 200
    assert "must be a real date" in response.context["consultation_form"].errors["consulted_on"][0]
    assert "<title>Error: " in response.content.decode()
    assert not draft.consultations.exists()


def test_another_officer_cannot_remove_a_consultation(client, other_officer):
    decision = DecisionFactory(consulted=True)
    client.force_login(other_officer)
    response = client.post(url("consultation-remove", decision, child=decision.consultations.get().pk))
    assert response.status_code == 403
    assert decision.consultations.exists()


# — appendices ---------------------------------------------------------------------------------


def test_appendix_is_uploaded_and_downloaded_by_the_author(author, draft, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("Business case.pdf", b"%PDF-1.7\nbody", content_type="application/pdf")
    response = author.post(
        url("appendix-add", draft), {"appendix-ref": "A", "appendix-title": "Business case", "appendix-file": pdf}
    )
    assert response.status_code == 302
    appendix = draft.appendices.get()
    assert (appendix.ref, appendix.original_filename, appendix.size) == ("A", "Business case.pdf", 13)
    download = author.get(url("appendix-download", draft, child=appendix.pk))
    assert download.status_code == 200
    assert 'attachment; filename="Business case.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == b"%PDF-1.7\nbody"
    assert author.get(task_url(draft, "appendices")).context["appendix_form"].initial["ref"] == "B"


def test_appendix_download_is_403_for_other_staff_and_404_for_the_public(client, other_officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    decision = DecisionFactory(exempt=True)
    appendix = decision.appendices.get(ref="A")
    assert client.get(url("appendix-download", decision, child=appendix.pk)).status_code == 404
    client.force_login(other_officer)
    assert client.get(url("appendix-download", decision, child=appendix.pk)).status_code == 403


def test_exe_renamed_pdf_is_refused_and_other_answers_kept(author, draft):
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"  # a Windows executable's first bytes
    fake = SimpleUploadedFile("business-case.pdf", program, content_type="application/pdf")
    response = author.post(
        url("appendix-add", draft), {"appendix-ref": "A", "appendix-title": "Business case", "appendix-file": fake}
    )
    assert response.status_code == 200
    form = response.context["appendix_form"]
    assert form.errors["file"] == ["The selected file must be a PDF, Word, Excel or OpenDocument file"]
    assert form["title"].value() == "Business case"
    assert 'href="#id_appendix-file"' in response.content.decode()
    assert not Appendix.objects.exists()


def test_50mb_file_is_refused(author, draft):
    limit = "20MB"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as big:
        big.write(b"%PDF-1.7\n")
        big.seek(50 * 1024 * 1024 - 1)
        big.write(b"\0")  # sparse on disk: 50 MB without building it in memory
        big.flush()
        big.seek(0)
        response = author.post(
            url("appendix-add", draft), {"appendix-ref": "A", "appendix-title": "Huge", "appendix-file": big}
        )
    assert response.status_code == 200
    assert response.context["appendix_form"].errors["file"] == [f"The selected file must be smaller than {limit}"]
    assert response.context["appendix_form"]["title"].value() == "Huge"
    assert not Appendix.objects.exists()


def test_appendix_is_removed(author, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    decision = DecisionFactory(exempt=True)
    author.force_login(decision.author)
    appendix = decision.appendices.get(ref="A")
    assert author.post(url("appendix-remove", decision, child=appendix.pk)).status_code == 302
    assert not decision.appendices.filter(ref="A").exists()


def test_background_paper_is_added_and_removed(author, draft):
    response = author.post(url("paper-add", draft), {"paper-title": "Tender evaluation"})
    assert response.status_code == 302
    paper = draft.background_papers.get()
    assert paper.title == "Tender evaluation" and not paper.is_exempt
    assert author.post(url("paper-remove", draft, child=paper.pk)).status_code == 302
    assert not draft.background_papers.exists()


def test_exempt_background_paper_needs_its_reasoning_S12A_2(author, draft):
    response = author.post(url("paper-add", draft), {"paper-title": "Pricing", "paper-exempt_paragraphs": ["3"]})
    assert response.status_code == 200
    assert response.context["paper_form"].errors["public_interest_reasoning"]
    assert not draft.background_papers.exists()


# — check answers and submit -------------------------------------------------------------------


def test_check_answers_lists_every_section_with_change_links(client):
    decision = DecisionFactory(exempt=True, consulted=True)
    client.force_login(decision.author)
    response = client.get(url("check", decision))
    html = response.content.decode()
    for number in ORDER:
        assert f"{number}. {LABELS[number]}".replace("'", "&#x27;") in html, number
    for slug in TASKS:
        assert task_url(decision, slug) in html
    assert "<strong>" not in decision.reasons and 'class="govuk-body">Demand for children' in html
    assert "Submit for sign-off" in html


def test_incomplete_record_lists_problems_linking_to_tasks_and_hides_submit(author, draft):
    response = author.get(url("check", draft))
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert f'href="{task_url(draft, "reasons")}#id_reasons"' in html
    assert "Submit for sign-off" not in html
    assert author.post(url("check", draft)).status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_submitting_allocates_a_reference(client):
    decision = DecisionFactory()
    client.force_login(decision.author)
    response = client.post(url("check", decision))
    decision.refresh_from_db()
    year = CouncilSettings.load().municipal_year(today()).label
    assert decision.reference == f"COD01 {year}"
    assert decision.status == Status.IN_SIGN_OFF
    assert response.status_code == 302 and response.url == url("record", decision)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [f"Decision record COD01 {year} has been submitted for sign-off"]


def test_second_click_on_submit_goes_to_the_record_saying_it_is_submitted(client):
    decision = DecisionFactory()
    client.force_login(decision.author)
    client.post(url("check", decision))
    # In sign-off the author may still correct the record, but not submit it again.
    response = client.post(url("check", decision))
    assert response.status_code == 302 and response.url == url("record", decision)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[-1] == "This record has already been submitted for sign-off."
    assert decision.events.filter(action="submit").count() == 1


def test_second_click_on_submit_after_every_sign_off_is_not_a_403(client):
    from tests.decisions.factories import issue_all_sign_offs

    decision = DecisionFactory()
    client.force_login(decision.author)
    client.post(url("check", decision))
    issue_all_sign_offs(decision)
    decision.refresh_from_db()
    assert decision.status == Status.AWAITING_DECISION  # the author can no longer edit it

    response = client.post(url("check", decision), follow=True)

    assert response.status_code == 200
    assert "This record has already been submitted for sign-off." in response.content.decode()


# — queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tasks", "check"])
def test_pages_take_a_constant_number_of_queries(client, name):
    """One of each child row, or many: the same queries (nested prefetches only run when rows exist)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from council.models import CabinetPortfolio
    from decisions.models import Appendix, BackgroundPaper
    from tests.decisions.factories import add_exempt_documents

    small = DecisionFactory(consulted=True)
    add_exempt_documents(small)
    large = DecisionFactory(consulted=True, applicable=["human-resources", "procurement"])
    add_exempt_documents(large)
    for n, portfolio in enumerate(CabinetPortfolio.objects.exclude(title__startswith="Education")[:4]):
        large.consultations.create(portfolio=portfolio, member_name=str(portfolio), consulted_on=large.cmt_consulted_on)
        Appendix.objects.create(decision=large, ref=f"C{n}", title=f"Extra appendix {n}")
        BackgroundPaper.objects.create(decision=large, title=f"Extra paper {n}")
    client.force_login(small.author)
    with CaptureQueriesContext(connection) as few:
        client.get(url(name, small))
    with CaptureQueriesContext(connection) as many:
        client.get(url(name, large))
    assert len(many) == len(few), [q["sql"] for q in many]


def test_users_without_roles_cannot_start(client):
    client.force_login(UserFactory(username="norole"))
    assert client.get(url("start")).status_code == 403


# — two tabs on one draft: no lost update -------------------------------------------------------


def shown_revision(response):
    return re.search(r'name="revision" value="(\d+)"', response.content.decode()).group(1)


def test_edit_from_a_stale_tab_is_refused_and_keeps_both_texts(author, draft):
    tab_a = shown_revision(author.get(task_url(draft, "reasons")))
    tab_b = shown_revision(author.get(task_url(draft, "reasons")))
    saved = author.post(
        task_url(draft, "reasons"), {"reasons": "Tab A's reasons", "alternatives": "", "later": "", "revision": tab_a}
    )
    assert saved.status_code == 302

    refused = author.post(
        task_url(draft, "reasons"),
        {"reasons": "", "alternatives": "Tab B's alternatives", "later": "", "revision": tab_b},
    )

    assert refused.status_code == 200
    page = refused.content.decode()
    assert f"This record was changed by {draft.author.display_name} on " in page
    assert "since you opened this page. Your answers are below: check the record and save again" in page
    assert 'class="govuk-error-summary' in page
    assert "Tab B&#x27;s alternatives" in page or "Tab B's alternatives" in page
    draft.refresh_from_db()
    assert draft.reasons == "Tab A's reasons"
    assert draft.alternatives == ""
    # The page shown back carries the new revision: saving again is deliberate, and works.
    again = author.post(
        task_url(draft, "reasons"),
        {"reasons": "Tab A's reasons", "alternatives": "Tab B's alternatives", "revision": shown_revision(refused)},
    )
    assert again.status_code == 302
    draft.refresh_from_db()
    assert (draft.reasons, draft.alternatives) == ("Tab A's reasons", "Tab B's alternatives")


def test_remove_from_a_stale_tab_is_refused_with_an_error(author, draft, yesterday):
    portfolio = CabinetPortfolio.objects.first()
    services.add_consultation(draft, actor=draft.author, portfolio=portfolio, consulted_on=yesterday)
    consultation = draft.consultations.get()
    stale = shown_revision(author.get(task_url(draft, "consultation")))
    draft.reasons = "Changed in another tab"
    services.save_edits(draft, actor=draft.author, fields=["reasons"])

    response = author.post(url("consultation-remove", draft, child=consultation.pk), {"revision": stale})

    assert response.status_code == 200
    assert "since you opened this page" in response.content.decode()
    assert draft.consultations.filter(pk=consultation.pk).exists()


def test_every_edit_raises_the_revision_drafts_too(draft):
    before = Decision.objects.get(pk=draft.pk).revision
    draft.reasons = "First"
    services.save_edits(draft, actor=draft.author, fields=["reasons"])
    draft.reasons = "Second"
    services.save_edits(draft, actor=draft.author, fields=["reasons"])
    after = Decision.objects.get(pk=draft.pk)
    assert after.revision == before + 2
    assert after.content_version == 1  # not submitted: sign-off versions do not move
