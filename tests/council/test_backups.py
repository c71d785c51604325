"""`manage.py backup` and `restore` round trip: every stored PDF still matches its recorded SHA-256.

Runs the real commands in separate processes on a file database and a media directory of its own,
with the demo loaded (it publishes a decision record and a briefing report, so two stored PDFs).
On PostgreSQL (DATABASE_URL set, as `make test-postgres` does) the same round trip uses
pg_dump and pg_restore on a database of its own.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORED = [
    "SELECT public_pdf, public_pdf_sha256 FROM decisions_decision WHERE public_pdf_sha256 != ''",
    "SELECT public_pdf, public_pdf_sha256 FROM scrutiny_briefingreport WHERE public_pdf_sha256 != ''",
]


def _manage(env, *args, timeout=300):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# The starting point, a migrated database with the demo loaded, in one process rather than two: each
# process pays for starting Django and importing WeasyPrint. The commands under test (backup,
# restore, verify_documents) still run each in a process of its own.
MIGRATE_AND_LOAD_DEMO = (
    "from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); "
    "call_command('load_demo', quiet_accounts=True)"
)


def _migrate_and_load_demo(env):
    return _manage(env, "shell", "--no-imports", "-c", MIGRATE_AND_LOAD_DEMO, timeout=600)  # the two's 300 s each


def _ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _stored(database):
    with sqlite3.connect(database) as db:
        return [row for query in STORED for row in db.execute(query)]


def test_backup_then_restore_keeps_every_stored_pdf_matching_its_sha256(tmp_path):
    database, media, backup = tmp_path / "db.sqlite3", tmp_path / "media", tmp_path / "backup"
    env = {
        "DJANGO_DEBUG": "true",  # the demo loader refuses otherwise; tasks run at once
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_LOG_FORMAT": "text",
    }
    _ok(_migrate_and_load_demo(env))
    before = _stored(database)
    # COD02 21/22, the Innovate Team report, the call-in demo's three published decisions and the
    # decision taken under special urgency (notices/demo.py)
    assert len(before) == 6

    _ok(_manage(env, "backup", "--to", str(backup)))
    assert {p.name for p in backup.iterdir()} == {"database.sqlite3", "media.tar.gz", "manifest.json"}

    # Disaster: the database and every file are lost.
    database.unlink()
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    media.rmdir()

    restored = _ok(_manage(env, "restore", str(backup)))
    assert "all 6 stored PDFs match their SHA-256" in restored.stdout
    after = _stored(database)
    assert after == before
    for name, digest in after:
        assert hashlib.sha256((media / name).read_bytes()).hexdigest() == digest

    # The check catches a changed file.
    tampered = media / after[0][0]
    tampered.write_bytes(tampered.read_bytes() + b"\n")
    check = _manage(env, "verify_documents")
    assert check.returncode != 0
    assert f"{after[0][0]} has SHA-256" in check.stderr


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL round trip: needs DATABASE_URL"
)
def test_backup_then_restore_on_postgresql_keeps_every_stored_pdf_matching_its_sha256(tmp_path):
    import dj_database_url
    import psycopg2

    server = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"backup_round_trip_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        dbname="postgres", user=server["USER"], password=server["PASSWORD"], host=server["HOST"], port=server["PORT"]
    )
    admin.autocommit = True

    def recreate():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')

    def stored():
        with (
            psycopg2.connect(
                dbname=name, user=server["USER"], password=server["PASSWORD"], host=server["HOST"], port=server["PORT"]
            ) as db,
            db.cursor() as cursor,
        ):
            rows = []
            for query in STORED:
                cursor.execute(query.replace("!= ''", "<> ''"))
                rows += cursor.fetchall()
            return rows

    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"
    media, backup = tmp_path / "media", tmp_path / "backup"
    env = {"DJANGO_DEBUG": "true", "DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(media), "DJANGO_LOG_FORMAT": "text"}
    recreate()
    try:
        _ok(_migrate_and_load_demo(env))
        before = stored()
        assert len(before) == 6  # as on SQLite above
        _ok(_manage(env, "backup", "--to", str(backup)))
        assert (backup / "database.dump").exists()
        recreate()  # disaster: an empty database
        restored = _ok(_manage(env, "restore", str(backup)))
        assert "all 6 stored PDFs match their SHA-256" in restored.stdout
        assert stored() == before
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
