"""Production's task worker: publishing enqueues the PDF and email, `manage.py db_worker` does the work.

The tests switch the task backend to django-tasks-db's database queue (the suite otherwise runs
tasks in the request) and run the real worker command over the queue.
"""

import hashlib
from unittest import mock

import pytest
from asgiref.local import Local
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.core.signals import setting_changed
from django.tasks import task_backends
from django.test.utils import modify_settings
from django_tasks_db.models import DBTaskResult
from weasyprint import HTML

from council import documents as council_documents
from decisions import services
from decisions.models import Decision, Status
from tests.decisions.factories import Cast, DecisionFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOCMEM = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def _reset_task_backends(*, setting, **kwargs):
    # Django caches the configured backends; it does not reset them when a test changes TASKS.
    if setting == "TASKS":
        task_backends.__dict__.pop("settings", None)
        task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def database_queue(settings, tmp_path):
    setting_changed.connect(_reset_task_backends)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_QUEUE
    settings.MAILERS = {"default": {"BACKEND": "council.mail.QueuedEmailBackend"}, "delivery": LOCMEM}
    settings.TASK_RETRY_SECONDS = 0
    yield
    setting_changed.disconnect(_reset_task_backends)


def _work():
    # The worker closes its database connection between batches, as a long-running process should:
    # these tests commit for real (transactional_db), so that cannot break a test's transaction.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")


def test_publish_with_the_database_queue_enqueues_and_the_worker_renders_the_pdf(
    transactional_db, database_queue, django_capture_on_commit_callbacks
):
    cast = Cast()
    record = DecisionFactory(cast=cast, state=Status.DECIDED)
    mail.outbox.clear()
    refuse = AssertionError("rendered in the request")
    with mock.patch.object(HTML, "write_pdf", side_effect=refuse), django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(record, actor=cast.democratic_support)
    assert not Decision.objects.get(pk=record.pk).public_pdf_sha256
    queued = DBTaskResult.objects.get(task_path="decisions.documents.render_public_pdf")
    assert queued.status == "READY" and queued.args_kwargs["args"] == [record.pk]

    _work()

    record = Decision.objects.get(pk=record.pk)
    stored = record.public_pdf.open("rb").read()
    assert hashlib.sha256(stored).hexdigest() == record.public_pdf_sha256
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"


def test_email_with_the_database_queue_is_sent_by_the_worker_not_the_request(transactional_db, database_queue):
    mail.outbox.clear()
    mail.send_mail(
        "Sign-off needed", "Please sign off COD01 26/27.", "decisions@council.example", ["f@council.example"]
    )
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="council.mail.deliver_email", status="READY").count() == 1
    _work()
    assert [(m.subject, m.to) for m in mail.outbox] == [("Sign-off needed", ["f@council.example"])]


def test_failed_render_with_the_database_queue_is_retried_by_the_worker(transactional_db, database_queue, settings):
    settings.TASK_ATTEMPTS = 2
    cast = Cast()
    record = DecisionFactory(cast=cast, state=Status.PUBLISHED)
    from decisions import documents

    # Committed for real, the factory's steps queued their own renders and emails: only this one counts.
    DBTaskResult.objects.all().delete()
    documents.render_public_pdf.enqueue(record.pk)
    with mock.patch.object(HTML, "write_pdf", side_effect=OSError("font cache locked")):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", "--max-tasks", "1")
    record = Decision.objects.get(pk=record.pk)
    assert record.public_pdf_error == "OSError: font cache locked"
    assert record.events.filter(action=council_documents.RENDER_FAILED).count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs == {"args": [record.pk], "kwargs": {"attempt": 2}}

    _work()  # the second attempt succeeds and clears the failure

    record = Decision.objects.get(pk=record.pk)
    assert record.public_pdf_sha256 and record.public_pdf_error == ""
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_check_fails_when_the_task_backends_app_is_not_installed(db, settings):
    settings.TASKS = DATABASE_QUEUE
    with modify_settings(INSTALLED_APPS={"remove": ["django_tasks_db"]}):
        with pytest.raises(SystemCheckError, match="council.E001"):
            call_command("check")


def test_production_queues_tasks_in_the_database_and_development_runs_them_at_once():
    from tests.council.test_settings import PRODUCTION_ENV, _run

    code = "from django.conf import settings as s; print(s.TASKS['default']['BACKEND'], *sorted(s.MAILERS))"
    production = _run(["shell", "--no-imports", "-c", code], PRODUCTION_ENV)
    assert production.stdout.split() == ["django_tasks_db.DatabaseBackend", "default", "delivery"], production.stderr
    development = _run(["shell", "--no-imports", "-c", code], {"DJANGO_DEBUG": "true"})
    assert development.stdout.split() == ["django.tasks.backends.immediate.ImmediateBackend", "default"]
