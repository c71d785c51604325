"""Routes of the public Forward Plan (forwardplan/urls_public.py), for tests/test_smoke.py."""

from forwardplan.models import Status
from tests.forwardplan.public_items import plan_item


def _item(request):
    return {"reference_slug": plan_item(status=Status.DEFERRED, status_reason="Awaiting the audit").reference_slug}


ROUTES = {
    "forwardplan_public:plan": (None, None, "get"),
    "forwardplan_public:csv": (None, None, "get"),
    "forwardplan_public:json": (None, None, "get"),
    "forwardplan_public:feed": (None, None, "get"),
    "forwardplan_public:item": (None, _item, "get"),
}
