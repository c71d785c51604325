"""A changed decision after call-in (reconsideration): the original's content as a new draft.

The draft is an ordinary decision record, authored by the original's author, with `reconsiders`
set: it goes through the normal task list, sign-offs and signature, and its publication replaces
the original (`callin.services.open_window`). What is copied is what the author typed (every
editable column, the wards, departments, consultations and background papers); appendices are
not (their files belong to the original, which a deleted draft would take with it), nor the
chair's agreements, which a changed proposal asks for again.
"""

from callin.permissions import can_see_decision_record
from decisions import rules_key
from decisions.models import BackgroundPaper, CabinetConsultation, Decision
from decisions.workflow import Action

# Kept from the original as it is now, not as it was on the day: the new draft's own author fills
# these again on submission (`Record`'s snapshot fields are not editable, so never copied).
NOT_COPIED = {"id", "author"}


def copy_as_draft(original, *, actor, call_in):
    from decisions import services as decision_services

    fields = {
        f.attname: getattr(original, f.attname)
        for f in Decision._meta.concrete_fields
        if f.editable and f.name not in NOT_COPIED
    }
    changed = Decision(author=original.author, reconsiders=original, **fields)
    rules_key.derive(changed)
    changed.save()
    changed.wards.set(original.wards.all())
    changed.applicable_departments.set(original.applicable_departments.all())
    CabinetConsultation.objects.bulk_create(
        CabinetConsultation(
            decision=changed, portfolio_id=c.portfolio_id, member_name=c.member_name, consulted_on=c.consulted_on
        )
        for c in original.consultations.all()
    )
    for paper in original.background_papers.all():
        BackgroundPaper.objects.create(
            decision=changed,
            title=paper.title,
            order=paper.order,
            exempt_paragraphs=paper.exempt_paragraphs,
            public_interest_reasoning=paper.public_interest_reasoning,
            exemption_review_on=paper.exemption_review_on,
        )
    decision_services.RECORDS.record_event(
        changed,
        actor=actor,
        action=Action.CREATE,
        from_status="",
        comment=f"A changed decision replacing {original.reference} after call-in {call_in.reference}",
    )
    return changed


def changed_decisions(user, original):
    """The changed decisions taken after `original`'s call-in, each with whether `user` may open it:
    a draft is its author's until submitted, so the others are told whose it is, not linked to a 403."""
    return [
        {"decision": d, "may_see": can_see_decision_record(user, d)}
        for d in original.reconsidered_by.select_related("author")
    ]
