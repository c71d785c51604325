"""The API keeps the promises of its OpenAPI description: Schemathesis (`--checks all`, positive
and negative examples, coverage, fuzzing and stateful phases) against a live server, bounded in
examples and time, must find nothing.

It runs the `schemathesis` command line, as a person would, so the checks are exactly `--checks all`.
The seed is fixed so a failure is reproducible (`st replay` prints how).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny.models import Meeting
from tests.api.data import quick_decision, quick_report

MAX_EXAMPLES = 12
MAX_SECONDS = 30


@pytest.mark.django_db(transaction=True)
def test_api_agrees_with_its_openapi_description(live_server, cast, tmp_path):
    for n in range(1, 4):
        quick_decision(cast, n)
    report = quick_report(cast, 1)
    assert Meeting.objects.filter(pk=report.meeting_id).exists()
    command = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
    result = subprocess.run(  # noqa: S603 - our own virtualenv's command, fixed arguments
        [
            command,
            "--no-color",
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--max-time",
            str(MAX_SECONDS),
            "--seed",
            "1",
            "--workers",
            "1",
        ],
        cwd=tmp_path,  # its .hypothesis cache and reports stay out of the project
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS * 4,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
