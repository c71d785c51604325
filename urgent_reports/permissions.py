"""Who may generate and read the reports of urgent decisions to council: Democratic Support.

The report is a staff document until Democratic Support issues it to the Council (then it is public,
at /urgent-decisions/); it holds only what the public register shows of each decision (never Part II
content).
"""

from records.permissions import is_democratic_support


def can_generate(user):
    return is_democratic_support(user)


def can_view(user, report=None):
    return is_democratic_support(user)


def can_issue(user):
    return is_democratic_support(user)
