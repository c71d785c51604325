"""One declaration per kind of record: what the shared machinery needs to know of it, said once.

Each app declares its kind in its `kind.py` (`decisions.kind.KIND`, `scrutiny.kind.KIND`): its
model and statuses, what people call it, its staff page and task list, and the modules that hold
its rules, moves and who-may. The shared parts take what they need from that one declaration:

- the review pages' `records.views.RecordKind`: `KIND.review`;
- the staff home's queues, `records.queues.Kind`: `KIND.queues`;
- the authoring pages' `records.views_authoring.Authoring`: `KIND.authoring(...)`, given only the
  authoring pages' own hooks (tasks, check your answers, the task pages' extras);
- the services, `records.services.RecordServices`: `RecordServices.of(KIND, ...)`, given only what
  happens around the shared operations.

Nothing looks a kind's modules up by the app's layout: they are named here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType

from django.core.exceptions import ImproperlyConfigured

from records.queues import updated_hint

# Each record's model -> its kind, as each app's kind.py declares it (imported by its AppConfig.ready()).
_DECLARED = {}


def declared(model):
    """The kind declared for a record's model, or None."""
    return _DECLARED.get(model)


@dataclass(frozen=True)
class Words:
    """What people call a kind of record."""

    noun: str  # in full: "decision record"
    short_noun: str  # in a sentence about one record: "record" ("Submit the record")
    untitled: str  # a record without a title: "Untitled decision"


@dataclass(frozen=True)
class Modules:
    """The modules of an app that hold a kind's rules, moves, who-may, emails and documents."""

    permissions: ModuleType  # can_view(user, record), can_<verb>(user, record), ...
    rules: ModuleType  # completeness(record), current_sign_offs(record), sign_off_gaps(record), ...
    workflow: ModuleType  # Action, TRANSITIONS, WORKFLOW, allowed_in_status, ...
    notifications: ModuleType  # sign_off_needed(pk), ...
    documents: ModuleType | None = None  # render_public_pdf, the PDF's filename, ...; None: no public PDF


@dataclass(frozen=True, eq=False)
class Kind:
    """A kind of record. Models are loaded before any `kind.py` is imported (views, services, ready())."""

    model: type  # the record's model: Decision; its app is the URL namespace of its pages
    statuses: type  # its Status choices (draft, withdrawn and published are every kind's)
    words: Words
    modules: Modules
    label: Callable  # record -> its line in a list of work: "COD02 21/22: Title"
    queryset: Callable  # () -> what its staff pages read, in a constant number of queries
    # Its staff pages; a kind without any (a notice, given published and only ever public) leaves
    # them out, and has neither review pages nor queues.
    caption: str = ""  # the caption template of its action pages
    # status -> GOV.UK tag colour ("" for the default blue); None -> any other status
    tags: dict = field(default_factory=dict)
    page: str = ""  # URL name of a record's staff page, in the app's namespace: "record"
    task_list: str = "tasks"  # URL name of a draft's task list, where its author works on it
    status_hint: Callable = updated_hint  # record -> its hint in a queue by status
    status_related: tuple = ()  # what `status_hint` reads, fetched with the queue

    # Its words and modules, asked of the kind itself: kind.noun, kind.rules, ...
    noun = property(lambda self: self.words.noun)
    short_noun = property(lambda self: self.words.short_noun)
    untitled = property(lambda self: self.words.untitled)
    permissions = property(lambda self: self.modules.permissions)
    rules = property(lambda self: self.modules.rules)
    workflow = property(lambda self: self.modules.workflow)
    notifications = property(lambda self: self.modules.notifications)
    documents = property(lambda self: self.modules.documents)

    def __post_init__(self):
        _DECLARED[self.model] = self

    @property
    def app(self):
        return self.model._meta.app_label

    @cached_property
    def name(self):
        """The record's name in templates, and every child's foreign key to it: "decision", "report"."""
        return self.model._meta.get_field("events").field.name

    @cached_property
    def event_model(self):
        return self.model._meta.get_field("events").related_model

    def url_name(self, name):
        return f"{self.app}:{name}"

    def _staff_page(self):
        if not self.page:
            raise ImproperlyConfigured(f"A {self.noun} has no staff pages: no review pages, no queues")
        return self.url_name(self.page)

    @cached_property
    def review(self):
        from records.views import RecordKind

        return RecordKind(
            app=self.app,
            name=self.name,
            noun=self.short_noun,
            queryset=self.queryset,
            page=self._staff_page(),
            caption=self.caption,
            tags=self.tags,
            declared=self,
        )

    @property
    def queues(self):
        from records.queues import Kind as QueueKind

        return QueueKind(
            self.model,
            self.statuses,
            self.event_model,
            self.name,
            self.label,
            self._staff_page(),
            self.url_name(self.task_list),
            status_hint=self.status_hint,
            status_related=self.status_related,
        )

    def authoring(self, *, extra=None, pages=None, check_queryset=None, **own):
        """The authoring pages' declaration: this kind's, with the authoring pages' own hooks (`own`).

        Every kind's appendices page is the shared one, showing its appendix and paper forms beside
        what `extra["appendices"]` adds; check your answers reads the staff pages' queryset unless
        `check_queryset` says otherwise."""
        from records.views_appendices import appendices_page
        from records.views_authoring import Authoring

        model = self.model._meta
        extra = dict(extra or {})
        own_appendices = extra.get("appendices", lambda record: {})

        def appendices(record):
            forms = {"appendix_form": own["appendix_form"], "paper_form": own["paper_form"]}
            return {name: form(**{self.name: record}) for name, form in forms.items()} | own_appendices(record)

        extra["appendices"] = appendices
        return Authoring(
            namespace=self.app,
            name=self.name,
            noun=self.noun,
            short_noun=self.short_noun,
            untitled=self.untitled,
            permissions=self.permissions,
            rules=self.rules,
            workflow=self.workflow,
            appendix_model=model.get_field("appendices").related_model,
            paper_model=model.get_field("background_papers").related_model,
            record_url=self.page,
            check_queryset=check_queryset or self.queryset,
            extra=extra,
            pages={"appendices": appendices_page, **(pages or {})},
            **own,
        )
