"""Who may do what (scrutiny.permissions): every persona × every action, at the state it applies to.

The report in each row is by the `officer` persona, names `decision_maker` as lead strategic
director and `cabinet_member` as lead member, and has Human Resources as a chosen department;
Mon Off, Assets and Strat Proc do not apply to it.
"""

import functools

import pytest

from council.models import Department
from scrutiny import permissions
from scrutiny.models import BriefingReport, ReportAppendix, Status
from tests.conftest import ROLE_PERSONAS, built_once_per_module, held_for_the_test
from tests.factories import PERSONAS, make_persona
from tests.scrutiny.factories import BriefingReportFactory, advance

EVERYONE = [*ROLE_PERSONAS, "other_officer", "member_of_public"]
REVIEWERS = {"finance_reviewer", "legal_reviewer", "hr_reviewer"}
STAFF_WHO_SEE_A_SUBMITTED_REPORT = {
    "officer",
    "administrator",
    "democratic_support",
    "decision_maker",
    "cabinet_member",
    "scrutiny_chair",
    *REVIEWERS,
}


def draft_never_submitted():
    return BriefingReportFactory(applicable=["human-resources"])


@functools.cache  # one maker per status, so the table's rows at one status share a report
def at(status):
    return lambda: advance(draft_never_submitted(), to=status)


def department(slug):
    return lambda user, report: permissions.can_issue_sign_off(user, report, Department.objects.get(slug=slug))


def published_with_appendices():
    report = draft_never_submitted()
    ReportAppendix.objects.create(
        report=report,
        ref="A",
        title="Pricing",
        exempt_paragraphs=[3],
        public_interest_reasoning="Prices.",
        exemption_review_on="2099-01-01",
    )
    ReportAppendix.objects.create(report=report, ref="B", title="Equalities Impact Assessment")
    return advance(report, to=Status.PUBLISHED)


# (what, report maker, check, the personas who may)
TABLE = [
    ("create", None, lambda user, _: permissions.can_create(user), {"officer", "other_officer", "decision_maker"}),
    (
        "manage meetings",
        None,
        lambda user, _: permissions.can_manage_meetings(user),
        {"democratic_support", "administrator"},
    ),
    (
        "view a first draft",
        draft_never_submitted,
        permissions.can_view,
        {"officer", "administrator", "democratic_support"},
    ),
    ("view in sign-off", at(Status.IN_SIGN_OFF), permissions.can_view, STAFF_WHO_SEE_A_SUBMITTED_REPORT),
    ("edit a draft", draft_never_submitted, permissions.can_edit, {"officer"}),
    ("edit in sign-off", at(Status.IN_SIGN_OFF), permissions.can_edit, {"officer"}),
    ("edit once with the director", at(Status.AWAITING_DIRECTOR), permissions.can_edit, set()),
    ("submit", draft_never_submitted, permissions.can_submit, {"officer"}),
    ("issue Finance sign-off", at(Status.IN_SIGN_OFF), department("finance"), {"finance_reviewer"}),
    ("issue Legal sign-off", at(Status.IN_SIGN_OFF), department("legal"), {"legal_reviewer"}),
    ("issue HR sign-off (chosen)", at(Status.IN_SIGN_OFF), department("human-resources"), {"hr_reviewer"}),
    ("issue Assets sign-off (not chosen)", at(Status.IN_SIGN_OFF), department("corporate-property"), set()),
    ("issue Mon Off sign-off (not chosen)", at(Status.IN_SIGN_OFF), department("monitoring-officer"), set()),
    ("issue a sign-off once with the director", at(Status.AWAITING_DIRECTOR), department("finance"), set()),
    ("return in sign-off", at(Status.IN_SIGN_OFF), permissions.can_return, {"democratic_support", *REVIEWERS}),
    ("agree", at(Status.AWAITING_DIRECTOR), permissions.can_agree, {"decision_maker"}),
    ("agree too early", at(Status.IN_SIGN_OFF), permissions.can_agree, set()),
    (
        "return with the director",
        at(Status.AWAITING_DIRECTOR),
        permissions.can_return,
        {"decision_maker", "democratic_support"},
    ),
    ("approve", at(Status.AWAITING_CABINET_MEMBER), permissions.can_approve, {"cabinet_member"}),
    ("approve too early", at(Status.AWAITING_DIRECTOR), permissions.can_approve, set()),
    ("record an approval", at(Status.AWAITING_CABINET_MEMBER), permissions.can_record_approval, {"democratic_support"}),
    (
        "return with the cabinet member",
        at(Status.AWAITING_CABINET_MEMBER),
        permissions.can_return,
        {"cabinet_member", "democratic_support"},
    ),
    ("publish", at(Status.APPROVED), permissions.can_publish, {"democratic_support"}),
    ("publish too early", at(Status.AWAITING_CABINET_MEMBER), permissions.can_publish, set()),
    ("return when approved", at(Status.APPROVED), permissions.can_return, {"democratic_support"}),
    ("withdraw a draft", draft_never_submitted, permissions.can_withdraw, {"officer", "democratic_support"}),
    ("withdraw when approved", at(Status.APPROVED), permissions.can_withdraw, {"officer", "democratic_support"}),
    ("withdraw once published", at(Status.PUBLISHED), permissions.can_withdraw, set()),
    ("return once published", at(Status.PUBLISHED), permissions.can_return, set()),
    ("edit once published", at(Status.PUBLISHED), permissions.can_edit, set()),
    ("view published in public", at(Status.PUBLISHED), permissions.can_view_public, set(EVERYONE)),
    ("view approved in public", at(Status.APPROVED), permissions.can_view_public, set()),
    (
        "download a public appendix",
        published_with_appendices,
        lambda user, r: permissions.can_download_appendix(user, r.appendices.get(ref="B")),
        set(EVERYONE),
    ),
    (
        "download an exempt appendix",
        published_with_appendices,
        lambda user, r: permissions.can_download_appendix(user, r.appendices.get(ref="A")),
        STAFF_WHO_SEE_A_SUBMITTED_REPORT,
    ),
]


# Each row made every persona and drove a report through the workflow. The checks only read, so
# the personas (first: the chair chairs) and one report per kind are built once for the module
# (tests/conftest.py: built_once_per_module); each test fetches them afresh in its own savepoint.
MAKERS = list(dict.fromkeys(row[1] for row in TABLE if row[1]))


@built_once_per_module("_table_reports")
def _build_table_reports():
    for name in PERSONAS:
        make_persona(name)
    return [make().pk for make in MAKERS]


@pytest.mark.parametrize("what,make,check,allowed", TABLE, ids=[row[0] for row in TABLE])
def test_permission_table(request, _table_reports, db, what, make, check, allowed):
    pks = held_for_the_test(request, _table_reports)
    people = {persona: request.getfixturevalue(persona) for persona in EVERYONE}
    report = BriefingReport.objects.get(pk=pks[MAKERS.index(make)]) if make else None
    for persona, user in people.items():
        if hasattr(user, "_reviewer_departments"):
            del user._reviewer_departments
        assert bool(check(user, report)) == (persona in allowed), f"{what}: {persona}"


def test_lead_director_without_the_decision_maker_role_cannot_agree(db, other_officer):
    report = advance(BriefingReportFactory(lead_director=other_officer), to=Status.AWAITING_DIRECTOR)
    assert not permissions.can_agree(other_officer, report)


def test_a_cabinet_member_not_named_as_lead_member_cannot_approve(db, cabinet_member, other_officer):
    report = advance(BriefingReportFactory(lead_member=other_officer), to=Status.AWAITING_CABINET_MEMBER)
    assert not permissions.can_approve(cabinet_member, report)
    assert not permissions.can_approve(other_officer, report)  # named, but not a cabinet member
