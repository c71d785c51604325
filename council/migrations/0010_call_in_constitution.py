"""CALL-1: the constitution's call-in rules on the council's settings, and the Councillor role's group."""

import django.core.validators
from django.db import migrations, models


def add_councillor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Councillor")


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0009_ward"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="councilsettings",
            name="call_in_by",
            field=models.CharField(
                choices=[
                    ("chair", "The chair of the relevant scrutiny committee alone"),
                    ("members", "A number of non-executive councillors"),
                    ("chair_or_members", "The chair, or a number of non-executive councillors"),
                ],
                default="chair_or_members",
                max_length=20,
                verbose_name="who may call in a decision",
            ),
        ),
        migrations.AddField(
            model_name="councilsettings",
            name="call_in_members_needed",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="How many councillors' names a members' request needs; the councillor who asks counts.",
                validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)],
                verbose_name="councillors needed to call in a decision",
            ),
        ),
        migrations.AddField(
            model_name="councilsettings",
            name="call_in_members_of_committee",
            field=models.BooleanField(
                default=False,
                help_text="Otherwise any non-executive councillor may add their name.",
                verbose_name="the councillors must sit on the relevant scrutiny committee",
            ),
        ),
        migrations.AddField(
            model_name="councilsettings",
            name="call_in_scope",
            field=models.CharField(
                choices=[("all", "Every executive decision"), ("key", "Key decisions only")],
                default="all",
                help_text="CALL-1: urgent decisions whose call-in waiver the scrutiny chair agreed are never subject (CALL-2).",
                max_length=10,
                verbose_name="decisions subject to call-in",
            ),
        ),
        migrations.RunPython(add_councillor_group, migrations.RunPython.noop),
    ]
