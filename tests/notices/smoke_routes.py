"""The routes' and notices' URLs for tests/test_smoke.py: name -> (persona, kwargs factory, method)."""

from decisions.models import ChairAgreement, Status
from notices import services
from tests.decisions.factories import Cast, DecisionFactory
from tests.notices.factories import general_exception_decision, special_urgency_decision

REASONS = "The grant offer closes before 28 clear days' notice can run."


def _general_exception(request):
    return {"pk": general_exception_decision().pk}


def _given(request):
    decision = general_exception_decision()
    services.give_general_exception_notice(decision, actor=Cast().democratic_support, reasons=REASONS)
    return decision


def _special_urgency(request):
    decision = special_urgency_decision(state=Status.IN_SIGN_OFF)
    ChairAgreement.objects.filter(decision=decision).update(
        status=ChairAgreement.Outcome.AGREED, responded_on=decision.submitted_at.date()
    )
    return {"pk": decision.pk}


def _notice(request):
    return {"pk": _given(request).notices.get().pk}


ROUTES = {
    "decisions:general-exception-notice": ("democratic_support", _general_exception, "get"),
    "decisions:notice-of-reasons": ("democratic_support", lambda request: {"pk": _given(request).pk}, "get"),
    "decisions:special-urgency-notice": ("democratic_support", _special_urgency, "get"),
    "decisions:propose-plan-item": ("officer", lambda request: {"pk": DecisionFactory(key=True).pk}, "post"),
    "notices:list": (None, None, "get"),
    "notices:detail": (None, _notice, "get"),
}
