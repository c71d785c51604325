"""Logs a machine can read: one JSON object a line, each with the id of the request it belongs to.

`RequestIdMiddleware` (council/middleware.py) takes the request's `X-Request-ID` from the proxy,
or makes one, and keeps it in a context variable for the request's duration; `RequestIdFilter`
copies it onto every log record (``-`` outside a request, e.g. in the task worker); and
`JsonFormatter` writes the record as JSON. `DJANGO_LOG_FORMAT=text` keeps readable lines.
Standard library only.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

from django.core.signals import request_finished

request_id = ContextVar("request_id", default="-")


def _request_finished(**kwargs):
    request_id.set("-")  # a thread's next log line outside a request must not borrow this id


request_finished.connect(_request_finished, dispatch_uid="council-request-id")

# Attributes every LogRecord has: anything else on a record came from `extra=` and is logged too.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)
