"""Appendices and background papers of any kind of record: the one-form appendices page, and adding
or removing each by its own button. Bound to each kind's URLs by its `views/authoring.py`; the
kind's `Authoring` declaration names its forms, models and services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from council import integrity
from records.forms import typed_into
from records.rules import Problem
from records.views_authoring import (
    child,
    conflict,
    continue_from_list,
    editable,
    list_conflict,
    render_task,
    revision,
    to_task,
)


def page_is_stale(request, kind, record):
    """The one-form pages make several writes: the revision the page was made on is checked once, first."""
    try:
        kind.services.save_edits(record, actor=request.user, fields=[], revision=revision(request))
    except integrity.EditConflict as exc:
        record.revision = exc.revision
        return exc
    return None


# The appendices page is one form: "Add …" and "Remove" are its submit buttons too, so nothing
# typed in one part is lost when another is pressed, and "Save …" adds whatever was typed.


def appendices_page(request, kind, record):
    appendix_form = kind.with_record(kind.appendix_form, request.POST, request.FILES, record=record)
    paper_form = kind.with_record(kind.paper_form, request.POST, request.FILES, record=record)
    if stale := page_is_stale(request, kind, record):
        kept = {
            name: form
            for name, form in (("appendix_form", appendix_form), ("paper_form", paper_form))
            if typed_into(form, ignore={"ref"})
        }
        problem = Problem("", "", stale.message, "appendices")
        return render_task(request, kind, record, "appendices", elsewhere=[problem], **kept)
    anchor = ""
    for button, model, where in (
        ("remove-appendix", kind.appendix_model, "appendices"),
        ("remove-paper", kind.paper_model, "background-papers"),
    ):
        if pk := request.POST.get(button):
            item = child(kind, model, record, pk)
            kind.services.remove_child(record, item, actor=request.user)
            messages.success(request, f"{item} removed")
            anchor = where
    failed = {}
    if "add-appendix" in request.POST or typed_into(appendix_form, ignore={"ref"}):
        anchor = "appendices"
        if appendix_form.is_valid():
            appendix = kind.services.save_appendix(record, appendix_form.save_values(), actor=request.user)
            messages.success(request, f"Appendix {appendix.ref} added")
        else:
            failed["appendix_form"] = appendix_form
    if "add-paper" in request.POST or typed_into(paper_form):
        anchor = anchor or "background-papers"
        if paper_form.is_valid():
            paper = paper_form.save_values()
            paper.order = max((p.order for p in record.background_papers.all()), default=0) + 1
            kind.services.save_background_paper(record, paper, actor=request.user)
            messages.success(request, f"Background paper “{paper.title}” added")
        else:
            failed["paper_form"] = paper_form
    fresh = editable(request, kind, record.pk)
    if failed:
        return render_task(request, kind, fresh, "appendices", **failed)
    if "continue" in request.POST or "later" in request.POST:
        return continue_from_list(request, kind, fresh, "appendices")
    return to_task(kind, record, "appendices", anchor)


# — appendices and background papers, each by its own button -------------------------------------


@login_required
@require_POST
def appendix_add(request, kind, pk):
    record = editable(request, kind, pk)
    form = kind.with_record(kind.appendix_form, request.POST, request.FILES, record=record)
    if form.is_valid():
        try:
            appendix = kind.services.save_appendix(
                record, form.save_values(), actor=request.user, revision=revision(request)
            )
        except integrity.EditConflict as exc:
            conflict(record, form, exc)
        else:
            messages.success(request, f"Appendix {appendix.ref} added")
            return to_task(kind, record, "appendices", "appendices")
    return render_task(request, kind, record, "appendices", appendix_form=form)


@login_required
@require_POST
def paper_add(request, kind, pk):
    record = editable(request, kind, pk)
    form = kind.with_record(kind.paper_form, request.POST, request.FILES, record=record)
    if form.is_valid():
        paper = form.save_values()
        paper.order = max((p.order for p in record.background_papers.all()), default=0) + 1
        try:
            kind.services.save_background_paper(record, paper, actor=request.user, revision=revision(request))
        except integrity.EditConflict as exc:
            conflict(record, form, exc)
        else:
            messages.success(request, f"Background paper “{paper.title}” added")
            return to_task(kind, record, "appendices", "background-papers")
    return render_task(request, kind, record, "appendices", paper_form=form)


def remove(request, kind, pk, child_pk, model, slug, anchor, *, service=None, removed=None):
    """Remove one child by its own button: through `service` (the kind's `remove_child` when not
    given), with `removed(child)` as the message ("… removed" when not given)."""
    record = editable(request, kind, pk)
    item = get_object_or_404(model, pk=child_pk, **kind.child_filter(record))
    try:
        (service or kind.services.remove_child)(record, item, actor=request.user, revision=revision(request))
    except integrity.EditConflict as exc:
        return list_conflict(request, kind, record, slug, exc)
    messages.success(request, removed(item) if removed else f"{item} removed")
    return to_task(kind, record, slug, anchor)


@login_required
@require_POST
def appendix_remove(request, kind, pk, child):
    return remove(request, kind, pk, child, kind.appendix_model, "appendices", "appendices")


@login_required
@require_POST
def paper_remove(request, kind, pk, child):
    return remove(request, kind, pk, child, kind.paper_model, "appendices", "background-papers")
