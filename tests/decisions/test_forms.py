"""The authoring forms: each field rule by its error code, with the GOV.UK-style message."""

import datetime
import mimetypes
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from council.models import Ward
from decisions import rules
from decisions.forms import (
    AppendixForm,
    BackgroundPaperForm,
    CabinetConsultationForm,
    ConsultationForm,
    DetailsForm,
    FinanceForm,
    ReasonsForm,
)
from decisions.models import today
from records.forms import add_problems
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def codes(form, field):
    return [e.code for e in form.errors.as_data().get(field, [])]


def date_data(name, value):
    day, month, year = value
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


@pytest.fixture
def decision(db):
    return DecisionFactory()


# — plain text, never HTML ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "First paragraph<p>second",
        "Bold <b>text</b>",
        '<a href="https://example.com">link</a>',
        "<!-- hidden -->",
    ],
)
def test_text_with_html_is_refused(decision, text):
    form = ReasonsForm({"reasons": text, "alternatives": "None"}, instance=decision)
    assert not form.is_valid()
    assert codes(form, "reasons") == ["html"]
    assert form.errors["reasons"] == ["Remove the HTML from the reasons. Type or paste plain text"]
    assert "alternatives" not in form.errors


@pytest.mark.parametrize("text", ["Costs < £1m and > £500k", "a<b", "5 <= 6", "- a bullet\n1. a number"])
def test_text_that_only_looks_like_html_is_accepted(decision, text):
    form = ReasonsForm({"reasons": text, "alternatives": "None"}, instance=decision)
    assert form.is_valid(), form.errors


# — dates --------------------------------------------------------------------------------------


def test_30_february_is_not_a_real_date(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("30", "2", "2021")), instance=decision)
    assert not form.is_valid()
    assert codes(form, "cmt_consulted_on") == ["invalid_date"]
    assert "must be a real date" in form.errors["cmt_consulted_on"][0]


def test_date_with_letters_is_not_a_real_date(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("9", "July", "2021")), instance=decision)
    assert not form.is_valid()
    assert "must be a real date" in form.errors["cmt_consulted_on"][0]


def test_date_missing_its_month_says_so(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("9", "", "2021")), instance=decision)
    assert not form.is_valid()
    assert form.errors["cmt_consulted_on"] == [
        "The date the Corporate Management Team member was consulted must include a month"
    ]


def test_two_digit_year_is_refused(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("9", "7", "21")), instance=decision)
    assert not form.is_valid()
    assert codes(form, "cmt_consulted_on") == ["invalid_year"]


def test_consulted_date_in_the_future_is_refused(decision):
    tomorrow = today() + datetime.timedelta(days=1)
    form = ConsultationForm(
        date_data("cmt_consulted_on", (str(tomorrow.day), str(tomorrow.month), str(tomorrow.year))), instance=decision
    )
    assert not form.is_valid()
    assert codes(form, "cmt_consulted_on") == ["future_date"]
    assert form.errors["cmt_consulted_on"] == [
        "The date the Corporate Management Team member was consulted must be today or in the past"
    ]


def test_blank_date_is_allowed_until_the_rules_ask_for_it(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("", "", "")), instance=decision)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["cmt_consulted_on"] is None


def test_date_is_read_from_day_month_and_year(decision):
    form = ConsultationForm(date_data("cmt_consulted_on", ("9", "7", "2021")), instance=decision)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["cmt_consulted_on"] == datetime.date(2021, 7, 9)


def test_consultation_date_in_the_future_is_refused(decision):
    tomorrow = today() + datetime.timedelta(days=1)
    form = CabinetConsultationForm(
        {
            "consultation-portfolio": "1",
            **date_data("consultation-consulted_on", (tomorrow.day, tomorrow.month, tomorrow.year)),
        },
        decision=decision,
    )
    assert not form.is_valid()
    assert codes(form, "consulted_on") == ["future_date"]


# — money --------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["491,000", "491000.00", "£491,000", " 491000 "])
@pytest.mark.parametrize("field", ["capital_amount", "revenue_amount"])
def test_amount_accepts_how_people_write_money(decision, typed, field):
    form = FinanceForm({field: typed}, instance=decision)
    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == Decimal("491000")


def test_negative_amount_is_refused(decision):
    form = FinanceForm({"revenue_amount": "-5"}, instance=decision)
    assert not form.is_valid()
    assert codes(form, "revenue_amount") == ["negative"]
    assert form.errors["revenue_amount"] == ["The amount must be £0 or more"]


@pytest.mark.parametrize("typed", ["lots", "491k", "1e5x", "NaN"])
def test_amount_that_is_not_a_number_is_refused(decision, typed):
    form = FinanceForm({"capital_amount": typed}, instance=decision)
    assert not form.is_valid()
    assert form.errors["capital_amount"] == ["Enter the amount as a number, like 491,000 or 491000.00"]


def test_amount_with_fractions_of_a_penny_is_refused(decision):
    form = FinanceForm({"revenue_amount": "10.005"}, instance=decision)
    assert not form.is_valid()
    assert codes(form, "revenue_amount") == ["max_decimal_places"]


# — yes/no and the key decision criteria -------------------------------------------------------


@pytest.mark.parametrize(("posted", "stored"), [("True", True), ("False", False), ("", None)])
def test_yes_no_radios_give_a_boolean(decision, posted, stored):
    form = ConsultationForm({"conflict_of_interest": posted}, instance=decision)
    assert form.is_valid(), form.errors
    assert form.instance.conflict_of_interest is stored


def test_key_decision_criteria_are_derived_as_the_three_ticks_EXEC_4(decision):
    """EXEC-4: the ticks follow from the amounts and wards typed, never from ticks typed."""
    wards = list(Ward.objects.filter(name__in=["Drake", "Stoke"]))
    data = {"capital_amount": "0", "revenue_amount": "1,500,000", "significant_ward_effect": "True"}
    form = FinanceForm({**data, "wards": [w.pk for w in wards]}, instance=decision)
    assert form.is_valid(), form.errors
    assert (form.instance.key_capital, form.instance.key_revenue, form.instance.key_wards) == (False, True, True)
    assert form.instance.is_key_decision is True
    assert form.m2m_values() == {"wards": wards}
    assert not {"is_key_decision", "key_capital", "key_revenue", "key_wards"} & set(form.model_fields())


def test_rule_problem_on_the_wards_shows_on_the_ward_checkboxes_EXEC_4(decision):
    """EXEC-4: a significant effect with no ward chosen is shown on the wards' checkboxes."""
    form = FinanceForm({"significant_ward_effect": "True"}, instance=decision)
    assert form.is_valid(), form.errors
    elsewhere = add_problems(form, [p for p in rules.finance(form.instance) if p.rule == "EXEC-4"])
    assert elsewhere == []
    assert codes(form, "wards") == ["EXEC-4"]


def test_labels_carry_the_section_numbers(decision):
    form = DetailsForm(instance=decision)
    assert form.fields["title"].label == "1. Title of decision"
    assert form.fields["decision_to_be_taken"].label == "4a. Decision to be taken"
    assert ReasonsForm(instance=decision).fields["reasons"].label == "5. Reasons for decision"


def test_decision_maker_choices_are_people_with_the_decision_maker_role(decision, officer, decision_maker):
    people = list(DetailsForm(instance=decision).fields["decision_maker"].queryset)
    assert decision_maker in people
    assert officer not in people


# — appendices ---------------------------------------------------------------------------------


def appendix_data(**overrides):
    return {"appendix-ref": "A", "appendix-title": "Business case", **overrides}


def upload(name, content, content_type=None):
    """A file as a browser sends it: the type its system registers for the name."""
    declared = content_type or mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"
    return SimpleUploadedFile(name, content, content_type=declared)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("case.pdf", b"%PDF-1.7\n..."),
        ("case.docx", b"PK\x03\x04rest-of-zip"),
        ("sheet.xlsx", b"PK\x03\x04rest-of-zip"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("notes.odt", b"PK\x03\x04mimetype"),
        ("CASE.PDF", b"%PDF-1.4"),
    ],
)
def test_appendix_accepts_office_and_pdf_files(decision, name, content):
    form = AppendixForm(appendix_data(), {"appendix-file": upload(name, content)}, decision=decision)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),  # a Windows program renamed
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("page.html", b"<html><body>hi</body></html>"),
        ("case.txt", b"%PDF-1.4"),  # right bytes, wrong extension
        ("case.docx", b"%PDF-1.4"),  # bytes and extension disagree
    ],
)
def test_appendix_refuses_other_files(decision, name, content):
    form = AppendixForm(appendix_data(), {"appendix-file": upload(name, content)}, decision=decision)
    assert not form.is_valid()
    assert codes(form, "file") == ["file_type"]
    assert form.errors["file"] == ["The selected file must be a PDF, Word, Excel or OpenDocument file"]


def test_empty_appendix_file_is_refused(decision):
    form = AppendixForm(appendix_data(), {"appendix-file": upload("empty.pdf", b"")}, decision=decision)
    assert not form.is_valid()
    assert form.errors["file"] == ["The selected file is empty"]


def test_appendix_larger_than_the_limit_is_refused(decision, settings):
    settings.APPENDIX_MAX_BYTES = 1024 * 1024
    form = AppendixForm(
        appendix_data(), {"appendix-file": upload("big.pdf", b"%PDF-" + b"0" * 1024 * 1024)}, decision=decision
    )
    assert not form.is_valid()
    assert codes(form, "file") == ["too_big"]
    assert form.errors["file"] == ["The selected file must be smaller than 1MB"]


def test_appendix_ref_suggests_the_next_letter(db):
    decision = DecisionFactory(exempt=True)  # has appendices A and B
    assert AppendixForm(decision=decision).initial["ref"] == "C"


def test_appendix_ref_already_used_is_refused(db):
    decision = DecisionFactory(exempt=True)
    form = AppendixForm(
        appendix_data(**{"appendix-ref": "a"}), {"appendix-file": upload("x.pdf", b"%PDF-1")}, decision=decision
    )
    assert not form.is_valid()
    assert codes(form, "ref") == ["duplicate"]


def test_exempt_appendix_needs_reasoning_and_review_date_S12A_2(decision):
    """S12A-2: an exemption records its paragraphs, the public-interest reasoning and a review date."""
    form = AppendixForm(
        appendix_data(**{"appendix-exempt_paragraphs": ["3"]}),
        {"appendix-file": upload("x.pdf", b"%PDF-1")},
        decision=decision,
    )
    assert not form.is_valid()
    assert codes(form, "public_interest_reasoning") == ["S12A-2"]
    assert codes(form, "exemption_review_on") == ["S12A-2"]


def test_when_another_answer_is_wrong_the_file_must_be_chosen_again(decision):
    form = AppendixForm(
        appendix_data(**{"appendix-title": ""}), {"appendix-file": upload("x.pdf", b"%PDF-1")}, decision=decision
    )
    assert not form.is_valid()
    assert form.errors["title"] == ["Enter the title of the appendix"]
    assert form.errors["file"] == ["Select the appendix file again"]


def test_background_paper_paragraphs_are_stored_as_numbers(decision):
    review = today() + datetime.timedelta(days=30)
    form = BackgroundPaperForm(
        {
            "paper-title": "Tender pricing",
            "paper-exempt_paragraphs": ["3", "1"],
            "paper-public_interest_reasoning": "Commercially sensitive",
            **date_data("paper-exemption_review_on", (review.day, review.month, review.year)),
        },
        decision=decision,
    )
    assert form.is_valid(), form.errors
    assert sorted(form.instance.exempt_paragraphs) == [1, 3]
