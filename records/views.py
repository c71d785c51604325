"""The staff action pages every kind of record shares: one view, declared once per action.

An action page (sign off, return, withdraw, agree, approve, publish, ...): GET shows what will
happen (and why it cannot, if it cannot); POST validates the form, calls one service and goes back
to the record with a success message. A service's refusal goes on the form, so the GOV.UK error
summary shows it and nothing typed is lost; SIGNOFF-1's "the record moved on" shows the record as
it is now. An action the record has moved past (a second click, or the click that lost the race
for the row lock) sends the person back to the record with a message, rather than a 403.

Each app declares its `RecordKind` (how to load and name its records) and its actions as data:
`RecordAction.declare(kind, action, permission=..., form=..., service=..., template=...,
success=...)`. What differs between actions is a few hooks, each a function of the view.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from council import integrity
from council.models import Department
from records.forms import SignOffForm, apply_service_errors


@dataclass(frozen=True)
class RecordKind:
    """What the shared views need to know about one kind of record."""

    app: str  # its app, laid out as every kind's: models.Status, permissions, rules, workflow modules
    name: str  # the record's name in its app's templates: "decision", "report"
    noun: str  # what people call it: "record", "report"
    queryset: Callable[[], Any]  # everything the staff pages show, prefetched
    page: str  # URL name of its staff page, e.g. "decisions:record"
    caption: str  # the caption template of its action pages
    tags: dict  # status -> GOV.UK tag colour ("" for the default blue); None -> the colour of any other
    # The kind's one declaration (`records.kinds.Kind`), which names its modules. A RecordKind made
    # without one (as before kinds were declared) finds them by its app's layout.
    declared: Any = None

    def module(self, name):
        """One of the kind's modules: permissions, rules, workflow, documents, ..."""
        return getattr(self.declared, name) if self.declared else import_module(f"{self.app}.{name}")

    @property
    def permissions(self):  # can_view(user, record), can_<verb>(user, record), ...
        return self.module("permissions")

    @property
    def rules(self):  # current_sign_offs(record), sign_off_gaps(record), ...
        return self.module("rules")

    @property
    def workflow(self):  # Action, TRANSITIONS, allowed_in_status, TransitionNotAllowed, ...
        return self.module("workflow")

    @property
    def status(self):
        return self.declared.statuses if self.declared else import_module(f"{self.app}.models").Status

    def load(self, pk):
        return get_object_or_404(self.queryset(), pk=pk)

    def load_for(self, user, pk):
        """The record, for someone who may see it (else 403)."""
        record = self.load(pk)
        if not self.permissions.can_view(user, record):
            raise PermissionDenied
        return record

    def url_name(self, name):
        """The full URL name of the page `name` (e.g. "return") of this kind's app."""
        return f"{self.page.split(':')[0]}:{name}"

    def url(self, record, name=None):
        """The record's staff page, or the page `name` of the same app (e.g. "return")."""
        return reverse(self.url_name(name) if name else self.page, kwargs={"pk": record.pk})

    def moved_on(self, request, record, action):
        return moved_on(self, request, record, action)

    def second_click(self, action):
        return second_click(self, action)


def after(kind, request, record):
    """Back to the record if the person can still see it, else to their work."""
    fresh = kind.queryset().get(pk=record.pk)
    if kind.permissions.can_view(request.user, fresh):
        return redirect(kind.url(fresh))
    return redirect("staff-home")


def already_done(kind, record, action):
    """Only a move of the whole record is "already done"; a sign-off is one department's, said by its page."""
    moves = kind.workflow.TRANSITIONS[action].target is not None
    # A kind never drafted (a call-in request) has no DRAFT status: its whole history counts.
    return moves and integrity.already_done(record, action, draft=getattr(kind.status, "DRAFT", None))


def moved_on(kind, request, record, action):
    """The record is past this action (done already, or in another state): say so on the record."""
    workflow = kind.workflow
    phrase = getattr(workflow, "STATE_PHRASES", {}).get(action) or workflow.ACTION_LABELS[action].lower()
    if already_done(kind, record, action):
        messages.info(request, f"This {kind.noun} has already been {phrase}.")
    else:
        label = kind.status(record.status).label.lower()
        messages.info(request, f"This {kind.noun} is {label}: it can no longer be {phrase}.")
    return redirect(kind.url(record))


def refused(kind, request, pk, action, record=None):
    """After a 403 on `action`: the page saying the record moved on, or None to keep the 403. Only
    someone who may see the record hears its state, and only on a POST (a button clicked). `record`,
    when given, is the record as this request just read it; else it is read again."""
    if request.method != "POST":
        return None  # a page opened by someone who may not act: the 403, without reading the record again
    record = record or kind.load(pk)
    if not kind.permissions.can_view(request.user, record):
        return None
    if not kind.workflow.allowed_in_status(record.status, action) or already_done(kind, record, action):
        return moved_on(kind, request, record, action)
    return None


def second_click(kind, action):
    """Decorate a function view of `action`: a second click is told the record moved on, not a 403."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, pk, **kwargs):
            try:
                return view(request, pk, **kwargs)
            except PermissionDenied:
                if response := refused(kind, request, pk, action):
                    return response
                raise

        return wrapped

    return decorate


# — service arguments from the form's cleaned data ----------------------------------------------


def no_arguments(data, view):
    return {}


def comment(data, view):
    return {"comment": data["comment"]}


def every_field(data, view):
    return dict(data)


class Refused(PermissionDenied):
    """A 403 whose page has already been decided (`refused` was asked, with the record just read)."""


class AlreadyDone(Exception):
    """Raised by an action's `call` when someone did it meanwhile: its message is said on the record."""


class RecordAction(View):
    """One action on one record: confirm, or comment, then call the service.

    Declared with `RecordAction.declare(kind, action, **attributes)`. The hooks that are functions
    take the view (`view.record`, `view.request`, `view.extra`, `view.kwargs`) and are called
    with it, so a declaration can give a plain function or lambda.
    """

    http_method_names = ["get", "head", "post"]

    kind: RecordKind = None
    action: str = None
    permission = None  # (user, record) -> bool: may this person do it now
    form = None  # form class, called with the posted data (or None) and `form_kwargs(view)`
    form_kwargs = staticmethod(lambda view: {})
    service = None  # called with the record, actor= and `arguments(data, view)`
    arguments = staticmethod(no_arguments)
    versioned = False  # SIGNOFF-1: the service is told the version the person saw
    template = None
    context = staticmethod(lambda view: {})  # what else the page shows; computed before the form
    ready = staticmethod(lambda view: True)  # whether a POST may call the service at all
    success = ""  # str.format()ed with record=, result= and the page's context

    @classmethod
    def declare(cls, kind, action, **attributes):
        return login_required(cls.as_view(kind=kind, action=action, **attributes))

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except Refused:
            raise
        except PermissionDenied:  # from the service, under the row lock: read the record as it is now
            if response := refused(self.kind, request, kwargs["pk"], self.action):
                return response
            raise

    def get(self, request, pk, **kwargs):
        return self.handle(request, pk)

    def post(self, request, pk, **kwargs):
        return self.handle(request, pk)

    # — hooks a subclass may change -------------------------------------------------------------

    def load(self, pk):
        """The record, and anything else the URL names (a department)."""
        self.record = self.kind.load(pk)

    def allowed(self):
        return self.permission(self.request.user, self.record)

    def check(self):
        """None to go on; 403 unless allowed; a record past this action goes back to the record page."""
        if self.allowed():
            return None
        kind = self.kind
        if kind.permissions.can_view(self.request.user, self.record) and not kind.workflow.allowed_in_status(
            self.record.status, self.action
        ):
            return moved_on(kind, self.request, self.record, self.action)
        # A button clicked on a page the record has moved past: said from the record just read.
        if response := refused(kind, self.request, self.record.pk, self.action, record=self.record):
            return response
        raise Refused

    def call(self, data):
        arguments = self.arguments(data, self)
        if self.versioned:
            arguments["version"] = integrity.seen_version(self.request.POST)
        return self.service(self.record, actor=self.request.user, **arguments)

    def settled(self):
        """After a POST that did not succeed: a response when someone else did it meanwhile, else None."""
        return None

    # — the page --------------------------------------------------------------------------------

    def handle(self, request, pk):
        self.load(pk)
        if response := self.check():
            return response
        self.extra = self.context(self)
        form = self.form(request.POST if request.method == "POST" else None, **self.form_kwargs(self))
        version_moved = False
        if request.method == "POST" and self.ready(self) and form.is_valid():
            try:
                result = self.call(form.cleaned_data)
            except (ValidationError, self.kind.workflow.TransitionNotAllowed) as exc:
                # SIGNOFF-1's VersionMoved among them: show the record as it is now, with the error.
                apply_service_errors(form, exc)
                version_moved = isinstance(exc, integrity.VersionMoved)
                self.record = self.kind.load(pk)
                self.extra = self.context(self)
            except AlreadyDone as exc:
                messages.info(request, str(exc))
                return redirect(self.kind.url(self.record))
            else:
                success = self.success.format(record=self.record, result=result, **self.extra)
                messages.success(request, success)
                return after(self.kind, request, self.record)
        if request.method == "POST" and (response := self.settled()):
            return response
        return render(request, self.template, self.page_context(form, version_moved))

    def page_context(self, form, version_moved):
        kind, record = self.kind, self.record
        return {
            **self.extra,
            kind.name: record,
            "record": record,
            "record_url": kind.url(record),
            "noun": kind.noun,
            "caption_template": kind.caption,
            "form": form,
            "version_moved": version_moved,
        }


class SignOffAction(RecordAction):
    """A department's sign-off code (SIGNOFF-1): one page per department the URL names."""

    departments = Department.objects.all()  # the departments that may sign this kind of record off
    form = SignOffForm
    form_kwargs = staticmethod(lambda view: {"department": view.department})

    def load(self, pk):
        super().load(pk)
        self.department = get_object_or_404(self.departments, slug=self.kwargs["department"])

    def allowed(self):
        return self.kind.permissions.can_issue_sign_off(self.request.user, self.record, self.department)

    @staticmethod
    def context(view):
        done = view.kind.rules.current_sign_offs(view.record).get(view.department.pk)
        can_return = view.kind.permissions.can_return(view.request.user, view.record)
        return {
            "department": view.department,
            "done": done,
            "can_return": can_return,
            "return_url": view.kind.url(view.record, "return"),
        }

    ready = staticmethod(lambda view: not view.extra["done"])
    success = "{department.name} sign-off code {result.code} issued"

    @staticmethod
    def arguments(data, view):
        return {"department": view.department, "typed_code": data.get("code", "")}

    versioned = True

    def settled(self):
        # Two clicks at once: the other one issued the code while this one waited for the lock.
        if done := self.extra["done"]:
            name = self.department.name
            messages.info(self.request, f"{name} has already signed off this version, with the code {done.code}.")
            return redirect(self.kind.url(self.record))
        return None
