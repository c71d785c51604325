"""Sign-off codes are unique per department across every kind of record (council.IssuedCode).

The concurrency test needs PostgreSQL row locks (SQLite serialises writers at the file, which
proves nothing about them) and is skipped on SQLite with the reason; CI runs it on PostgreSQL.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from council.models import Department, IssuedCode
from decisions import services as decision_services
from decisions.models import Decision, SignOff
from decisions.models import Status as DecisionStatus
from scrutiny import services as report_services
from scrutiny.models import ReportSignOff
from scrutiny.models import Status as ReportStatus
from tests.decisions.factories import Cast, DecisionFactory
from tests.decisions.test_reference_concurrency import run_at_once
from tests.scrutiny.factories import BriefingReportFactory

HR_FORMAT = "{month}{year2}{INITIALS}"
N = 20


@pytest.fixture
def hr(db):
    hr = Department.objects.get(slug="human-resources")
    assert hr.code_format == HR_FORMAT and hr.code_source == Department.CodeSource.FORMAT
    return hr


def _records(cast, n_each):
    decisions = [
        DecisionFactory(cast=cast, applicable=["human-resources"], state=DecisionStatus.IN_SIGN_OFF)
        for _ in range(n_each)
    ]
    reports = [
        BriefingReportFactory(applicable=["human-resources"], state=ReportStatus.IN_SIGN_OFF) for _ in range(n_each)
    ]
    return decisions, reports


def _sign_off(record, hr, reviewer):
    services = decision_services if isinstance(record, Decision) else report_services
    return services.issue_sign_off_code(record, actor=reviewer, department=hr).code


def test_hr_codes_on_a_decision_and_a_report_are_distinct(hr):
    cast = Cast()
    (decision,), (report,) = _records(cast, 1)

    on_decision = _sign_off(decision, hr, cast.hr_reviewer)
    on_report = _sign_off(report, hr, cast.hr_reviewer)

    assert on_decision != on_report
    assert on_report == f"{on_decision}-2"
    assert set(IssuedCode.objects.filter(department=hr).values_list("code", flat=True)) == {on_decision, on_report}


def test_typed_code_used_on_a_decision_is_refused_on_a_report(db):
    cast = Cast()
    legal = Department.objects.get(slug="legal")
    decision = DecisionFactory(cast=cast, state=DecisionStatus.IN_SIGN_OFF)
    report = BriefingReportFactory(state=ReportStatus.IN_SIGN_OFF)
    decision_services.issue_sign_off_code(decision, actor=cast.legal_reviewer, department=legal, typed_code="LS/1/AC")

    with pytest.raises(ValidationError) as refused:
        report_services.issue_sign_off_code(report, actor=cast.legal_reviewer, department=legal, typed_code="LS/1/AC")

    assert "already issued the code LS/1/AC" in str(refused.value)
    assert not ReportSignOff.objects.filter(department=legal, code="LS/1/AC").exists()


def test_a_sign_off_written_without_the_services_still_cannot_reuse_a_code(db):
    """The write-through makes the table the last word, whoever creates the sign-off."""
    cast = Cast()
    legal = Department.objects.get(slug="legal")
    decision = DecisionFactory(cast=cast, state=DecisionStatus.IN_SIGN_OFF)
    report = BriefingReportFactory(state=ReportStatus.IN_SIGN_OFF)
    SignOff.objects.create(
        decision=decision, department=legal, code="X1", issued_by=cast.legal_reviewer, content_version=1
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportSignOff.objects.create(
            report=report, department=legal, code="X1", issued_by=cast.legal_reviewer, content_version=1
        )


@pytest.mark.django_db(transaction=True)
def test_twenty_hr_sign_offs_at_once_across_both_kinds_get_distinct_codes():
    if connection.vendor != "postgresql":
        reason = (
            f"Concurrent code issuing needs PostgreSQL row locks; this run uses {connection.vendor}. "
            "Run `make test-postgres` (CI does) to exercise it."
        )
        print(reason)
        pytest.skip(reason)
    cast = Cast()
    hr = Department.objects.get(slug="human-resources")
    assert hr.code_format == HR_FORMAT
    decisions, reports = _records(cast, N // 2)
    reviewer = cast.hr_reviewer

    codes, errors = run_at_once(lambda record: _sign_off(record, hr, reviewer), [*decisions, *reports])

    assert errors == []
    assert len(codes) == N and len(set(codes)) == N
    assert SignOff.objects.filter(department=hr).count() + ReportSignOff.objects.filter(department=hr).count() == N
    assert IssuedCode.objects.filter(department=hr).count() == N


@pytest.mark.django_db(transaction=True)
def test_the_same_typed_code_at_once_on_a_decision_and_a_report_is_issued_once():
    if connection.vendor != "postgresql":
        pytest.skip(f"Concurrent code issuing needs PostgreSQL row locks; this run uses {connection.vendor}.")
    cast = Cast()
    legal = Department.objects.get(slug="legal")
    decision = DecisionFactory(cast=cast, state=DecisionStatus.IN_SIGN_OFF)
    report = BriefingReportFactory(state=ReportStatus.IN_SIGN_OFF)

    def sign_off(record):
        services = decision_services if isinstance(record, Decision) else report_services
        return services.issue_sign_off_code(
            record, actor=cast.legal_reviewer, department=legal, typed_code="LS/9/AC"
        ).code

    codes, errors = run_at_once(sign_off, [decision, report])

    assert codes.count("LS/9/AC") == 1
    assert len(errors) == 1 and isinstance(errors[0], ValidationError), errors
    assert IssuedCode.objects.filter(department=legal, code="LS/9/AC").count() == 1


def test_migrations_fill_issued_codes_from_both_kinds_once_each(hr):
    """decisions/0005 and scrutiny/0004: every existing code enters the table; a code issued on both
    kinds before the table existed (the old race) enters once."""
    import importlib

    from django.apps import apps

    cast = Cast()
    (decision,), (report,) = _records(cast, 1)
    on_decision = _sign_off(decision, hr, cast.hr_reviewer)
    # The old race, as it left databases: the same code on a report, written round the table.
    ReportSignOff.objects.bulk_create(
        [ReportSignOff(report=report, department=hr, code=on_decision, issued_by=cast.hr_reviewer, content_version=1)]
    )
    IssuedCode.objects.all().delete()

    importlib.import_module("decisions.migrations.0005_fill_issued_codes").fill(apps, None)
    importlib.import_module("scrutiny.migrations.0004_fill_issued_codes").fill(apps, None)

    codes = list(IssuedCode.objects.filter(department=hr).values_list("code", flat=True))
    assert codes == [on_decision]
    pairs = lambda qs: set(qs.values_list("department_id", "code"))  # noqa: E731
    assert pairs(IssuedCode.objects) == pairs(SignOff.objects) | pairs(ReportSignOff.objects)
    assert IssuedCode.objects.count() == len(pairs(IssuedCode.objects))
