"""A notice as open data: the one public representation the JSON API gives (api/views_notices.py).

It says what the notice's public page says and nothing more: the matter and the decision maker
copied onto the notice when it was given (never the decision's own fields, so never its exempt
text), who was told, and the reasons only once they are published (reg 10(4): a general exception
notice's reasons follow it; a special urgency notice's are published with it). The decision is
linked only once it is itself published.

`FIELDS` names and describes every field, in order, in the convention of `council.opendata`
("?": may be null); the OpenAPI schema (api/openapi_notices.py) comes from it.
"""

from django.urls import reverse

from council.opendata import absolute, iso
from decisions.models import Decision
from notices.models import Notice

# name -> (JSON type, description)
FIELDS = {
    "id": ("integer", "Stable identifier: the number in the notice's address."),
    "url": ("string", "The notice's page."),
    "kind": (
        "string",
        "general_exception (reg 10: 28 clear days' notice impracticable; the decision waits 5 clear days) "
        "or special_urgency (reg 11: the decision cannot reasonably be deferred).",
    ),
    "title": ("string", "The matter to be decided."),
    "decision_maker": ("string", "Who takes the decision: name and job title, or empty when not named."),
    "published_at": ("date-time", "When the notice was published: the clear days are counted from it."),
    "published_on": ("date", "The day the notice was published, in the council's time zone."),
    "chair_name": ("string", "General exception: the scrutiny chair told in writing; empty otherwise."),
    "committee_name": ("string", "General exception: that chair's overview and scrutiny committee; empty otherwise."),
    "chair_notified_at": ("date-time?", "General exception: when the chair was told; null otherwise."),
    "reasons": (
        "string?",
        "Why 28 clear days' notice was impracticable (general exception) or why the decision could not "
        "reasonably be deferred (special urgency); null until the notice of reasons is published.",
    ),
    "reasons_published_at": ("date-time?", "When the reasons were published; null until then."),
    "decision_reference": ("string?", "The decision's reference, once the decision is published; null until then."),
    "decision_url": ("string?", "The published decision's page; null until it is published."),
}


def public_notices():
    """Every published notice, with the decision's status and reference joined: constant queries."""
    return (
        Notice.objects.public()
        .select_related("decision")
        .only(
            *(f.name for f in Notice._meta.concrete_fields),
            "decision__status",
            "decision__reference",
            "decision__reference_slug",
        )
    )


def notice_data(notice: Notice):
    """The public fields of a published notice, in `FIELDS` order."""
    decision = notice.decision
    decided = decision.status == Decision.PUBLIC_STATUS and bool(decision.reference_slug)
    reasons_out = notice.reasons_published_at is not None
    maker = ", ".join(part for part in (notice.decision_maker_name, notice.decision_maker_job_title) if part)
    return {
        "id": notice.pk,
        "url": absolute(reverse("notices:detail", kwargs={"pk": notice.pk})),
        "kind": notice.kind,
        "title": notice.title,
        "decision_maker": maker,
        "published_at": iso(notice.published_at),
        "published_on": iso(notice.published_on),
        "chair_name": notice.chair_name,
        "committee_name": notice.committee_name,
        "chair_notified_at": iso(notice.chair_notified_at),
        "reasons": notice.reasons if reasons_out else None,
        "reasons_published_at": iso(notice.reasons_published_at),
        "decision_reference": decision.reference if decided else None,
        "decision_url": absolute(reverse("decisions:detail", kwargs={"slug": decision.reference_slug}))
        if decided
        else None,
    }
