"""Rows a task page adds and removes one at a time, each with a small form of its own (a cabinet
member consulted, a briefing report's body section), declared once per kind of row:

    CONSULTATIONS = ChildRows.declare(KIND, model=..., form=..., add=services.add_x, done=..., slug=...,
                                      anchor=..., form_name=...)

gives `CONSULTATIONS.add` and `CONSULTATIONS.remove`, the views an app's `urls.py` names, and
`CONSULTATIONS.row(record, pk)`, one of the record's rows or 404, for the pages only that kind has.
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from records import views_appendices as appendices
from records.views_authoring import add_child


class ChildRows:
    """One kind of row on a task page.

    `form(data, record)` makes the "add" form; `add` is the service that adds a row from its
    cleaned data, and `done(row)` the message after it. `remove` is the service that removes one
    (`remove(record, row, *, actor, revision)`; the kind's `remove_child` when not given) and
    `removed(row)` the message after it. `slug` is the task page, `anchor` where on it the rows
    are listed, `form_name` the "add" form's name in the page's context."""

    def __init__(self, kind, *, model, form, add, done, slug, anchor, form_name, remove=None, removed=None):
        self.kind, self.model, self.slug, self.anchor = kind, model, slug, anchor
        # What `records.views_authoring.add_child` asks, and what `views_appendices.remove` asks.
        self._adding = {"make_form": form, "add": add, "done": done, "form_name": form_name}
        self._removing = {"service": remove, "removed": removed}
        self.add = login_required(require_POST(self._add))
        self.remove = login_required(require_POST(self._remove))

    @classmethod
    def declare(cls, kind, **declaration: Callable | type | str):
        return cls(kind, **declaration)

    def row(self, record, pk):
        return get_object_or_404(self.model, pk=pk, **self.kind.child_filter(record))

    def _add(self, request, pk):
        return add_child(request, self.kind, pk, slug=self.slug, anchor=self.anchor, **self._adding)

    def _remove(self, request, pk, child):
        where = (self.model, self.slug, self.anchor)
        return appendices.remove(request, self.kind, pk, child, *where, **self._removing)
