"""What waits for each role on the staff home page.

Apps register worklists for a role (decisions registers "records waiting for your sign-off"),
so the council app shows them without importing the apps that provide them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from council import roles

ROLE_DESCRIPTIONS = {
    roles.OFFICER: "Your decision records and reports",
    roles.DECISION_MAKER: "Waiting for your decision",
    roles.SCRUTINY_CHAIR: "Urgent decisions waiting for your agreement",
    roles.CABINET_MEMBER: "Waiting for you as cabinet member",
    roles.COUNCILLOR: "Call-in: decisions you can ask scrutiny to consider",
    roles.ADMINISTRATOR: "Administration",
    roles.CORPORATE_MANAGEMENT_TEAM: "Corporate Management Team: officers consult you in section 15 of their records",
    roles.DEMOCRATIC_SUPPORT: "Democratic Support",
}


@dataclass(frozen=True)
class Worklist:
    role: str
    title: str
    fetch: Callable  # (user) -> iterable of items with .worklist_label, .get_absolute_url, .worklist_status
    empty_text: str = "Nothing is waiting for you."
    action: tuple[str, str] | None = None  # (button label, URL name), e.g. starting a new record


_registry: list[Worklist] = []


def register(worklist):
    if worklist not in _registry:
        _registry.append(worklist)


def sections_for(user):
    """One section per role the user holds, in the order roles are listed, with its worklists."""
    held = roles.role_names(user)
    sections = []
    for role in roles.ALL_ROLES:
        if role not in held:
            continue
        lists = [
            {
                "title": w.title,
                "items": list(w.fetch(user)),
                "empty_text": w.empty_text,
                "action": (w.action[0], reverse(w.action[1])) if w.action else None,
            }
            for w in _registry
            if w.role == role
        ]
        sections.append(
            {"role": role, "heading": ROLE_DESCRIPTIONS.get(role, f"{role}: waiting for your sign-off"), "lists": lists}
        )
    return sections
