"""A decision record's Forward Plan item (8b, EXEC-5): proposed from the record's own answers.

The plan item is a kind of record of its own (`forwardplan`); this is the one write that joins the
two, so it lives beside the decision's other services and reaches the item only through
`forwardplan.services`.
"""

from django.db import transaction

from council import calendar
from council.models import CouncilSettings
from decisions.models import KeyDecisionRoute, today
from decisions.services import RECORDS
from forwardplan import services as plan_services
from forwardplan.models import DecisionMakerType


def _plan_item_fields(d):
    """reg 9's answers the record already holds; the officer checks and completes the item."""
    council = CouncilSettings.load()
    return dict(
        title=d.title or "Untitled decision",
        summary=d.decision_to_be_taken,
        directorate=d.directorate,
        decision_maker_type=DecisionMakerType.OFFICER,
        decision_maker=d.decision_maker,
        # The first day the decision could be taken if the item were published today (EXEC-5).
        expected_from=calendar.forward_plan_first_lawful_date(today(), council=council),
        contact_name=d.author_name or d.author.display_name,
        contact_email=d.author_email,
        contact_phone=d.author_phone,
        expected_exempt=d.has_exempt_information,
        exempt_paragraphs=list(d.part2_paragraphs) if d.has_exempt_information else [],
    )


@transaction.atomic
def propose_plan_item(decision, *, actor, revision=None):
    """EXEC-5: a draft Forward Plan item made from the record's answers, linked to the record as its
    route; the officer then checks it and proposes it to Democratic Support."""
    locked = RECORDS.lock_for_edit(decision, actor=actor, revision=revision)
    item = plan_services.create_item(actor=actor, **_plan_item_fields(locked))
    locked.plan_item = item
    locked.key_decision_route = KeyDecisionRoute.FORWARD_PLAN
    RECORDS.touch(locked, actor=actor, summary=f"Proposed for the Forward Plan: {item.title}")
    return item
