"""The call-in panel of a decision's staff page: its call-in state in words, each call-in with its
history, and the links between an original decision and the changed decision that replaces it.

An inclusion tag, so the decision's page (templates/decisions/record/record.html) shows it with
one line and the decisions app reads nothing of `callin`. A constant number of queries.
"""

from django import template

from callin import kind
from callin.permissions import can_see_decision_record
from callin.reconsider import changed_decisions
from callin.views_actions import may_reconsider
from decisions.models import today
from decisions.rules_callin import call_in_status
from records.views_record import history

register = template.Library()


@register.inclusion_tag("callin/_decision_panel.html", takes_context=True)
def call_in_panel(context, decision):
    user = context["request"].user
    call_ins = list(
        decision.call_ins.select_related("author", "committee", "meeting").prefetch_related("events", "signatories")
    )
    review = kind.KIND.review
    return {
        "decision": decision,
        "status": call_in_status(decision, today()),
        "call_ins": [
            {
                "call_in": c,
                "status": c.status_label(today()),
                "events": history(review, c),
                "history_id": f"call-in-history-{c.pk}",
                "history_title": f"History of call-in {c.reference}",
                "may_reconsider": may_reconsider(user, c),
            }
            for c in call_ins
        ],
        "reconsiders": decision.reconsiders,
        "may_see_reconsiders": bool(decision.reconsiders) and can_see_decision_record(user, decision.reconsiders),
        "reconsidered_by": changed_decisions(user, decision),
    }
