"""Every named URL answers for a persona allowed to use it.

A new URL name fails this test until it is listed in ROUTES with the persona who may use it
and the arguments it needs, so no page is added without at least one check.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# name -> (persona fixture or None for the public, kwargs factory taking the request fixture, method)
ROUTES = {
    "home": (None, None, "get"),
    "login": (None, None, "get"),
    "logout": ("officer", None, "post"),
    "staff-home": ("officer", None, "get"),
    "accessibility": (None, None, "get"),
}


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_named_url_is_listed():
    missing = sorted(set(named_urls()) - ROUTES.keys())
    assert not missing, f"Add these URL names to tests/test_smoke.py ROUTES: {missing}"


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_named_url_answers_for_authorised_persona(client, db, request, name):
    persona, kwargs_factory, method = ROUTES[name]
    if persona:
        client.force_login(request.getfixturevalue(persona))
    kwargs = kwargs_factory(request) if kwargs_factory else {}
    response = getattr(client, method)(reverse(name, kwargs=kwargs))
    assert response.status_code in {200, 302}, f"{name} answered {response.status_code}"


def test_admin_index_answers_for_administrator(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200
