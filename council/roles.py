"""The roles people hold, as Django groups created by a migration.

A role is a group name. Departmental reviewers have one group per sign-off department; the
department row points at its group, so a council can add a department in the admin.
"""

OFFICER = "Officer"
DECISION_MAKER = "Decision maker"
SCRUTINY_CHAIR = "Scrutiny chair"
CABINET_MEMBER = "Cabinet member"
# A non-executive member of the council (CALL-1): may call in an executive decision.
COUNCILLOR = "Councillor"
ADMINISTRATOR = "Administrator"
# Directors on the Corporate Management Team: the people an officer consults in section 15 of a
# decision record (the picker lists only them).
CORPORATE_MANAGEMENT_TEAM = "Corporate Management Team"
# Elected members: the people who may chair a committee (officers and administrators may not).
COUNCILLORS = (SCRUTINY_CHAIR, CABINET_MEMBER, COUNCILLOR)

# Departmental reviewer groups (slug of the department -> group name).
REVIEWER_GROUPS = {
    "democratic-support": "Democratic Support",
    "finance": "Finance reviewer",
    "legal": "Legal reviewer",
    "human-resources": "Human Resources reviewer",
    "corporate-property": "Corporate Property reviewer",
    "procurement": "Procurement reviewer",
    "monitoring-officer": "Monitoring Officer",
}
DEMOCRATIC_SUPPORT = REVIEWER_GROUPS["democratic-support"]

ALL_ROLES = [
    OFFICER,
    DECISION_MAKER,
    CORPORATE_MANAGEMENT_TEAM,
    *REVIEWER_GROUPS.values(),
    SCRUTINY_CHAIR,
    CABINET_MEMBER,
    COUNCILLOR,
    ADMINISTRATOR,
]


def role_names(user):
    """The names of the roles a user holds, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, *roles):
    return bool(role_names(user).intersection(roles))


def is_non_executive(user):
    """CALL-1: a councillor who is not on the executive (a cabinet member never calls in its own decisions)."""
    return has_role(user, COUNCILLOR, SCRUTINY_CHAIR) and not has_role(user, CABINET_MEMBER)


def is_staff_user(user):
    """Anyone who signs in to work on records (not the public)."""
    return user.is_authenticated and (bool(role_names(user)) or user.is_superuser)
