"""Routes of the call-in staff pages (callin/urls.py), merged into tests/test_smoke.py ROUTES."""

from callin import services
from callin.models import CallIn
from tests.callin.pages_helpers import meeting, published_decision, requested, three_councillors


def _ds(request):
    return request.getfixturevalue("democratic_support")


def _decision(request):
    return {"pk": published_decision().pk}


def _gathering(request):
    return {"pk": requested(published_decision(), [request.getfixturevalue("councillor")]).pk}


def _requested_call_in():
    return requested(published_decision(), three_councillors())


def _requested(request):
    return {"pk": _requested_call_in().pk}


def _called_in_call_in(request):
    call_in = _requested_call_in()
    services.validate(call_in, actor=_ds(request))
    return CallIn.objects.get(pk=call_in.pk)


def _called_in(request):
    return {"pk": _called_in_call_in(request).pk}


def _outcome(outcome):
    def kwargs(request):
        call_in = _called_in_call_in(request)
        services.schedule(call_in, actor=_ds(request), meeting=meeting(call_in.decision.call_in_ends_on))
        call_in = CallIn.objects.get(pk=call_in.pk)
        on = call_in.decision.published_at.date()
        services.record_outcome(call_in, actor=_ds(request), outcome=outcome, on=on, concerns="Consult the families.")
        return {"pk": call_in.pk}

    return kwargs


ROUTES = {
    "callin:open": ("democratic_support", None, "get"),
    "callin:request": ("councillor", _decision, "get"),
    "callin:detail": ("democratic_support", _requested, "get"),
    "callin:add-name": ("councillor", _gathering, "get"),
    "callin:withdraw": ("councillor", _gathering, "get"),
    "callin:validate": ("democratic_support", _requested, "get"),
    "callin:reject": ("democratic_support", _requested, "get"),
    "callin:schedule": ("democratic_support", _called_in, "get"),
    "callin:outcome": ("democratic_support", _called_in, "get"),
    "callin:council-outcome": ("democratic_support", _outcome("referred_to_council"), "get"),
    "callin:reconsider": ("democratic_support", _outcome("referred_back"), "get"),
}
