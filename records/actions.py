"""The actions every kind of record has, declared once: return to the author, withdraw, and a
confirmation with an optional comment (an agreement, an approval). Each app calls these with its
`RecordKind` and services; its own actions it declares itself with `RecordAction.declare`."""

from records.forms import CommentForm, OptionalCommentForm
from records.views import RecordAction, comment


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
