"""The officer's authoring journey for a briefing report: start, the task list, one page per task,
body sections (add, change, remove, move), appendices and background papers, check answers, submit.

Only the author, and only while the workflow allows edits (`permissions.can_edit`). Forms check
what was typed; "Save and continue" adds the task's rules from `scrutiny.rules` (PLACEHOLDER-1
on the field); every write goes through `scrutiny.services`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from council import integrity
from council.templatetags.govuk import error_target_id
from records.forms import add_problems, typed_into
from scrutiny import permissions, rules, services, workflow
from scrutiny.forms import TASK_FORMS, ReportAppendixForm, ReportBackgroundPaperForm, SectionForm, StartForm
from scrutiny.models import BriefingReport, ReportAppendix, ReportBackgroundPaper, ReportSection
from scrutiny.views import review
from scrutiny.workflow import Action, TransitionNotAllowed

TASK_RULES = {
    "details": rules.details,
    "summary": rules.sections,
    "implications": rules.sections,
    "body": rules.sections,
    "confidentiality": rules.confidentiality,
    "appendices": rules.confidentiality,
    "sign-off": rules.sign_off_details,
}
ANCHOR_FOR_TASK = {"body": "sections", "appendices": "appendices"}
OPTIONAL_TASKS = {"appendices", "decisions"}
PREFILLED = {"author_email", "meeting"}


def _reports():
    return BriefingReport.objects.select_related(
        "committee",
        "meeting__committee",
        "author",
        "lead_member",
        "lead_member_portfolio",
        "lead_director",
        "priority",
        "originating_slt_member",
    ).prefetch_related("sections", "appendices", "background_papers", "applicable_departments", "decisions")


def _editable(request, pk):
    report = get_object_or_404(_reports(), pk=pk)
    if not permissions.can_edit(request.user, report):
        raise PermissionDenied
    return report


def _tasks_url(report):
    return reverse("scrutiny:tasks", kwargs={"pk": report.pk})


def _to_task(report, slug, anchor=""):
    address = reverse("scrutiny:task", kwargs={"pk": report.pk, "task": slug})
    return redirect(f"{address}#{anchor}" if anchor else address)


# — start and task list ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.start_report(
                actor=request.user, committee=form.cleaned_data["committee"], meeting=form.cleaned_data["meeting"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your briefing report has been started")
            return redirect("scrutiny:tasks", pk=report.pk)
    return render(request, "scrutiny/authoring/start.html", {"form": form, "error_links": _error_links([form])})


@login_required
@require_safe
def task_list(request, pk):
    report = _editable(request, pk)
    tasks = _task_statuses(report, rules.task_problems(report))
    return render(
        request,
        "scrutiny/authoring/task_list.html",
        {
            "report": report,
            "tasks": tasks,
            "completed": sum(t["completed"] for t in tasks),
            # An optional task left untouched is not a part still to do.
            "total": sum(t["status"] != "Optional" for t in tasks),
            "returned": report.last_return(),
            "can_delete": permissions.can_delete_draft(request.user, report),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_draft(request, pk):
    report = get_object_or_404(BriefingReport.objects.select_related("author"), pk=pk)
    if not permissions.can_delete_draft(request.user, report):
        raise PermissionDenied
    title = report.title or "Untitled briefing report"
    if request.method == "POST":
        services.delete_draft(report, actor=request.user)
        messages.success(request, f"Draft briefing report “{title}” deleted")
        return redirect("staff-home")
    return render(
        request,
        "components/delete_draft.html",
        {"title": title, "noun": "briefing report", "started_at": report.created_at, "cancel_url": _tasks_url(report)},
    )


def _has_answers(slug, r):
    if slug == "body":
        return bool(r.sections.all())
    if slug == "appendices":
        return bool(r.appendices.all() or r.background_papers.all())
    if slug == "decisions":
        return bool(r.decisions.all())
    if slug == "sign-off":
        return bool(r.applicable_departments.all() or r.originating_slt_member_id)
    names = [n for n in TASK_FORMS[slug]._meta.fields if n not in PREFILLED]
    return any(BriefingReport._meta.get_field(n).value_from_object(r) not in (None, "", [], False) for n in names)


def _task_statuses(r, problems):
    tasks = []
    for slug, title in rules.TASKS:
        started = _has_answers(slug, r)
        if problems[slug]:
            status = "Incomplete" if started else "Not yet started"
        else:
            status = "Completed" if started or slug not in OPTIONAL_TASKS else "Optional"
        tasks.append(
            {
                "slug": slug,
                "title": title,
                "status": status,
                "completed": status == "Completed",
                "url": reverse("scrutiny:task", kwargs={"pk": r.pk, "task": slug}),
            }
        )
    return tasks


# — task pages ---------------------------------------------------------------------------------


def _error_links(forms, elsewhere=()):
    """(href, message) for the error summary, in the order the fields appear on the page."""
    links = []
    for form in forms:
        if not form.errors:
            continue
        fields = form.visible_fields()
        links += [(f"#{error_target_id(fields[0])}" if fields else "#main-content", e) for e in form.non_field_errors()]
        links += [(f"#{error_target_id(field)}", error) for field in fields for error in field.errors]
    for p in elsewhere:
        anchor = p.field if p.field.startswith("section-") else ANCHOR_FOR_TASK.get(p.task, "main-content")
        links.append((f"#{anchor}", p.message))
    return links


def _render_task(request, report, slug, form=None, *, elsewhere=(), **extra):
    if slug == "appendices":
        extra.setdefault("appendix_form", ReportAppendixForm(report=report))
        extra.setdefault("paper_form", ReportBackgroundPaperForm(report=report))
    if slug == "body":
        extra.setdefault("section_form", SectionForm())
    if form is None and slug in TASK_FORMS:
        form = TASK_FORMS[slug](instance=report)
    error_links = _error_links([f for f in (form, *extra.values()) if isinstance(f, BaseForm)], elsewhere)
    context = {
        "report": report,
        "task": slug,
        "title": rules.TASK_TITLES[slug],
        "form": form,
        "error_links": error_links,
        "problem_fields": {p.field for p in elsewhere},
        **extra,
    }
    templates = [f"scrutiny/authoring/task_{slug.replace('-', '_')}.html", "scrutiny/authoring/task.html"]
    return render(request, templates, context)


def _save(form, request):
    services.save_edits(
        form.instance,
        actor=request.user,
        fields=form.model_fields(),
        m2m=form.m2m_values(),
        revision=integrity.seen_revision(request.POST),
    )


def _conflict(report, form, exc):
    """Someone saved since this page was shown: keep what was typed, show the error, offer the new revision."""
    report.revision = exc.revision
    form.add_error(None, exc)


def _revision(request):
    return integrity.seen_revision(request.POST)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def task(request, pk, task):
    if task not in rules.TASK_TITLES:
        raise Http404
    report = _editable(request, pk)
    if request.method != "POST":  # GET or HEAD
        return _render_task(request, report, task)
    if task == "appendices":
        return _appendices_page(request, report)
    if task == "body":
        return _continue_from_list(request, report, task)
    form = TASK_FORMS[task](request.POST, instance=report)
    form.is_valid()
    if "later" in request.POST:
        # Keep what passed field validation; the rules wait for "Save and continue".
        try:
            _save(form, request)
        except integrity.EditConflict as exc:
            _conflict(report, form, exc)
            return _render_task(request, report, task, form)
        if not form.errors:
            messages.success(request, f"Your answers to “{rules.TASK_TITLES[task]}” have been saved")
            return redirect("scrutiny:tasks", pk=report.pk)
        return _render_task(request, report, task, form, saved_others=True)
    problems = [p for p in TASK_RULES.get(task, lambda r: [])(form.instance) if p.task == task]
    elsewhere = add_problems(form, problems)
    if form.errors or elsewhere:
        return _render_task(request, report, task, form, elsewhere=elsewhere)
    try:
        _save(form, request)
    except integrity.EditConflict as exc:
        _conflict(report, form, exc)
        return _render_task(request, report, task, form)
    return _next_task(report, task)


def _next_task(report, slug):
    """After "Save and continue": the next task, as GOV.UK task lists do; after the last one, check your answers."""
    slugs = [s for s, _ in rules.TASKS]
    following = slugs[slugs.index(slug) + 1 :]
    if following:
        return _to_task(report, following[0])
    return redirect("scrutiny:check", pk=report.pk)


def _continue_from_list(request, report, slug):
    problems = [p for p in TASK_RULES[slug](report) if p.task == slug]
    if problems and "later" not in request.POST:
        return _render_task(request, report, slug, elsewhere=problems)
    if "later" in request.POST:
        return redirect("scrutiny:tasks", pk=report.pk)
    return _next_task(report, slug)


def _appendices_page(request, report):
    """The appendices page is one form: "Add …" and "Remove" are its buttons too, so what is typed
    in one part is never lost when another is pressed, and "Save …" adds whatever was typed."""
    appendix_form = ReportAppendixForm(request.POST, request.FILES, report=report)
    paper_form = ReportBackgroundPaperForm(request.POST, report=report)
    # The page's several writes are checked once, first, against the revision it was made on.
    try:
        services.save_edits(report, actor=request.user, fields=[], revision=_revision(request))
    except integrity.EditConflict as exc:
        report.revision = exc.revision
        kept = {
            name: form
            for name, form in (("appendix_form", appendix_form), ("paper_form", paper_form))
            if typed_into(form, ignore={"ref"})
        }
        return _render_task(
            request, report, "appendices", elsewhere=[rules.Problem("", "", exc.message, "appendices")], **kept
        )
    anchor = ""
    for name, model, where in (
        ("remove-appendix", ReportAppendix, "appendices"),
        ("remove-paper", ReportBackgroundPaper, "background-papers"),
    ):
        if pk := request.POST.get(name):
            item = get_object_or_404(model, pk=pk if pk.isdigit() else 0, report_id=report.pk)
            services.remove_child(report, item, actor=request.user)
            messages.success(request, f"{item} removed")
            anchor = where
    failed = {}
    if "add-appendix" in request.POST or typed_into(appendix_form, ignore={"ref"}):
        anchor = "appendices"
        if appendix_form.is_valid():
            appendix = services.save_appendix(report, appendix_form.save_values(), actor=request.user)
            messages.success(request, f"Appendix {appendix.ref} added")
        else:
            failed["appendix_form"] = appendix_form
    if "add-paper" in request.POST or typed_into(paper_form):
        anchor = anchor or "background-papers"
        if paper_form.is_valid():
            paper = paper_form.instance
            paper.order = max((p.order for p in report.background_papers.all()), default=0) + 1
            services.save_background_paper(report, paper, actor=request.user)
            messages.success(request, f"Background paper “{paper.title}” added")
        else:
            failed["paper_form"] = paper_form
    fresh = _editable(request, report.pk)
    if failed:
        return _render_task(request, fresh, "appendices", **failed)
    if "continue" in request.POST or "later" in request.POST:
        return _continue_from_list(request, fresh, "appendices")
    return _to_task(report, "appendices", anchor)


# — body sections ------------------------------------------------------------------------------


def _section(report, child):
    return get_object_or_404(ReportSection, pk=child, report_id=report.pk)


@login_required
@require_POST
def section_add(request, pk):
    report = _editable(request, pk)
    form = SectionForm(request.POST)
    if form.is_valid():
        try:
            section = services.add_section(report, actor=request.user, revision=_revision(request), **form.cleaned_data)
        except integrity.EditConflict as exc:
            _conflict(report, form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Section “{section.heading}” added")
            return _to_task(report, "body", "sections")
    return _render_task(request, report, "body", section_form=form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def section_edit(request, pk, child):
    report = _editable(request, pk)
    section = _section(report, child)
    initial = {"heading": section.heading, "body": section.body, "level": section.level}
    form = SectionForm(request.POST if request.method == "POST" else None, initial=initial, button="Save section")
    if request.method == "POST" and form.is_valid():
        try:
            services.change_section(section, actor=request.user, revision=_revision(request), **form.cleaned_data)
        except integrity.EditConflict as exc:
            _conflict(report, form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Section “{form.cleaned_data['heading']}” saved")
            return _to_task(report, "body", "sections")
    return render(
        request,
        "scrutiny/authoring/section.html",
        {"report": report, "section": section, "form": form, "error_links": _error_links([form])},
    )


@login_required
@require_POST
def section_remove(request, pk, child):
    report = _editable(request, pk)
    section = _section(report, child)
    try:
        services.remove_section(section, actor=request.user, revision=_revision(request))
    except integrity.EditConflict as exc:
        return _list_conflict(request, report, "body", exc)
    messages.success(request, f"Section “{section.heading}” removed")
    return _to_task(report, "body", "sections")


@login_required
@require_POST
def section_move(request, pk, child, direction):
    if direction not in {"up", "down"}:
        raise Http404
    report = _editable(request, pk)
    section = _section(report, child)
    try:
        services.move_section(section, actor=request.user, direction=direction, revision=_revision(request))
    except integrity.EditConflict as exc:
        return _list_conflict(request, report, "body", exc)
    messages.success(request, f"Section “{section.heading}” moved {direction}")
    return _to_task(report, "body", f"section-{section.pk}")


# — appendices and background papers -----------------------------------------------------------


@login_required
@require_POST
def appendix_add(request, pk):
    report = _editable(request, pk)
    form = ReportAppendixForm(request.POST, request.FILES, report=report)
    if form.is_valid():
        try:
            appendix = services.save_appendix(
                report, form.save_values(), actor=request.user, revision=_revision(request)
            )
        except integrity.EditConflict as exc:
            _conflict(report, form, exc)
        else:
            messages.success(request, f"Appendix {appendix.ref} added")
            return _to_task(report, "appendices", "appendices")
    return _render_task(request, report, "appendices", appendix_form=form)


@login_required
@require_POST
def paper_add(request, pk):
    report = _editable(request, pk)
    form = ReportBackgroundPaperForm(request.POST, report=report)
    if form.is_valid():
        paper = form.instance
        paper.order = max((p.order for p in report.background_papers.all()), default=0) + 1
        try:
            services.save_background_paper(report, paper, actor=request.user, revision=_revision(request))
        except integrity.EditConflict as exc:
            _conflict(report, form, exc)
        else:
            messages.success(request, f"Background paper “{paper.title}” added")
            return _to_task(report, "appendices", "background-papers")
    return _render_task(request, report, "appendices", paper_form=form)


def _remove(request, pk, child, model, anchor):
    report = _editable(request, pk)
    item = get_object_or_404(model, pk=child, report_id=report.pk)
    try:
        services.remove_child(report, item, actor=request.user, revision=_revision(request))
    except integrity.EditConflict as exc:
        return _list_conflict(request, report, "appendices", exc)
    messages.success(request, f"{item} removed")
    return _to_task(report, "appendices", anchor)


def _list_conflict(request, report, slug, exc):
    """A remove or move button on a page older than the report: show the page as it is now, with why."""
    report.revision = exc.revision
    return _render_task(request, report, slug, elsewhere=[rules.Problem("", "", exc.message, slug)])


@login_required
@require_POST
def appendix_remove(request, pk, child):
    return _remove(request, pk, child, ReportAppendix, "appendices")


@login_required
@require_POST
def paper_remove(request, pk, child):
    return _remove(request, pk, child, ReportBackgroundPaper, "background-papers")


# — check answers and submit -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@review.second_click(Action.SUBMIT)
def check_answers(request, pk):
    report = _editable(request, pk)
    if request.method == "POST" and not workflow.allowed_in_status(report.status, Action.SUBMIT):
        # A second click on "Submit": the report is in sign-off already; say so on the report.
        return review.moved_on(request, report, Action.SUBMIT)
    problems = rules.completeness(report)
    if request.method == "POST" and not problems:
        try:
            services.submit_for_sign_off(report, actor=request.user)
        except TransitionNotAllowed as exc:
            problems = exc.reasons
        else:
            messages.success(request, "Your briefing report has been submitted for sign-off")
            return redirect("scrutiny:report", pk=report.pk)
    return render(
        request,
        "scrutiny/authoring/check_answers.html",
        {
            "report": report,
            "groups": _answer_groups(report),
            "error_links": _problem_links(report, problems),
            "can_submit": not problems and permissions.can_submit(request.user, report),
        },
    )


def _field_anchor(slug, field):
    if field.startswith("section-") or slug not in TASK_FORMS:
        return field if field.startswith("section-") else ANCHOR_FOR_TASK.get(slug, "main-content")
    form_class = TASK_FORMS[slug]
    if field not in form_class.base_fields:
        return "main-content"
    widget = form_class.base_fields[field].widget
    if getattr(widget, "input_type", "") in {"radio", "checkbox"} and hasattr(widget, "choices"):
        return f"id_{field}_1"
    if hasattr(widget, "widgets"):
        return f"id_{field}_0"
    return f"id_{field}"


def _problem_links(r, problems):
    links = []
    for p in problems:
        if p.task:
            url = reverse("scrutiny:task", kwargs={"pk": r.pk, "task": p.task})
            links.append((f"{url}#{_field_anchor(p.task, p.field)}", p.message))
        else:
            links.append((_tasks_url(r), p.message))
    return links


def _date(value):
    return date_format(value, "j F Y") if value else ""


YES_NO = {True: "Yes", False: "No", None: ""}


def _answer_groups(r):
    """[{heading, rows: [{label, text, rich, lines, change_url}]}] for check your answers."""
    person = lambda user: user.name_and_title if user else ""  # noqa: E731

    def row(label, slug, text="", rich="", lines=()):
        return {
            "label": label,
            "text": text,
            "rich": rich,
            "lines": list(lines),
            "change_url": reverse("scrutiny:task", kwargs={"pk": r.pk, "task": slug}) if slug else "",
        }

    chosen = {d.pk for d in r.applicable_departments.all()}
    departments = [d.name for d in rules.required_departments(r) if d.mandatory_for_reports or d.pk in chosen]
    exemption = " – ".join(x for x in (r.part2_title, r.part2_not_for_publication) if x) if r.is_part_2 else ""
    return [
        {
            "heading": "Committee, meeting and report details",
            "rows": [
                row("Committee", "", str(r.committee)),
                row("Meeting", "details", _date(r.meeting.date) if r.meeting else ""),
                row("Title of report", "details", r.title),
                row("Lead member", "details", person(r.lead_member)),
                row("Lead member's portfolio", "details", str(r.lead_member_portfolio or "")),
                row("Lead strategic director", "details", person(r.lead_director)),
                row("Author", "", person(r.author)),
                row("Contact email", "details", r.author_email),
                row("Your reference", "details", r.your_reference),
                row("Key decision", "details", YES_NO[r.is_key_decision]),
            ],
        },
        {
            "heading": "Purpose, recommendations and alternative options",
            "rows": [
                row("Purpose of report", "summary", rich=r.purpose),
                row("Recommendations and reasons", "summary", rich=r.recommendations),
                row("Alternative options considered and rejected", "summary", rich=r.alternatives),
            ],
        },
        {
            "heading": "Corporate Plan, financial and carbon implications",
            "rows": [
                row("Priority", "implications", str(r.priority or "")),
                row("Relevance to the Corporate Plan and/or the Plymouth Plan", "implications", rich=r.plan_relevance),
                row(
                    "Implications for the Medium Term Financial Plan and Resource Implications",
                    "implications",
                    rich=r.financial_implications,
                ),
                row("Carbon Footprint (Environmental) Implications", "implications", rich=r.carbon_implications),
            ],
        },
        {
            "heading": "Body of the report",
            "rows": [row(s.heading, "body", rich=s.body) for s in r.sections.all()] or [row("Sections", "body")],
        },
        {
            "heading": "Appendices, background papers and confidentiality",
            "rows": [
                row(
                    "Appendices",
                    "appendices",
                    "" if r.appendices.all() else "None",
                    lines=[
                        f"{a.ref}: {a.title}" + (f" ({a.not_for_publication})" if a.is_exempt else "")
                        for a in r.appendices.all()
                    ],
                ),
                row(
                    "Background papers",
                    "appendices",
                    "" if r.background_papers.all() else "None",
                    lines=[
                        p.title + (f" ({p.not_for_publication})" if p.is_exempt else "")
                        for p in r.background_papers.all()
                    ],
                ),
                row(
                    "Confidentiality",
                    "confidentiality",
                    r.get_confidentiality_display(),
                    lines=[exemption] if exemption else [],
                ),
            ],
        },
        {
            "heading": "Sign-off and decisions",
            "rows": [
                row("Departments that sign off", "sign-off", lines=departments),
                row("Originating Senior Leadership Team member", "sign-off", person(r.originating_slt_member)),
                row(
                    "Decisions the report is about",
                    "decisions",
                    "" if r.decisions.all() else "None",
                    lines=[str(d) for d in r.decisions.all()],
                ),
            ],
        },
    ]
