from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_defaults(sender, apps=None, using="default", **kwargs):
    from django.apps import apps as global_apps

    from council.defaults import ensure_defaults

    # `migrate` passes the migrated state's apps; `flush` passes none.
    ensure_defaults(apps or global_apps)


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Council organisation"

    def ready(self):
        # Also after a flush (TransactionTestCase, `manage.py flush`): roles and departments
        # are part of the schema's meaning, not optional data.
        post_migrate.connect(_ensure_defaults, sender=self, dispatch_uid="council-defaults")
