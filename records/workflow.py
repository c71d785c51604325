"""The workflow engine every kind of record uses: its moves are declared as data in its app.

Each app's workflow.py declares its `Action`s, the `Transition` of each (the statuses it may
happen in, the status it leads to, the guards that must hold) and the words for them, and makes
one `Workflow` of them. This module answers the questions about any of them: why an action is
blocked now, where it leads, which actions a status allows. Guards return the reasons an action
is blocked ([] = allowed); who may act is each app's `permissions.py`.
"""

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str | None  # None: the status does not change
    guards: tuple = field(default_factory=tuple)


class TransitionNotAllowed(Exception):
    def __init__(self, action, reasons):
        self.action = action
        self.reasons = list(reasons)
        super().__init__(f"{action}: " + "; ".join(str(r) for r in self.reasons))


class Workflow:
    """One kind of record's moves.

    `status`: the model's status choices (labels name the state in the STATE problem);
    `transitions`: {action: Transition}; `labels`: {action: what its event reads as};
    `phrases`: {action: how the STATE problem names it}, "A report that is published cannot be
    <phrase>"; `noun`: "record" or "report"; `after_sign_offs`: the action taken by itself once
    every sign-off is in (its target is where the record goes next).
    """

    def __init__(self, *, status, transitions, labels, phrases, noun, after_sign_offs=None):
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

    def is_published(self, record):
        return record.status == self.transitions[PUBLISH].target
