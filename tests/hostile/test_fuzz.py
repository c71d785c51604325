"""Hostile input never gives a 5xx and is never reflected unescaped (issue #10).

Forms are discovered, not listed: every page of tests/test_smoke.py's ROUTES (which fails when a
named URL is missing from it), each task page of both task lists, is fetched as the persona allowed
to use it, and every `<form method="post">` on it is read from the HTML (its action and every
input, select, textarea and file field). Each form is then posted

- with every field hostile at once (a few rounds, the values rotating through the fields),
- with two fields hostile at a time, the others as the page filled them (so the hostile values
  reach the form's deeper checks), each date input also given impossible dates, each file input
  an over-long file name,
- and once as every other role and as a visitor.

Query parameters: every parameter of the register, its downloads and feed, and of every API
endpoint (as the views declare them to the OpenAPI document), one hostile value at a time; path
parameters of every route, with hostile ids and slugs.

Values are sampled, not the full product: about 100 worker-seconds per database on 2 cores.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter, SlugConverter

from decisions.tasklist import TASKS as DECISION_TASKS
from scrutiny.tasklist import TASKS as REPORT_TASKS
from tests.conftest import ROLE_PERSONAS
from tests.test_smoke import ROUTES, with_oidc_on

pytestmark = pytest.mark.django_db

MARKER = "hostile7f3a"
SCRIPT = f"<script>{MARKER}"
ATTRIBUTE = f'onmouseover="{MARKER}'
HUGE = "99999999999999999999"
VALUES = [
    HUGE,
    "9" * 40,
    "²",
    "١٢٣",
    "a\x00b",
    "x" * 100_000,
    f'"><script>{MARKER}()</script>',
    f'" {ATTRIBUTE}()',
    "-1",
    "-" + HUGE,
    "0",
    "99999",
    "31/02/2021",
    "2021-02-31",
    "sNaN",
    "1e999999999",
    "../../etc/passwd",
    "",
]
IMPOSSIBLE_DATES = [("31", "2", "2021"), ("0", "1", "99999"), (HUGE, HUGE, HUGE)]
LONG_FILE_NAME = "a" * 250 + ".pdf"
FILE_CONTENTS = [b"%PDF-1.7\nhostile", f"<html>{SCRIPT}()</script></html>".encode()]
ROUNDS = 1  # all fields hostile at once

# Pages whose forms are posted: every GET route of the smoke table (non-HTML answers are skipped),
# the task pages of both task lists, and the sign-in page.
NOT_HTML = ("pdf", "download", "feed", "api:", "sitemap", "robots", "appendix")
FORM_PAGES = {
    name: (persona, kwargs)
    for name, (persona, kwargs, method) in ROUTES.items()
    if method == "get" and not any(part in name for part in NOT_HTML)
}
for _slug in DECISION_TASKS:
    FORM_PAGES[f"decisions:task/{_slug}"] = ("officer", lambda r, s=_slug: _route_kwargs(r, "decisions:task", task=s))
for _slug in REPORT_TASKS:
    FORM_PAGES[f"scrutiny:task/{_slug}"] = ("officer", lambda r, s=_slug: _route_kwargs(r, "scrutiny:task", task=s))
# The sign-in page with the identity provider's button (its form posts to oidc-start).
FORM_PAGES["login/council-account"] = (None, with_oidc_on)
NOT_POSTED = {"logout"}  # posting it signs the persona out; the smoke test posts it


def _route_kwargs(request, name, **extra):
    factory = ROUTES[name][1]
    return {**(factory(request) if factory else {}), **extra}


# — reading forms from HTML ------------------------------------------------------------------------


class Forms(HTMLParser):
    """Every <form method="post"> of a page: its action and its fields as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": {}, "files": [], "button": None}
            self.forms.append(self._form)
        if self._form is None or not a.get("name"):
            return
        name, fields = a["name"], self._form["fields"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                self._form["files"].append(name)
            elif kind in {"checkbox", "radio"}:
                fields.setdefault(name, [])
                if "checked" in a:
                    fields[name].append(a.get("value", "on"))
            elif kind in {"submit", "button"}:
                self._form["button"] = self._form["button"] or (name, a.get("value", ""))
            else:
                fields[name] = a.get("value", "")
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self._form["button"] = self._form["button"] or (name, a.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            fields[name] = ""
        elif tag == "select":
            self._select = name
            fields[name] = ""
        if tag == "option" and self._select and "selected" in a:
            fields[self._select] = a.get("value", "")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def page_forms(response, page_url):
    parser = Forms()
    parser.feed(response.content.decode())
    forms = []
    for form in parser.forms:
        action = urlsplit(form["action"] or page_url).path
        try:
            name = resolve(action).view_name
        except Resolver404:
            name = None
        if name in NOT_POSTED:
            continue
        form["fields"].pop("csrfmiddlewaretoken", None)
        form["action"], form["view_name"] = action, name
        forms.append(form)
    return forms


# — checks -----------------------------------------------------------------------------------------


def check(response, what):
    assert response.status_code < 500, f"{what} answered {response.status_code}"
    content_type = response.get("Content-Type", "")
    if "html" in content_type and not getattr(response, "streaming", False):
        body = response.content.decode(errors="replace")
        assert SCRIPT not in body and ATTRIBUTE not in body, f"{what} reflected the markup unescaped"
        # HTML forbids U+0000: a NUL posted in any field is never shown back (council.middleware.NoNulMiddleware).
        assert "\x00" not in body, f"{what} showed a NUL byte back in its HTML"


def _file(index):
    content = FILE_CONTENTS[index % len(FILE_CONTENTS)]
    return SimpleUploadedFile(LONG_FILE_NAME, content, content_type="text/html" if index % 2 else "application/pdf")


def _date_groups(fields):
    return sorted({name[:-2] for name in fields if re.search(r"_[012]$", name) and f"{name[:-2]}_2" in fields})


def hostile_posts(form):
    """(description, data) pairs: rounds with every field hostile, then each field hostile alone."""
    fields, names = form["fields"], sorted(form["fields"])
    button = dict([form["button"]]) if form["button"] else {}
    for r in range(ROUNDS):
        data = {name: VALUES[(r * 7 + i) % len(VALUES)] for i, name in enumerate(names)}
        yield f"round {r}", {**data, **button, **{f: _file(r) for f in form["files"]}}
    # Two fields hostile at a time (each gets its own sampled value), the rest as the page filled them.
    for i in range(0, len(names), 2):
        hostile = {name: VALUES[(j * 5 + (6 if j % 3 == 0 else 0)) % len(VALUES)] for j, name in enumerate(names)}
        pair = {name: hostile[name] for name in names[i : i + 2]}
        described = ", ".join(f"{name}={value[:20]!r}" for name, value in pair.items())
        yield described, {**fields, **pair, **button, **{f: _file(i) for f in form["files"]}}
    for group in _date_groups(fields):
        for day, month, year in IMPOSSIBLE_DATES:
            data = {**fields, f"{group}_0": day, f"{group}_1": month, f"{group}_2": year, **button}
            yield f"{group}={day}/{month}/{year}", data
    for k, name in enumerate(form["files"]):
        yield f"{name}=long name", {**fields, **button, name: _file(k)}


# — forms ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(FORM_PAGES))
def test_hostile_form_input_is_never_a_server_error(client, request, page):
    persona, kwargs_factory = FORM_PAGES[page]
    user = request.getfixturevalue(persona) if persona else None
    if user:
        client.force_login(user)
    kwargs = kwargs_factory(request) if kwargs_factory else {}
    url = reverse(page.split("/")[0], kwargs=kwargs)
    response = client.get(url)
    check(response, f"GET {url}")
    if "html" not in response.get("Content-Type", "") or getattr(response, "streaming", False):
        return
    forms = page_forms(response, url)
    for form in forms:
        for description, data in hostile_posts(form):
            check(client.post(form["action"], data), f"POST {form['action']} ({description}) as {persona}")
    # Every other role, and a visitor: one hostile round into each form.
    others = [request.getfixturevalue(name) for name in ROLE_PERSONAS if name != persona] if forms else []
    for n, other in enumerate([*others, None] if forms else []):
        client.logout()
        if other:
            client.force_login(other)
        for form in forms:
            data = {name: VALUES[(n + i) % len(VALUES)] for i, name in enumerate(sorted(form["fields"]))}
            check(client.post(form["action"], data), f"POST {form['action']} as {other or 'a visitor'}")


def test_forms_are_found_for_every_action_route(client, request):
    """The form discovery is not vacuous: each POST-only route of the smoke table is some page's form."""
    posted = {name for name, (_, _, method) in ROUTES.items() if method == "post"} - NOT_POSTED
    assert posted, "the smoke table lists no POST routes"
    found = set()
    for page, (persona, kwargs_factory) in FORM_PAGES.items():
        if not page.startswith(("decisions:task/", "scrutiny:task/", "scrutiny:section-edit", "login")):
            continue
        client.logout()
        if persona:
            client.force_login(request.getfixturevalue(persona))
        kwargs = kwargs_factory(request) if kwargs_factory else {}
        url = reverse(page.split("/")[0], kwargs=kwargs)
        response = client.get(url)
        found |= {form["view_name"] for form in page_forms(response, url)}
    # Removing a child and moving a section need one to exist, trying a PDF again needs one that
    # failed; the add routes are no page's form since the task pages became one form each, and are
    # posted with those pages' fields below. The rest are on the empty task pages.
    missing = {n for n in posted - found if not n.endswith(("-remove", "-move", ":retry-pdf")) and n not in ADD_ROUTES}
    assert not missing, f"no page was found with a form posting to {sorted(missing)}"


# The add routes a script may still post to, and the one-form task page whose fields they take.
ADD_ROUTES = {
    "decisions:consultation-add": "decisions:task/consultation",
    "decisions:appendix-add": "decisions:task/appendices",
    "decisions:paper-add": "decisions:task/appendices",
    "scrutiny:appendix-add": "scrutiny:task/appendices",
    "scrutiny:paper-add": "scrutiny:task/appendices",
}


@pytest.mark.parametrize("name", sorted(ADD_ROUTES))
def test_hostile_posts_to_the_add_routes_are_never_a_server_error(client, request, name):
    page = ADD_ROUTES[name]
    persona, kwargs_factory = FORM_PAGES[page]
    client.force_login(request.getfixturevalue(persona))
    kwargs = kwargs_factory(request)
    url = reverse(page.split("/")[0], kwargs=kwargs)
    (form,) = page_forms(client.get(url), url)
    action = reverse(name, kwargs={"pk": kwargs["pk"]})
    for description, data in hostile_posts(form):
        check(client.post(action, data), f"POST {action} ({description})")


# — query and path parameters ----------------------------------------------------------------------

REGISTER_PATHS = ["decisions:list", "decisions:download-csv", "decisions:download-json", "decisions:feed"]
API_LISTS = ["api:decisions", "api:committees", "api:meetings", "api:reports"]
QUERY_VALUES = [*VALUES, "31/02/2021", "1e999999999", "NaN", "Infinity", "１２"]


def _parameters(name):
    if name.startswith("api:"):
        return list(resolve(reverse(name)).func.query_parameters)
    from decisions.register import RegisterForm

    return [*RegisterForm.base_fields, "page"]


@pytest.mark.parametrize("name", REGISTER_PATHS + API_LISTS)
def test_hostile_query_parameters_are_never_a_server_error(client, name):
    from decisions.models import Status
    from tests.decisions.factories import DecisionFactory

    DecisionFactory(state=Status.PUBLISHED)
    url = reverse(name)
    parameters = _parameters(name)
    assert parameters
    for i, parameter in enumerate(parameters):
        for value in QUERY_VALUES[i % 3 :: 3]:  # a third of the values for each parameter
            response = client.get(url, {parameter: value})
            check(response, f"GET {url}?{parameter}={value[:20]!r}")
            if name.startswith("api:"):
                assert response["Content-Type"].startswith("application/json")
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)  # errors while streaming are 500s too
    everything = {parameter: QUERY_VALUES[i % len(QUERY_VALUES)] for i, parameter in enumerate(parameters)}
    check(client.get(url, everything), f"GET {url} with every parameter hostile")


PATH_VALUES = ["9" * 40, "x" * 300, "%00", "%3Cscript%3Ehostile7f3a"]
STAND_IN = {IntConverter: lambda n: str(1000 + n), SlugConverter: lambda n: f"stand-in-{n}"}


def routes_with_parameters(resolver=None, namespace="", converters=None):
    """(name, its converters by parameter) for every named route with path parameters."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        found = {**(converters or {}), **pattern.pattern.converters}
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from routes_with_parameters(pattern, inner, found)
        elif pattern.name and found:
            yield f"{namespace}{pattern.name}", found


def test_hostile_ids_and_slugs_in_paths_are_never_a_server_error(client, democratic_support):
    """Every parameter of every route's path, hostile in turn (the others stand-ins: nothing has them),
    as a member of staff (who gets past the sign-in redirect to the lookups)."""
    client.force_login(democratic_support)
    routes = sorted(routes_with_parameters())
    assert len(routes) > 20
    for name, converters in routes:
        method = ROUTES.get(name, (None, None, "get"))[2]
        stand_ins = {k: STAND_IN.get(type(c), lambda n: f"S{n}")(n) for n, (k, c) in enumerate(converters.items())}
        path = reverse(name, kwargs=stand_ins)
        for key, stand_in in stand_ins.items():
            for value in PATH_VALUES:
                hostile = path.replace(f"/{stand_in}/", f"/{value}/", 1)
                check(getattr(client, method)(hostile), f"{method.upper()} {hostile} ({key})")
