"""The author's pages every kind of record shares: the task list, one page per task, appendices
and background papers (add, remove), check your answers and submit, deleting a draft.

Each view takes the kind's `Authoring` declaration (its tasks, models, services, permissions and
URL names); an app's `views/authoring.py` binds them to its URLs and keeps only its own pages.
Only the author, and only while the workflow allows edits (`permissions.can_edit`). Forms check
what was typed; "Save and continue" adds the task's rules; every write goes through the kind's
services, which record an event.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.forms import BaseForm
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from council import integrity
from council.templatetags.govuk import error_target_id
from records.forms import add_problems
from records.rules import Problem
from records.tasklist import TaskList


@dataclass(frozen=True)
class Authoring:
    """What the shared authoring views need to know about one kind of record."""

    namespace: str  # URL namespace: "decisions"
    name: str  # the record's name in templates, and its foreign key on child rows: "decision"
    noun: str  # "decision record"
    short_noun: str  # "record": "Submit the record"
    untitled: str  # "Untitled decision"
    tasks: TaskList
    queryset: Callable  # what the authoring pages read, in a constant number of queries
    check_queryset: Callable  # what check your answers reads (the record's own template)
    permissions: ModuleType
    services: ModuleType
    rules: ModuleType
    workflow: ModuleType
    appendix_form: type
    paper_form: type
    appendix_model: type
    paper_model: type
    record_url: str  # URL name of the record's page after submission: "record"
    submitted: Callable  # the message after submission, given the submitted record
    check_context: Callable  # extra context of check your answers: the record template's own
    # slug -> a function(record) giving the task page's extra context (its "add" forms, what it lists).
    extra: dict = field(default_factory=dict)
    form_kwargs: dict = field(default_factory=dict)  # slug -> a function() giving the form's extra kwargs
    # slug -> a function(request, kind, record, form) handling the page's own buttons; None to go on saving.
    buttons: dict = field(default_factory=dict)
    # slug -> a function(request, kind, record) answering a POST to a page that is one form of several parts.
    pages: dict = field(default_factory=dict)
    # The start page (`start_page(kind)`): its form, the service that makes the draft from the form's
    # answers, and the message after it.
    start_form: type = None
    begin: Callable = None
    started: str = ""

    def url(self, name, record, **kwargs):
        return reverse(f"{self.namespace}:{name}", kwargs={"pk": record.pk, **kwargs})

    def task_url(self, record, slug):
        return self.url("task", record, task=slug)

    def child_filter(self, record):
        return {f"{self.name}_id": record.pk}

    def with_record(self, form_class, *args, record, **kwargs):
        return form_class(*args, **{self.name: record}, **kwargs)


def views(kind, review):
    """The shared pages bound to one kind's URLs, in the order its `views/authoring.py` names them:
    task list, delete draft, task page, check answers, then appendix and background paper add and
    remove. `review` is the kind's `records.views.RecordKind`: its `second_click` and `moved_on`
    answer a second click on "Submit" as every other action's second click is answered."""
    from records import views_appendices as appendices  # it builds on this module's task pages

    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    @review.second_click(kind.workflow.Action.SUBMIT)
    def check(request, pk):
        return check_answers(request, kind, pk, moved_on=review.moved_on)

    pages = [bind(kind, view) for view in (task_list, delete_draft, task)]
    parts = (appendices.appendix_add, appendices.appendix_remove, appendices.paper_add, appendices.paper_remove)
    return (*pages, check, *(bind(kind, view) for view in parts))


def bind(kind, view):
    """`view` as the URL's view for one kind: `kind` goes in after the request."""

    @functools.wraps(view)
    def bound(request, *args, **kwargs):
        return view(request, kind, *args, **kwargs)

    return bound


def editable(request, kind, pk, queryset=None):
    """The record, if `request.user` may edit it now: decided on its own row (author, status), so a
    refused request reads that row only, and the related rows the pages read come after."""
    queryset = queryset if queryset is not None else kind.queryset()
    record = get_object_or_404(queryset.prefetch_related(None), pk=pk)
    if not kind.permissions.can_edit(request.user, record):
        raise PermissionDenied
    prefetch_related_objects([record], *queryset._prefetch_related_lookups)
    return record


def to_task(kind, record, slug, anchor=""):
    address = kind.task_url(record, slug)
    return redirect(f"{address}#{anchor}" if anchor else address)


def revision(request):
    return integrity.seen_revision(request.POST)


def conflict(record, form, exc):
    """Someone saved since this page was shown: keep what was typed, show the error, offer the new revision."""
    record.revision = exc.revision
    form.add_error(None, exc)


def save(kind, form, request):
    kind.services.save_edits(
        form.instance,
        actor=request.user,
        fields=form.model_fields(),
        m2m=form.m2m_values(),
        revision=revision(request),
    )


def error_links(kind, forms, elsewhere=()):
    """(href, message) for the error summary, in the order the fields appear on the page."""
    links = []
    for form in forms:
        if not form.errors:
            continue
        fields = form.visible_fields()
        links += [(f"#{error_target_id(fields[0])}" if fields else "#main-content", e) for e in form.non_field_errors()]
        links += [(f"#{error_target_id(field)}", error) for field in fields for error in field.errors]
    links += [(f"#{kind.tasks.elsewhere_anchor(p)}", p.message) for p in elsewhere]
    return links


def problem_links(kind, record, problems):
    """Check your answers: each problem links to the field on its task page, or to the task list."""
    links = []
    for p in problems:
        if p.task:
            links.append((f"{kind.task_url(record, p.task)}#{kind.tasks.field_anchor(p.task, p.field)}", p.message))
        else:
            links.append((kind.url("tasks", record), p.message))
    return links


# — starting a record ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request, kind, *, form_class, begin, template, started=""):
    """The start page: "Start now" creates the draft through the kind's service, with what the
    start form asks (a briefing report's committee and meeting; nothing for a decision record),
    and opens its task list."""
    if not kind.permissions.can_create(request.user):
        raise PermissionDenied
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            record = begin(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if started:
                messages.success(request, started)
            return redirect(f"{kind.namespace}:tasks", pk=record.pk)
    return render(request, template, {"form": form, "error_links": error_links(kind, [form])})


def start_page(kind):
    """The kind's start page, `<namespace>/authoring/start.html`, as its `Authoring` declares it."""

    def view(request):
        template = f"{kind.namespace}/authoring/start.html"
        return start(
            request, kind, form_class=kind.start_form, begin=kind.begin, template=template, started=kind.started
        )

    return view


# — the task list and deleting a draft -----------------------------------------------------------


@login_required
@require_safe
def task_list(request, kind, pk):
    record = editable(request, kind, pk)
    problems = kind.tasks.problems_by_task(kind.rules.completeness(record))
    tasks = kind.tasks.statuses(record, problems, lambda slug: kind.task_url(record, slug))
    return render(
        request,
        f"{kind.namespace}/authoring/task_list.html",
        {
            kind.name: record,
            "record": record,
            "kind": kind,
            "tasks": tasks,
            "completed": sum(t["completed"] for t in tasks),
            # An optional task left untouched is not a section still to do.
            "total": sum(t["status"] != "Optional" for t in tasks),
            "returned": record.last_return(),
            "can_delete": kind.permissions.can_delete_draft(request.user, record),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_draft(request, kind, pk):
    record = get_object_or_404(kind.tasks.model.objects.select_related("author"), pk=pk)
    if not kind.permissions.can_delete_draft(request.user, record):
        raise PermissionDenied
    title = record.title or kind.untitled
    if request.method == "POST":
        kind.services.delete_draft(record, actor=request.user)
        messages.success(request, f"Draft {kind.noun} “{title}” deleted")
        return redirect("staff-home")
    return render(
        request,
        "components/delete_draft.html",
        {"title": title, "noun": kind.noun, "started_at": record.created_at, "cancel_url": kind.url("tasks", record)},
    )


# — task pages ---------------------------------------------------------------------------------


def task_form(kind, slug, record, data=None):
    kwargs = kind.form_kwargs[slug]() if slug in kind.form_kwargs else {}
    return kind.tasks[slug].form(data, instance=record, **kwargs)


def render_task(request, kind, record, slug, form=None, *, elsewhere=(), **extra):
    if slug in kind.extra:
        for name, value in kind.extra[slug](record).items():
            extra.setdefault(name, value)
    task = kind.tasks[slug]
    if form is None and task.form is not None:
        form = task_form(kind, slug, record)
    context = {
        kind.name: record,
        "record": record,
        "kind": kind,
        "task": slug,
        "title": task.title,
        "caption": task.caption or record.title or kind.untitled,
        "form": form,
        "error_links": error_links(kind, [f for f in (form, *extra.values()) if isinstance(f, BaseForm)], elsewhere),
        "problem_fields": {p.field for p in elsewhere},
        **extra,
    }
    name = slug.replace("-", "_")
    templates = [
        f"{kind.namespace}/authoring/task_{name}.html",
        f"components/task_{name}.html",
        "components/task_page.html",
    ]
    return render(request, templates, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def task(request, kind, pk, task):
    if task not in kind.tasks:
        raise Http404
    record = editable(request, kind, pk)
    if request.method != "POST":  # GET or HEAD
        return render_task(request, kind, record, task)
    if task in kind.pages:
        return kind.pages[task](request, kind, record)
    if kind.tasks[task].form is None:
        return continue_from_list(request, kind, record, task)
    form = task_form(kind, task, record, request.POST)
    form.is_valid()
    if task in kind.buttons and (response := kind.buttons[task](request, kind, record, form)):
        return response
    if "later" in request.POST:
        # Keep what passed field validation; the rules wait for "Save and continue".
        try:
            save(kind, form, request)
        except integrity.EditConflict as exc:
            conflict(record, form, exc)
            return render_task(request, kind, record, task, form)
        if not form.errors:
            messages.success(request, f"Your answers to “{kind.tasks[task].title}” have been saved")
            return redirect(f"{kind.namespace}:tasks", pk=record.pk)
        return render_task(request, kind, record, task, form, saved_others=True)
    elsewhere = add_problems(form, kind.tasks.task_problems(task, form.instance))
    if form.errors or elsewhere:
        return render_task(request, kind, record, task, form, elsewhere=elsewhere)
    try:
        save(kind, form, request)
    except integrity.EditConflict as exc:
        conflict(record, form, exc)
        return render_task(request, kind, record, task, form)
    return next_task(kind, record, task)


def next_task(kind, record, slug):
    """After "Save and continue": the next task, as GOV.UK task lists do; after the last one, check your answers."""
    following = kind.tasks.following(slug)
    if following:
        return to_task(kind, record, following)
    return redirect(f"{kind.namespace}:check", pk=record.pk)


def continue_from_list(request, kind, record, slug):
    """A page that is a list (appendices, body sections): its buttons saved as they went; check its rules."""
    problems = kind.tasks.task_problems(slug, record)
    if problems and "later" not in request.POST:
        return render_task(request, kind, record, slug, elsewhere=problems)
    if "later" in request.POST:
        return redirect(f"{kind.namespace}:tasks", pk=record.pk)
    return next_task(kind, record, slug)


def child(kind, model, record, pk):
    return get_object_or_404(model, pk=pk if str(pk).isdigit() else 0, **kind.child_filter(record))


def add_child(request, kind, pk, *, make_form, add, done, slug, anchor, form_name):
    """An "add" button with a small form of its own (a cabinet member consulted, a body section):
    check it, add the row through the kind's service, and go back to the task page; or show the
    page again with the errors, keeping what was typed."""
    record = editable(request, kind, pk)
    form = make_form(request.POST, record)
    if form.is_valid():
        try:
            added = add(record, actor=request.user, revision=revision(request), **form.cleaned_data)
        except integrity.EditConflict as exc:
            conflict(record, form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, done(added))
            return to_task(kind, record, slug, anchor)
    return render_task(request, kind, record, slug, **{form_name: form})


def list_conflict(request, kind, record, slug, exc):
    """A remove or move button on a page older than the record: show the page as it is now, with why."""
    record.revision = exc.revision
    return render_task(request, kind, record, slug, elsewhere=[Problem("", "", exc.message, slug)])


# — check answers and submit -------------------------------------------------------------------


def check_answers(request, kind, pk, *, moved_on):
    record = editable(request, kind, pk, kind.check_queryset())
    submit = kind.workflow.Action.SUBMIT
    if request.method == "POST" and not kind.workflow.allowed_in_status(record.status, submit):
        # A second click on "Submit": the record is in sign-off already; say so on the record.
        return moved_on(request, record, submit)
    problems = kind.rules.completeness(record)
    if request.method == "POST" and not problems:
        try:
            submitted = kind.services.submit_for_sign_off(record, actor=request.user)
        except kind.workflow.TransitionNotAllowed as exc:
            problems = exc.reasons
        else:
            messages.success(request, kind.submitted(submitted))
            return redirect(f"{kind.namespace}:{kind.record_url}", pk=record.pk)
    return render(
        request,
        f"{kind.namespace}/authoring/check_answers.html",
        {
            **kind.check_context(record),
            kind.name: record,
            "record": record,
            "kind": kind,
            "error_links": problem_links(kind, record, problems),
            "can_submit": not problems and kind.permissions.can_submit(request.user, record),
        },
    )
