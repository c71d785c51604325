"""Roles as groups, and Plymouth City Council's organisation data as the defaults (council/defaults.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from council.defaults import ensure_defaults

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
