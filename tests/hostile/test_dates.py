"""Huge or impossible numbers typed into a GOV.UK date input are an error on the field, never a 500."""

import pytest
from django.urls import reverse

from decisions.forms import ConsultationForm
from decisions.models import ChairAgreement, Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def date_data(name, day, month, year):
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [(HUGE, "7", "2021"), ("9", HUGE, "2021"), ("9", "7", HUGE), ("9" * 5000, "7", "2021"), ("0", "7", "2021")],
)
def test_date_with_huge_or_impossible_part_is_an_error_on_the_field(day, month, year):
    form = ConsultationForm(date_data("cmt_consulted_on", day, month, year), instance=DecisionFactory())
    assert not form.is_valid()
    assert form.errors["cmt_consulted_on"], form.errors


@pytest.mark.parametrize("part", [0, 1, 2])
def test_record_agreement_with_huge_date_part_is_an_error_on_the_date(client, democratic_support, part):
    decision = DecisionFactory(urgent=True, state=Status.IN_SIGN_OFF)
    client.force_login(democratic_support)
    values = ["9", "7", "2021"]
    values[part] = HUGE
    data = {
        "kind": ChairAgreement.Kind.CALL_IN_WAIVER,
        **date_data("agreed_on", *values),
        "how": "email",
        "evidence": "An email",
    }
    response = client.post(reverse("decisions:record-agreement", kwargs={"pk": decision.pk}), data)
    assert response.status_code == 200
    assert "The date the chair agreed must be a real date" in response.content.decode()
