"""EXEC-4, after migration 0007 split the amounts: the one amount's type goes, the derived answer is no
longer editable, and both new amounts are £0 or more. Its own migration, so PostgreSQL alters the
table in a transaction of its own, not one with 0007's row updates still pending."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0009_capital_revenue_wards"),
    ]

    operations = [
        migrations.AlterField(
            model_name="decision",
            name="amount",
            field=models.DecimalField(
                blank=True, decimal_places=2, editable=False, max_digits=14, null=True, verbose_name="amount (£)"
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="is_key_decision",
            field=models.BooleanField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="decision",
            name="key_capital",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name="decision",
            name="key_revenue",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name="decision",
            name="key_wards",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(("capital_amount__isnull", True), ("capital_amount__gte", 0), _connector="OR"),
                name="decision_capital_amount_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(("revenue_amount__isnull", True), ("revenue_amount__gte", 0), _connector="OR"),
                name="decision_revenue_amount_positive",
            ),
        ),
        migrations.RemoveField(
            model_name="decision",
            name="spend_type",
        ),
    ]
