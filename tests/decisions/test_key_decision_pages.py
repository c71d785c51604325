"""EXEC-4 on the pages: section 7's two amounts and section 8's wards on the finance task page, the
derived answer shown there, and both amounts and the wards on the record, check your answers, the
public page, the downloads and the API."""

import datetime
import html
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.openapi import build
from council.models import Ward
from decisions import opendata, services
from decisions.documents import record_context, record_queryset
from decisions.models import Decision
from tests.decisions.factories import Cast, DecisionFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "financial_implications": "£2m from the revenue budget over 4 years.",
    "capital_amount": "2,000,000",
    "revenue_amount": "£2,000,000",
    "funding_source": "Revenue budget",
    "significant_ward_effect": "False",
}


def task_url(decision):
    return reverse("decisions:task", kwargs={"pk": decision.pk, "task": "finance"})


@pytest.fixture
def signed_in(client, officer):
    """(the officer's client, signed in; a new draft of theirs)."""
    client.force_login(officer)
    return client, services.start_decision(actor=officer)


def text(response):
    return " ".join(html.unescape(response.content.decode()).split())


def test_finance_page_asks_both_amounts_and_every_ward_EXEC_4(signed_in):
    author, draft = signed_in
    response = author.get(task_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="govuk-input__prefix" aria-hidden="true">£') == 2
    assert 'id="id_capital_amount"' in page and 'id="id_revenue_amount"' in page
    assert 'class="govuk-checkboxes govuk-checkboxes--small"' in page
    assert page.count('name="wards"') == 20
    assert 'name="significant_ward_effect"' in page
    assert 'name="is_key_decision"' not in page  # derived, never asked


def test_revenue_funded_2m_contract_award_is_shown_as_key_EXEC_4(signed_in):
    """EXEC-4: the page says the decision is key, and why, in GOV.UK inset text."""
    author, draft = signed_in
    author.post(task_url(draft), {**ANSWERS, "later": ""})
    stored = Decision.objects.get(pk=draft.pk)
    assert (stored.capital_amount, stored.revenue_amount) == (Decimal("2000000"), Decimal("2000000"))
    assert (stored.is_key_decision, stored.key_revenue, stored.key_capital) == (True, True, False)
    page = text(author.get(task_url(draft)))
    assert '<div class="govuk-inset-text" id="key-decision-answer">' in author.get(task_url(draft)).content.decode()
    assert "This is a key decision because revenue spending of £2,000,000 is over the £1,000,000 threshold." in page


def test_wards_are_saved_and_ticked_again_EXEC_4(signed_in):
    author, draft = signed_in
    wards = list(Ward.objects.filter(name__in=["Drake", "Stoke"]))
    data = {**ANSWERS, "revenue_amount": "0", "significant_ward_effect": "True", "wards": [w.pk for w in wards]}
    author.post(task_url(draft), {**data, "later": ""})
    stored = Decision.objects.get(pk=draft.pk)
    assert list(stored.wards.all()) == wards
    assert (stored.is_key_decision, stored.key_wards) == (True, True)
    form = author.get(task_url(draft)).context["form"]
    assert form.initial["wards"] == [w.pk for w in wards]
    assert "significant effect on communities in 2 wards" in form.key_answer


def test_significant_effect_without_wards_is_an_error_on_the_wards_EXEC_4(signed_in):
    author, draft = signed_in
    response = author.post(task_url(draft), {**ANSWERS, "significant_ward_effect": "True", "continue": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["wards"] == ["Select the wards whose communities the decision affects"]
    assert 'href="#id_wards_1"' in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "2m",
        "２０００",  # full-width digits
        "٣٠٠٠",  # Arabic-Indic digits
        "1e6",
        "2,000\x00000",
        "9" * 40,
        "1" * 100_000,
        "-1",
    ],
)
def test_bad_amounts_are_field_errors_and_keep_the_other_answers(signed_in, typed):
    author, draft = signed_in
    response = author.post(task_url(draft), {**ANSWERS, "capital_amount": typed, "continue": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["capital_amount"]
    assert "There is a problem" in response.content.decode()
    assert response.context["form"]["funding_source"].value() == "Revenue budget"
    assert Decision.objects.get(pk=draft.pk).capital_amount is None


@pytest.mark.parametrize("ward", ["9" * 40, "\x00", "not-a-ward", "999999"])
def test_a_ward_that_does_not_exist_is_a_field_error(signed_in, ward):
    author, draft = signed_in
    response = author.post(task_url(draft), {**ANSWERS, "wards": [ward], "continue": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["wards"]


def test_finance_page_queries_do_not_grow_with_the_wards_chosen(signed_in):
    author, draft = signed_in

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert author.get(task_url(draft)).status_code == 200
        return len(ctx.captured_queries)

    none = queries()
    services.save_edits(draft, actor=draft.author, fields=[], m2m={"wards": list(Ward.objects.all()[:8])})
    assert queries() == none


# — the record, check your answers, the public page, downloads and the API -------------------------


@pytest.fixture
def award(cast):
    """A revenue-funded £2m contract award affecting two wards, saved through the service."""
    decision = DecisionFactory(cast=cast, capital_amount=Decimal("2000000"), revenue_amount=Decimal("2000000"))
    services.save_edits(
        decision, actor=decision.author, fields=[], m2m={"wards": list(Ward.objects.filter(name__in=["Ham", "Drake"]))}
    )
    return Decision.objects.get(pk=decision.pk)


@pytest.fixture
def cast():
    return Cast()


def test_record_and_check_answers_show_both_amounts_and_the_wards_EXEC_4(client, award):
    client.force_login(award.author)
    for name in ("record", "check"):
        page = text(client.get(reverse(f"decisions:{name}", kwargs={"pk": award.pk})))
        assert "Capital spending or contract commitment: £2,000,000" in page, name
        assert "Revenue spending or savings: £2,000,000" in page, name
        assert "Wards affected: Drake, Ham" in page, name


def test_pdf_context_ticks_the_revenue_criterion_and_lists_the_wards_EXEC_4(award):
    context = record_context(record_queryset().get(pk=award.pk), public=True)
    assert [c["ticked"] for c in context["criteria"]] == [False, True, False]
    assert [w.name for w in context["wards"]] == ["Drake", "Ham"]


def test_open_data_and_api_give_both_amounts_and_the_wards_EXEC_4(client, award):
    Decision.objects.filter(pk=award.pk).update(
        status="published", reference="COD09 26/27", reference_slug="cod09-26-27", decided_on=datetime.date(2026, 11, 2)
    )
    published = opendata.export_queryset(Decision.objects.filter(pk=award.pk)).get()
    data = opendata.decision_data(published)
    assert (data["capital_amount"], data["revenue_amount"], data["amount"]) == (2000000, 2000000, 2000000)
    assert data["spend_type"] == "capital and revenue"
    assert data["wards"] == "Drake; Ham"
    assert data["key_decision"] is True and data["key_decision_revenue"] is True
    api = json.loads(client.get("/api/v1/decisions/cod09-26-27/").content)
    assert api["wards"] == "Drake; Ham" and api["capital_amount"] == 2000000
    properties = build()["components"]["schemas"]["Decision"]["properties"]
    assert {"capital_amount", "revenue_amount", "wards", "significant_ward_effect"} <= set(properties)


def test_register_lists_both_amounts_and_the_wards_EXEC_4(client, award):
    Decision.objects.filter(pk=award.pk).update(
        status="published", reference="COD09 26/27", reference_slug="cod09-26-27", decided_on=datetime.date(2026, 11, 2)
    )
    page = text(client.get(reverse("decisions:list")))
    assert '<span class="govuk-!-font-weight-bold">Capital</span> £2,000,000' in page
    assert '<span class="govuk-!-font-weight-bold">Revenue</span> £2,000,000' in page
    assert '<span class="govuk-!-font-weight-bold">Wards</span> Drake, Ham' in page
    detail = text(client.get(reverse("decisions:detail", kwargs={"slug": "cod09-26-27"})))
    assert "Revenue spending or savings: £2,000,000" in detail and "Wards affected: Drake, Ham" in detail
