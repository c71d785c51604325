"""The API's test harness: `api.get()` checks the conventions every response must keep (JSON, the
licence, CORS, caching) and validates the body against the OpenAPI document's schema for its path
and status, so every response in these tests is also a test of the document."""

from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from api import openapi
from api import urls as api_urls
from api.http import CACHE_CONTROL, ERROR_CACHE_CONTROL, LICENCE
from tests.api.schema import response_schema, validate
from tests.decisions.factories import Cast

PATHS = {f"api:{p.name}": openapi.url_path(p, "/api/") for p in api_urls.urlpatterns}


@pytest.fixture(autouse=True)
def quick_settings(settings, tmp_path):
    """Cheap password hashing for the many personas; uploads in a temporary directory."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cast(db):
    return Cast()


class Api:
    def __init__(self, client):
        self.client = client
        self.bodies = []

    def document(self):
        return openapi.build()

    def get(self, url, params=None, *, status=200):
        """GET `url`; checks the status, the headers and the body against the OpenAPI document."""
        response = self.client.get(url, params)
        text = response.content.decode()
        self.bodies.append(text)
        assert response.status_code == status, f"{url} {params}: {response.status_code} {text[:500]}"
        check_headers(response)
        body = response.json()
        name = resolve(urlsplit(url).path).view_name
        if name == "api:openapi":
            assert body["info"]["license"] == LICENCE  # the description carries it where OpenAPI says
        else:
            assert body["licence"] == LICENCE
            document = self.document()
            validate(document, body, response_schema(document, PATHS[name], status))
        return body


def check_headers(response):
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == f'<{LICENCE["url"]}>; rel="license"'
    expected = CACHE_CONTROL if response.status_code == 200 else ERROR_CACHE_CONTROL
    assert response["Cache-Control"] == expected


@pytest.fixture
def api(client):
    return Api(client)
