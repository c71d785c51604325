"""/api/: the documentation page, made from the OpenAPI document: a section per endpoint with an
example request that works, the OpenAPI link, the register's downloads and the licence."""

import html
import re

from django.urls import reverse

from api import openapi
from decisions.models import Status
from decisions.opendata import LICENCE_URL
from tests.api.data import quick_report
from tests.decisions.factories import DecisionFactory


def page(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    return html.unescape(response.content.decode())


def test_page_has_a_unique_title_one_h1_and_the_links(client, db):
    body = page(client)
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
    assert title.startswith("Open data API documentation")
    assert body.count("<h1") == 1
    for link in (reverse("api:openapi"), "/decisions/download.csv", "/decisions/download.json", LICENCE_URL):
        assert f'href="{link}"' in body, link


def test_a_section_per_endpoint_with_an_example_that_works(client, cast):
    decision = DecisionFactory(cast=cast, urgent=True, state=Status.PUBLISHED)
    report = quick_report(cast, 1)
    body = page(client)
    document = openapi.build()
    for path, item in document["paths"].items():
        anchor = item["get"]["operationId"]
        assert f'id="{anchor}"' in body and f"GET {path}" in body, path
    examples = openapi.examples()
    assert reverse("api:decision", kwargs={"id": decision.reference_slug}) == examples["api:decision"]
    assert reverse("api:report", kwargs={"id": report.pk}) == examples["api:report"]
    for name, example in examples.items():
        assert f'href="{example}"' in body, name
        response = client.get(example)
        assert response.status_code == 200, (name, example)
    assert examples["api:decisions"].endswith("?key_decision=no&urgent=yes&page_size=10")
    assert client.get(examples["api:decisions"]).json()["count"] == 1


def test_parameters_are_listed_with_their_types(client, db):
    body = page(client)
    for name in ("q", "directorate", "key_decision", "amount_min", "page", "page_size", "committee", "meeting"):
        assert re.search(f"<code[^>]*>{name}</code>", body), name
    assert "One of yes, no." in body and "Whole number." in body and "Date." in body
