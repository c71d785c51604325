"""Sign-off code formats and yearly counters (council.codes)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from council import codes
from council.models import CouncilSettings, Department, MunicipalYear


def test_municipal_year_label_starts_in_configured_month():
    assert MunicipalYear.containing(datetime.date(2021, 7, 1), 4).label == "21/22"
    assert MunicipalYear.containing(datetime.date(2022, 3, 31), 4).label == "21/22"
    assert MunicipalYear.containing(datetime.date(2022, 4, 1), 4).label == "22/23"
    assert MunicipalYear.containing(datetime.date(2022, 4, 30), 5).label == "21/22"


@pytest.mark.parametrize(
    "slug,values,expected",
    [
        ("democratic-support", dict(seq=20), "DS20 21/22"),
        ("finance", dict(seq=53, initials="DJN"), "djn.21.22.53"),
        ("human-resources", dict(seq=1, initials="kab"), "721KAB"),
        ("procurement", dict(seq=6, initials="ed", directorate="CYP"), "PB/CYP/006/ED/0721"),
    ],
)
def test_plymouth_code_formats_reproduce_the_seed_codes(db, slug, values, expected):
    department = Department.objects.get(slug=slug)
    year = MunicipalYear.containing(datetime.date(2021, 7, 14), 4)
    rendered = codes.render(
        department.code_format,
        **codes.values_for(municipal_year=year, on_date=datetime.date(2021, 7, 14), **values),
    )
    assert rendered == expected


def test_legal_numbers_its_own_files(db):
    assert Department.objects.get(slug="legal").code_source == Department.CodeSource.TYPED


@pytest.mark.parametrize(
    "bad_format,message",
    [
        ("DS{sequence}", "{sequence}, which is not a field"),
        ("DS{seq", "not valid"),
        ("FIXED", "must include {seq}"),
        ("{seq:q}", "cannot be filled in"),
    ],
)
def test_department_rejects_unusable_code_format(db, bad_format, message):
    department = Department.objects.get(slug="finance")
    department.code_format = bad_format
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert message in str(error.value.message_dict["code_format"])


def test_next_number_counts_per_key_and_year(db):
    with transaction.atomic():
        assert codes.next_number("COD", 2021) == 1
        assert codes.next_number("COD", 2021) == 2
        assert codes.next_number("COD", 2022) == 1
        assert codes.next_number("dept:finance", 2021) == 1


@pytest.mark.django_db(transaction=True)
def test_next_number_refuses_outside_transaction():
    with pytest.raises(RuntimeError):
        codes.next_number("COD", 2021)


def test_council_settings_default_to_plymouth(db):
    council = CouncilSettings.load()
    assert council.name == "Plymouth City Council"
    assert council.key_decision_capital_threshold == 3_000_000
    assert council.key_decision_revenue_threshold == 1_000_000
