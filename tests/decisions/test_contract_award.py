"""TC-1: a decision that awards a contract records what the Local Government Transparency Code 2015
publishes of it (section 7b), and the published ones feed the council's contracts register as open data:
contracts.csv and contracts.json, every contract over £5,000, and the register's downloads and API."""

import csv
import datetime
import html
import io
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from decisions import rules, services
from decisions.contract import ProcurementRoute
from decisions.models import Decision, Status, today
from decisions.opendata_contracts import REGISTER_FIELDS
from tests.decisions.factories import DecisionFactory

# Publishing renders the public PDF (tasks run at once); these tests are not about it, but for the last.
PUBLISHES = pytest.mark.usefixtures("no_pdf_render")

NO_CONTRACT = {
    "awards_contract": False,
    "contract_supplier": "",
    "contract_description": "",
    "contract_value": None,
    "contract_starts_on": None,
    "contract_ends_on": None,
    "contract_procurement": "",
}


def problems(decision):
    return {(p.rule, p.field, p.message) for p in rules.completeness(decision) if p.task == "contract"}


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_data(name, value):
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def read_json(response):
    return json.loads(b"".join(response.streaming_content))


# — the rule ---------------------------------------------------------------------------------------


def test_every_record_says_whether_it_awards_a_contract_TC_1(db):
    decision = DecisionFactory(awards_contract=None)
    assert problems(decision) == {
        ("REQUIRED-1", "awards_contract", "Select yes if the decision awards a contract worth more than £5,000")
    }
    assert problems(DecisionFactory(**NO_CONTRACT)) == set()
    assert problems(DecisionFactory()) == set()  # the factory's contract, every detail given


def test_a_contract_needs_what_the_register_publishes_TC_1(db):
    decision = DecisionFactory(
        awards_contract=True,
        contract_supplier=" ",
        contract_description="",
        contract_value=None,
        contract_starts_on=None,
        contract_ends_on=None,
        contract_procurement="",
    )
    assert {field for _, field, _ in problems(decision)} == {
        "contract_supplier",
        "contract_description",
        "contract_value",
        "contract_starts_on",
        "contract_ends_on",
        "contract_procurement",
    }
    assert {rule for rule, _, _ in problems(decision)} == {"TC-1"}


@pytest.mark.parametrize(
    "answers, field, message",
    [
        (
            {"contract_value": Decimal("5000")},
            "contract_value",
            "Enter a value over £5,000, or answer no: the register lists contracts worth more than £5,000",
        ),
        (
            {"contract_ends_on": today() - datetime.timedelta(days=1), "contract_starts_on": today()},
            "contract_ends_on",
            "The date the contract ends must be on or after the date it starts",
        ),
        (
            {"contract_review_on": today() - datetime.timedelta(days=1), "contract_starts_on": today()},
            "contract_review_on",
            "The review date must be on or after the date the contract starts",
        ),
    ],
)
def test_a_contracts_value_and_dates_must_make_sense_TC_1(db, answers, field, message):
    assert problems(DecisionFactory(**answers)) == {("TC-1", field, message)}


def test_a_record_without_its_answer_cannot_be_submitted_TC_1(db, officer):
    decision = DecisionFactory(awards_contract=None)
    with pytest.raises(Exception, match="Select yes if the decision awards a contract"):
        services.submit_for_sign_off(decision, actor=officer)
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT


# — the task page ------------------------------------------------------------------------------------


def task_url(decision):
    return reverse("decisions:task", kwargs={"pk": decision.pk, "task": "contract"})


def test_the_task_page_puts_errors_on_their_fields_and_keeps_the_answers_TC_1(client, officer):
    decision = DecisionFactory(**NO_CONTRACT)
    client.force_login(officer)
    response = client.post(
        task_url(decision),
        {
            "awards_contract": "True",
            "contract_supplier": "",
            "contract_description": "Home care in the north of the city",
            "contract_value": "99999999999999999999",
            **date_data("contract_starts_on", datetime.date(2027, 4, 1)),
            "contract_ends_on_0": "31",
            "contract_ends_on_1": "2",
            "contract_ends_on_2": "2028",
            "continue": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="govuk-error-summary' in page
    assert 'href="#id_contract_value"' in page and "Enter an amount less than £1,000,000,000,000" in page
    assert "Enter the supplier&#x27;s name" in page or "Enter the supplier's name" in text(response)
    assert "The date the contract ends must be a real date" in text(response)
    assert "Home care in the north of the city" in page  # the other answers kept
    decision.refresh_from_db()
    assert decision.awards_contract is False and decision.contract_description == ""  # nothing half-saved


def test_answering_no_keeps_none_of_the_details_TC_1(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    response = client.post(
        task_url(decision),
        {
            "awards_contract": "False",
            "contract_supplier": "Left over",
            "contract_value": "not a number",
            "continue": "",
        },
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.awards_contract is False
    assert (decision.contract_supplier, decision.contract_value, decision.contract_procurement) == ("", None, "")
    assert decision.contract_starts_on is None and decision.contract_ends_on is None


@PUBLISHES
def test_the_record_shows_7b_to_staff_and_the_public_TC_1(client, officer):
    decision = DecisionFactory(contract_supplier_sme=True, contract_review_on=today() + datetime.timedelta(days=90))
    client.force_login(officer)
    staff = text(client.get(reverse("decisions:record", kwargs={"pk": decision.pk})))
    assert (
        "7b Does the decision award a contract, purchase order or framework agreement worth more than £5,000? Yes"
        in staff
    )
    assert "Supplier: Innovate, a small or medium-sized enterprise" in staff
    assert "Value: £491,000, excluding VAT" in staff
    assert "Awarded: directly, without a tender or quotes" in staff
    decision = Decision.objects.get(pk=DecisionFactory(state=Status.PUBLISHED).pk)
    client.logout()
    public = text(client.get(reverse("decisions:detail", kwargs={"slug": decision.reference_slug})))
    assert "Supplier: Innovate" in public and "Value: £491,000, excluding VAT" in public


# — the contracts register ----------------------------------------------------------------------------


@PUBLISHES
def test_the_contracts_register_lists_published_contracts_over_5000_TC_1(client, db):
    listed = DecisionFactory(
        state=Status.PUBLISHED,
        contract_supplier="=HYPERLINK(1)",
        contract_supplier_vcse=True,
        contract_vat_not_recoverable=Decimal("1250.50"),
        contract_procurement=ProcurementRoute.TENDER,
    )
    DecisionFactory(state=Status.PUBLISHED, **NO_CONTRACT)  # awards none
    DecisionFactory(contract_supplier="Still a draft")  # not published
    DecisionFactory(state=Status.DECIDED, contract_supplier="Signed, not yet published")
    # £5,000 exactly is not over the threshold (a record published before 7b's rule could hold it).
    small = DecisionFactory(state=Status.PUBLISHED, contract_supplier="Small")
    Decision._base_manager.filter(pk=small.pk).update(contract_value=Decimal("5000"))

    response = client.get(reverse("decisions:contracts-csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="contracts-')
    assert "open-government-licence" in response["Link"]
    rows = read_csv(response)
    assert [list(row) for row in rows] == [REGISTER_FIELDS]
    row = rows[0]
    assert row["reference"] == listed.reference and row["url"].endswith(f"/decisions/{listed.reference_slug}/")
    assert row["contract_supplier"] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet
    assert (row["contract_value"], row["contract_vat_not_recoverable"]) == ("491000", "1250.5")
    assert (row["contract_supplier_sme"], row["contract_supplier_vcse"]) == ("no", "yes")
    assert row["contract_procurement"] == "tender" and row["department"] == "Children’s Services"
    assert row["contract_starts_on"] == listed.contract_starts_on.isoformat()

    data = read_json(client.get(reverse("decisions:contracts-json")))
    assert data["licence"]["name"].startswith("Open Government Licence")
    assert [c["reference"] for c in data["contracts"]] == [listed.reference]
    assert (
        data["contracts"][0]["contract_supplier"] == "=HYPERLINK(1)"
        and data["contracts"][0]["contract_value"] == 491000
    )


@PUBLISHES
def test_the_registers_downloads_and_api_carry_7b_TC_1(client, db):
    decision = DecisionFactory(state=Status.PUBLISHED)
    row = read_csv(client.get(reverse("decisions:download-csv")))[0]
    assert (row["awards_contract"], row["contract_supplier"], row["contract_value"]) == ("yes", "Innovate", "491000")
    detail = client.get(reverse("api:decision", kwargs={"id": decision.reference_slug})).json()
    assert detail["awards_contract"] is True and detail["contract_procurement"] == "direct"
    assert detail["contract_ends_on"] == decision.contract_ends_on.isoformat()


def test_the_register_page_links_the_contracts_register_TC_1(client, db):
    page = client.get(reverse("decisions:list")).content.decode()
    assert reverse("decisions:contracts-csv") in page and reverse("decisions:contracts-json") in page


def test_the_pdf_shows_7b_TC_1(client, officer):
    """Rendered for real and read back."""
    from tests.decisions.test_documents import pdf_text

    decision = DecisionFactory(contract_supplier="Harbour Care Limited", contract_supplier_number="SC123456")
    client.force_login(officer)
    response = client.get(reverse("decisions:record-pdf", kwargs={"pk": decision.pk}))
    assert response["Content-Type"] == "application/pdf"
    words = pdf_text(b"".join(response.streaming_content) if response.streaming else response.content)
    assert (
        "7b Does the decision award a contract, purchase order or framework agreement worth more than £5,000?" in words
    )
    assert "Supplier: Harbour Care Limited (SC123456)" in words and "Value: £491,000, excluding VAT" in words
