"""The Forward Plan: notices of key decisions (reg 9; EXEC-5), a kind of record on `records`."""

from django.apps import AppConfig


class ForwardPlanConfig(AppConfig):
    name = "forwardplan"
    label = "forwardplan"
    verbose_name = "Forward Plan"

    def ready(self):
        from council import pagecache
        from forwardplan.models import PUBLIC_STATUSES, PlanItem

        # The public plan shows published, deferred and withdrawn items: a change to one is news.
        pagecache.watch(PlanItem, public_statuses=PUBLIC_STATUSES)
