"""The workflow engine every kind of record uses: its moves are declared as data in its app.

Each app's workflow.py declares its `Action`s, the `Transition` of each (the statuses it may
happen in, the status it leads to, the guards that must hold) and the words for them, and makes
one `Workflow` of them. This module answers the questions about any of them: why an action is
blocked now, where it leads, which actions a status allows. Guards return the reasons an action
is blocked ([] = allowed); who may act is each app's `permissions.py`.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import TextChoices

from records.rules import Problem

# The actions every kind of record has, with these values in its `Action`: the shared services
# and permissions take or ask about them by these names.
CREATE = "create"
EDIT = "edit"
SUBMIT = "submit"
ISSUE_SIGN_OFF = "issue_sign_off"
RETURN = "return"
PUBLISH = "publish"
WITHDRAW = "withdraw"
SHARED_ACTIONS = {CREATE, EDIT, SUBMIT, ISSUE_SIGN_OFF, RETURN, PUBLISH, WITHDRAW}
# A kind with background papers declares this one too (`every_kinds_transitions(..., kept=...)`).
DISPOSE_PAPERS = "dispose_papers"

# Their words, the same for every kind: each kind's labels and phrases start from these.
SHARED_LABELS = {
    EDIT: "Edited",
    SUBMIT: "Submitted for sign-off",
    ISSUE_SIGN_OFF: "Sign-off code issued",
    RETURN: "Returned to the author",
    WITHDRAW: "Withdrawn",
}
# How the STATE problem names each: "A record that is decided cannot be edited".
SHARED_PHRASES = {
    CREATE: "created again",
    EDIT: "edited",
    SUBMIT: "submitted for sign-off",
    ISSUE_SIGN_OFF: "given a sign-off code",
    RETURN: "returned to the author",
    PUBLISH: "published",
    WITHDRAW: "withdrawn",
}


def actions(module, *own):
    """A kind's `Action` enum: the shared actions (above) and its own values, each named by its value
    in capitals (`Action.SEND_TO_DIRECTOR`). `module` is the declaring module's `__name__`."""
    shared = [CREATE, EDIT, SUBMIT, ISSUE_SIGN_OFF, RETURN, PUBLISH, WITHDRAW]
    return StrEnum("Action", {value.upper(): value for value in [*shared, *own]}, module=module)


def statuses(module, *own):
    """A kind's `Status` choices: a draft and in sign-off, then its own `(value, label)`s in order, then
    published and withdrawn (the statuses the shared moves lead to), each named by its value in
    capitals (`Status.AWAITING_DECISION`). `module` is the declaring module's `__name__`."""
    every = [
        ("draft", "Draft"),
        ("in_sign_off", "In sign-off"),
        *own,
        ("published", "Published"),
        ("withdrawn", "Withdrawn"),
    ]
    return TextChoices("Status", [(value.upper(), (value, label)) for value, label in every], module=module)


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str | None  # None: the status does not change
    guards: tuple = field(default_factory=tuple)
    label: str = ""  # what its event reads as, when not the shared label: "Signed by the decision maker"
    phrase: str = ""  # how the STATE problem names it, when not the shared phrase nor its label: "signed"


@dataclass(frozen=True)
class Guards:
    """The guards every kind has, asked of its rules module (`completeness`, `sign_off_gaps`)."""

    rules: object

    def complete(self, record, **_):
        return self.rules.completeness(record)

    def sign_offs_done(self, record, **_):
        """SIGNOFF-1: every department's sign-off current (and whatever else the kind's rules add)."""
        return self.rules.sign_off_gaps(record)

    def papers_past_retention(self, record, **_):
        """OLGB-6: the background papers' retention date has passed, and a paper still has its file."""
        from records.retention import disposal_problems

        return disposal_problems(record)


def every_kinds_transitions(action, status, *, editable, open, guards, started, kept=None):
    """The moves every kind has: started as a draft (its event reading `started`), edited while
    `editable`, submitted when complete, given sign-off codes while in sign-off, withdrawn while
    `open`; and for a kind with background papers, their files disposed of while it is `kept` (on the
    website) once their retention date has passed (OLGB-6). A kind adds its own, returning and
    publishing among them."""
    disposal = {}
    if kept is not None:
        disposal[action.DISPOSE_PAPERS] = Transition(
            kept,
            None,
            (guards.papers_past_retention,),
            label="Background papers' files disposed of after their retention date",
            phrase="cleared of its background papers' files",
        )
    return {
        **disposal,
        # A record is created by its start service, never "created" again: no status is a source.
        action.CREATE: Transition(frozenset(), status.DRAFT, label=started),
        action.EDIT: Transition(editable, None),
        action.SUBMIT: Transition(frozenset({status.DRAFT}), status.IN_SIGN_OFF, (guards.complete,)),
        action.ISSUE_SIGN_OFF: Transition(frozenset({status.IN_SIGN_OFF}), None),
        action.WITHDRAW: Transition(open, status.WITHDRAWN),
    }


class TransitionNotAllowed(Exception):
    def __init__(self, action, reasons):
        self.action = action
        self.reasons = list(reasons)
        super().__init__(f"{action}: " + "; ".join(str(r) for r in self.reasons))


def _lower_first(text):
    return text[:1].lower() + text[1:]


class Workflow:
    """One kind of record's moves.

    `status`: the model's status choices (labels name the state in the STATE problem);
    `transitions`: {action: Transition}; `labels`: {action: what its event reads as};
    `phrases`: {action: how the STATE problem names it}, "A report that is published cannot be
    <phrase>"; `noun`: "record" or "report"; `after_sign_offs`: the action taken by itself once
    every sign-off is in (its target is where the record goes next).
    """

    def __init__(self, *, status, transitions, labels=None, phrases=None, noun, after_sign_offs=None):
        # Without `labels` or `phrases`: each transition's own words, else the shared ones; a phrase
        # is its label's words unless said ("Sent to the decision maker": "sent to the decision maker").
        if labels is None:
            labels = {a: t.label or SHARED_LABELS.get(a) for a, t in transitions.items()}
        if phrases is None:
            phrases = {a: t.phrase or SHARED_PHRASES.get(a) or _lower_first(t.label) for a, t in transitions.items()}
        if None in labels.values() or None in phrases.values() or "" in phrases.values():
            raise ValueError("Every action needs a transition, a label and a phrase")
        if set(labels) != set(transitions) or set(phrases) != set(transitions):
            raise ValueError("Every action needs a transition, a label and a phrase")
        if missing := SHARED_ACTIONS - set(transitions):
            raise ValueError(f"Every kind of record has the shared actions; missing: {', '.join(sorted(missing))}")
        self.status = status
        self.transitions = transitions
        self.labels = labels
        self.phrases = phrases
        self.noun = noun
        self.after_sign_offs = after_sign_offs

    def blockers(self, record, action, **context):
        """Why `action` cannot happen to `record` now ([] if it can)."""
        transition = self.transitions[action]
        if record.status not in transition.sources:
            label = self.status(record.status).label.lower()
            return [Problem("STATE", "", f"A {self.noun} that is {label} cannot be {self.phrases[action]}")]
        problems = []
        for guard in transition.guards:
            problems.extend(guard(record, **context))
        return problems

    def check(self, record, action, **context):
        """Raise `TransitionNotAllowed` with the reasons, if `action` cannot happen to `record` now."""
        if reasons := self.blockers(record, action, **context):
            raise TransitionNotAllowed(action, reasons)

    def target(self, record, action):
        return self.transitions[action].target or record.status

    def allowed_in_status(self, status, action):
        return status in self.transitions[action].sources

    def available_actions(self, record):
        """The actions the record's status allows now (who may take them is permissions.py's question)."""
        return [action for action, t in self.transitions.items() if record.status in t.sources]

    def answer(self, name):
        """A kind's workflow module's `__getattr__`: the engine's questions and the tables it read."""
        tables = {"TRANSITIONS": self.transitions, "ACTION_LABELS": self.labels, "STATE_PHRASES": self.phrases}
        if name in tables:
            return tables[name]
        if name in {"blockers", "check", "target", "allowed_in_status", "available_actions"}:
            return getattr(self, name)
        raise AttributeError(f"the workflow of the {self.noun} has no {name!r}")

    def is_published(self, record):
        return record.status == self.transitions[PUBLISH].target
