"""Backups: the database and the private files, and a check that every stored PDF still matches its hash.

`manage.py backup` writes a directory holding the database (`pg_dump` custom format for
PostgreSQL, an online copy through SQLite's backup API otherwise), the private files as
`media.tar.gz` (local storage; a bucket is backed up by the object store itself) and
`manifest.json` listing every stored PDF with its SHA-256. `manage.py restore DIR` puts both back;
`manage.py verify_documents` checks every stored PDF against the hash recorded when it was
published, which is what makes a restore trustworthy. No app is named here: any model with
`public_pdf` and `public_pdf_sha256` fields is checked.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.utils import timezone

DATABASE_DUMP = "database.dump"
DATABASE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _engine():
    return settings.DATABASES["default"]["ENGINE"]


def _is_postgres():
    return "postgresql" in _engine()


def _postgres_env():
    """Connection arguments for pg_dump and pg_restore, from the settings (the password by environment)."""
    db = settings.DATABASES["default"]
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args, ({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})


def _run(command, env=None):
    # Fixed programs (pg_dump, pg_restore) with arguments from the settings, never from a request.
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(command, capture_output=True, text=True, env=full_env, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def stored_documents():
    """(model label, pk, storage name, recorded SHA-256) of every stored public PDF."""
    rows = []
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if {"public_pdf", "public_pdf_sha256"} <= names:
            for pk, name, digest in model.objects.exclude(public_pdf_sha256="").values_list(
                "pk", "public_pdf", "public_pdf_sha256"
            ):
                rows.append((model._meta.label, pk, name, digest))
    return rows


def verify_documents():
    """Every stored PDF against its recorded hash: (checked count, list of problems)."""
    problems = []
    documents = stored_documents()
    for label, pk, name, digest in documents:
        try:
            with default_storage.open(name, "rb") as handle:
                actual = hashlib.sha256(handle.read()).hexdigest()
        except FileNotFoundError:
            problems.append(f"{label} {pk}: {name} is missing")
            continue
        if actual != digest:
            problems.append(f"{label} {pk}: {name} has SHA-256 {actual}, recorded {digest}")
    return len(documents), problems


def backup(target):
    """Write a backup into the new directory `target`; returns the manifest."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=False)
    db = settings.DATABASES["default"]
    if _is_postgres():
        args, env = _postgres_env()
        _run(["pg_dump", "--format=custom", "--no-owner", *args, "-f", str(target / DATABASE_DUMP), db["NAME"]], env)
        database = DATABASE_DUMP
    elif _engine() == "django.db.backends.sqlite3":
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target / DATABASE_COPY)
        with copy:
            source.backup(copy)  # consistent even while the app is writing
        copy.close()
        source.close()
        database = DATABASE_COPY
    else:
        raise BackupError(f"No backup method for the database engine {_engine()}")

    media = None
    if isinstance(default_storage, FileSystemStorage):
        root = Path(default_storage.location)
        with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=".")
        media = MEDIA_ARCHIVE
    manifest = {
        "created": timezone.now().isoformat(),
        "database_engine": _engine(),
        "database": database,
        "media": media,
        "media_note": None if media else "Files are in object storage: back up the bucket (versioning, replication).",
        "documents": [
            {"model": label, "pk": pk, "name": name, "sha256": digest} for label, pk, name, digest in stored_documents()
        ],
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source):
    """Put the database and files of the backup in `source` back, replacing what is there."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text())
    db = settings.DATABASES["default"]
    if manifest["database"] == DATABASE_DUMP:
        if not _is_postgres():
            raise BackupError("This backup is of PostgreSQL; DATABASE_URL points elsewhere")
        args, env = _postgres_env()
        connection.close()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", *args, "-d", db["NAME"]]
        _run([*command, str(source / DATABASE_DUMP)], env)
    else:
        if _engine() != "django.db.backends.sqlite3":
            raise BackupError("This backup is of SQLite; DATABASE_URL points elsewhere")
        connection.close()
        copy = sqlite3.connect(source / DATABASE_COPY)
        target = sqlite3.connect(db["NAME"])
        with target:
            copy.backup(target)
        target.close()
        copy.close()
    if manifest["media"]:
        if not isinstance(default_storage, FileSystemStorage):
            raise BackupError("This backup holds local files; the storage is now object storage")
        root = Path(default_storage.location)
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        with tarfile.open(source / MEDIA_ARCHIVE, "r:gz") as archive:
            archive.extractall(root, filter="data")  # refuses absolute paths and ../
    return manifest
