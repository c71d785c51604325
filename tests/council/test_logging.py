"""JSON logs with the request's id on every line; Sentry only when SENTRY_DSN is set."""

import io
import json
import logging

import pytest

from council.logging import JsonFormatter, RequestIdFilter
from tests.council.test_settings import PRODUCTION_ENV, _run


@pytest.fixture
def json_lines():
    """What the production handler writes for the `django.request` logger, as parsed JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_log_line_is_json_with_the_proxys_request_id(client, db, json_lines):
    response = client.get("/no-such-page/", headers={"X-Request-ID": "lb-4f2a9c"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-4f2a9c"
    [line] = json_lines()
    assert line["request_id"] == "lb-4f2a9c"
    assert (line["level"], line["logger"], line["message"]) == (
        "WARNING",
        "django.request",
        "Not Found: /no-such-page/",
    )
    assert line["status_code"] == 404 and line["time"].endswith("+00:00")


def test_request_without_an_id_gets_a_new_one_in_the_logs_and_the_response(client, db, json_lines):
    first = client.get("/no-such-page/")
    second = client.get("/no-such-page/", headers={"X-Request-ID": "bad id\nwith a newline"})
    ids = [first["X-Request-ID"], second["X-Request-ID"]]
    assert all(len(rid) == 32 for rid in ids) and ids[0] != ids[1]
    assert [line["request_id"] for line in json_lines()] == ids


def test_log_outside_a_request_has_no_request_id():
    record = logging.LogRecord("decisions.documents", logging.ERROR, __file__, 1, "render %s", ("failed",), None)
    RequestIdFilter().filter(record)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"


def test_log_format_comes_from_the_environment():
    code = "import logging; logging.getLogger('council').warning('ready')"
    as_json = _run(["shell", "--no-imports", "-c", code], {**PRODUCTION_ENV, "DJANGO_LOG_FORMAT": "json"})
    line = json.loads(as_json.stderr.strip().splitlines()[-1])
    assert (line["message"], line["request_id"]) == ("ready", "-")
    as_text = _run(["shell", "--no-imports", "-c", code], {**PRODUCTION_ENV, "DJANGO_LOG_FORMAT": "text"})
    assert as_text.stderr.strip().endswith("WARNING council [-] ready")
    wrong = _run(["check"], {**PRODUCTION_ENV, "DJANGO_LOG_FORMAT": "xml"})
    assert wrong.returncode != 0 and "DJANGO_LOG_FORMAT must be json or text" in wrong.stderr


def test_sentry_is_imported_only_when_sentry_dsn_is_set():
    code = "import sys; print('sentry_sdk' in sys.modules)"
    without = _run(["shell", "--no-imports", "-c", code], PRODUCTION_ENV)
    assert without.stdout.strip() == "False", without.stderr
    # A DSN nothing listens on: init connects only when there is something to send.
    with_dsn = _run(["shell", "--no-imports", "-c", code], {**PRODUCTION_ENV, "SENTRY_DSN": "http://key@127.0.0.1:9/1"})
    assert with_dsn.stdout.strip() == "True", with_dsn.stderr
