"""Every named URL answers for a persona allowed to use it.

A new URL name fails this test until it is listed in ROUTES with the persona who may use it
and the arguments it needs, so no page is added without at least one check.
"""

import importlib

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from decisions.models import Status
from tests.decisions.factories import DecisionFactory, add_exempt_documents, advance, pdf_file

# Whether each URL answers, not what a PDF holds (tests/decisions/test_documents.py and the public
# outputs' crawls read PDFs back): WeasyPrint is stopped at its edge (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_pdf_render")


def _draft(request, **extra):
    return {"pk": DecisionFactory().pk, **extra}


def _child(related):
    def kwargs(request):
        decision = DecisionFactory(consulted=True)
        add_exempt_documents(decision)
        return {"pk": decision.pk, "child": getattr(decision, related).first().pk}

    return kwargs


def _paper_with_file(published):
    """OLGB-5: a record's background paper with a file: by its number on the public page once published,
    else by its id on the staff download."""

    def kwargs(request):
        decision = DecisionFactory()
        paper = decision.background_papers.create(
            title="Traffic survey", file=pdf_file("survey.pdf"), original_filename="survey.pdf"
        )
        if published:
            return {"slug": advance(decision, to=Status.PUBLISHED).reference_slug, "number": 1}
        return {"pk": decision.pk, "child": paper.pk}

    return kwargs


def _in_state(status, **extra):
    return lambda request: {"pk": DecisionFactory(urgent=True, state=status).pk, **extra}


def _published_slug(request):
    return {"slug": DecisionFactory(state=Status.PUBLISHED).reference_slug}


def _published_slug_with_pdf(request):
    """A published record whose public PDF the worker has stored (before that, its URL is a 503)."""
    from decisions import documents

    return {"slug": documents.store_public_pdf(DecisionFactory(state=Status.PUBLISHED)).reference_slug}


def _public_appendix(request):
    decision = DecisionFactory(exempt=True)  # with exempt appendix A and public appendix B (S12A-4)
    public = decision.appendices.get(ref="B")
    public.file, public.original_filename = pdf_file("eia.pdf"), "eia.pdf"
    public.save()
    advance(decision, to=Status.PUBLISHED)
    return {"slug": decision.reference_slug, "ref": "B"}


def with_oidc_on(request):
    """Sign-in through the council's identity provider switched on, with a real provider running."""
    request.getfixturevalue("oidc_on")
    return {}


# name -> (persona fixture or None for the public, kwargs factory taking the request fixture, method)
ROUTES = {
    "home": (None, None, "get"),
    "login": (None, None, "get"),
    "logout": ("officer", None, "post"),
    "oidc-start": (None, with_oidc_on, "post"),  # to the provider (tests/council/test_oidc.py: the round trip)
    "oidc-callback": (None, with_oidc_on, "get"),  # opened on its own: back to the sign-in page
    "staff-home": ("officer", None, "get"),
    "accessibility": (None, None, "get"),
    "decisions:list": (None, None, "get"),
    "decisions:download-csv": (None, None, "get"),
    "decisions:download-json": (None, None, "get"),
    "decisions:contracts-csv": (None, None, "get"),
    "decisions:contracts-json": (None, None, "get"),
    "decisions:feed": (None, None, "get"),
    "robots": (None, None, "get"),
    "sitemap-index": (None, None, "get"),
    "django.contrib.sitemaps.views.sitemap": (None, lambda request: {"section": "decisions"}, "get"),
    "decisions:detail": (None, _published_slug, "get"),
    "decisions:public-appendix": (None, _public_appendix, "get"),
    "decisions:public-paper": (None, _paper_with_file(published=True), "get"),
    "decisions:pdf": (None, _published_slug_with_pdf, "get"),
    "decisions:start": ("officer", None, "get"),
    "decisions:tasks": ("officer", _draft, "get"),
    "decisions:delete-draft": ("officer", _draft, "get"),
    "decisions:task": ("officer", lambda r: _draft(r, task="details"), "get"),
    "decisions:check": ("officer", _draft, "get"),
    "decisions:consultation-add": ("officer", _draft, "post"),
    "decisions:consultation-remove": ("officer", _child("consultations"), "post"),
    "decisions:appendix-add": ("officer", _draft, "post"),
    "decisions:appendix-remove": ("officer", _child("appendices"), "post"),
    "decisions:appendix-download": ("officer", _child("appendices"), "get"),
    "decisions:paper-download": ("officer", _paper_with_file(published=False), "get"),
    "decisions:paper-add": ("officer", _draft, "post"),
    "decisions:paper-remove": ("officer", _child("background_papers"), "post"),
    "decisions:record": ("democratic_support", _draft, "get"),
    "decisions:sign-off": ("finance_reviewer", _in_state(Status.IN_SIGN_OFF, department="finance"), "get"),
    "decisions:return": ("finance_reviewer", _in_state(Status.IN_SIGN_OFF), "get"),
    "decisions:urgency": ("scrutiny_chair", _in_state(Status.IN_SIGN_OFF), "get"),
    "decisions:record-agreement": ("democratic_support", _in_state(Status.IN_SIGN_OFF), "get"),
    "decisions:sign": ("decision_maker", _in_state(Status.AWAITING_DECISION), "get"),
    "decisions:publish": ("democratic_support", _in_state(Status.DECIDED), "get"),
    "decisions:withdraw": ("officer", _draft, "get"),
    "decisions:record-pdf": ("democratic_support", _draft, "get"),
    "decisions:retry-pdf": ("democratic_support", _in_state(Status.PUBLISHED), "post"),
    "decisions:dispose-papers": ("democratic_support", _in_state(Status.PUBLISHED), "get"),
    "healthz": (None, None, "get"),
    "readyz": (None, None, "get"),
}


# Each part of the scrutiny pages keeps its own table of routes beside its tests.
for _module in (
    "tests.scrutiny.smoke_routes_staff",
    "tests.scrutiny.smoke_routes_public",
    "tests.api.smoke_routes",
    "tests.forwardplan.smoke_routes_staff",
    "tests.forwardplan.smoke_routes_public",
    "tests.notices.smoke_routes",
    "tests.decisions.urgent_report_routes",
    "tests.callin.smoke_routes_pages",
):
    try:
        ROUTES.update(importlib.import_module(_module).ROUTES)
    except ModuleNotFoundError as exc:
        if exc.name != _module:
            raise


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


HEAD_COMPARED = ("Content-Type", "Content-Disposition", "Cache-Control", "ETag", "Location")


@pytest.mark.parametrize("name", sorted(name for name, (_, _, method) in ROUTES.items() if method == "get"))
def test_named_url_answers_head_as_it_answers_get(client, db, request, name):
    """HTTP says a GET view answers HEAD too (crawlers and link checkers use it): same status and
    headers, no body."""
    persona, kwargs_factory, _ = ROUTES[name]
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = reverse(name, kwargs=kwargs_factory(request) if kwargs_factory else {})
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code, f"{name}: HEAD {head.status_code}, GET {got.status_code}"
    for header in HEAD_COMPARED:
        assert head.get(header) == got.get(header), f"{name}: {header} differs"
    assert not b"".join(head.streaming_content if head.streaming else [head.content])
