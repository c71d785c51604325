"""The officer's authoring journey for a briefing report: the shared pages of `records.views_authoring`
(task list, task pages, appendices and background papers, check answers, deleting a draft) bound
to briefing reports, and the pages that are only theirs: starting a report (its committee and
meeting) and the body's sections (add, change, remove, move).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from council import integrity
from records import views_authoring as shared
from records.views_children import ChildRows
from scrutiny import documents, kind, services
from scrutiny.forms import StartForm
from scrutiny.forms_parts import ReportAppendixForm, ReportBackgroundPaperForm, SectionForm
from scrutiny.models import BriefingReport, ReportSection, ReportSignOff
from scrutiny.tasklist import ANSWER_GROUPS, TASKS


def _reports():
    return BriefingReport.objects.select_related(
        "committee",
        "meeting__committee",
        "author",
        "lead_member",
        "lead_member_portfolio",
        "lead_director",
        "priority__plan",
        "originating_slt_member",
    ).prefetch_related("sections", "appendices", "background_papers", "applicable_departments", "decisions")


def _check_reports():
    """What check your answers reads: the authoring pages' rows and the report template's sign-offs."""
    return _reports().prefetch_related(Prefetch("sign_offs", ReportSignOff.objects.select_related("department")))


def _check_context(report):
    """Check your answers shows each part as the report does: `_report_value.html`, one context."""
    context = documents.report_context(report, public=False)
    return {**context, "answer_groups": ANSWER_GROUPS, "value_template": "scrutiny/_report_value.html"}


KIND = kind.KIND.authoring(
    tasks=TASKS,
    queryset=_reports,
    check_queryset=_check_reports,
    services=services,
    appendix_form=ReportAppendixForm,
    paper_form=ReportBackgroundPaperForm,
    submitted=lambda r: "Your briefing report has been submitted for sign-off",
    check_context=_check_context,
    start_form=StartForm,
    begin=services.start_report,
    started="Your briefing report has been started",
    extra={
        "body": lambda r: {"section_form": SectionForm()},
        "appendices": lambda r: {"download": "scrutiny:appendix-file", "paper_download": "scrutiny:paper-file"},
    },
)

# The pages both kinds share (records.views_authoring, records.views_appendices), bound to briefing reports.
task_list, delete_draft, task, check_answers, appendix_add, appendix_remove, paper_add, paper_remove = shared.views(
    KIND, kind.KIND.review
)
start = shared.start_page(KIND)


# — body sections ------------------------------------------------------------------------------


SECTIONS = ChildRows.declare(
    KIND,
    model=ReportSection,
    form=lambda data, report: SectionForm(data),
    add=services.add_section,
    done=lambda section: f"Section “{section.heading}” added",
    slug="body",
    anchor="sections",
    form_name="section_form",
    remove=lambda report, section, **write: services.remove_section(section, **write),
    removed=lambda section: f"Section “{section.heading}” removed",
)
section_add, section_remove = SECTIONS.add, SECTIONS.remove


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def section_edit(request, pk, child):
    report = shared.editable(request, KIND, pk)
    section = SECTIONS.row(report, child)
    initial = {"heading": section.heading, "body": section.body, "level": section.level}
    form = SectionForm(request.POST if request.method == "POST" else None, initial=initial, button="Save section")
    if request.method == "POST" and form.is_valid():
        try:
            services.change_section(section, actor=request.user, revision=shared.revision(request), **form.cleaned_data)
        except integrity.EditConflict as exc:
            shared.conflict(report, form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Section “{form.cleaned_data['heading']}” saved")
            return shared.to_task(KIND, report, "body", "sections")
    return render(
        request,
        "scrutiny/authoring/section.html",
        {"report": report, "section": section, "form": form, "error_links": shared.error_links(KIND, [form])},
    )


@login_required
@require_POST
def section_move(request, pk, child, direction):
    if direction not in {"up", "down"}:
        raise Http404
    report = shared.editable(request, KIND, pk)
    section = SECTIONS.row(report, child)
    try:
        services.move_section(section, actor=request.user, direction=direction, revision=shared.revision(request))
    except integrity.EditConflict as exc:
        return shared.list_conflict(request, KIND, report, "body", exc)
    messages.success(request, f"Section “{section.heading}” moved {direction}")
    return shared.to_task(KIND, report, "body", f"section-{section.pk}")
