"""The actions every kind of record has, declared once: return to the author, withdraw, and a
confirmation with an optional comment (an agreement, an approval), and the pages every kind's
review has (`every_kinds_views`: sign-off, return, withdraw, the PDFs). Each app calls these with
its `RecordKind` and services; its own actions it declares itself with `RecordAction.declare`."""

from council.models import CouncilSettings
from records.forms import CommentForm, ConfirmForm, OptionalCommentForm
from records.retention import disposable_papers, retention
from records.rules import exempt_parts
from records.views import RecordAction, SignOffAction, comment
from records.views_record import pdf_view, retry_pdf_view


def return_action(kind, *, service, template):
    """Any reviewer sends the record back to its author as a draft, saying what needs to change."""
    noun = kind.noun
    return RecordAction.declare(
        kind,
        kind.workflow.Action.RETURN,
        permission=kind.permissions.can_return,
        form=CommentForm,
        form_kwargs=lambda view: dict(
            label="Comments for the author",
            hint="Say what needs to change. The author sees these comments, "
            f"and they are kept in the {noun}'s history.",
            required_message="Enter your comments for the author, so they know what to change",
            button=f"Return the {noun}",
        ),
        service=service,
        arguments=comment,
        template=template,
        success=f"The {noun} has been returned to the author",
    )


def withdraw_action(kind, *, service, template):
    """The author or Democratic Support withdraws the record; the reason is kept in its history."""
    noun = kind.noun
    return RecordAction.declare(
        kind,
        kind.workflow.Action.WITHDRAW,
        permission=kind.permissions.can_withdraw,
        form=CommentForm,
        form_kwargs=lambda view: dict(
            label=f"Why is the {noun} being withdrawn?",
            hint=f"This is kept in the {noun}'s history.",
            required_message=f"Enter why the {noun} is being withdrawn",
            button=f"Withdraw the {noun}",
            warning=True,
        ),
        service=service,
        arguments=comment,
        template=template,
        success=f"The {noun} has been withdrawn",
    )


def confirm_action(kind, action, *, permission, service, button, template, success):
    """Someone agrees or approves the record, with an optional comment for its history; the page
    shows what stops it (the workflow's blockers), and the service is told the version seen."""
    return RecordAction.declare(
        kind,
        action,
        permission=permission,
        context=lambda view: {"blockers": kind.workflow.blockers(view.record, action)},
        form=OptionalCommentForm,
        form_kwargs=lambda view: {"button": button},
        service=service,
        arguments=comment,
        versioned=True,
        template=template,
        success=success,
    )


def publish_action(kind, service, template, *, button, success, withheld=exempt_parts):
    """Democratic Support publishes the record: the page lists what the public version withholds
    (`withheld(record)`) and what stops it now (the workflow's blockers)."""
    action = kind.workflow.Action.PUBLISH
    return RecordAction.declare(
        kind,
        action,
        permission=kind.permissions.can_publish,
        context=lambda view: {
            "blockers": kind.workflow.blockers(view.record, action),
            "exempt_parts": withheld(view.record),
        },
        form=ConfirmForm,
        form_kwargs=lambda view: {"button": button},
        service=service,
        template=template,
        success=success,
    )


def dispose_papers_action(kind, *, service):
    """OLGB-6: Democratic Support disposes of the background papers' files after their retention date;
    the page lists the files and the date, and what stops it now (the workflow's blockers)."""
    action = kind.workflow.Action.DISPOSE_PAPERS
    return RecordAction.declare(
        kind,
        action,
        permission=kind.permissions.can_dispose_papers,
        context=lambda view: {
            "problems": kind.workflow.blockers(view.record, action),
            "papers": disposable_papers(view.record),
            "retention": retention(view.record, CouncilSettings.for_request(view.request)),
        },
        form=ConfirmForm,
        form_kwargs=lambda view: {"button": "Dispose of the files", "warning": True},
        service=service,
        template="components/dispose_papers.html",
        success="The background papers' files have been disposed of",
    )


def every_kinds_views(kind, records, templates, pdf, *, departments=None):
    """The review pages every kind has, bound to one kind: sign-off (SIGNOFF-1), return, withdraw,
    the full PDF (`pdf`: the kind's `records.documents.RecordPdf`, named by its documents module's
    `pdf_filename`), retrying the public PDF and disposing of the background papers' files (OLGB-6).
    `records` is its `RecordServices`; `templates` the folder of its action pages (`sign_off.html`,
    `return.html`, `withdraw.html`); `departments` those that may sign it off (all by default). In the
    order its `views/review.py` names them."""
    sign_off_attributes = {"departments": departments} if departments is not None else {}

    def render(request, record, watermark):
        return pdf(record, public=False, watermark=watermark, council=getattr(request, "_council_settings", None))

    return (
        SignOffAction.declare(
            kind,
            kind.workflow.Action.ISSUE_SIGN_OFF,
            service=records.issue_sign_off_code,
            template=f"{templates}sign_off.html",
            **sign_off_attributes,
        ),
        return_action(kind, service=records.return_to_author, template=f"{templates}return.html"),
        withdraw_action(kind, service=records.withdraw, template=f"{templates}withdraw.html"),
        pdf_view(kind, render, kind.module("documents").pdf_filename),
        retry_pdf_view(kind, records.retry_public_pdf),
        dispose_papers_action(kind, service=records.dispose_papers),
    )
