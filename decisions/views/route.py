"""The officer's "Propose it for the Forward Plan" button on the Forward Plan task (8b, EXEC-5):
a draft plan item from the record's answers, linked to the record, then the item's edit page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from council import integrity
from decisions import services_plan
from decisions.views.authoring import KIND
from forwardplan import permissions as plan_permissions
from records import views_authoring as shared
from records.rules import Problem

TASK = "forward-plan"


def can_propose(user, decision):
    """Shown while the record is the officer's to edit and has no Forward Plan item yet."""
    return decision.plan_item_id is None and plan_permissions.can_create(user)


@login_required
@require_POST
def propose_plan_item(request, pk):
    decision = shared.editable(request, KIND, pk)
    if not can_propose(request.user, decision):
        messages.info(request, "This record already has a Forward Plan item.")
        return shared.to_task(KIND, decision, TASK)
    try:
        item = services_plan.propose_plan_item(decision, actor=request.user, revision=shared.revision(request))
    except (integrity.EditConflict, ValidationError) as exc:
        return shared.render_task(request, KIND, decision, TASK, elsewhere=[Problem("EXEC-5", "", _message(exc), TASK)])
    messages.success(request, "A draft Forward Plan item has been made from this record. Check it and propose it.")
    return redirect("forwardplan:edit", pk=item.pk)


def _message(exc):
    return getattr(exc, "message", None) or "; ".join(getattr(exc, "messages", [str(exc)]))
