"""Staff pages of a briefing report: the report itself, sign-off, returns, the strategic director's
agreement, the cabinet member's approval (in the system, or recorded by Democratic Support),
publication to the meeting's agenda and withdrawal.

Each action page: GET shows what will happen; POST calls one service and redirects to the report
with a success message. Service errors go on the form, so the GOV.UK error summary shows them and
nothing typed is lost. An action the report has moved past sends the person back to the report
with a message, rather than an error page.
"""

from django.contrib.auth.decorators import login_required

from council.models import Department
from records.actions import confirm_action, every_kinds_views, publish_action
from records.rules import sign_off_states
from records.views import RecordAction, every_field
from records.views_record import Button, every_kinds_buttons, file_download, page_view
from scrutiny import documents, forms_review, kind, permissions, rules, services
from scrutiny.models import ReportAppendix, ReportBackgroundPaper
from scrutiny.workflow import Action

KIND = kind.KIND.review


# — the report --------------------------------------------------------------------------------


# The buttons of the report page, in the order people use them.
BUTTONS = every_kinds_buttons(
    KIND,
    [
        Button("Agree the report", "agree", "primary", permissions.can_agree),
        Button("Approve the report", "approve", "primary", permissions.can_approve),
        Button("Record the cabinet member's approval", "record-approval", "secondary", permissions.can_record_approval),
        Button("Publish to the meeting's agenda", "publish", "primary", permissions.can_publish),
    ],
    departments=permissions.report_reviewer_departments,
)


def _sign_off_rows(report):
    """The report's sign-off row: each department that applies, its current code or what is missing."""
    return [
        {
            "department": department,
            "label": department.report_label or department.name,
            "code": sign_off.code if sign_off else "",
            "state": "current" if sign_off else ("stale" if stale else "waiting"),
        }
        for department, sign_off, stale in sign_off_states(report, rules.required_departments(report))
    ]


report = page_view(
    KIND,
    "scrutiny/record/report.html",
    BUTTONS,
    lambda request, report: {
        **documents.report_context(report, public=False),
        "sign_off_rows": _sign_off_rows(report),
    },
)


# An appendix's or a background paper's file, for whoever may see the report (the public uses its own URLs).
appendix_file = login_required(file_download(ReportAppendix, permissions.can_download_appendix))
paper_file = login_required(file_download(ReportBackgroundPaper, permissions.can_download_appendix))


# — the actions: each a declaration of records.views.RecordAction --------------------------------

# Sign-off (by the departments on the report form), return, withdraw and the PDFs, as every kind
# has them (records.actions).
sign_off, return_report, withdraw, report_pdf, retry_pdf, dispose_papers = every_kinds_views(
    KIND,
    services.RECORDS,
    "scrutiny/record/",
    documents.render_report_pdf,
    departments=Department.objects.filter(on_report_form=True),
)

# The strategic director agrees, the cabinet member approves: a confirmation with an optional comment.
agree = confirm_action(
    KIND,
    Action.AGREE,
    permission=permissions.can_agree,
    service=services.agree_report,
    button="Agree the report",
    template="scrutiny/record/agree.html",
    success="You have agreed the report. The lead member is asked to approve it",
)
approve = confirm_action(
    KIND,
    Action.APPROVE,
    permission=permissions.can_approve,
    service=services.approve_report,
    button="Approve the report",
    template="scrutiny/record/approve.html",
    success="You have approved the report. Democratic Support will publish it",
)

record_approval = RecordAction.declare(
    KIND,
    Action.RECORD_APPROVAL,
    permission=permissions.can_record_approval,
    form=forms_review.ApprovalForm,
    service=services.record_cabinet_approval,
    arguments=every_field,
    versioned=True,
    template="scrutiny/record/record_approval.html",
    success="Recorded: {result.cabinet_approval_display}",
)

publish = publish_action(
    KIND,
    services.publish_report,
    "scrutiny/record/publish.html",
    button="Publish to the agenda",
    success="The report is published on the agenda of {record.meeting}",
)
