"""Real services for the tests that need them, started on 127.0.0.1 on a free port and stopped after.

moto's standalone S3 server (a pinned dev dependency) and Debian's `redis-server`. A missing
binary skips the test and says why, unless REQUIRE_SERVICES is set (CI sets it): then it fails.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _required():
    return os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def missing(message):
    if _required():
        pytest.fail(message + " REQUIRE_SERVICES is set, so this is a failure, not a skip.")
    pytest.skip(message)


def _wait_for_port(port, process, name, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on 127.0.0.1:{port} within {timeout} s")


@contextmanager
def running(command, port, name, **popen):
    """`command` running until the block ends; waits for `port` to listen (None: only that it started)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)
    try:
        if port is not None:
            _wait_for_port(port, process, name)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def moto_s3():
    """An S3-compatible server; yields its endpoint URL."""
    binary = Path(sys.executable).with_name("moto_server")
    if not binary.exists():
        missing("moto's server is not installed (pip install 'moto[server]', a dev dependency).")
    port = free_port()
    with running([str(binary), "-H", "127.0.0.1", "-p", str(port)], port, "moto_server"):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def redis_server():
    """A throwaway Redis with nothing saved to disk; yields (its URL, the process)."""
    binary = shutil.which("redis-server")
    if not binary:
        missing("redis-server is not installed (apt-get install redis-server).")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with running(command, port, "redis-server") as process:
        yield f"redis://127.0.0.1:{port}/0", process


ROOT = Path(__file__).resolve().parents[1]
OIDC_CLIENT_ID, OIDC_CLIENT_SECRET = "council-decisions", "a client secret: with / and + to encode"


@contextmanager
def oidc_provider():
    """node-oidc-provider (package.json; `npm ci`) with this service as its client (tests/council/
    oidc_provider.mjs says which logins have which claims); yields its issuer URL."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "oidc-provider").is_dir():
        missing("node-oidc-provider is not installed (apt-get install nodejs npm; npm ci).")
    port = free_port()
    script = ROOT / "tests" / "council" / "oidc_provider.mjs"
    with running([node, str(script), str(port), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET], port, "oidc-provider"):
        yield f"http://127.0.0.1:{port}"
