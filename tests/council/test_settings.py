"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7#kq2!pL0vZ9@mR4$wT8^yB1&cN6*eH3(jF5)uD-sA+gQ=iK_oP[lM]nV{bX}zC",
    "DJANGO_DEBUG": "false",
    "DJANGO_ALLOWED_HOSTS": "decisions.plymouth.gov.uk",
    "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
}


def _run(args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_issues_with_production_values():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _run(["check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_secret_key():
    result = _run(["check"], {"DJANGO_DEBUG": "true"})
    assert result.returncode == 0, result.stderr


def test_content_security_policy_header_sent_with_nonce(client, db):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.text
