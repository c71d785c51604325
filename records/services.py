"""The operations every kind of record shares, written once: lock, move, history, edits, children,
sign-off codes, deleting a draft and the public PDF's failures.

Each app's services.py makes one `RecordServices` for its kind of record (its model and what only
it does around these operations) and re-exports the operations under its own names, beside the
operations that are its own. Every operation follows one pattern: lock the record (two clicks,
one effect), check `permissions` and the workflow, write, append to the event history in the same
transaction, and send email only after the transaction commits.
"""

from functools import partial
from importlib import import_module

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import cached_property

from council import codes, integrity
from council.models import DeletedDraft, Department
from records.rules import Problem
from records.services_disposal import DisposalServices, delete_files
from records.services_pdf import PublicPdfServices, require
from records.workflow import EDIT, ISSUE_SIGN_OFF, RETURN, WITHDRAW, TransitionNotAllowed


def require_comment(comment, message):
    if not (comment or "").strip():
        raise ValidationError({"comment": message})


def _edited_labels(model, changed, m2m_changed):
    return [str(model._meta.get_field(f).verbose_name) for f in [*changed, *m2m_changed]]


class RecordServices(PublicPdfServices, DisposalServices):
    """The shared operations for one kind of record.

    Made from the kind's declaration (`RecordServices.of(KIND, ...)`, `records.kinds`), which names
    its `workflow` (its `WORKFLOW`), `permissions` (`can_edit`, `can_issue_sign_off`,
    `can_delete_draft`, `can_retry_public_pdf`), `rules` (`current_sign_offs`), `notifications`
    (`sign_off_needed`) and `documents` (the `render_public_pdf` task); made from a bare model, it
    finds them in the model's app by the house layout. Its events, sign-offs and appendices are
    the models behind `model`'s `events`, `sign_offs` and `appendices`, each with a foreign key to
    the record of one name (`decision`, `report`).

    `deleted_as` is its kind in `council.DeletedDraft`; `directorate(record)` is the directorate a
    generated sign-off code names; `ready_comment` and `on_ready(pk)` are what happens when the
    record moves on by itself after its last sign-off; `on_return(locked)` is what else a return to
    the author undoes; `after_edit(locked, actor=)` is anything more an edit changes;
    `edit_labels(model, changed, m2m_changed)` names the changed fields in the history.
    """

    def __init__(
        self,
        model,
        *,
        deleted_as,
        directorate,
        ready_comment,
        on_ready,
        after_edit=None,
        edit_labels=_edited_labels,
        on_return=None,
        kind=None,
        names=None,
    ):
        self.model = model
        self.kind = kind
        self.names = names or {}
        self.deleted_as = deleted_as
        self.directorate = directorate
        self.ready_comment = ready_comment
        self.on_ready = on_ready
        self.after_edit = after_edit
        self.on_return = on_return
        self.edit_labels = edit_labels

    @classmethod
    def of(cls, kind, **around):
        """A kind's services (`records.kinds.Kind`); `around` as the constructor's, but `deleted_as`."""
        return cls(kind.model, deleted_as=kind.noun, kind=kind, **around)

    # The operations an app's services module answers under its own names, through its module
    # `__getattr__` (`return RECORDS.operation(name)`): `services.save_edits`, and `names` for the
    # ones it calls otherwise (`{"withdraw_decision": "withdraw"}`).
    OPERATIONS = frozenset(
        "delete_draft save_edits remove_child save_appendix save_background_paper issue_sign_off_code"
        " record_public_pdf_failure retry_public_pdf return_to_author".split()
    )

    def operation(self, name):
        if name in self.names:
            return getattr(self, self.names[name])
        if name in self.OPERATIONS:
            return getattr(self, name)
        raise AttributeError(f"{self.model._meta.app_label}.services has no {name!r}")

    # Read when first needed, not when the app's services.py is imported: reverse relations exist
    # only once every app's models are loaded.
    @cached_property
    def event_model(self):
        return self.model._meta.get_field("events").related_model

    @cached_property
    def sign_off_model(self):
        return self.model._meta.get_field("sign_offs").related_model

    @cached_property
    def appendix_model(self):
        return self.model._meta.get_field("appendices").related_model

    @cached_property
    def parent(self):
        """The foreign key's name, the same on every child: "decision", "report"."""
        return self.model._meta.get_field("events").field.name

    def _module(self, name):
        if self.kind:
            return getattr(self.kind, name)
        # The module the app has already imported (a dictionary lookup), or imported now, once.
        return import_module(f"{self.model._meta.app_label}.{name}")

    @property
    def workflow(self):
        return self._module("workflow").WORKFLOW

    @property
    def noun(self):
        return self.workflow.noun

    @property
    def permissions(self):
        return self._module("permissions")

    @property
    def notifications(self):
        return self._module("notifications")

    @property
    def documents(self):
        return self._module("documents")

    @property
    def rules(self):
        return self._module("rules")

    # — the pieces every operation is made of -------------------------------------------------

    def lock(self, record):
        return self.model.objects.select_for_update().get(pk=record.pk)

    def record_event(self, record, *, actor, action, from_status, comment=""):
        # `at` is taken here, not from the field default, so the whole operation reads one clock.
        return self.event_model.objects.create(
            **{self.parent: record},
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=record.status,
            comment=comment,
            at=timezone.now(),
        )

    def move(self, locked, *, actor, action, comment="", then=None, **context):
        """Check the workflow, change the status, save, record the event; returns the status it came from.

        `then(locked)` sets whatever else the move changes, after the check and before the save;
        `comment` may be a function of the saved record, for a comment that names what `then` set.
        """
        self.workflow.check(locked, action, **context)
        from_status = locked.status
        locked.status = self.workflow.target(locked, action)
        if then is not None:
            then(locked)
        locked.save()
        comment = comment(locked) if callable(comment) else comment
        self.record_event(locked, actor=actor, action=action, from_status=from_status, comment=comment)
        return from_status

    def advance_if_ready(self, locked, *, actor):
        """Once the last sign-off is in, the record goes on by itself: the workflow says where."""
        action = self.workflow.after_sign_offs
        if self.workflow.blockers(locked, action):
            return False
        from_status = locked.status
        locked.status = self.workflow.target(locked, action)
        locked.save(update_fields=["status", "updated_at"])
        self.record_event(locked, actor=actor, action=action, from_status=from_status, comment=self.ready_comment)
        transaction.on_commit(partial(self.on_ready, locked.pk))
        return True

    def check_revision(self, locked, revision):
        """A form made on an older revision would undo the change since: refuse it (see council.integrity)."""
        integrity.check_revision(
            locked,
            revision,
            noun=self.noun,
            last_change=lambda: locked.events.filter(action=EDIT).order_by("-at", "-pk").first(),
        )

    def check_version(self, locked, version, verb):
        """SIGNOFF-1: an approval given on a page showing an older version is refused (see council.integrity)."""
        integrity.check_version(locked, version, noun=self.noun, verb=verb)

    def lock_for_edit(self, record, *, actor, revision):
        """The record locked for an edit by `actor`: its author, in a state that allows edits, on the
        revision the edit was made on."""
        locked = self.lock(record)
        require(self.permissions.can_edit(actor, locked))
        self.check_revision(locked, revision)
        return locked

    def touch(self, locked, *, actor, summary):
        """Record an edit and save it; once the record has been submitted, it is a new version for sign-off.

        It saves the record itself, so no caller can bump the revision and forget to keep it.
        """
        locked.revision += 1
        if locked.submitted_at is not None:
            # SIGNOFF-1: sign-offs given on the old version go stale; their departments are asked again.
            in_sign_off = self.workflow.allowed_in_status(locked.status, ISSUE_SIGN_OFF)
            went_stale = list(self.rules.current_sign_offs(locked)) if in_sign_off else []
            locked.content_version += 1
            if went_stale:
                transaction.on_commit(partial(self.notifications.sign_off_needed, locked.pk, went_stale))
        self.record_event(locked, actor=actor, action=EDIT, from_status=locked.status, comment=summary)
        if self.after_edit is not None:
            self.after_edit(locked, actor=actor)
        locked.save()

    # — authoring ---------------------------------------------------------------------------------

    @transaction.atomic
    def save_edits(self, record, *, actor, fields, m2m=None, summary="", revision=None):
        """Save the fields a form changed (`record` carries the new values). M2M: {"name": [objects]}.

        Only the author's fields: a workflow field (status, versions, snapshots) is never an edit.
        """
        locked = self.lock_for_edit(record, actor=actor, revision=revision)
        editable = {f.name for f in self.model._meta.get_fields() if getattr(f, "editable", False)}
        if refused := set(fields) - editable:
            raise ValueError(f"Not editable by the author: {', '.join(sorted(refused))}")
        changed = [f for f in fields if getattr(locked, f) != getattr(record, f)]
        for f in fields:
            setattr(locked, f, getattr(record, f))
        m2m_changed = []
        for name, values in (m2m or {}).items():
            current = set(getattr(locked, name).values_list("pk", flat=True))
            if current != {v.pk for v in values}:
                getattr(locked, name).set(values)
                m2m_changed.append(name)
        if not changed and not m2m_changed:
            return locked
        labels = self.edit_labels(self.model, changed, m2m_changed)
        self.touch(locked, actor=actor, summary=summary or "Changed " + ", ".join(labels))
        record.content_version = locked.content_version
        record.revision = locked.revision
        return locked

    def save_appendix(self, record, appendix, *, actor, revision=None):
        return self._save_child(record, appendix, actor=actor, revision=revision, noun="")

    def save_background_paper(self, record, paper, *, actor, revision=None):
        return self._save_child(record, paper, actor=actor, revision=revision, noun="background paper ")

    @transaction.atomic
    def _save_child(self, record, child, *, actor, revision, noun):
        """Add or change a child of the record (an appendix, a background paper) under its lock."""
        locked = self.lock_for_edit(record, actor=actor, revision=revision)
        setattr(child, self.parent, locked)
        creating = child.pk is None
        child.save()
        self.touch(locked, actor=actor, summary=f"{'Added' if creating else 'Changed'} {noun}{child}")
        return child

    @transaction.atomic
    def remove_child(self, record, child, *, actor, revision=None):
        """Remove a child of the record (an appendix, a background paper, a consultation)."""
        locked = self.lock_for_edit(record, actor=actor, revision=revision)
        if getattr(child, f"{self.parent}_id") != locked.pk:
            raise PermissionDenied
        label = str(child)
        stored = getattr(child, "file", None)  # an appendix's or a background paper's file
        child.delete()
        self.touch(locked, actor=actor, summary=f"Removed {label}")
        if stored:  # only once the removal has committed: a rolled-back one keeps its file
            transaction.on_commit(partial(delete_files, stored.storage, [stored.name]))

    @transaction.atomic
    def delete_draft(self, record, *, actor):
        """The author deletes a draft that was never submitted (an abandoned start).

        The record goes with its own history; the audit row in `council.DeletedDraft` is the event
        that says who deleted what, and when. A submitted record is never deleted (it can be withdrawn).
        """
        locked = self.lock(record)
        require(self.permissions.can_delete_draft(actor, locked))
        files = [c.file.name for c in [*locked.appendices.all(), *locked.background_papers.all()] if c.file]
        DeletedDraft.objects.create(
            kind=self.deleted_as,
            record_id=locked.pk,
            title=locked.title,
            author_name=locked.author.display_name,
            started_at=locked.created_at,
            deleted_by=actor,
            deleted_by_name=actor.display_name,
            deleted_at=timezone.now(),
        )
        locked.delete()
        # Files go only once the deletion has committed: a rolled-back delete keeps its appendices and papers.
        transaction.on_commit(partial(delete_files, self.appendix_model.file.field.storage, files))

    # — sign-off ------------------------------------------------------------------------------------

    @transaction.atomic
    def issue_sign_off_code(self, record, *, actor, department, typed_code="", version=None):
        """A department's reviewer signs off this version: a code typed from the department's own
        register (taken once, council.IssuedCode) or generated from its format."""
        action = ISSUE_SIGN_OFF
        locked = self.lock(record)
        require(self.permissions.can_issue_sign_off(actor, locked, department))
        self.check_version(locked, version, "sign off")
        self.workflow.check(locked, action)
        if department.pk in self.rules.current_sign_offs(locked):
            already = Problem("SIGNOFF-1", "", f"{department} has already signed off this version")
            raise TransitionNotAllowed(action, [already])
        code = _sign_off_code(department, typed_code, actor=actor, directorate=self.directorate(locked))
        sign_off = self.sign_off_model.objects.create(
            **{self.parent: locked},
            department=department,
            code=code,
            issued_by=actor,
            content_version=locked.content_version,
            issued_at=timezone.now(),
        )
        self.record_event(
            locked, actor=actor, action=action, from_status=locked.status, comment=f"{department}: {code}"
        )
        self.advance_if_ready(locked, actor=actor)
        return sign_off

    # — returning and withdrawing -------------------------------------------------------------------

    @transaction.atomic
    def return_to_author(self, record, *, actor, comment):
        """Back to draft with comments, for the author to change and submit again."""
        locked = self.lock(record)
        require(self.permissions.can_return(actor, locked))
        require_comment(comment, "Enter your comments for the author, so they know what to change")
        self.move(locked, actor=actor, action=RETURN, comment=comment, then=self.on_return)
        transaction.on_commit(partial(self.notifications.returned_to_author, locked.pk, comment))
        return locked

    @transaction.atomic
    def withdraw(self, record, *, actor, comment):
        locked = self.lock(record)
        require(self.permissions.can_withdraw(actor, locked))
        require_comment(comment, f"Enter why the {self.noun} is being withdrawn")
        self.move(locked, actor=actor, action=WITHDRAW, comment=comment)
        return locked


def _sign_off_code(department, typed_code, *, actor, directorate):
    if department.code_source == Department.CodeSource.TYPED:
        code = (typed_code or "").strip()
        if not code:
            raise ValidationError({"code": f"Enter the {department} sign-off code"})
        try:
            codes.take_typed_code(department, code)
        except codes.CodeTaken:
            raise ValidationError(
                {"code": f"{department} has already issued the code {code}. Enter a new code"}
            ) from None
        return code
    directorate_code = directorate.code if directorate else ""
    # The council's date (the apps' `models.today`): codes count by the council's year.
    return codes.generate_code(
        department, reviewer=actor, directorate_code=directorate_code, on_date=timezone.localdate()
    )
