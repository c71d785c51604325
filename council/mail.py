"""Email off the request path: a mail backend that queues each message for the task worker.

With a background task backend (production's database queue), the default mailer is
`QueuedEmailBackend`: sending a notification only enqueues `deliver_email`, and the worker sends it
through the "delivery" mailer (SMTP in production), retrying a few times if the server refuses.
Messages travel as plain JSON fields, so nothing but text reaches the queue.
"""

import logging

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task

from council.tasks import enqueue_retry

logger = logging.getLogger(__name__)
DELIVERY_MAILER = "delivery"


def _fields(message):
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


class QueuedEmailBackend(BaseEmailBackend):
    """Hands every message to the task queue instead of sending it now."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(_fields(message))
        return len(email_messages)


@task
def deliver_email(fields, attempt=1):
    """The worker sends one queued message through the delivery mailer."""
    alternatives = fields.pop("alternatives", [])
    message = EmailMultiAlternatives(**fields)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    try:
        return message.send(using=DELIVERY_MAILER)
    except Exception:
        logger.exception("Could not send %r to %s (attempt %s)", fields["subject"], fields["to"], attempt)
        enqueue_retry(deliver_email, {**fields, "alternatives": alternatives}, attempt=attempt)
        raise
