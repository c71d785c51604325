"""A rule's answer, the same for every kind of record.

Each app's rules.py returns a list of `Problem`s; an empty list means the rule holds. Forms show
them on the field, the workflow refuses a move while any remain.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    rule: str  # e.g. "EXEC-5"
    field: str  # form field name, or "" for the record as a whole
    message: str
    task: str = ""  # the task-list page where it is fixed

    def __str__(self):
        return self.message
