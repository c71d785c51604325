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
        from council import (
            oidc,  # noqa: F401 - registers its deploy check (the identity provider over https)
            pagecache,
            tasks,  # noqa: F401 - registers the task backend's system check
        )
        from council.models import (
            CabinetPortfolio,
            Committee,
            CouncilSettings,
            Department,
            Directorate,
            Plan,
            Priority,
            User,
            Ward,
        )

        # Everything here can show on a public page (council.pagecache).
        for model in (
            CouncilSettings,
            Plan,
            Priority,
            Directorate,
            Department,
            CabinetPortfolio,
            Committee,
            User,
            Ward,
        ):
            pagecache.watch(model)
        pagecache.watch_relation(Committee, "members")
        pagecache.watch_relation(Committee, "lead_officers")
