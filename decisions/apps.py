"""The decisions app: registers each role's queue of decision records on the staff home page."""

from dataclasses import dataclass

from django.apps import AppConfig
from django.urls import reverse

from records.worklists import abandoned_draft, pdf_failed_item, returned_hint


def _item(decision, url_name="decisions:record", hint="", returned=None):
    return {
        "label": f"{decision.reference or 'Draft'}: {decision.title or 'Untitled decision'}",
        "url": reverse(url_name, kwargs={"pk": decision.pk}),
        "status": "Returned to you" if returned else decision.get_status_display(),
        "hint": returned_hint(returned) if returned else hint,
        "returned": bool(returned),
    }


def _updated(decision):
    return f"Updated {decision.updated_at:%-d %B %Y}"


# Fetchers are frozen dataclasses, not closures: registering twice (ready() run again in a test)
# compares equal, so a worklist is never listed twice.


@dataclass(frozen=True)
class AuthoredRecords:
    limit: int = 20

    def __call__(self, user):
        from decisions.models import Decision, Event, Status

        records = (
            Decision.objects.authored_by(user)
            .exclude(status=Status.WITHDRAWN)
            .exclude(abandoned_draft(Event, "decision"))
            .order_by("-created_at")
        )
        return [
            _item(
                d,
                "decisions:tasks" if d.status == Status.DRAFT else "decisions:record",
                _updated(d),
                returned=d.last_return(),
            )
            for d in records[: self.limit]
        ]


@dataclass(frozen=True)
class AwaitingSignOff:
    department_slug: str

    def __call__(self, user):
        from council.models import Department
        from decisions.models import Decision

        department = Department.objects.filter(slug=self.department_slug).first()
        if department is None:
            return []
        records = Decision.objects.awaiting_sign_off_by(department).order_by("submitted_at", "pk")
        return [_item(d, hint=f"Submitted {d.submitted_at:%-d %B %Y}" if d.submitted_at else "") for d in records[:50]]


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
        return [_item(d, "decisions:urgency", "Agree or decline the urgency") for d in records[:50]]


@dataclass(frozen=True)
class AwaitingDecision:
    def __call__(self, user):
        from decisions.models import Decision, Status

        records = Decision.objects.filter(status=Status.AWAITING_DECISION, decision_maker=user).order_by("updated_at")
        return [_item(d, hint="Read and sign the decision") for d in records[:50]]


@dataclass(frozen=True)
class ByStatus:
    status: str
    hint: str = ""

    def __call__(self, user):
        from decisions.models import Decision

        records = Decision.objects.filter(status=self.status).order_by("-updated_at")
        return [_item(d, hint=self.hint or _updated(d)) for d in records[:50]]


@dataclass(frozen=True)
class PdfFailed:
    """Published records whose public PDF failed, newest failure first: one query."""

    def __call__(self, user):
        from decisions.models import Decision, Status

        records = Decision.objects.filter(status=Status.PUBLISHED, public_pdf_failed_at__isnull=False).order_by(
            "-public_pdf_failed_at", "pk"
        )
        return [
            pdf_failed_item(d, _item(d)["label"], reverse("decisions:record", kwargs={"pk": d.pk}))
            for d in records[:50]
        ]


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = "Executive decision records"

    def ready(self):
        from council import pagecache, roles
        from council.defaults import DEPARTMENTS
        from council.worklists import Worklist, register
        from decisions.models import Decision, Status

        # A published record is on the register; a withdrawn one leaves the pages that listed it.
        pagecache.watch(Decision, public_statuses={Status.PUBLISHED, Status.WITHDRAWN})

        register(
            Worklist(
                roles.OFFICER,
                "Your decision records",
                AuthoredRecords(),
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
                    AwaitingSignOff(slug),
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
        ready_to_publish = ByStatus(Status.DECIDED, "Check and publish")
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Decided, ready to publish",
                ready_to_publish,
                "No decided record is waiting to be published.",
            )
        )
        register(
            Worklist(roles.DEMOCRATIC_SUPPORT, "In sign-off", ByStatus(Status.IN_SIGN_OFF), "No record is in sign-off.")
        )
        register(
            Worklist(
                roles.DEMOCRATIC_SUPPORT,
                "Published records whose PDF could not be made",
                PdfFailed(),
                "Every published record has its PDF.",
            )
        )
