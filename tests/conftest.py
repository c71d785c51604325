"""Personas for every role, and the browser harness (Debian's Chromium through Playwright, axe-core)."""

import json
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from council import roles
from tests.factories import UserFactory

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM refuses to
# run there unless told that this single-threaded use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_SOURCE = (Path(__file__).parent / "browser" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_configure(config):
    static_backend = settings.STORAGES["staticfiles"]["BACKEND"]
    if "Manifest" in static_backend:
        raise pytest.UsageError(
            "Tests need plain static files (manifest storage hides the CSS from axe under the live "
            "server). Run them with `make test`, or set DJANGO_PLAIN_STATIC=true."
        )


# --- personas -------------------------------------------------------------------------------

def _persona(username, *role_names, **fields):
    return UserFactory(username=username, roles=list(role_names), **fields)


@pytest.fixture
def officer(db):
    return _persona("officer", roles.OFFICER, first_name="Olive", last_name="Officer", job_title="Head of Service")


@pytest.fixture
def other_officer(db):
    return _persona("other.officer", roles.OFFICER, first_name="Otto", last_name="Other")


@pytest.fixture
def decision_maker(db):
    return _persona(
        "decision.maker", roles.DECISION_MAKER, roles.OFFICER,
        first_name="Dana", last_name="Director", job_title="Director of Children's Services",
    )


@pytest.fixture
def democratic_support(db):
    return _persona("democratic.support", roles.DEMOCRATIC_SUPPORT, first_name="Della", last_name="Support")


@pytest.fixture
def finance_reviewer(db):
    return _persona("finance", "Finance reviewer", first_name="Dan", last_name="Norris", initials="djn")


@pytest.fixture
def legal_reviewer(db):
    return _persona("legal", "Legal reviewer", first_name="Lee", last_name="Gall")


@pytest.fixture
def hr_reviewer(db):
    return _persona("hr", "Human Resources reviewer", first_name="Kim", last_name="Bright", initials="KAB")


@pytest.fixture
def property_reviewer(db):
    return _persona("property", "Corporate Property reviewer", first_name="Pat", last_name="Roper")


@pytest.fixture
def procurement_reviewer(db):
    return _persona("procurement", "Procurement reviewer", first_name="Erin", last_name="Doyle", initials="ED")


@pytest.fixture
def monitoring_officer(db):
    return _persona("monitoring", "Monitoring Officer", first_name="Mo", last_name="Officer")


@pytest.fixture
def scrutiny_chair(db):
    from council.models import Committee

    chair = _persona("chair", roles.SCRUTINY_CHAIR, first_name="Jemima", last_name="Laing", honorific="Councillor")
    Committee.objects.filter(slug="education-and-childrens-social-care").update(chair=chair)
    return chair


@pytest.fixture
def cabinet_member(db):
    from council.models import CabinetPortfolio

    member = _persona("cabinet", roles.CABINET_MEMBER, first_name="Dave", last_name="Downie", honorific="Cllr")
    CabinetPortfolio.objects.filter(title__startswith="Education").update(member=member)
    return member


@pytest.fixture
def administrator(db):
    return _persona("administrator", roles.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def member_of_public():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


PERSONAS = [
    "officer", "decision_maker", "democratic_support", "finance_reviewer", "legal_reviewer", "hr_reviewer",
    "property_reviewer", "procurement_reviewer", "monitoring_officer", "scrutiny_chair", "cabinet_member",
    "administrator",
]


# --- browser --------------------------------------------------------------------------------

def _browser_required():
    return os.environ.get("REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; flags this machine's closed network needs."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); browser tests need it."
        if _browser_required():
            pytest.fail(message + " REQUIRE_BROWSER is set, so this is a failure, not a skip.")
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


class Axe:
    """Runs axe-core in the page and fails the test on any WCAG 2.2 A/AA violation."""

    def __init__(self, page):
        self.page = page

    def check(self, context=""):
        # evaluate() runs outside the page's CSP, so the strict policy stays on for the test.
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        where = context or self.page.url
        assert not violations, f"axe found WCAG violations on {where}:\n{json.dumps(violations, indent=2)}"
        return result


@pytest.fixture
def axe(page):
    return Axe(page)


@pytest.fixture
def sign_in(page, live_server):
    """Signs a persona in through the real form."""

    def _sign_in(user, password=PASSWORD):
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return _sign_in
