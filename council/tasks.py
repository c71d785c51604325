"""Background work: retries for `django.tasks` tasks, and the system check for the task backend.

Production runs tasks in `manage.py db_worker` (django-tasks-db, the queue in PostgreSQL); the
database backend has no retries of its own, so a task that fails asks for itself again, later
each time, up to `TASK_ATTEMPTS` runs in all. The immediate backend (`make run`, the tests) runs
a task inside the request and never retries: the failure is shown at once instead.
"""

import importlib.util
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.utils import timezone


def enqueue_retry(task, *args, attempt):
    """After run `attempt` of `task(*args)` failed: enqueue the next run, or return False if none is due."""
    if attempt >= settings.TASK_ATTEMPTS or not task.get_backend().supports_defer:
        return False
    later = timezone.now() + timedelta(seconds=settings.TASK_RETRY_SECONDS * attempt)
    task.using(run_after=later).enqueue(*args, attempt=attempt + 1)
    return True


@checks.register(checks.Tags.compatibility)
def check_task_backends(app_configs=None, **kwargs):
    """A task backend that ships a Django app needs that app installed.

    django-tasks-db's backend checks this itself, but Django registers that check only when
    `django.tasks` is first imported, which happens during the URL checks: too late for the run
    that should report it, so `manage.py check` said nothing and every enqueue raised.
    """
    errors = []
    for alias, options in settings.TASKS.items():
        package = options["BACKEND"].split(".")[0]
        if package == "django" or importlib.util.find_spec(f"{package}.apps") is None:
            continue
        if not apps.is_installed(package):
            errors.append(
                checks.Error(
                    f"The {alias!r} task backend {options['BACKEND']} needs the app {package!r}, "
                    "which is not in INSTALLED_APPS",
                    hint=f"Add {package!r} to INSTALLED_APPS and migrate.",
                    id="council.E001",
                )
            )
    return errors
