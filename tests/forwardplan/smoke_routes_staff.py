"""Routes of the Forward Plan's staff pages (forwardplan/urls.py), merged into tests/test_smoke.py ROUTES."""

import datetime

from forwardplan import services
from tests.forwardplan.factories import draft_item, published_item, submitted_item


def _draft(request):
    return {"pk": draft_item(request.getfixturevalue("officer")).pk}


def _submitted(request):
    return {"pk": submitted_item(request.getfixturevalue("officer")).pk}


def _published(request):
    return {"pk": published_item(request.getfixturevalue("officer"), request.getfixturevalue("democratic_support")).pk}


def _deferred(request):
    ds = request.getfixturevalue("democratic_support")
    item = published_item(request.getfixturevalue("officer"), ds)
    services.defer(item, actor=ds, reason="Consultation extended", expected_from=datetime.date(2027, 6, 1))
    return {"pk": item.pk}


ROUTES = {
    "forwardplan:plan": ("democratic_support", None, "get"),
    "forwardplan:new": ("officer", None, "get"),
    "forwardplan:item": ("democratic_support", _draft, "get"),
    "forwardplan:edit": ("officer", _draft, "get"),
    "forwardplan:submit": ("officer", _draft, "get"),
    "forwardplan:publish": ("democratic_support", _submitted, "get"),
    "forwardplan:return": ("democratic_support", _submitted, "get"),
    "forwardplan:defer": ("democratic_support", _published, "get"),
    "forwardplan:republish": ("democratic_support", _deferred, "get"),
    "forwardplan:withdraw": ("democratic_support", _published, "get"),
}
