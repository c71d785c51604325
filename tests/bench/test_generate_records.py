"""`manage.py generate_records`: the benchmark's data set (issue #6), on a small scale."""

import datetime
import io
import re
from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils.text import slugify

from bench.generator.common import END_DATE, GENERATED_CODE_BASE
from council.models import CouncilSettings, YearlySequence
from decisions import rules, rules_key, services
from decisions.documents import record_queryset
from decisions.models import Appendix, BackgroundPaper, ChairAgreement, Decision, SignOff, Status
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"^COD(\d{2,}) (\d\d)/(\d\d)$")


@pytest.fixture(autouse=True)
def quick(settings, tmp_path):
    """Publishing a factory record stores its PDF: WeasyPrint's render is a stand-in here (rendering
    is test_documents.py's); everything of the project's around it runs."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.7\n%%EOF\n"):
        yield


def generate(n=60, *args):
    out = io.StringIO()
    call_command("generate_records", "--decisions", str(n), "--seed", "7", *args, stdout=out)
    return out.getvalue()


def generated():
    return Decision.objects.filter(author__username__startswith="gen.officer.")


def numbers_by_year(records):
    found = {}
    for reference in records.exclude(reference="").values_list("reference", flat=True):
        number, yy, _ = REFERENCE.match(reference).groups()
        found.setdefault(int(yy), []).append(int(number))
    return found


@pytest.fixture
def existing():
    """As the demo has it: a published record of this year (26/27), one of 25/26 numbered 7, a counter at 3."""
    this_year = DecisionFactory(state=Status.PUBLISHED)
    earlier = DecisionFactory(state=Status.IN_SIGN_OFF)
    # As if submitted in 25/26 and imported as history: its number is above that year's counter.
    Decision.objects.filter(pk=earlier.pk).update(reference="COD07 25/26", reference_slug="cod07-25-26")
    YearlySequence.objects.update_or_create(key="COD", start_year=2025, defaults={"last_value": 3})
    return this_year


def test_makes_n_records_of_every_kind_and_says_so():
    output = generate(60)
    assert generated().count() == 60
    assert re.search(r"Made 60 decision records in \d+\.\d s", output)
    statuses = {s: generated().filter(status=s).count() for s in Status.values}
    assert statuses[Status.PUBLISHED] >= 40  # about 85%
    assert sum(statuses.values()) == 60
    assert SignOff.objects.filter(decision__in=generated(), department__slug="finance").exists()
    assert SignOff.objects.filter(decision__in=generated(), department__slug="legal").exists()


def test_dates_go_back_from_the_end_date_at_a_constant_density():
    generate(60)  # 60 records at 5,000 a year: about 4 days
    days = list(generated().exclude(decided_on=None).values_list("decided_on", flat=True))
    assert max(days) == END_DATE
    assert min(days) >= END_DATE - datetime.timedelta(days=5)
    generate(60, "--per-year", "120")  # the next 60 continue further back, at 120 a year: about 6 months
    older = [d.decided_on for d in generated().order_by("pk")[60:] if d.decided_on]
    assert max(older) < min(days)
    assert min(older) >= min(days) - datetime.timedelta(days=190)
    assert min(older) <= min(days) - datetime.timedelta(days=150)


def test_references_continue_after_existing_ones_and_the_counters_follow(existing):
    generate(60, "--per-year", "20")  # three years: 23/24 to 25/26
    by_year = numbers_by_year(generated())
    assert set(by_year) >= {23, 24, 25}
    assert 26 not in by_year  # nothing generated is dated after 31 March 2026
    assert min(by_year[25]) == 8  # after COD07 25/26, although the counter said 3
    for yy, numbers in by_year.items():
        assert sorted(numbers) == list(range(min(numbers), min(numbers) + len(numbers)))
        assert YearlySequence.objects.get(key="COD", start_year=2000 + yy).last_value == max(numbers)
    for record in generated().exclude(reference=""):
        assert record.reference_slug == slugify(record.reference.replace("/", "-"))
    assert Decision.objects.get(pk=existing.pk).reference == existing.reference  # untouched


def test_a_later_real_submission_continues_after_the_generated_references():
    generate(60)
    highest = max(numbers_by_year(generated())[25])
    with transaction.atomic():
        draft = Decision(author=generated().first().author)
        services.allocate_reference(draft, on_date=datetime.date(2026, 3, 31))
    assert draft.reference == f"COD{highest + 1:02d} 25/26"


def test_a_second_run_adds_more_without_collisions(existing):
    generate(60)
    generate(60)
    assert generated().count() == 120
    references = list(Decision.objects.exclude(reference="").values_list("reference", flat=True))
    assert len(references) == len(set(references))
    slugs = list(Decision.objects.exclude(reference_slug="").values_list("reference_slug", flat=True))
    assert len(slugs) == len(set(slugs))
    codes = list(SignOff.objects.values_list("department_id", "code"))
    assert len(codes) == len(set(codes))


def test_generated_sign_off_codes_come_from_a_range_real_counters_never_reach():
    generate(60)
    for code in SignOff.objects.filter(decision__in=generated()).values_list("code", flat=True):
        numbers = [int(n) for n in re.findall(r"\d+", code)]
        assert max(numbers) > GENERATED_CODE_BASE, code


def test_published_records_are_complete_signed_and_consistent():
    generate(60)
    council = CouncilSettings.load()
    published = record_queryset().filter(pk__in=generated(), status=Status.PUBLISHED)
    assert published.count() >= 40
    for record in published[:30]:
        assert record.reference and record.decided_on and record.signed_at and record.published_at
        assert record.decision_maker_name and record.decision_maker_job_title
        assert record.declaration == services.DECLARATION
        assert record.published_at.date() >= record.decided_on
        assert datetime.date(2000, 1, 1) <= record.created_at.date() <= record.decided_on
        # The rules the services apply before signing: nothing missing, every sign-off and agreement given,
        # nothing dated after the decision.
        assert rules.completeness(record) == []
        assert rules.sign_off_gaps(record) == []
        assert rules.record_warnings(record) == []
        assert rules.key_decision_notice(record, record.decided_on) == []
        derived = rules_key.criteria(record, council)
        assert (record.key_capital, record.key_revenue, record.key_wards) == tuple(
            derived[name] for name in rules_key.CRITERIA
        )
        assert record.is_key_decision == rules_key.is_key(derived)
        assert record.amount == max(record.capital_amount, record.revenue_amount)
        assert record.amount is None or Decimal(0) <= record.amount < Decimal(10_000_000)
        if record.is_urgent:
            assert record.chair_agreements.get(kind=ChairAgreement.Kind.CALL_IN_WAIVER).is_agreed


def test_exempt_information_has_its_paragraphs_reasoning_and_review_date():
    generate(200)
    records = generated()
    exempt = records.filter(has_exempt_information=True)
    assert exempt.exists()
    for record in exempt:
        assert record.part2_title and record.part2_summary and record.part2_paragraphs
        assert record.part2_public_interest_reasoning and record.part2_review_on
    for model in (Appendix, BackgroundPaper):
        rows = model.objects.filter(decision__in=records).exclude(exempt_paragraphs=[])
        assert rows.exists()
        assert all(row.exemption_errors() == {} for row in rows)


def test_people_are_made_once_with_unusable_passwords():
    from council.models import User

    generate(10)
    generate(10)
    makers = User.objects.filter(username__startswith="gen.decision-maker.")
    officers = User.objects.filter(username__startswith="gen.officer.")
    assert makers.count() == 20 and officers.count() == 60
    assert makers.filter(groups__name="Decision maker").count() == 20
    assert officers.filter(groups__name="Officer").count() == 60
    assert not any(user.has_usable_password() for user in [*makers, *officers])
    assert User.objects.filter(username="gen.decision-maker.07").exists()


def test_refuses_before_writing_anything_when_the_dates_would_reach_before_2000():
    with pytest.raises(CommandError, match="before 2000"):
        generate(200, "--per-year", "5")
    assert not generated().exists()


def test_the_public_page_cache_learns_of_the_new_records():
    from council import pagecache

    generate(10)  # gives committees without a chair a chair: a public change of its own
    before = pagecache.current_version()
    generate(10)  # bulk inserts only: no signals
    assert pagecache.current_version() > before
