"""The API's HTTP conventions: the index, pagination, errors as JSON, GET only, CORS and caching."""

import pytest
from django.test import Client
from django.urls import reverse

from api import urls as api_urls
from api.http import MAX_PAGE_SIZE
from decisions.opendata import absolute
from tests.api.conftest import check_headers
from tests.api.data import quick_decision

LIST = "/api/v1/decisions/"


def api_paths():
    """Every API URL, with made-up ids (a 404 is as good as a 200 for methods and headers)."""
    kwargs = {"id": 1, "slug": "no-such-thing"}
    for pattern in api_urls.urlpatterns:
        needed = {name: kwargs[name] for name in pattern.pattern.converters}
        yield pattern.name, reverse(f"api:{pattern.name}", kwargs=needed)


def test_index_links_to_every_list_the_description_and_the_documentation(api, client, db):
    body = api.get(reverse("api:index"))
    for name in ("decisions", "committees", "meetings", "reports", "openapi"):
        assert body[name] == absolute(reverse(f"api:{name}"))
        assert client.get(reverse(f"api:{name}")).status_code == 200
    assert body["documentation"] == absolute(reverse("api:docs"))
    assert body["licence"]["name"] == "Open Government Licence v3.0"


@pytest.fixture
def seven(cast):
    return [quick_decision(cast, n) for n in range(1, 8)]


def test_pages_link_to_each_other_keeping_the_filters(api, seven):
    first = api.get(LIST, {"page_size": 3, "urgent": "no"})
    assert first["count"] == 7 and first["page"] == 1 and first["page_size"] == 3
    assert first["previous"] is None
    assert first["next"].startswith("http://") and "urgent=no" in first["next"] and "page=2" in first["next"]
    seen, page = [], first
    while True:
        seen.extend(item["id"] for item in page["results"])
        if not page["next"]:
            break
        page = api.get(page["next"].removeprefix(absolute("")))
        assert page["previous"]
    assert page["page"] == 3 and len(page["results"]) == 1
    assert seen == [item["id"] for item in api.get(LIST, {"page_size": MAX_PAGE_SIZE})["results"]]
    assert len(set(seen)) == 7


def test_default_page_size_is_25(api, cast):
    for n in range(1, 28):
        quick_decision(cast, n)
    body = api.get(LIST)
    assert body["page_size"] == 25 and len(body["results"]) == 25 and body["next"]
    assert len(api.get(LIST, {"page": 2})["results"]) == 2


# A page number of any length is a page (after the last: 404, tests/hostile/test_api_promises.py).
@pytest.mark.parametrize(
    ("name", "value"),
    [("page", v) for v in ["0", "-1", "abc", "1.5", "1e3", "２", "000"]]
    + [("page_size", v) for v in ["0", "-1", "abc", "1.5", "1e3", "２", "99999999999"]],
)
def test_bad_page_parameters_are_400_not_500(api, db, name, value):
    body = api.get(LIST, {name: value}, status=400)
    assert list(body["errors"]) == [name] and body["errors"][name][0].startswith("Enter a page")


def test_page_size_over_the_maximum_is_400(api, db):
    api.get(LIST, {"page_size": MAX_PAGE_SIZE})
    assert api.get(LIST, {"page_size": MAX_PAGE_SIZE + 1}, status=400)["errors"]["page_size"]


def test_page_after_the_last_is_404_and_an_empty_list_is_an_empty_first_page(api, seven):
    api.get(LIST, {"page": 4, "page_size": 2})
    body = api.get(LIST, {"page": 5, "page_size": 2}, status=404)
    assert body["message"] == "There is no page 5: the last page is 4."
    empty = api.get(LIST, {"key_decision": "yes"})
    assert empty["count"] == 0 and empty["results"] == [] and empty["next"] is None
    api.get(LIST, {"key_decision": "yes", "page": 2}, status=404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_every_endpoint_is_get_only(db, method):
    client = Client(enforce_csrf_checks=True)  # a read-only API answers 405, never a CSRF 403
    for name, path in api_paths():
        response = getattr(client, method)(path)
        assert response.status_code == 405, f"{method} {name}: {response.status_code}"
        assert response["Allow"] == "GET, HEAD"
        if name != "docs":
            check_headers(response)
            assert response.json()["status"] == 405


def test_head_answers_like_get(client, db):
    for name, path in api_paths():
        assert client.head(path).status_code == client.get(path).status_code, name


def test_headers_on_success_and_on_every_kind_of_error(client, db):
    for response in (
        client.get(LIST),
        client.get(LIST, {"page": "x"}),
        client.get(reverse("api:decision", kwargs={"id": "nope"})),
        client.post(LIST),
    ):
        check_headers(response)
    assert client.get(LIST)["Cache-Control"] == "public, max-age=300"


def test_signed_in_staff_get_exactly_what_the_public_gets(client, cast, officer, seven):
    public = client.get(LIST).content
    client.force_login(officer)
    assert client.get(LIST).content == public
    assert "Cookie" not in client.get(LIST).get("Vary", "")
