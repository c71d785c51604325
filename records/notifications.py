"""Emails about any kind of record: the sending, the link, and the messages every kind sends alike.

Each app's notifications.py names its record (`name`, `link`) and sends what is its own; the
sign-off request and the return to the author read the same for every kind. Called only after
the transaction commits (see each app's services).
"""

from django.conf import settings
from django.core.mail import send_mail

from council.models import CouncilSettings, Department, User


def link(path):
    """An absolute link to a page of the site, as an email needs."""
    return f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{path}"


def send(subject, body, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    council = CouncilSettings.load()
    return send_mail(
        subject, f"{body}\n\n{council.name}\nDecisions and scrutiny", settings.DEFAULT_FROM_EMAIL, recipients
    )


def sign_off_needed(record, department_pks, *, name, what, url):
    """Each department's reviewers: `what` ("a decision record") is waiting for their sign-off."""
    for department in Department.objects.filter(pk__in=department_pks).select_related("reviewer_group"):
        emails = User.objects.filter(groups=department.reviewer_group, is_active=True).values_list("email", flat=True)
        send(
            f"Sign-off needed: {name}",
            f"{record.author_name} has submitted {what} for {department.name} sign-off.\n\nOpen it: {url}",
            emails,
        )


def returned_to_author(record, comment, *, name, what, url):
    """The author: `what` ("decision record") has come back with these comments."""
    send(
        f"Returned to you: {name}",
        f"Your {what} has been returned with these comments:\n\n{comment}\n\nOpen it: {url}",
        [record.author.email],
    )
