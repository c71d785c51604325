"""Section 8b becomes the key decision's route and its Forward Plan item.

The special urgency tick becomes the route "special_urgency". A key decision with a typed
Forward Plan date gets the route "forward_plan" without an item: the typed date is not kept,
because a date nobody can check against a published notice is what this change removes (see
README's decision log); a record still open must link its item before it can be signed.
"""

import django.db.models.deletion
from django.db import migrations, models


def to_routes(apps, schema_editor):
    # update(), not save(): signed records are frozen to the model, not to a migration.
    Decision = apps.get_model("decisions", "Decision")
    key = Decision.objects.filter(is_key_decision=True)
    key.filter(special_urgency=True).update(key_decision_route="special_urgency")
    key.filter(special_urgency=False, forward_plan_published_on__isnull=False).update(key_decision_route="forward_plan")


def to_flags(apps, schema_editor):
    Decision = apps.get_model("decisions", "Decision")
    Decision.objects.filter(key_decision_route="special_urgency").update(special_urgency=True)


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0006_public_pdf_error"),
        ("forwardplan", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="key_decision_route",
            field=models.CharField(
                blank=True,
                choices=[
                    ("forward_plan", "Forward Plan: 28 clear days' notice"),
                    ("general_exception", "General exception: 5 clear days' notice"),
                    ("special_urgency", "Special urgency: the chair agrees it cannot wait"),
                ],
                max_length=20,
                verbose_name="route of the key decision",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="plan_item",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decisions",
                to="forwardplan.planitem",
                verbose_name="Forward Plan item",
            ),
        ),
        migrations.RunPython(to_routes, to_flags),
        migrations.RemoveField(
            model_name="decision",
            name="forward_plan_published_on",
        ),
        migrations.RemoveField(
            model_name="decision",
            name="special_urgency",
        ),
    ]
