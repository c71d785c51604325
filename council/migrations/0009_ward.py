"""The council's wards (EXEC-4), with Plymouth City Council's 20 wards as the defaults (council/defaults.py)."""

from django.db import migrations, models


def add_wards(apps, schema_editor):
    from council.defaults import ensure_wards

    ensure_wards(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0008_councilsettings_chair_of_council_and_more"),
    ]

    operations = [
        migrations.CreateModel(
            name="Ward",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True)),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.RunPython(add_wards, migrations.RunPython.noop),
    ]
