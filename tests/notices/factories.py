"""Decision records on the general exception and special urgency routes, for the notices' tests."""

from decisions.models import KeyDecisionRoute, Status
from tests.decisions.factories import Cast, DecisionFactory, education_committee


def general_exception_decision(**values):
    """A key decision on the general exception route, its scrutiny committee's chair recorded,
    submitted for sign-off (the notice is given about a submitted record)."""
    values.setdefault("scrutiny_committee", education_committee(Cast()))
    values.setdefault("state", Status.IN_SIGN_OFF)
    return DecisionFactory(key=True, plan_item=None, key_decision_route=KeyDecisionRoute.GENERAL_EXCEPTION, **values)


def special_urgency_decision(**values):
    return DecisionFactory(
        key=True,
        plan_item=None,
        key_decision_route=KeyDecisionRoute.SPECIAL_URGENCY,
        scrutiny_committee=education_committee(Cast()),
        urgency_reason="The provider stops trading on Friday; children would lose their placements.",
        **values,
    )
