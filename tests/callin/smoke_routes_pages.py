"""Routes of the call-in staff pages (callin/urls.py), merged into tests/test_smoke.py ROUTES."""

from tests.callin.pages_helpers import published_decision, requested, three_councillors, validated, with_outcome


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


def _called_in(request):
    return {"pk": validated(_requested_call_in(), _ds(request)).pk}


def _outcome(outcome):
    def kwargs(request):
        decision = published_decision()
        call_in = validated(requested(decision, three_councillors()), _ds(request), meeting_on=decision.call_in_ends_on)
        return {"pk": with_outcome(call_in, _ds(request), outcome, on=decision.published_at.date()).pk}

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
