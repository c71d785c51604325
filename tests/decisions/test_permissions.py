"""Who may do what (decisions.permissions): every persona × every action, at the state it applies to.

The record in each row is urgent (so the scrutiny chair is involved), consults the cabinet member,
and has Human Resources as an "if applicable" department; Corporate Property and Procurement do
not apply to it. Its author is the `officer` persona; its decision maker is `decision_maker`.
"""

import functools

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from council.models import Department
from decisions import permissions
from decisions.models import Appendix, Decision, Status
from tests.conftest import ROLE_PERSONAS, built_once_per_module, held_for_the_test
from tests.decisions.factories import DecisionFactory, advance

EVERYONE = [*ROLE_PERSONAS, "other_officer", "member_of_public"]
REVIEWERS_OF_THIS_RECORD = {"democratic_support", "finance_reviewer", "legal_reviewer", "hr_reviewer"}
STAFF_WHO_SEE_A_SUBMITTED_RECORD = {
    "officer",
    "administrator",
    "decision_maker",
    "scrutiny_chair",
    "cabinet_member",
    *REVIEWERS_OF_THIS_RECORD,
}


def draft_never_submitted():
    return DecisionFactory(urgent=True, consulted=True, applicable=["human-resources"])


@functools.cache  # one maker per status, so the table's rows at one status share a record
def at(status):
    return lambda: advance(draft_never_submitted(), to=status)


def published_with_exempt_appendix():
    return advance(
        DecisionFactory(urgent=True, consulted=True, applicable=["human-resources"], exempt=True), to=Status.PUBLISHED
    )


def department(slug):
    return lambda user, decision: permissions.can_issue_sign_off(user, decision, Department.objects.get(slug=slug))


def exempt_appendix(user, decision):
    return permissions.can_download_appendix(user, decision.appendices.get(ref="A"))


def public_appendix(user, decision):
    return permissions.can_download_appendix(user, decision.appendices.get(ref="B"))


# (what, record maker, check, the personas who may)
TABLE = [
    ("create", None, lambda user, _: permissions.can_create(user), {"officer", "other_officer", "decision_maker"}),
    (
        "view a first draft",
        draft_never_submitted,
        permissions.can_view,
        {"officer", "democratic_support", "administrator"},
    ),
    ("view in sign-off", at(Status.IN_SIGN_OFF), permissions.can_view, STAFF_WHO_SEE_A_SUBMITTED_RECORD),
    ("edit a draft", draft_never_submitted, permissions.can_edit, {"officer"}),
    ("edit in sign-off", at(Status.IN_SIGN_OFF), permissions.can_edit, {"officer"}),
    ("edit awaiting decision", at(Status.AWAITING_DECISION), permissions.can_edit, set()),
    ("edit a decided record", at(Status.DECIDED), permissions.can_edit, set()),
    ("edit a published record", at(Status.PUBLISHED), permissions.can_edit, set()),
    ("submit", draft_never_submitted, permissions.can_submit, {"officer"}),
    ("issue Finance sign-off", at(Status.IN_SIGN_OFF), department("finance"), {"finance_reviewer"}),
    ("issue Legal sign-off", at(Status.IN_SIGN_OFF), department("legal"), {"legal_reviewer"}),
    (
        "issue Democratic Support sign-off",
        at(Status.IN_SIGN_OFF),
        department("democratic-support"),
        {"democratic_support"},
    ),
    ("issue HR sign-off (applicable)", at(Status.IN_SIGN_OFF), department("human-resources"), {"hr_reviewer"}),
    ("issue Property sign-off (not applicable)", at(Status.IN_SIGN_OFF), department("corporate-property"), set()),
    ("issue Procurement sign-off (not applicable)", at(Status.IN_SIGN_OFF), department("procurement"), set()),
    ("issue Finance sign-off on a draft", draft_never_submitted, department("finance"), set()),
    ("agree urgency", at(Status.IN_SIGN_OFF), permissions.can_agree_urgency, {"scrutiny_chair"}),
    ("record the chair's agreement", at(Status.IN_SIGN_OFF), permissions.can_record_agreement, {"democratic_support"}),
    (
        "return in sign-off",
        at(Status.IN_SIGN_OFF),
        permissions.can_return,
        {*REVIEWERS_OF_THIS_RECORD, "scrutiny_chair"},
    ),
    (
        "return awaiting decision",
        at(Status.AWAITING_DECISION),
        permissions.can_return,
        {"decision_maker", "democratic_support"},
    ),
    ("sign", at(Status.AWAITING_DECISION), permissions.can_sign, {"decision_maker"}),
    ("sign in sign-off", at(Status.IN_SIGN_OFF), permissions.can_sign, set()),
    ("publish", at(Status.DECIDED), permissions.can_publish, {"democratic_support"}),
    ("publish awaiting decision", at(Status.AWAITING_DECISION), permissions.can_publish, set()),
    ("withdraw in sign-off", at(Status.IN_SIGN_OFF), permissions.can_withdraw, {"officer", "democratic_support"}),
    ("withdraw a decided record", at(Status.DECIDED), permissions.can_withdraw, set()),
    ("see a draft on the public site", draft_never_submitted, permissions.can_view_public, set()),
    ("see a published record on the public site", at(Status.PUBLISHED), permissions.can_view_public, set(EVERYONE)),
    ("download an exempt appendix", published_with_exempt_appendix, exempt_appendix, STAFF_WHO_SEE_A_SUBMITTED_RECORD),
    ("download a public appendix", published_with_exempt_appendix, public_appendix, set(EVERYONE)),
]


# Each row's record took about a second to drive through the workflow, for each of the personas.
# The checks only read, so each kind of record is built once for the module (tests/conftest.py:
# built_once_per_module) and every test fetches it afresh inside its own savepoint, rolled back.
MAKERS = list(dict.fromkeys(row[1] for row in TABLE if row[1]))


@built_once_per_module("_table_records")
def _build_table_records():
    return [maker().pk for maker in MAKERS]


@pytest.mark.parametrize("persona", EVERYONE)
@pytest.mark.parametrize("what,make_record,check,allowed", TABLE, ids=[row[0] for row in TABLE])
def test_permission_table(request, _table_records, db, persona, what, make_record, check, allowed):
    pks = held_for_the_test(request, _table_records)
    decision = Decision.objects.get(pk=pks[MAKERS.index(make_record)]) if make_record else None
    user = request.getfixturevalue(persona)
    assert check(user, decision) == (persona in allowed), f"{persona} / {what}"


def test_officer_cannot_sign_off_for_any_department(officer):
    decision = at(Status.IN_SIGN_OFF)()
    assert not any(permissions.can_issue_sign_off(officer, decision, d) for d in Department.objects.all())


def test_reviewer_signs_off_only_for_their_own_department(finance_reviewer):
    decision = at(Status.IN_SIGN_OFF)()
    departments = Department.objects.all()
    allowed = [d.slug for d in departments if permissions.can_issue_sign_off(finance_reviewer, decision, d)]
    assert allowed == ["finance"]


def test_decision_maker_of_another_record_cannot_sign(decision_maker, other_officer):
    from tests.factories import UserFactory

    someone_else = UserFactory(username="another.director", roles=["Decision maker"])
    decision = advance(
        DecisionFactory(decision_maker=someone_else, cmt_member=someone_else), to=Status.AWAITING_DECISION
    )
    assert not permissions.can_sign(decision_maker, decision)
    assert permissions.can_sign(someone_else, decision)


def test_nobody_edits_a_signed_record_FROZEN_1(request, db):
    """FROZEN-1: not the author, not Democratic Support, not an administrator."""
    decision = at(Status.DECIDED)()
    assert [p for p in EVERYONE if permissions.can_edit(request.getfixturevalue(p), decision)] == []


def test_public_sees_no_draft_and_no_exempt_part(db, member_of_public):
    draft = draft_never_submitted()
    published = published_with_exempt_appendix()
    assert not permissions.can_view(member_of_public, draft)
    assert not permissions.can_view_public(member_of_public, draft)
    assert not permissions.can_view(member_of_public, published)  # the full record, Part II included
    assert not permissions.can_download_appendix(member_of_public, published.appendices.get(ref="A"))


def test_monitoring_officer_sees_a_record_with_a_declared_conflict_CONFLICT_1(monitoring_officer):
    """CONFLICT-1: the Monitoring Officer is involved when a conflict is declared."""
    decision = advance(
        DecisionFactory(
            conflict_of_interest=True,
            conflict_details="Declared.",
            monitoring_officer_involved=True,
            dispensation_granted=False,
        ),
        to=Status.IN_SIGN_OFF,
    )
    assert permissions.can_view(monitoring_officer, decision)


def test_reviewer_still_sees_a_returned_draft(finance_reviewer, officer):
    from decisions import services

    decision = at(Status.IN_SIGN_OFF)()
    services.return_to_author(decision, actor=finance_reviewer, comment="Please add the budget code.")
    decision.refresh_from_db()
    assert decision.status == Status.DRAFT
    assert permissions.can_view(finance_reviewer, decision)


@pytest.mark.parametrize("model", [Decision, Appendix])
def test_admin_has_no_change_or_delete_permission_on_a_signed_record_FROZEN_1(administrator, model):
    """FROZEN-1: the admin too is read-only once the record is signed."""
    decision = advance(DecisionFactory(exempt=True), to=Status.DECIDED)
    obj = decision if model is Decision else decision.appendices.first()
    request = RequestFactory().get("/")
    request.user = administrator
    decision_admin = site._registry[Decision]
    inline = decision_admin.get_inline_instances(request, decision)[0]
    admin_obj = decision_admin if model is Decision else inline
    assert not admin_obj.has_change_permission(request, obj if model is Decision else decision)
    assert not admin_obj.has_delete_permission(request, obj if model is Decision else decision)


def test_admin_may_view_but_not_change_a_draft(administrator):
    """Records change only through the services, whatever the door (tests/decisions/test_admin.py)."""
    decision = DecisionFactory()
    request = RequestFactory().get("/")
    request.user = administrator
    assert site._registry[Decision].has_view_permission(request, decision)
    assert not site._registry[Decision].has_change_permission(request, decision)
