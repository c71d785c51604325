"""Reference numbers and sign-off codes under concurrent submission (PostgreSQL only).

Eight people press "submit" at the same instant, each on their own record and their own
database connection. The yearly counter row is locked with SELECT ... FOR UPDATE, so each gets
its own number, and none fails. SQLite serialises writers at the file, which proves nothing
about row locks, so these tests run only on PostgreSQL (CI runs the suite on both).
"""

import threading

import pytest
from django.db import connection, connections

from council.models import Department
from decisions import services
from decisions.models import Decision, Status
from tests.decisions.factories import Cast, DecisionFactory, advance

N = 8


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        reason = (
            f"Concurrency of reference numbers needs PostgreSQL row locks; this run uses {connection.vendor}. "
            "Run `make test-postgres` (CI does) to exercise it."
        )
        print(reason)
        pytest.skip(reason)


def run_at_once(work, items):
    """Run `work(item)` for each item in its own thread, all released by one barrier."""
    barrier = threading.Barrier(len(items))
    results, errors = [None] * len(items), []

    def worker(index, item):
        try:
            barrier.wait(timeout=30)
            results[index] = work(item)
        except Exception as exc:  # noqa: BLE001 - every failure is reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, item)) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck (deadlock?)"
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_references():
    cast = Cast()
    drafts = [DecisionFactory(cast=cast, author=cast.officer) for _ in range(N)]

    def submit(decision):
        return services.submit_for_sign_off(decision, actor=decision.author).reference

    references, errors = run_at_once(submit, drafts)
    assert errors == []
    year = references[0].split()[1]
    assert sorted(references) == [f"COD{n:02d} {year}" for n in range(1, N + 1)]
    assert Decision.objects.filter(status=Status.IN_SIGN_OFF).count() == N


@pytest.mark.django_db(transaction=True)
def test_concurrent_finance_sign_offs_get_distinct_codes():
    cast = Cast()
    records = [advance(DecisionFactory(cast=cast), to=Status.IN_SIGN_OFF, cast=cast) for _ in range(N)]
    finance = Department.objects.get(slug="finance")
    reviewer = cast.finance_reviewer

    def sign_off(decision):
        return services.issue_sign_off_code(decision, actor=reviewer, department=finance).code

    codes, errors = run_at_once(sign_off, records)
    assert errors == []
    assert len(set(codes)) == N
    assert sorted(int(code.rsplit(".", 1)[1]) for code in codes) == list(range(1, N + 1))
