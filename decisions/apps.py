"""The decisions app: registers each role's queue of decision records on the staff home page."""

from dataclasses import dataclass

from django.apps import AppConfig
from django.urls import reverse


def kind():
    """What the shared queues (`records.queues`) need to know of a decision record: its declaration's."""
    from decisions.kind import KIND

    return KIND.queues


# The queues only a decision record has. Fetchers are frozen dataclasses, not closures: registering
# twice (ready() run again in a test) compares equal, so a worklist is never listed twice.


@dataclass(frozen=True)
class UrgencyRequests:
    def __call__(self, user):
        from decisions.models import ChairAgreement, Decision, Status

        records = (
            Decision.objects.filter(
                status=Status.IN_SIGN_OFF,
                chair_agreements__chair=user,
                chair_agreements__status=ChairAgreement.Outcome.REQUESTED,
            )
            .distinct()
            .order_by("submitted_at", "pk")
        )
        return [
            kind().item(d, "Agree or decline the urgency", url=reverse("decisions:urgency", kwargs={"pk": d.pk}))
            for d in records[:50]
        ]


@dataclass(frozen=True)
class AwaitingDecision:
    def __call__(self, user):
        from decisions.models import Decision, Status

        records = Decision.objects.filter(status=Status.AWAITING_DECISION, decision_maker=user).order_by("updated_at")
        return [kind().item(d, "Read and sign the decision") for d in records[:50]]


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = "Executive decision records"

    def ready(self):
        from council import pagecache, roles
        from council.defaults import DEPARTMENTS
        from council.worklists import Worklist, register
        from decisions.models import Decision, Status
        from records.queues import Authored, AwaitingSignOff, ByStatus, PapersPastRetention, PdfFailed

        decisions = kind()

        # A published record is on the register; a withdrawn one leaves the pages that listed it.
        pagecache.watch(Decision, public_statuses={Status.PUBLISHED, Status.WITHDRAWN})

        register(
            Worklist(
                roles.OFFICER,
                "Your decision records",
                Authored(decisions),
                "You have no decision records yet.",
                action=("Start a new decision record", "decisions:start"),
            )
        )
        # One queue per reviewer group of the departments the council ships with; a department
        # added in the admin has no role section on the staff home, so it needs no queue here.
        for name, slug, *_rest, group in DEPARTMENTS:
            register(
                Worklist(
                    group,
                    f"Waiting for {name} sign-off",
                    AwaitingSignOff(decisions, slug),
                    f"No record is waiting for {name} sign-off.",
                )
            )
        register(
            Worklist(
                roles.SCRUTINY_CHAIR,
                "Urgent decisions waiting for your agreement",
                UrgencyRequests(),
                "No urgent decision is waiting for your agreement.",
            )
        )
        register(
            Worklist(
                roles.DECISION_MAKER,
                "Waiting for your decision",
                AwaitingDecision(),
                "No record is waiting for your decision.",
            )
        )
        ready_to_publish = ByStatus(decisions, Status.DECIDED, "Check and publish")
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Decided, ready to publish",
                ready_to_publish,
                "No decided record is waiting to be published.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "In sign-off",
                ByStatus(decisions, Status.IN_SIGN_OFF),
                "No record is in sign-off.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Published records whose PDF could not be made",
                PdfFailed(decisions),
                "Every published record has its PDF.",
            )
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Background papers past their retention date",
                PapersPastRetention(decisions),
                "No published record has background papers past their retention date.",
            )
        )
