"""Personas for every role, and the browser harness (Debian's Chromium through Playwright, axe-core)."""

import contextlib
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import PERSONAS, fast_passwords, make_persona  # noqa: F401 - autouse fixture

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM refuses to
# run there unless told that this single-threaded use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_SOURCE = (Path(__file__).parent / "browser" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# resultTypes: axe still runs every rule on every element, but stops collecting the elements that
# pass or do not apply, which about halves its time; violations are reported in full.
AXE_RUN = "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


def pytest_configure(config):
    static_backend = settings.STORAGES["staticfiles"]["BACKEND"]
    if "Manifest" in static_backend:
        raise pytest.UsageError(
            "Tests need plain static files (manifest storage hides the CSS from axe under the live "
            "server). Run them with `make test`, or set DJANGO_PLAIN_STATIC=true."
        )


# --- which tests the database engine can change ----------------------------------------------
# CI runs every test on PostgreSQL, the engine that ships, then again on SQLite (the engine of
# `make run`) only those whose outcome the engine can change: the tests that use the test database
# and are not browser tests. A test without database access behaves the same in both runs, and a
# browser test checks pages, axe and the journey through the live server, which do not depend on
# the engine; they are marked here, from what each test uses, so no test has to remember to say it.
# `make test` without PostgreSQL still runs everything on SQLite.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses_database = (
            item.get_closest_marker("django_db")
            or DATABASE_FIXTURES & set(item.fixturenames)
            # request.getfixturevalue() may fetch a persona, and with it the database, at run time.
            or "request" in getattr(getattr(item, "_fixtureinfo", None), "argnames", ())
        )
        if item.get_closest_marker("browser") or not uses_database:
            item.add_marker(pytest.mark.engine_independent)
    _order(items)


# --- balance on two workers --------------------------------------------------------------------
# `--dist loadfile` hands whole files to the workers in the order of the collection, and xdist's
# default reorders that by the number of tests in a file, most first: the files of one or two long
# tests (the browser journeys, Schemathesis, the production profile) came last, and the run ended
# with one worker on them and the other idle. `make test` turns that reordering off
# (--no-loadscope-reorder) and the files come in order of an estimate of their cost, the longest
# first, so the short files fill the gaps at the end. The estimate (seconds on CI, roughly) comes
# from what a test uses, or for the files whose tests start other programs (gunicorn, pg_dump, a
# second Django) from a measured run; a wrong estimate only changes the order, never what runs.
MEASURED_SECONDS = {  # the whole file on CI, from --durations on PostgreSQL (busy machine / 7.7)
    "tests/hostile/test_fuzz.py": 160.0,
    "tests/council/test_backups.py": 60.0,
    "tests/deploy/test_production_profile.py": 45.0,
    "tests/browser/test_decision_journey.py": 43.0,
    "tests/decisions/test_documents.py": 35.0,
    "tests/browser/test_report_journey.py": 30.0,
}


# The module fixtures whose rows stay in the database until the module's last test (see
# built_once_per_module below): the tests that use one run after the module's other tests.
HELD_FOR_THE_MODULE = {"_demo_rows_for_module"}


def _estimated_seconds(item):
    names = set(getattr(item, "fixturenames", ()))
    transactional = "transactional_db" in names or any(
        marker.kwargs.get("transaction") for marker in item.iter_markers("django_db")
    )
    if item.get_closest_marker("browser") or "live_server" in names:
        return 8.0
    if transactional:
        return 5.0
    if "demo_loaded" in names:
        return 1.0
    return 0.3 if DATABASE_FIXTURES & names or item.get_closest_marker("django_db") else 0.05


def _order(items):
    """Files longest first; within each file the tests that start from data built once for the module
    (the demo, see demo_loaded below, and built_once_per_module) last, together: that data stays in
    the database until the module ends. Stable: the order is otherwise kept."""
    first_seen, cost = {}, {}
    root = Path(__file__).parent.parent
    for position, item in enumerate(items):
        first_seen.setdefault(item.path, position)
        cost[item.path] = cost.get(item.path, 0.0) + _estimated_seconds(item)
    for path in cost:
        relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        cost[path] = MEASURED_SECONDS.get(relative, cost[path])
    items.sort(
        key=lambda item: (
            -cost[item.path],
            first_seen[item.path],
            bool(HELD_FOR_THE_MODULE & set(getattr(item, "fixturenames", ()))),
        )
    )


# --- personas -------------------------------------------------------------------------------
# One fixture per role, all from tests/factories.PERSONAS, so a record built by the decision
# factories and a persona fixture in the same test are the same person.


def _persona_fixture(name):
    @pytest.fixture(name=name)
    def _fixture(db):
        return make_persona(name)

    return _fixture


for _name in PERSONAS:
    globals()[_name] = _persona_fixture(_name)


@pytest.fixture
def member_of_public():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


ROLE_PERSONAS = [name for name in PERSONAS if name != "other_officer"]


# --- the test databases --------------------------------------------------------------------
# Django keeps a connection per thread and per context (asgiref's Local, on contextvars). Once the
# first browser test has started Playwright's sync API, the tests run in another context, so they
# open a connection of their own beside the one `django_db_setup` made; its teardown closed only
# its own, and on PostgreSQL the DROP DATABASE waited five seconds for the other and gave up ("is
# being accessed by other users"), once per worker. So every connection this thread opened during
# the session, in whichever context, is closed before the drop.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    import weakref

    from django.db import DatabaseError
    from django.db.backends.signals import connection_created

    opened = weakref.WeakSet()

    def remember(sender, connection, **kwargs):
        opened.add(connection)

    connection_created.connect(remember, weak=False, dispatch_uid="tests-opened-connections")
    yield
    connection_created.disconnect(dispatch_uid="tests-opened-connections")
    for wrapper in list(opened):
        with contextlib.suppress(DatabaseError):  # another thread's (the live server's): it closes its own
            wrapper.close()


# --- the council's identity provider ---------------------------------------------------------


@pytest.fixture(scope="session")
def oidc_issuer():
    """A real OpenID Connect provider for the run (tests/services.py), once per worker."""
    from tests import services

    with services.oidc_provider() as issuer:
        yield issuer


@pytest.fixture
def oidc_on(settings, oidc_issuer):
    """Staff sign-in through that provider switched on, as DJANGO_OIDC_* would; yields its issuer."""
    from tests import services

    settings.OIDC_ISSUER, settings.OIDC_PROVIDER_NAME = oidc_issuer, "Plymouth City Council"
    settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET = services.OIDC_CLIENT_ID, services.OIDC_CLIENT_SECRET
    return oidc_issuer


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
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


# When set, every page passed to axe is also saved here for the W3C Nu HTML checker
# (scripts/production_check.sh validates the directory; .ci/run sets it).
HTML_ARTIFACTS_DIR = os.environ.get("HTML_ARTIFACTS_DIR")


class Axe:
    """Runs axe-core in the page and fails the test on any WCAG 2.2 A/AA violation."""

    def __init__(self, page):
        self.page = page
        self.document = None  # the last main-document response: the HTML as served, not as scripts left it
        if HTML_ARTIFACTS_DIR:
            page.on("response", self._remember_document)

    def _remember_document(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            self.document = response

    def _save_html(self):
        try:
            html = self.document.body() if self.document is not None else self.page.content().encode()
        except Exception:  # a body Chromium no longer holds (a later navigation): the serialised DOM
            html = self.page.content().encode()
        test = os.environ.get("PYTEST_CURRENT_TEST", "page").split(" ")[0]
        name = re.sub(r"[^A-Za-z0-9]+", "-", test).strip("-")[-100:]
        folder = Path(HTML_ARTIFACTS_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.{hashlib.sha256(html).hexdigest()[:12]}.html").write_bytes(html)

    def check(self, context=""):
        if HTML_ARTIFACTS_DIR:
            self._save_html()
        # evaluate() runs outside the page's CSP, so the strict policy stays on for the test.
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(AXE_RUN, AXE_TAGS)
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


@pytest.fixture(autouse=True)
def empty_page_cache():
    """The suite runs with the public page cache on, as shipped, but each test starts with it empty:
    a test's data is rolled back, so the public version can repeat and must not find the page
    another test cached under it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# A small valid PDF in place of WeasyPrint's render (its edge, `HTML.write_pdf`, never the project's
# code), for tests that publish (tasks run at once, so publishing renders the public PDF in the
# request, 1-3 s each) but are not about the PDF. A test opts in with
# `pytest.mark.usefixtures("no_pdf_render")`; every test that reads a PDF back renders it for real.
STAND_IN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def no_pdf_render():
    from unittest import mock

    from weasyprint import HTML

    with mock.patch.object(HTML, "write_pdf", return_value=STAND_IN_PDF):
        yield


# --- the demo, built once per test session ---------------------------------------------------
# `load_demo` renders PDFs with WeasyPrint and takes seconds; the dozens of tests that start from
# the demo would each pay that. So each test session (each xdist worker) runs the real loader once,
# in a transaction it rolls back, keeping the rows it made (dumpdata) and the files it stored; each
# test that asks for `demo_loaded` gets those rows back inside its own transaction (rolled back
# after it, like any test's data) and its own copy of the files in its MEDIA_ROOT.
# Content types and permissions are made by migrate, never by the demo, so they are left out.
DEMO_DUMP_EXCLUDES = ["contenttypes", "auth.permission", "sessions"]


# A test that empties the database (a live-server test's flush) gets the council's defaults back
# with new ids, so a snapshot is kept per starting state: the rows the test database holds before
# the demo is loaded decide which snapshot fits. On PostgreSQL a flush does not restart the id
# sequences, so every transactional test left a state of its own and the next demo module built the
# demo again (about 45 s each on this machine). So a state without a snapshot is first emptied
# the way `manage.py flush` does it (ids restarted, the defaults made again by post_migrate),
# which gives the same rows every time. The snapshots are kept in a folder the run's workers share
# (xdist gives each worker a folder under the run's own), behind a file lock: the first worker to
# need the demo builds it and the others load its rows (their test databases start from the same
# rows, so the same key), so the demo is built once per test session, not once per worker.
_DEMO_SNAPSHOTS = {}


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-snapshots"
    folder.mkdir(exist_ok=True)
    return folder


@contextlib.contextmanager
def _locked(folder):
    """One worker at a time in `folder` (an exclusive lock on a file in it, released on exit)."""
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _demo_snapshot(folder):
    """(the demo's rows as a fixture file, the demo's stored files) for the database as it is now."""
    with _locked(folder):
        return _demo_snapshot_locked(folder)


def _demo_snapshot_locked(folder):
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    def built(key):
        dump, media = folder / f"demo-{key}.json", folder / f"media-{key}"
        return (dump, media) if key in _DEMO_SNAPSHOTS or dump.exists() else None

    before = _row_keys(_rows())
    key = _state_key(before)
    if not built(key):
        call_command("flush", interactive=False, verbosity=0)
        before = _row_keys(_rows())
        key = _state_key(before)
    if snapshot := built(key):
        _DEMO_SNAPSHOTS[key] = snapshot
        return snapshot
    dump, media = folder / f"demo-{key}.json", folder / f"media-{key}"
    with (
        # As each test did when it ran the loader itself: DEBUG on (the demo refuses otherwise),
        # fast_passwords' hasher, and its files in a temporary directory.
        override_settings(
            DEBUG=True, MEDIA_ROOT=media, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
        transaction.atomic(),
    ):
        call_command("load_demo", "--quiet-accounts", verbosity=0)
        # Only what the loader made or changed: each test already has what migrate made.
        # Written whole, then renamed: another worker never reads half a file.
        part = dump.with_suffix(".part")
        part.write_text(json.dumps([row for row in _rows() if json.dumps(row, sort_keys=True) not in before]))
        part.replace(dump)
        transaction.set_rollback(True)
    _DEMO_SNAPSHOTS[key] = (dump, media)
    return dump, media


def _state_key(row_keys):
    return hashlib.sha256("\n".join(sorted(row_keys)).encode()).hexdigest()[:16]


def _rows():
    from django.core.management import call_command

    out = io.StringIO()
    call_command("dumpdata", exclude=DEMO_DUMP_EXCLUDES, stdout=out, verbosity=0)
    return json.loads(out.getvalue())


def _row_keys(rows):
    return {json.dumps(row, sort_keys=True) for row in rows}


# Loading the snapshot (loaddata: every row saved through the ORM) cost each demo test about a
# second of CPU per database engine, for the same rows every time. So each test module loads them
# once, inside a transaction held open for the module's demo tests and rolled back after them; each
# test runs inside it in a savepoint (pytest-django's `db` nests in an open transaction), rolled
# back after the test as before, so a test still starts from the demo exactly as `load_demo` left it.
# The demo tests of a module run after its other tests (pytest_collection_modifyitems above), so no
# test without the demo runs while it is loaded.


@pytest.fixture(scope="module")
def _demo_rows_for_module(django_db_setup, django_db_blocker, demo_folder):
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        dump, media = _demo_snapshot(demo_folder)
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            call_command("loaddata", str(dump), verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
            raise
    yield media
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture
def demo_loaded(_demo_rows_for_module, db, settings, tmp_path, request):
    """The demo, as `load_demo` leaves it, in this test's transaction and MEDIA_ROOT."""
    # A transactional test would commit into, and flush, the module's demo transaction.
    assert "transactional_db" not in request.fixturenames, "demo_loaded runs in a transaction: use db"
    media = _demo_rows_for_module
    settings.MEDIA_ROOT = tmp_path / "media"
    if media.exists():
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)


# --- other data built once per module ------------------------------------------------------------
# The same held transaction for a test module's own data: a table of checks that each start from the
# same records (permissions for every persona, a crawl of everything public) built them once per
# test, seconds each with the workflow and the PDF renders, for rows no test changes for good. Built
# once per module instead, in a transaction held open until the module's last test and rolled back
# then; each test runs in its own savepoint inside it and is rolled back as before, so every test
# still starts from exactly the rows the builder made. The tests using it run after the module's
# other tests (_order above), which never see these rows.


def built_once_per_module(name):
    """Decorator: `build()` runs once per test module; the fixture `name` gives (what it returned,
    the folder its stored files went to). A test's fixture takes it with `db` and passes it to
    held_for_the_test, and fetches the rows again by primary key (no test sees another's changes
    to a Python object)."""

    def decorate(build):
        @pytest.fixture(scope="module", name=name)
        def _fixture(django_db_setup, django_db_blocker, tmp_path_factory):
            from django.db import transaction
            from django.test.utils import override_settings

            media = tmp_path_factory.mktemp(name.strip("_"))
            with django_db_blocker.unblock():
                module_transaction = transaction.atomic()
                module_transaction.__enter__()
                try:
                    # As each test had it: fast_passwords' hasher, its files in a temporary directory.
                    hasher = "django.contrib.auth.hashers.MD5PasswordHasher"
                    with override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=[hasher]):
                        value = build()
                except BaseException:
                    transaction.set_rollback(True)
                    module_transaction.__exit__(None, None, None)
                    raise
            yield value, media
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                module_transaction.__exit__(None, None, None)

        HELD_FOR_THE_MODULE.add(name)
        return _fixture

    return decorate


def held_for_the_test(request, held):
    """What a built_once_per_module fixture built (`held`, the fixture's value, which the test's own
    fixture names beside `db`), with its files copied into this test's MEDIA_ROOT."""
    assert "transactional_db" not in request.fixturenames, "data built once per module: use db"
    value, media = held
    if media.exists():
        shutil.copytree(media, request.getfixturevalue("settings").MEDIA_ROOT, dirs_exist_ok=True)
    return value
