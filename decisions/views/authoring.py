"""The officer's authoring journey: start a record, the task list, one page per task, check answers, submit.

Only the author, and only while the workflow allows edits (`permissions.can_edit`). Forms check
what was typed; "Save and continue" adds the task's rules from `rules.py`; every write goes
through `services.py`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from council import integrity
from council.documents import attachment_content_type
from council.forms import ConfirmForm
from council.models import CouncilSettings, Department
from council.templatetags.govuk import error_target_id
from decisions import permissions, rules, services, workflow
from decisions.forms import (
    TASK_FORMS,
    AppendixForm,
    BackgroundPaperForm,
    CabinetConsultationForm,
)
from decisions.models import Appendix, BackgroundPaper, CabinetConsultation, Decision, SpendType
from decisions.sections import BACKGROUND_PAPERS_GUIDANCE, GROUPS, KEY_DECISION_CRITERIA, LABELS
from decisions.views import review
from decisions.workflow import Action, TransitionNotAllowed
from records.forms import add_problems, typed_into

TASK_RULES = {
    "details": rules.details,
    "reasons": rules.reasons,
    "finance": rules.finance,
    "plan": rules.plan,
    "urgency": rules.urgency,
    "consultation": rules.consultation,
    "appendices": rules.exempt,
    "exempt": rules.exempt,
}
# Where a problem that no field of the task's main form shows is fixed on the page.
ANCHORS = {"portfolio": "id_consultation-portfolio"}
ANCHOR_FOR_TASK = {"appendices": "appendices", "consultation": "consultations"}


def _records():
    return Decision.objects.select_related(
        "author",
        "decision_maker",
        "directorate",
        "priority__plan",
        "scrutiny_committee__chair",
        "cmt_member",
    ).prefetch_related(
        "consultations__portfolio__member",
        "appendices",
        "background_papers",
        "applicable_departments",
        "chair_agreements",
    )


def _editable(request, pk):
    decision = get_object_or_404(_records(), pk=pk)
    if not permissions.can_edit(request.user, decision):
        raise PermissionDenied
    return decision


def _to_task(decision, slug, anchor=""):
    address = reverse("decisions:task", kwargs={"pk": decision.pk, "task": slug})
    return redirect(f"{address}#{anchor}" if anchor else address)


# — start and task list ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    if request.method == "POST":
        decision = services.start_decision(actor=request.user)
        return redirect("decisions:tasks", pk=decision.pk)
    return render(request, "decisions/authoring/start.html", {"confirm": ConfirmForm()})


@login_required
@require_safe
def task_list(request, pk):
    decision = _editable(request, pk)
    tasks = _task_statuses(decision, rules.task_problems(decision))
    return render(
        request,
        "decisions/authoring/task_list.html",
        {
            "decision": decision,
            "tasks": tasks,
            "completed": sum(t["completed"] for t in tasks),
            # An optional task left untouched is not a section still to do.
            "total": sum(t["status"] != "Optional" for t in tasks),
            "returned": decision.last_return(),
            "can_delete": permissions.can_delete_draft(request.user, decision),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_draft(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("author"), pk=pk)
    if not permissions.can_delete_draft(request.user, decision):
        raise PermissionDenied
    title = decision.title or "Untitled decision"
    if request.method == "POST":
        services.delete_draft(decision, actor=request.user)
        messages.success(request, f"Draft decision record “{title}” deleted")
        return redirect("staff-home")
    return render(
        request,
        "components/delete_draft.html",
        {
            "title": title,
            "noun": "decision record",
            "started_at": decision.created_at,
            "cancel_url": reverse("decisions:tasks", kwargs={"pk": decision.pk}),
        },
    )


# — task pages ---------------------------------------------------------------------------------


def _task_form(slug, decision, data=None):
    kwargs = {"council": CouncilSettings.load()} if slug == "finance" else {}
    return TASK_FORMS[slug](data, instance=decision, **kwargs)


def _error_links(forms, elsewhere=()):
    """(href, message) for the error summary, in the order the fields appear on the page."""
    links = []
    for form in forms:
        if not form.errors:
            continue
        fields = form.visible_fields()
        links += [(f"#{error_target_id(fields[0])}", error) for error in form.non_field_errors()]
        links += [(f"#{error_target_id(field)}", error) for field in fields for error in field.errors]
    links += [(f"#{ANCHORS.get(p.field, ANCHOR_FOR_TASK.get(p.task, 'main-content'))}", p.message) for p in elsewhere]
    return links


def _render_task(request, decision, slug, form=None, *, elsewhere=(), **extra):
    if slug == "appendices":
        extra.setdefault("appendix_form", AppendixForm(decision=decision))
        extra.setdefault("paper_form", BackgroundPaperForm(decision=decision))
    if slug == "consultation":
        extra.setdefault("consultation_form", CabinetConsultationForm(decision=decision))
    if slug == "sign-off":
        extra["mandatory"] = Department.objects.filter(on_decision_form=True, mandatory_for_decisions=True)
    if form is None and slug in TASK_FORMS:
        form = _task_form(slug, decision)
    error_links = _error_links([f for f in (form, *extra.values()) if isinstance(f, BaseForm)], elsewhere)
    context = {
        "decision": decision,
        "task": slug,
        "title": rules.TASK_TITLES[slug],
        "caption": _caption(slug),
        "form": form,
        "error_links": error_links,
        "guidance": BACKGROUND_PAPERS_GUIDANCE,
        **extra,
    }
    templates = [f"decisions/authoring/task_{slug.replace('-', '_')}.html", "decisions/authoring/task.html"]
    return render(request, templates, context)


def _save(form, request):
    services.save_edits(
        form.instance,
        actor=request.user,
        fields=form.model_fields(),
        m2m=form.m2m_values(),
        revision=integrity.seen_revision(request.POST),
    )


def _conflict(decision, form, exc):
    """Someone saved since this page was shown: keep what was typed, show the error, offer the new revision."""
    decision.revision = exc.revision
    form.add_error(None, exc)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def task(request, pk, task):
    if task not in rules.TASK_TITLES:
        raise Http404
    decision = _editable(request, pk)
    if request.method != "POST":  # GET or HEAD
        return _render_task(request, decision, task)
    if task == "appendices":
        return _appendices_page(request, decision)
    form = _task_form(task, decision, request.POST)
    form.is_valid()
    if task == "consultation" and (response := _consultation_page(request, decision, form)):
        return response
    if "later" in request.POST:
        # Keep what passed field validation; the rules wait for "Save and continue".
        try:
            _save(form, request)
        except integrity.EditConflict as exc:
            _conflict(decision, form, exc)
            return _render_task(request, decision, task, form)
        if not form.errors:
            messages.success(request, f"Your answers to “{rules.TASK_TITLES[task]}” have been saved")
            return redirect("decisions:tasks", pk=decision.pk)
        return _render_task(request, decision, task, form, saved_others=True)
    problems = [p for p in TASK_RULES.get(task, lambda d: [])(form.instance) if p.task == task]
    elsewhere = add_problems(form, problems)
    if form.errors or elsewhere:
        return _render_task(request, decision, task, form, elsewhere=elsewhere)
    try:
        _save(form, request)
    except integrity.EditConflict as exc:
        _conflict(decision, form, exc)
        return _render_task(request, decision, task, form)
    return _next_task(decision, task)


def _next_task(decision, slug):
    """After "Save and continue": the next task, as GOV.UK task lists do; after the last one, check your answers."""
    slugs = [s for s, _, _ in rules.TASKS]
    following = slugs[slugs.index(slug) + 1 :]
    if following:
        return _to_task(decision, following[0])
    return redirect("decisions:check", pk=decision.pk)


def _continue_from_appendices(request, decision):
    problems = [p for p in rules.exempt(decision) if p.task == "appendices"]
    if problems and "later" not in request.POST:
        return _render_task(request, decision, "appendices", elsewhere=problems)
    if "later" in request.POST:
        return redirect("decisions:tasks", pk=decision.pk)
    return _next_task(decision, "appendices")


def _child(model, decision, pk):
    return get_object_or_404(model, pk=pk if str(pk).isdigit() else 0, decision_id=decision.pk)


# The consultation and appendices pages are each one form: "Add …" and "Remove" are its submit
# buttons too, so nothing typed anywhere on the page is lost when one of them is pressed. Adding
# or removing saves the answers typed into the page as "Save and come back later" does, and
# "Save …" adds whatever was typed into an "add" part.


def _consultation_page(request, decision, form):
    """Add or remove a cabinet member from the consultation page; None to carry on saving the page."""
    add_form = CabinetConsultationForm(request.POST, decision=decision)
    remove = request.POST.get("remove-consultation")
    pressed_add = "add-consultation" in request.POST
    adding = pressed_add or typed_into(add_form)
    if not (adding or remove):
        return None
    # The page's several writes are checked once, first, against the revision it was made on.
    try:
        _save(form, request)
    except integrity.EditConflict as exc:
        _conflict(decision, form, exc)
        return _render_task(request, decision, "consultation", form, consultation_form=add_form)
    if remove:
        item = _child(CabinetConsultation, decision, remove)
        services.remove_child(decision, item, actor=request.user)
        messages.success(request, f"{item} removed")
    if adding and add_form.is_valid():
        try:
            added = services.add_consultation(decision, actor=request.user, **add_form.cleaned_data)
        except ValidationError as exc:
            add_form.add_error(None, exc)
        else:
            messages.success(request, f"{added.member_name} added")
    failed = adding and bool(add_form.errors)
    if failed or (form.errors and (pressed_add or remove)):
        fresh = CabinetConsultationForm(decision=decision)
        return _render_task(
            request,
            _editable(request, decision.pk),
            "consultation",
            form,
            saved_others=bool(form.errors),
            consultation_form=add_form if failed else fresh,
        )
    if pressed_add or remove:
        return _to_task(decision, "consultation", "consultations")
    # "Save …" goes on to the task's rules, which must count the cabinet member just added.
    decision.refresh_from_db(fields=["consultations"])
    return None


def _appendices_page(request, decision):
    appendix_form = AppendixForm(request.POST, request.FILES, decision=decision)
    paper_form = BackgroundPaperForm(request.POST, decision=decision)
    if conflict := _page_is_stale(request, decision):
        return _render_stale(request, decision, "appendices", conflict, appendix_form, paper_form)
    anchor = ""
    if remove := request.POST.get("remove-appendix"):
        item = _child(Appendix, decision, remove)
        services.remove_child(decision, item, actor=request.user)
        messages.success(request, f"{item} removed")
        anchor = "appendices"
    if remove := request.POST.get("remove-paper"):
        item = _child(BackgroundPaper, decision, remove)
        services.remove_child(decision, item, actor=request.user)
        messages.success(request, f"{item} removed")
        anchor = "background-papers"
    failed = {}
    if "add-appendix" in request.POST or typed_into(appendix_form, ignore={"ref"}):
        anchor = "appendices"
        if appendix_form.is_valid():
            appendix = services.save_appendix(decision, appendix_form.save_values(), actor=request.user)
            messages.success(request, f"Appendix {appendix.ref} added")
        else:
            failed["appendix_form"] = appendix_form
    if "add-paper" in request.POST or typed_into(paper_form):
        anchor = anchor or "background-papers"
        if paper_form.is_valid():
            paper = paper_form.instance
            paper.order = max((p.order for p in decision.background_papers.all()), default=0) + 1
            services.save_background_paper(decision, paper, actor=request.user)
            messages.success(request, f"Background paper “{paper.title}” added")
        else:
            failed["paper_form"] = paper_form
    fresh = _editable(request, decision.pk)
    if failed:
        return _render_task(request, fresh, "appendices", **failed)
    if "continue" in request.POST or "later" in request.POST:
        return _continue_from_appendices(request, fresh)
    return _to_task(decision, "appendices", anchor)


def _page_is_stale(request, record):
    """The one-form pages make several writes: the revision the page was made on is checked once, first."""
    try:
        services.save_edits(record, actor=request.user, fields=[], revision=integrity.seen_revision(request.POST))
    except integrity.EditConflict as exc:
        record.revision = exc.revision
        return exc
    return None


def _render_stale(request, record, slug, conflict, appendix_form, paper_form):
    """Show the page again with the conflict, keeping what was typed into either "add" part."""
    kept = {
        name: form
        for name, form in (("appendix_form", appendix_form), ("paper_form", paper_form))
        if typed_into(form, ignore={"ref"})
    }
    return _render_task(request, record, slug, elsewhere=[rules.Problem("", "", conflict.message, slug)], **kept)


# — consultations, appendices, background papers ---------------------------------------------


@login_required
@require_POST
def consultation_add(request, pk):
    decision = _editable(request, pk)
    form = CabinetConsultationForm(request.POST, decision=decision)
    if form.is_valid():
        try:
            added = services.add_consultation(
                decision, actor=request.user, revision=integrity.seen_revision(request.POST), **form.cleaned_data
            )
        except integrity.EditConflict as exc:
            _conflict(decision, form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{added.member_name} added")
            return _to_task(decision, "consultation", "consultations")
    return _render_task(request, decision, "consultation", consultation_form=form)


@login_required
@require_POST
def appendix_add(request, pk):
    decision = _editable(request, pk)
    form = AppendixForm(request.POST, request.FILES, decision=decision)
    if form.is_valid():
        try:
            appendix = services.save_appendix(
                decision, form.save_values(), actor=request.user, revision=integrity.seen_revision(request.POST)
            )
        except integrity.EditConflict as exc:
            _conflict(decision, form, exc)
        else:
            messages.success(request, f"Appendix {appendix.ref} added")
            return _to_task(decision, "appendices", "appendices")
    return _render_task(request, decision, "appendices", appendix_form=form)


@login_required
@require_POST
def paper_add(request, pk):
    decision = _editable(request, pk)
    form = BackgroundPaperForm(request.POST, decision=decision)
    if form.is_valid():
        paper = form.instance
        paper.order = max((p.order for p in decision.background_papers.all()), default=0) + 1
        try:
            services.save_background_paper(
                decision, paper, actor=request.user, revision=integrity.seen_revision(request.POST)
            )
        except integrity.EditConflict as exc:
            _conflict(decision, form, exc)
        else:
            messages.success(request, f"Background paper “{paper.title}” added")
            return _to_task(decision, "appendices", "background-papers")
    return _render_task(request, decision, "appendices", paper_form=form)


def _remove(request, pk, child, model, slug, anchor):
    decision = _editable(request, pk)
    item = get_object_or_404(model, pk=child, decision_id=decision.pk)
    try:
        services.remove_child(decision, item, actor=request.user, revision=integrity.seen_revision(request.POST))
    except integrity.EditConflict as exc:
        decision.revision = exc.revision
        return _render_task(request, decision, slug, elsewhere=[rules.Problem("", "", exc.message, slug)])
    messages.success(request, f"{item} removed")
    return _to_task(decision, slug, anchor)


@login_required
@require_POST
def consultation_remove(request, pk, child):
    return _remove(request, pk, child, CabinetConsultation, "consultation", "consultations")


@login_required
@require_POST
def appendix_remove(request, pk, child):
    return _remove(request, pk, child, Appendix, "appendices", "appendices")


@login_required
@require_POST
def paper_remove(request, pk, child):
    return _remove(request, pk, child, BackgroundPaper, "appendices", "background-papers")


@require_safe
def appendix_download(request, pk, child):
    appendix = get_object_or_404(Appendix.objects.select_related("decision"), pk=child, decision_id=pk)
    if not permissions.can_download_appendix(request.user, appendix):
        # The public is not told that a record or appendix exists.
        raise PermissionDenied if request.user.is_authenticated else Http404
    if not appendix.file:
        raise Http404
    return FileResponse(
        appendix.file.open("rb"),
        as_attachment=True,
        filename=appendix.original_filename or appendix.file.name.rsplit("/", 1)[-1],
        content_type=attachment_content_type(appendix),  # what the content is, not what the browser said
    )


# — check answers and submit -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@review.second_click(Action.SUBMIT)
def check_answers(request, pk):
    decision = _editable(request, pk)
    if request.method == "POST" and not workflow.allowed_in_status(decision.status, Action.SUBMIT):
        # A second click on "Submit": the record is in sign-off already; say so on the record.
        return review.moved_on(request, decision, Action.SUBMIT)
    problems = rules.completeness(decision)
    if request.method == "POST" and not problems:
        try:
            submitted = services.submit_for_sign_off(decision, actor=request.user)
        except TransitionNotAllowed as exc:
            problems = exc.reasons
        else:
            messages.success(request, f"Decision record {submitted.reference} has been submitted for sign-off")
            return redirect("decisions:record", pk=submitted.pk)
    return render(
        request,
        "decisions/authoring/check_answers.html",
        {
            "decision": decision,
            "groups": _answer_groups(decision),
            "error_links": _problem_links(decision, problems),
            "can_submit": not problems and permissions.can_submit(request.user, decision),
            "confirm": ConfirmForm(),
        },
    )


# — what the pages show ------------------------------------------------------------------------

TASK_SECTIONS = {
    "details": ["1", "2", "3", "4a", "4b"],
    "reasons": ["5", "6"],
    "finance": ["7", "8", "8b"],
    "plan": ["9", "10"],
    "urgency": ["11", "12a", "12b"],
    "consultation": ["13a", "13b", "13c", "14", "15"],
    "sign-off": ["16"],
    "appendices": ["17", "19"],
    "exempt": ["18a", "18b"],
}
SECTION_TASK = {number: slug for slug, numbers in TASK_SECTIONS.items() for number in numbers}
OPTIONAL_TASKS = {"sign-off", "appendices"}
# Filled in by start_decision from the author's profile: not a sign that the officer has started.
PREFILLED = {"author_email", "author_phone", "directorate"}
YES_NO = {True: "Yes", False: "No", None: ""}


def _caption(slug):
    sections = dict((s, n) for s, _, n in rules.TASKS)[slug]
    return f"Section{'s' if ' ' in sections else ''} {sections}"


def _has_answers(slug, d):
    if slug == "appendices":
        return bool(d.appendices.all() or d.background_papers.all())
    if slug == "sign-off":
        return bool(d.applicable_departments.all())
    if slug == "consultation" and d.consultations.all():
        return True
    names = [n for n in TASK_FORMS[slug]._meta.fields if n not in PREFILLED]
    return any(Decision._meta.get_field(n).value_from_object(d) not in (None, "", [], False) for n in names)


def _task_statuses(d, problems):
    tasks = []
    for slug, title, _ in rules.TASKS:
        started = _has_answers(slug, d)
        if problems[slug]:
            status = "Incomplete" if started else "Not yet started"
        else:
            status = "Completed" if started or slug not in OPTIONAL_TASKS else "Optional"
        tasks.append(
            {
                "slug": slug,
                "title": title,
                "caption": _caption(slug),
                "status": status,
                "completed": status == "Completed",
                "url": reverse("decisions:task", kwargs={"pk": d.pk, "task": slug}),
            }
        )
    return tasks


def _field_anchor(slug, field):
    """The id of the field a problem is about on its task page (radios: first option; dates: day)."""
    form_class = TASK_FORMS.get(slug)
    if form_class is None:
        return ANCHOR_FOR_TASK.get(slug, "main-content")
    name = getattr(form_class, "aliases", {}).get(field, field)
    if name not in form_class.base_fields:
        return ANCHORS.get(field, ANCHOR_FOR_TASK.get(slug, "main-content"))
    widget = form_class.base_fields[name].widget
    if getattr(widget, "input_type", "") in {"radio", "checkbox"} and hasattr(widget, "choices"):
        return f"id_{name}_1"
    if hasattr(widget, "widgets"):
        return f"id_{name}_0"
    return f"id_{name}"


def _problem_links(d, problems):
    links = []
    for p in problems:
        if p.task:
            url = reverse("decisions:task", kwargs={"pk": d.pk, "task": p.task})
            links.append((f"{url}#{_field_anchor(p.task, p.field)}", p.message))
        else:
            links.append((reverse("decisions:tasks", kwargs={"pk": d.pk}), p.message))
    return links


def _date(value):
    return date_format(value, "j F Y") if value else ""


def _answers(d):
    """{section: {"text": plain text, "rich": long text for the `rich` filter, "lines": [lines]}}."""
    council = CouncilSettings.load()
    thresholds = {
        "capital": f"{council.key_decision_capital_threshold:,.0f}",
        "revenue": f"{council.key_decision_revenue_threshold:,.0f}",
    }
    criteria = [
        KEY_DECISION_CRITERIA[name].format(**thresholds)
        for name in ("key_capital", "key_revenue", "key_wards")
        if getattr(d, name)
    ]
    person = lambda user: user.name_and_title if user else ""  # noqa: E731
    amount = f"£{d.amount:,.2f}" if d.amount is not None else ""
    spend = SpendType(d.spend_type).label if d.spend_type else ""
    answers = {
        "1": {"text": d.title},
        "2": {"text": person(d.decision_maker)},
        "3": {"lines": [x for x in (d.author.name_and_title, d.author_email, d.author_phone) if x]},
        "4a": {"rich": d.decision_to_be_taken},
        "4b": {"text": d.original_delegation},
        "5": {"rich": d.reasons},
        "6": {"rich": d.alternatives},
        "7": {
            "rich": d.financial_implications,
            "lines": [
                x
                for x in (amount and f"Amount: {amount}", spend, d.funding_source and f"Funding: {d.funding_source}")
                if x
            ],
        },
        "8": {"text": YES_NO[d.is_key_decision], "lines": criteria},
        "8b": {
            "text": _date(d.forward_plan_published_on)
            or ("Special urgency: no Forward Plan notice" if d.special_urgency else "")
            or ("N/A" if d.is_key_decision is False else "")
        },
        "9": {"text": str(d.priority) if d.priority else "", "rich": d.plan_link},
        "10": {"rich": d.environmental_implications},
        "11": {"text": YES_NO[d.is_urgent]},
        "12a": {"rich": d.urgency_reason if d.is_urgent else "", "text": "N/A" if d.is_urgent is False else ""},
        "12b": {
            "text": (
                f"{d.scrutiny_committee}: its chair is asked to agree when you submit"
                if d.scrutiny_committee
                else ("N/A" if d.is_urgent is False else "")
            )
        },
        "13a": {"text": YES_NO[d.other_portfolios_affected]},
        "13b": {"lines": [c.member_name or str(c.portfolio) for c in d.consultations.all()]},
        "13c": {"lines": [f"{c.member_name or c.portfolio}: {_date(c.consulted_on)}" for c in d.consultations.all()]},
        "14": {
            "text": YES_NO[d.conflict_of_interest],
            "rich": d.conflict_details if d.conflict_of_interest else "",
            "lines": ["The Monitoring Officer has been consulted"]
            if d.conflict_of_interest and d.monitoring_officer_involved
            else [],
        },
        "15": {
            "lines": [
                x
                for x in (person(d.cmt_member), d.cmt_consulted_on and f"Date consulted: {_date(d.cmt_consulted_on)}")
                if x
            ]
        },
        "16": {"lines": _departments(d)},
        "17": {
            "lines": [
                f"{a.ref}: {a.title}" + (f" ({a.not_for_publication})" if a.is_exempt else "")
                for a in d.appendices.all()
            ],
            "text": "" if d.appendices.all() else "None",
        },
        "18a": {"text": YES_NO[d.has_exempt_information]},
        "18b": {
            "text": " – ".join(x for x in (d.part2_title, d.part2_not_for_publication) if x)
            if d.has_exempt_information
            else ("N/A" if d.has_exempt_information is False else "")
        },
        "19": {
            "lines": [
                p.title + (f" ({p.not_for_publication})" if p.is_exempt else "") for p in d.background_papers.all()
            ],
            "text": "" if d.background_papers.all() else "None",
        },
        "20": {"text": "Signed by the decision maker after every sign-off has been given"},
    }
    return answers


def _departments(d):
    chosen = {dep.pk for dep in d.applicable_departments.all()}
    return [
        f"{dep.name} ({'mandatory' if dep.mandatory_for_decisions else 'if applicable'})"
        for dep in Department.objects.filter(on_decision_form=True)
        if dep.mandatory_for_decisions or dep.pk in chosen
    ]


def _answer_groups(d):
    answers = _answers(d)
    groups = []
    for heading, numbers in GROUPS:
        rows = []
        for number in numbers:
            slug = SECTION_TASK.get(number)
            rows.append(
                {
                    "number": number,
                    "label": LABELS[number],
                    "text": "",
                    "rich": "",
                    "lines": [],
                    **answers[number],
                    "change_url": reverse("decisions:task", kwargs={"pk": d.pk, "task": slug}) if slug else "",
                }
            )
        groups.append({"heading": heading, "rows": rows})
    return groups
