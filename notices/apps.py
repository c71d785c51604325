"""The notices app: the public notices of the statutory clock, general exception (reg 10) and
special urgency (reg 11), each a record on the shared core, given about one decision record."""

from dataclasses import dataclass

from django.apps import AppConfig
from django.urls import reverse


def kind():
    """The notice's declaration (`notices.kind`): a notice has no staff pages, so no queues of its own."""
    from notices.kind import KIND

    return KIND


@dataclass(frozen=True)
class ReasonsToPublish:
    """Democratic Support: general exception notices whose notice of reasons is still to follow (reg 10(4))."""

    def __call__(self, user):
        from decisions.apps import kind
        from notices.models import Kind, Notice

        waiting = (
            Notice.objects.filter(kind=Kind.GENERAL_EXCEPTION, reasons_published_at__isnull=True)
            .select_related("decision")
            .order_by("published_at", "pk")[:50]
        )
        return [
            kind().item(
                n.decision,
                f"Notice published {n.published_at:%-d %B %Y}",
                url=reverse("decisions:notice-of-reasons", kwargs={"pk": n.decision_id}),
            )
            for n in waiting
        ]


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "General exception and special urgency notices"

    def ready(self):
        from council import pagecache, roles
        from council.worklists import Worklist, register
        from notices.models import Notice, Status

        kind()  # declared from now on, for records.kinds.declared(Notice)
        # A notice is public from the moment it is given; publishing its reasons changes its page.
        pagecache.watch(Notice, public_statuses={Status.PUBLISHED})
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "General exception notices waiting for their notice of reasons",
                ReasonsToPublish(),
                "Every general exception notice has its reasons published.",
            )
        )
