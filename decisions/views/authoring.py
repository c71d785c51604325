"""The officer's authoring journey for a decision record: the shared pages of `records.views_authoring`
(task list, task pages, appendices and background papers, check answers, deleting a draft) bound
to decision records, and the pages that are only theirs: starting a record, the cabinet members
consulted (13b, 13c) and an appendix's file.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError

from council import integrity
from council.models import CouncilSettings, Department
from decisions import documents, kind, permissions, sections, services
from decisions.forms import AppendixForm, BackgroundPaperForm, CabinetConsultationForm
from decisions.models import Appendix, BackgroundPaper, CabinetConsultation, Decision
from decisions.tasklist import TASKS
from records import views_authoring as shared
from records.forms import ConfirmForm, typed_into
from records.views_children import ChildRows
from records.views_record import file_download


def _records():
    return Decision.objects.select_related(
        "author",
        "decision_maker",
        "directorate",
        "priority__plan",
        "scrutiny_committee__chair",
        "cmt_member",
        "plan_item",
    ).prefetch_related(
        "notices",
        "consultations__portfolio__member",
        "appendices",
        "background_papers",
        "applicable_departments",
        "chair_agreements",
    )


def _check_context(decision):
    """Check your answers shows each section as the record does: `_record_value.html`, one context."""
    context = documents.record_context(decision, public=False)
    section_task = TASKS.section_task
    context["answer_groups"] = [
        (heading, [(number, sections.LABELS[number], section_task.get(number)) for number in numbers])
        for heading, numbers in sections.GROUPS
    ]
    context["value_template"] = "decisions/_record_value.html"
    return context


def _consultation_buttons(request, kind, decision, form):
    """Add or remove a cabinet member from the consultation page; None to carry on saving the page.

    The page is one form: "Add …" and "Remove" are its submit buttons too, so adding or removing
    saves the answers typed into the page as "Save and come back later" does, and "Save …" adds
    whatever was typed into the "add" part."""
    add_form = CabinetConsultationForm(request.POST, decision=decision)
    remove = request.POST.get("remove-consultation")
    pressed_add = "add-consultation" in request.POST
    adding = pressed_add or typed_into(add_form)
    if not (adding or remove):
        return None
    # The page's several writes are checked once, first, against the revision it was made on.
    try:
        shared.save(kind, form, request)
    except integrity.EditConflict as exc:
        shared.conflict(decision, form, exc)
        return shared.render_task(request, kind, decision, "consultation", form, consultation_form=add_form)
    if remove:
        item = shared.child(kind, CabinetConsultation, decision, remove)
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
        return shared.render_task(
            request,
            kind,
            shared.editable(request, kind, decision.pk),
            "consultation",
            form,
            saved_others=bool(form.errors),
            consultation_form=add_form if failed else fresh,
        )
    if pressed_add or remove:
        return shared.to_task(kind, decision, "consultation", "consultations")
    # "Save …" goes on to the task's rules, which must count the cabinet member just added.
    decision.refresh_from_db(fields=["consultations"])
    return None


KIND = kind.KIND.authoring(
    tasks=TASKS,
    queryset=_records,
    services=services,
    appendix_form=AppendixForm,
    paper_form=BackgroundPaperForm,
    submitted=lambda d: f"Decision record {d.reference} has been submitted for sign-off",
    check_context=_check_context,
    # Nothing to ask before the record exists: the author's details come from their profile.
    start_form=ConfirmForm,
    begin=services.start_decision,
    extra={
        "appendices": lambda d: {
            "guidance": sections.BACKGROUND_PAPERS_GUIDANCE,
            "numbered": True,
            "download": "decisions:appendix-download",
            "paper_download": "decisions:paper-download",
        },
        "consultation": lambda d: {"consultation_form": CabinetConsultationForm(decision=d)},
        # 8b: "Propose it for the Forward Plan" is offered while the record has no item (views/route.py).
        "forward-plan": lambda d: {"can_propose": d.plan_item_id is None},
        "sign-off": lambda d: {
            "mandatory": Department.objects.filter(on_decision_form=True, mandatory_for_decisions=True)
        },
    },
    form_kwargs={"finance": lambda: {"council": CouncilSettings.load()}},
    buttons={"consultation": _consultation_buttons},
)

# The pages both kinds share (records.views_authoring, records.views_appendices), bound to decision records.
task_list, delete_draft, task, check_answers, appendix_add, appendix_remove, paper_add, paper_remove = shared.views(
    KIND, kind.KIND.review
)
start = shared.start_page(KIND)


# — cabinet members consulted (13b, 13c), and an appendix's file ---------------------------------


CONSULTATIONS = ChildRows.declare(
    KIND,
    model=CabinetConsultation,
    form=lambda data, decision: CabinetConsultationForm(data, decision=decision),
    add=services.add_consultation,
    done=lambda added: f"{added.member_name} added",
    slug="consultation",
    anchor="consultations",
    form_name="consultation_form",
)
consultation_add, consultation_remove = CONSULTATIONS.add, CONSULTATIONS.remove


appendix_download = file_download(Appendix, permissions.can_download_appendix)
paper_download = file_download(BackgroundPaper, permissions.can_download_appendix)
