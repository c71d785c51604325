"""CALL-1: the constitution's settings, bad input to the services, and the page cache."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from callin import rules, services
from callin.models import CallIn
from council import pagecache
from council.models import CouncilSettings
from tests.callin.conftest import on

TUESDAY = datetime.date(2026, 9, 1)


@pytest.mark.parametrize("needed", [0, 21])
def test_members_needed_outside_one_to_twenty_is_refused_CALL_1(council, needed):
    council.call_in_members_needed = needed
    with pytest.raises(ValidationError) as excinfo:
        council.full_clean()
    assert "call_in_members_needed" in excinfo.value.message_dict


def test_constitution_defaults_are_plymouths_CALL_1(council):
    assert (council.call_in_working_days, council.call_in_scope, council.call_in_by) == (
        5,
        CouncilSettings.CallInScope.ALL,
        CouncilSettings.CallInBy.CHAIR_OR_MEMBERS,
    )
    assert (council.call_in_members_needed, council.call_in_members_of_committee) == (3, False)
    assert rules.rule_in_words(council) == (
        "A decision may be called in by the chair of the relevant scrutiny committee, or by 3 non-executive "
        "councillors, within 5 working days of its publication."
    )


def test_reasons_with_a_nul_byte_are_refused_on_the_field_CALL_1(publish, members):
    decision = publish()
    with pytest.raises(ValidationError) as excinfo, on(TUESDAY):
        services.request_call_in(decision, actor=members[0], reasons="Not\x00consulted")
    assert list(excinfo.value.message_dict) == ["reasons"]
    assert not CallIn.objects.exists()


def test_long_reasons_are_kept_whole_CALL_1(publish, members):
    decision = publish()
    with on(TUESDAY):
        call_in = services.request_call_in(decision, actor=members[0], reasons="x" * 100_000)
    assert len(CallIn.objects.get(pk=call_in.pk).reasons) == 100_000


def test_holding_the_decision_makes_cached_public_pages_out_of_date_CALL_1(publish, scrutiny_chair):
    decision = publish()
    before = pagecache.current_version()
    with on(TUESDAY):
        services.request_call_in(decision, actor=scrutiny_chair, reasons="Families were not consulted.")
    assert pagecache.current_version() > before
