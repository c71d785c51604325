"""tests/api/smoke_routes.py lists every API URL name, and each answers for the public.

(tests/test_smoke.py runs the same table once it imports the module; this keeps the table honest
on its own.)"""

import pytest
from django.urls import reverse

from api import urls as api_urls
from tests.api.smoke_routes import ROUTES


def test_every_api_url_name_is_listed():
    assert set(ROUTES) == {f"api:{p.name}" for p in api_urls.urlpatterns}


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_answers(client, db, request, name):
    persona, kwargs_factory, method = ROUTES[name]
    kwargs = kwargs_factory(request) if kwargs_factory else {}
    assert getattr(client, method)(reverse(name, kwargs=kwargs)).status_code == 200
