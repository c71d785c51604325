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


def test_sign_in_with_an_identity_provider_refuses_half_a_configuration():
    for half in ({"DJANGO_OIDC_ISSUER": "https://login.example/tenant/v2.0"}, {"DJANGO_OIDC_CLIENT_ID": "decisions"}):
        result = _run(["check"], {**PRODUCTION_ENV, **half})
        assert result.returncode != 0
        assert "Set both DJANGO_OIDC_ISSUER and DJANGO_OIDC_CLIENT_ID" in result.stderr


def test_check_deploy_warns_when_the_identity_provider_is_not_https():
    provider = {"DJANGO_OIDC_CLIENT_ID": "decisions", "DJANGO_OIDC_CLIENT_SECRET": "s"}
    plain = _run(["check", "--deploy"], {**PRODUCTION_ENV, **provider, "DJANGO_OIDC_ISSUER": "http://login.example/t"})
    assert "council.W001" in plain.stderr + plain.stdout
    secure = {**PRODUCTION_ENV, **provider, "DJANGO_OIDC_ISSUER": "https://login.example/t"}
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], secure)
    assert result.returncode == 0, result.stdout + result.stderr


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


def _site_url(env):
    result = _run(["shell", "-c", "from django.conf import settings; print(settings.SITE_URL)"], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_site_url_follows_port_when_not_set():
    assert _site_url({"DJANGO_DEBUG": "true", "PORT": "8101"}) == "http://127.0.0.1:8101"


def test_site_url_defaults_to_port_8000():
    assert _site_url({"DJANGO_DEBUG": "true"}) == "http://127.0.0.1:8000"


def test_site_url_given_wins_over_port():
    env = {"DJANGO_DEBUG": "true", "PORT": "8101", "DJANGO_SITE_URL": "https://decisions.plymouth.gov.uk"}
    assert _site_url(env) == "https://decisions.plymouth.gov.uk"


def test_make_run_passes_the_port_into_site_url():
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SITE_URL", "PORT"}}
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert dry_run.returncode == 0, dry_run.stderr
    served = [line for line in dry_run.stdout.splitlines() if "runserver" in line]
    assert served and all("http://127.0.0.1:8101" in line and "PORT=8101" in line for line in served)
    loaded = [line for line in dry_run.stdout.splitlines() if "load_demo" in line]
    assert loaded and all("http://127.0.0.1:8101" in line for line in loaded)
