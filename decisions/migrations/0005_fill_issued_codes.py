"""Every code already issued on a decision goes into council.IssuedCode, the one namespace per department.

If a department issued the same code on a decision record and on a report before this table
existed (the race it closes), the code is entered once: the first holder keeps it.
"""

from django.db import migrations


def fill(apps, schema_editor):
    IssuedCode = apps.get_model("council", "IssuedCode")
    SignOff = apps.get_model("decisions", "SignOff")
    rows = SignOff.objects.order_by("issued_at", "pk").values_list("department_id", "code").iterator()
    IssuedCode.objects.bulk_create(
        (IssuedCode(department_id=department_id, code=code) for department_id, code in rows),
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_revision"),
        ("council", "0005_issued_code"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
