"""EXEC-4: migrations decisions/0009 and 0010 turn the one amount and its type into the two amounts
(on PostgreSQL too, where a table altered in the transaction that updated its rows is refused)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("decisions", "0008_chairagreement_agreed_as_and_more")]
AFTER = [("decisions", "0010_key_decision_derived")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_one_amount_and_its_type_become_the_two_amounts_EXEC_4():
    try:
        apps = _migrate(BEFORE)
        Decision = apps.get_model("decisions", "Decision")
        author = apps.get_model("council", "User").objects.create(username="migrated.author")
        five = Decimal("5000")
        made = {
            kind: Decision.objects.create(author=author, amount=five, spend_type=kind, is_key_decision=False).pk
            for kind in ("capital", "revenue", "none", "")
        }
        wards = Decision.objects.create(author=author, spend_type="none", key_wards=True, is_key_decision=True).pk
        unanswered = Decision.objects.create(author=author).pk

        Decision = _migrate(AFTER).get_model("decisions", "Decision")
        rows = {pk: Decision.objects.get(pk=pk) for pk in [*made.values(), wards, unanswered]}

        def amounts(pk):
            return rows[pk].capital_amount, rows[pk].revenue_amount

        assert amounts(made["capital"]) == (five, 0)
        assert amounts(made["revenue"]) == (0, five)
        assert amounts(made["none"]) == (0, 0)
        assert amounts(made[""]) == (None, None) and rows[made[""]].amount == five  # the register keeps it
        assert rows[wards].significant_ward_effect is True and rows[wards].is_key_decision is True
        assert rows[made["revenue"]].significant_ward_effect is False
        assert rows[unanswered].significant_ward_effect is None
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
