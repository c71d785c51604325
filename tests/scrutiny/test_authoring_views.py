"""The officer's authoring journey for a briefing report over HTTP: permissions, tasks, the rules on
the fields (PLACEHOLDER-1 with the seed's own placeholder), body sections and their order, submit."""

import pytest
from django.urls import reverse

from council.models import Committee
from scrutiny import services
from scrutiny.models import BriefingReport, Status
from tests.scrutiny.factories import EDUCATION_COMMITTEE, BriefingReportFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SEED_PLACEHOLDER = "Click here to enter text."


def url(name, report=None, **kwargs):
    if report is not None:
        kwargs["pk"] = report.pk
    return reverse(f"scrutiny:{name}", kwargs=kwargs)


def task_url(report, slug):
    return url("task", report, task=slug)


@pytest.fixture
def committee():
    return Committee.objects.get(slug=EDUCATION_COMMITTEE)


@pytest.fixture
def draft(officer, committee):
    return services.start_report(actor=officer, committee=committee, meeting=MeetingFactory(committee=committee))


@pytest.fixture
def author(client, officer):
    client.force_login(officer)
    return client


def headings(report):
    return list(report.sections.order_by("order").values_list("heading", flat=True))


# — who may do what ----------------------------------------------------------------------------


def test_starting_creates_a_draft_for_the_chosen_committee_and_meeting(author, officer, committee):
    meeting = MeetingFactory(committee=committee)
    response = author.post(url("start"), {"committee": committee.pk, "meeting": meeting.pk})
    report = BriefingReport.objects.get(author=officer)
    assert response.status_code == 302 and response.url == url("tasks", report)
    assert (report.committee, report.meeting, report.status) == (committee, meeting, Status.DRAFT)


def test_start_without_a_committee_is_an_error_on_the_field(author):
    response = author.post(url("start"), {})
    assert response.status_code == 200
    assert "Choose the committee the report is for" in response.content.decode()
    assert not BriefingReport.objects.exists()


def test_start_is_refused_to_people_who_are_not_officers(client, democratic_support):
    client.force_login(democratic_support)
    assert client.get(url("start")).status_code == 403


def test_public_is_sent_to_sign_in(client, draft):
    response = client.get(url("tasks", draft))
    assert response.status_code == 302 and "/sign-in/" in response.url


def test_another_officer_gets_403_and_a_missing_report_404(client, draft, other_officer):
    client.force_login(other_officer)
    assert client.get(url("tasks", draft)).status_code == 403
    assert client.post(task_url(draft, "summary"), {"purpose": "x"}).status_code == 403
    assert client.get(url("tasks", pk=999999)).status_code == 404


def test_unknown_task_is_404(author, draft):
    assert author.get(task_url(draft, "nonsense")).status_code == 404


def test_submitted_report_cannot_be_edited_here(client):
    report = BriefingReportFactory(state=Status.AWAITING_DIRECTOR)
    client.force_login(report.author)
    assert client.get(url("tasks", report)).status_code == 403


@pytest.mark.parametrize("name", ["section-add", "appendix-add", "paper-add"])
def test_post_only_endpoints_refuse_get(author, draft, name):
    assert author.get(url(name, draft)).status_code == 405


# — the task list and the tasks ------------------------------------------------------------------


def test_task_list_shows_every_task(author, draft):
    html = author.get(url("tasks", draft)).content.decode()
    for title in ["Committee, meeting and report details", "Body of the report", "Decisions the report is about"]:
        assert title in html


def test_details_are_saved(author, draft, decision_maker, cabinet_member):
    data = {
        "meeting": draft.meeting_id,
        "title": "Innovate Team CYPFS",
        "lead_member": cabinet_member.pk,
        "lead_director": decision_maker.pk,
        "author_email": "olive@council.example",
        "your_reference": "InnovateJK01112021",
        "is_key_decision": "False",
    }
    response = author.post(task_url(draft, "details"), data)
    assert response.status_code == 302 and response.url == task_url(draft, "summary")
    draft.refresh_from_db()
    assert (draft.title, draft.lead_director, draft.is_key_decision) == ("Innovate Team CYPFS", decision_maker, False)


def test_missing_details_give_errors_on_the_fields_and_keep_the_answers(author, draft):
    response = author.post(task_url(draft, "details"), {"title": "Kept title", "meeting": draft.meeting_id})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "Choose the lead strategic director" in html
    assert response.context["form"].errors["lead_member"]
    assert 'value="Kept title"' in html
    draft.refresh_from_db()
    assert draft.title == ""


def test_seed_placeholder_is_refused_on_the_field_PLACEHOLDER_1(author, draft):
    data = {"plan_relevance": SEED_PLACEHOLDER, "financial_implications": "None", "carbon_implications": "None"}
    response = author.post(task_url(draft, "implications"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["plan_relevance"]
    assert errors and "placeholder" in errors[0]
    assert "#id_plan_relevance" in response.content.decode()
    draft.refresh_from_db()
    assert draft.plan_relevance == ""


def test_save_and_come_back_later_keeps_partial_answers(author, draft):
    response = author.post(task_url(draft, "summary"), {"purpose": "Information sharing", "later": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.purpose == "Information sharing"


def test_html_in_text_is_refused(author, draft):
    response = author.post(task_url(draft, "summary"), {"purpose": "<script>alert(1)</script>", "later": ""})
    assert response.status_code == 200 and response.context["form"].errors["purpose"]
    draft.refresh_from_db()
    assert draft.purpose == ""


def test_part_2_needs_a_paragraph_S12A_2(author, draft):
    response = author.post(task_url(draft, "confidentiality"), {"confidentiality": "part_2"})
    assert response.status_code == 200
    assert response.context["form"].errors["exempt_paragraphs"]


def test_decisions_are_linked_by_reference_and_unknown_ones_refused(author, draft):
    from tests.decisions.factories import DecisionFactory

    decision = DecisionFactory(state="published")
    response = author.post(task_url(draft, "decisions"), {"references": "COD99 99/00"})
    assert response.status_code == 200 and response.context["form"].errors["references"]
    response = author.post(task_url(draft, "decisions"), {"references": decision.reference.lower()})
    assert response.status_code == 302
    assert list(draft.decisions.all()) == [decision]


# — body sections ---------------------------------------------------------------------------------


def test_sections_are_added_moved_changed_and_removed(author, draft):
    for heading in ["Introduction", "Background", "Contingency planning"]:
        response = author.post(url("section-add", draft), {"heading": heading, "level": "1", "body": "Text."})
        assert response.status_code == 302
    assert headings(draft) == ["Introduction", "Background", "Contingency planning"]
    last = draft.sections.get(heading="Contingency planning")
    author.post(url("section-move", draft, child=last.pk, direction="up"))
    assert headings(draft) == ["Introduction", "Contingency planning", "Background"]
    first = draft.sections.get(heading="Introduction")
    author.post(url("section-move", draft, child=first.pk, direction="down"))
    assert headings(draft) == ["Contingency planning", "Introduction", "Background"]
    response = author.post(
        url("section-edit", draft, child=first.pk), {"heading": "Introduction", "level": "1", "body": "New text."}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.body == "New text."
    author.post(url("section-remove", draft, child=first.pk))
    assert headings(draft) == ["Contingency planning", "Background"]
    assert list(draft.sections.values_list("order", flat=True)) == [1, 2]


def test_section_with_placeholder_text_is_refused_on_the_field_PLACEHOLDER_1(author, draft):
    response = author.post(
        url("section-add", draft), {"heading": "Introduction", "level": "1", "body": SEED_PLACEHOLDER}
    )
    assert response.status_code == 200
    assert "placeholder" in response.context["section_form"].errors["body"][0]
    assert not draft.sections.exists()


def test_body_cannot_continue_without_sections(author, draft):
    response = author.post(task_url(draft, "body"), {"continue": ""})
    assert response.status_code == 200
    assert "Add at least one section to the body of the report" in response.content.decode()


def test_moving_a_section_of_another_report_is_404(author, draft):
    other = BriefingReportFactory()
    section = other.sections.first()
    assert author.post(url("section-move", draft, child=section.pk, direction="up")).status_code == 404


def test_unknown_direction_is_404(author, draft):
    section = services.add_section(draft, actor=draft.author, heading="Introduction", body="Text")
    assert author.post(url("section-move", draft, child=section.pk, direction="sideways")).status_code == 404


# — appendices and background papers ---------------------------------------------------------------


def test_appendix_without_a_file_and_background_paper_are_added_and_removed(author, draft):
    response = author.post(url("appendix-add", draft), {"appendix-ref": "A", "appendix-title": "Caseload figures"})
    assert response.status_code == 302
    appendix = draft.appendices.get()
    response = author.post(url("paper-add", draft), {"paper-title": "Workforce plan"})
    assert response.status_code == 302
    author.post(url("appendix-remove", draft, child=appendix.pk))
    author.post(url("paper-remove", draft, child=draft.background_papers.get().pk))
    assert not draft.appendices.exists() and not draft.background_papers.exists()


def test_exempt_background_paper_needs_its_reasoning_S12A_2(author, draft):
    response = author.post(url("paper-add", draft), {"paper-title": "Pricing", "paper-exempt_paragraphs": ["3"]})
    assert response.status_code == 200
    assert response.context["paper_form"].errors["public_interest_reasoning"]


# — check answers and submit ------------------------------------------------------------------------


def test_incomplete_report_lists_problems_and_hides_submit(author, draft):
    response = author.get(url("check", draft))
    assert response.status_code == 200
    assert not response.context["can_submit"]
    assert "Enter the title of the report" in response.content.decode()


def test_submitting_a_complete_report_sends_it_to_sign_off(client):
    report = BriefingReportFactory()
    client.force_login(report.author)
    assert client.get(url("check", report)).context["can_submit"]
    response = client.post(url("check", report))
    assert response.status_code == 302 and response.url == url("report", report)
    report.refresh_from_db()
    assert report.status == Status.IN_SIGN_OFF


def test_placeholder_in_a_section_stops_submission_PLACEHOLDER_1(client):
    report = BriefingReportFactory(sections=[("Introduction", SEED_PLACEHOLDER)])
    client.force_login(report.author)
    response = client.post(url("check", report))
    assert response.status_code == 200
    assert "placeholder" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.DRAFT


@pytest.mark.parametrize("name", ["tasks", "check"])
def test_pages_take_a_constant_number_of_queries(client, name):
    small = BriefingReportFactory(sections=[("A", "a")])
    big = BriefingReportFactory(sections=[(f"S{i}", "text") for i in range(12)], applicable=["human-resources"])
    client.force_login(small.author)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(name, small))
    with CaptureQueriesContext(connection) as many:
        client.get(url(name, big))
    assert len(many) == len(few)


# — two tabs on one draft: no lost update -------------------------------------------------------


def shown_revision(response):
    import re

    return re.search(r'name="revision" value="(\d+)"', response.content.decode()).group(1)


def test_edit_from_a_stale_tab_is_refused_and_keeps_both_texts(author, draft):
    tab_a = shown_revision(author.get(task_url(draft, "summary")))
    tab_b = shown_revision(author.get(task_url(draft, "summary")))
    saved = author.post(task_url(draft, "summary"), {"purpose": "Tab A's purpose", "later": "", "revision": tab_a})
    assert saved.status_code == 302

    refused = author.post(
        task_url(draft, "summary"),
        {"purpose": "", "recommendations": "Tab B's recommendations", "later": "", "revision": tab_b},
    )

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "This report was changed by" in page and "since you opened this page" in page
    assert 'class="govuk-error-summary' in page
    assert "Tab B&#x27;s recommendations" in page
    draft.refresh_from_db()
    assert draft.purpose == "Tab A's purpose"
    assert draft.recommendations == ""


def test_section_edit_from_a_stale_tab_is_refused(author, draft, officer):
    section = services.add_section(draft, actor=officer, heading="Background", body="Original")
    tab_a = shown_revision(author.get(url("section-edit", draft, child=section.pk)))
    tab_b = shown_revision(author.get(url("section-edit", draft, child=section.pk)))
    edit = url("section-edit", draft, child=section.pk)
    assert (
        author.post(edit, {"heading": "Background", "body": "A's body", "level": 1, "revision": tab_a}).status_code
        == 302
    )

    refused = author.post(edit, {"heading": "B's heading", "body": "Original", "level": 1, "revision": tab_b})

    assert refused.status_code == 200
    assert "since you opened this page" in refused.content.decode()
    assert "B&#x27;s heading" in refused.content.decode()
    section.refresh_from_db()
    assert (section.heading, section.body) == ("Background", "A's body")


def test_section_move_from_a_stale_tab_is_refused(author, draft, officer):
    services.add_section(draft, actor=officer, heading="A")
    second = services.add_section(draft, actor=officer, heading="B")
    stale = shown_revision(author.get(task_url(draft, "body")))
    services.add_section(draft, actor=officer, heading="C")

    response = author.post(url("section-move", draft, child=second.pk, direction="up"), {"revision": stale})

    assert response.status_code == 200
    assert "since you opened this page" in response.content.decode()
    assert headings(draft) == ["A", "B", "C"]


def test_second_click_on_submit_goes_to_the_report_saying_it_is_submitted(client):
    report = BriefingReportFactory()
    client.force_login(report.author)
    assert client.post(url("check", report)).status_code == 302

    again = client.post(url("check", report))

    assert again.status_code == 302 and again.url == url("report", report)
    assert [str(m) for m in again.wsgi_request._messages][-1] == "This report has already been submitted for sign-off."
