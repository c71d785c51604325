from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_defaults(sender, apps=None, using="default", **kwargs):
    from django.apps import apps as global_apps

    from council.defaults import ensure_defaults

    # `migrate` passes the migrated state's apps; `flush` passes none.
    ensure_defaults(apps or global_apps)


# What the public pages show (council.pagecache): a change to any of these makes them out of date.
# Records and reports count only once public; their children cannot change after that.
PUBLIC_MODELS = [
    "council.CouncilSettings",
    "council.Plan",
    "council.Priority",
    "council.Directorate",
    "council.Department",
    "council.CabinetPortfolio",
    "council.Committee",
    "council.User",
    "scrutiny.Meeting",
]
PUBLIC_ONCE_PUBLISHED = ["decisions.Decision", "scrutiny.BriefingReport"]
PUBLIC_RELATIONS = [
    ("council.Committee", "members"),
    ("council.Committee", "lead_officers"),
    ("scrutiny.BriefingReport", "decisions"),
]


def _changed(sender, instance=None, update_fields=None, **kwargs):
    from council import pagecache

    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in changes nothing the public sees
    pagecache.bump()


def _record_changed(sender, instance=None, **kwargs):
    from council import pagecache

    if getattr(instance, "status", None) in {"published", "withdrawn"}:
        pagecache.bump()


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Council organisation"

    def ready(self):
        # Also after a flush (TransactionTestCase, `manage.py flush`): roles and departments
        # are part of the schema's meaning, not optional data.
        post_migrate.connect(_ensure_defaults, sender=self, dispatch_uid="council-defaults")
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        for label in PUBLIC_MODELS:
            model = apps.get_model(label)
            post_save.connect(_changed, sender=model, dispatch_uid=f"public-{label}-save")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"public-{label}-delete")
        for label in PUBLIC_ONCE_PUBLISHED:
            post_save.connect(_record_changed, sender=apps.get_model(label), dispatch_uid=f"public-{label}-save")
        for label, field in PUBLIC_RELATIONS:
            through = apps.get_model(label)._meta.get_field(field).remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"public-{label}-{field}")
