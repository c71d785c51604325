"""The Forward Plan: notices of key decisions (reg 9; EXEC-5), a kind of record on `records`.
Registers the officer's and Democratic Support's queues of plan items on the staff home page."""

from django.apps import AppConfig


def kind():
    """What the shared queues (`records.queues`) need to know of a plan item: its declaration's."""
    from forwardplan.kind import KIND

    return KIND.queues


class ForwardPlanConfig(AppConfig):
    name = "forwardplan"
    label = "forwardplan"
    verbose_name = "Forward Plan"

    def ready(self):
        from council import pagecache, roles
        from council.worklists import Worklist, register
        from forwardplan.models import PUBLIC_STATUSES, PlanItem, Status
        from records.queues import Authored, ByStatus

        # The public plan shows published, deferred and withdrawn items: a change to one is news.
        pagecache.watch(PlanItem, public_statuses=PUBLIC_STATUSES)

        items = kind()
        register(
            Worklist(
                roles.OFFICER,
                "Your Forward Plan items",
                Authored(items),
                "You have no Forward Plan items.",
                action=("Propose a Forward Plan item", "forwardplan:new"),
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Forward Plan items waiting to be published",
                ByStatus(items, Status.SUBMITTED, "Check and publish it", "submitted_at"),
                "No Forward Plan item is waiting to be published.",
                action=("The Forward Plan", "forwardplan:plan"),
            )
        )
