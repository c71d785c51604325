"""Doing things to Forward Plan items: one function per business operation (reg 9; EXEC-5).

Each takes `actor=`, locks the item, checks `permissions` and `workflow`, writes and appends to
the event history in the same transaction; email goes only after the transaction commits. What
every kind of record does alike (lock, move, history, edits with the revision check, returning
to the author) is `records.services`, declared here as `RECORDS`; this module adds what only the
plan has: the reference and first publication, deferral, going back on the plan, withdrawal
with a public reason.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from council import codes
from council.models import CouncilSettings
from forwardplan import notifications, permissions, rules
from forwardplan.kind import KIND
from forwardplan.models import DecisionMakerType, PlanItem, Status, today
from forwardplan.workflow import Action
from records.services import RecordServices, require, require_comment


def _problems_error(problems):
    """Rule problems as the ValidationError({field: [messages]}) that forms put on their fields."""
    errors = {}
    for problem in problems:
        errors.setdefault(problem.field or "__all__", []).append(problem.message)
    return ValidationError(errors)


def _still_valid(locked, *, actor):
    """After an edit: a draft may be unfinished but never inconsistent; a proposed or public item
    must still say everything reg 9(1) asks for."""
    problems = rules.consistency(locked) if locked.status == Status.DRAFT else rules.completeness(locked)
    if problems:
        raise _problems_error(problems)


RECORDS = RecordServices.of(
    KIND,
    directorate=lambda locked: locked.directorate,
    ready_comment="",
    on_ready=lambda pk: None,  # no department signs a notice off
    after_edit=_still_valid,
)

# The shared operations, under the names views, the demo and tests call.
return_to_author = RECORDS.return_to_author
EDITABLE_FIELDS = (
    "directorate",
    "title",
    "summary",
    "decision_maker_type",
    "decision_maker",
    "portfolio",
    "expected_from",
    "expected_to",
    "documents",
    "documents_how",
    "other_documents",
    "contact_name",
    "contact_email",
    "contact_phone",
    "expected_exempt",
    "exempt_paragraphs",
)


def _only_editable(fields):
    if refused := set(fields) - set(EDITABLE_FIELDS):
        raise ValueError(f"Not a field of the notice: {', '.join(sorted(refused))}")


def _tidy(data):
    """Drop answers the other answers make irrelevant (an officer named for a Cabinet decision,
    paragraphs of an item not expected to be exempt), so the notice never says them."""
    kind = data.get("decision_maker_type")
    if kind is not None:
        if kind != DecisionMakerType.OFFICER:
            data["decision_maker"] = None
        if kind != DecisionMakerType.CABINET_MEMBER:
            data["portfolio"] = None
    if data.get("expected_exempt") is False:
        data["exempt_paragraphs"] = []
    return data


# — proposing --------------------------------------------------------------------------------------


@transaction.atomic
def create_item(*, actor, **fields):
    """An officer starts a Forward Plan item: a draft, theirs until they propose it."""
    require(permissions.can_create(actor))
    _only_editable(fields)
    _tidy(fields)
    item = PlanItem(author=actor, author_name=actor.display_name, author_job_title=actor.job_title, **fields)
    if problems := rules.consistency(item):
        raise _problems_error(problems)
    item.save()
    RECORDS.record_event(item, actor=actor, action=Action.CREATE, from_status="")
    return item


@transaction.atomic
def save_edits(item, *, actor, data, revision=None):
    """Change the notice's fields (`data`: {field: value}); the author's draft, or Democratic
    Support's proposed or public item. An edit of a public item is a "Changed" event naming the
    fields, on the public history; the first publication stays as it was (EXEC-5)."""
    _only_editable(data)
    data = _tidy(dict(data))
    for name, value in data.items():
        setattr(item, name, value)
    return RECORDS.save_edits(item, actor=actor, fields=list(data), revision=revision)


def _submitted(locked):
    locked.submitted_at = timezone.now()
    locked.author_name = locked.author.display_name
    locked.author_job_title = locked.author.job_title


@transaction.atomic
def submit(item, *, actor):
    """The officer proposes the item: Democratic Support checks and publishes it."""
    locked = RECORDS.lock(item)
    require(permissions.can_submit(actor, locked))
    RECORDS.move(locked, actor=actor, action=Action.SUBMIT, then=_submitted)
    transaction.on_commit(partial(notifications.submitted, locked.pk))
    return locked


# — the notice -------------------------------------------------------------------------------------


def allocate_reference(locked, on_date=None):
    """`FP 2026/001`: the council's yearly counter for the municipal year starting 2026; allocated
    once, on first publication, never reused."""
    year = CouncilSettings.load().municipal_year(on_date or today())
    number = codes.next_number("FP", year.start_year)
    locked.reference = f"FP {year.start_year}/{number:03d}"
    locked.reference_slug = slugify(locked.reference.replace("/", "-"))


def _first_publication(locked):
    """EXEC-5: the notice is first published now, and that moment never changes again."""
    if not locked.reference:
        allocate_reference(locked)
    if locked.first_published_at is None:
        locked.first_published_at = locked.published_at = timezone.now()


@transaction.atomic
def publish(item, *, actor, version=None):
    """Democratic Support puts a proposed item on the public plan: the version their page showed
    (`version`, SIGNOFF-1's check), not one changed since."""
    locked = RECORDS.lock(item)
    require(permissions.can_publish(actor, locked))
    RECORDS.check_version(locked, version, "publish it")
    RECORDS.move(locked, actor=actor, action=Action.PUBLISH, then=_first_publication, comment=lambda r: r.reference)
    return locked


def _redate(locked, *, actor, action, expected_from, expected_to, reason, said):
    """Move the item to a new expected date or period (a deferral, a return to the plan); the
    workflow checks the date (`rules.new_expected_date`) before anything changes."""

    def then(locked):
        locked.expected_from, locked.expected_to = expected_from, expected_to
        locked.status_reason = reason

    RECORDS.move(
        locked,
        actor=actor,
        action=action,
        then=then,
        comment=lambda r: f"{said}{r.expected_display}",
        expected_from=expected_from,
        expected_to=expected_to,
    )
    return locked


@transaction.atomic
def defer(item, *, actor, reason, expected_from, expected_to=None):
    """Democratic Support defers a published item to a new date, saying why; it stays public."""
    locked = RECORDS.lock(item)
    require(permissions.can_defer(actor, locked))
    require_comment(reason, "Enter why the decision has been deferred")
    reason = reason.strip()
    return _redate(
        locked,
        actor=actor,
        action=Action.DEFER,
        expected_from=expected_from,
        expected_to=expected_to,
        reason=reason,
        said=f"{reason}\nNow expected: ",
    )


@transaction.atomic
def republish(item, *, actor, expected_from, expected_to=None):
    """Democratic Support puts a deferred item back on the plan with its date."""
    locked = RECORDS.lock(item)
    require(permissions.can_republish(actor, locked))
    return _redate(
        locked,
        actor=actor,
        action=Action.REPUBLISH,
        expected_from=expected_from,
        expected_to=expected_to,
        reason="",
        said="Expected: ",
    )


@transaction.atomic
def withdraw(item, *, actor, reason):
    """Democratic Support withdraws a published or deferred item, saying why; it stays public as history."""
    locked = RECORDS.lock(item)
    require(permissions.can_withdraw(actor, locked))
    require_comment(reason, "Enter why the item is being withdrawn")

    def withdrawn(locked):
        locked.status_reason = reason.strip()

    RECORDS.move(locked, actor=actor, action=Action.WITHDRAW, then=withdrawn, comment=reason.strip())
    return locked
