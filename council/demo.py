"""Demo people for every role, named as in the seed documents where the seeds name people.

Loaded by `manage.py load_demo` (which `make run` calls). Idempotent: running it again
creates nothing twice. Refuses to create accounts with the shared demo password unless DEBUG is on.
"""

import functools

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from council import roles
from council.models import CabinetPortfolio, Committee, CouncilSettings, Directorate, User

EDUCATION_COMMITTEE = "education-and-childrens-social-care"

# username, first, last, honorific, job title, roles, directorate code, initials, phone
PEOPLE = [
    (
        "jane.anstis",
        "Jane",
        "Anstis",
        "",
        "Head of Service Children's Social Work",
        [roles.OFFICER],
        "CYP",
        "",
        "01752 307000",
    ),
    ("jean.kelly", "Jean", "Kelly", "", "Service Director", [roles.OFFICER], "CYP", "", "01752 307001"),
    (
        "alison.botham",
        "Alison",
        "Botham",
        "",
        "Director of Children's Services",
        [roles.DECISION_MAKER, roles.OFFICER, roles.CORPORATE_MANAGEMENT_TEAM],
        "CYP",
        "",
        "01752 307002",
    ),
    (
        "jemima.laing",
        "Jemima",
        "Laing",
        "Councillor",
        "Chair, Education and Children's Social Care Overview and Scrutiny Committee",
        [roles.SCRUTINY_CHAIR],
        "",
        "",
        "",
    ),
    (
        "dave.downie",
        "Dave",
        "Downie",
        "Cllr",
        "Cabinet Member for Education, Skills, Children and Young People",
        [roles.CABINET_MEMBER],
        "",
        "",
        "",
    ),
    (
        "sam.okafor",
        "Sam",
        "Okafor",
        "",
        "Democratic Support Officer",
        [roles.DEMOCRATIC_SUPPORT],
        "CCS",
        "",
        "01752 668000",
    ),
    ("dan.norris", "Dan", "Norris", "", "Finance Business Partner", ["Finance reviewer"], "CCS", "djn", ""),
    ("tara.reid", "Tara", "Reid", "", "Lawyer", ["Legal reviewer"], "CCS", "", ""),
    ("kim.bright", "Kim", "Bright", "", "HR Business Partner", ["Human Resources reviewer"], "CCS", "KAB", ""),
    ("chris.dale", "Chris", "Dale", "", "Corporate Property Manager", ["Corporate Property reviewer"], "PLA", "", ""),
    ("erin.doyle", "Erin", "Doyle", "", "Category Manager, Procurement", ["Procurement reviewer"], "CCS", "ED", ""),
    ("morgan.lee", "Morgan", "Lee", "", "Monitoring Officer", ["Monitoring Officer"], "CCS", "", ""),
    ("admin", "Ada", "Admin", "", "System administrator", [roles.ADMINISTRATOR], "", "", ""),
    # EXEC-7: who agrees special urgency when the scrutiny chair cannot (invented non-executive councillors).
    ("pat.trelawny", "Pat", "Trelawny", "Councillor", "Chair of the Council", [roles.COUNCILLOR], "", "", ""),
    ("rosa.penrose", "Rosa", "Penrose", "Councillor", "Vice-Chair of the Council", [roles.COUNCILLOR], "", "", ""),
    # CALL-1: non-executive councillors who may call in a decision (invented). The first three sit on
    # the committee the demo decisions name; a cabinet member is on the executive, so never eligible.
    *[
        (username, first, last, "Councillor", title, [roles.COUNCILLOR, *more], "", "", "")
        for username, first, last, title, more in [
            ("lee.finn", "Lee", "Finn", "Member, Education and Children's Social Care Scrutiny", []),
            ("mo.ahmed", "Mo", "Ahmed", "Member, Education and Children's Social Care Scrutiny", []),
            ("ruth.kemp", "Ruth", "Kemp", "Member, Education and Children's Social Care Scrutiny", []),
            ("tom.hale", "Tom", "Hale", "Ward councillor, Peverell", []),
            ("ivy.roberts", "Ivy", "Roberts", "Cabinet Member for Housing", [roles.CABINET_MEMBER]),
        ]
    ],
]
# Members of the demo decisions' scrutiny committee (its chair, Jemima Laing, besides).
COMMITTEE_MEMBERS = ["lee.finn", "mo.ahmed", "ruth.kemp"]


class DemoRefused(Exception):
    pass


@functools.cache
def _hashed(password, hashers):
    return make_password(password)


def demo_password():
    """The demo accounts' shared password, hashed once per load rather than once per account: the
    password is published (`load_demo` prints it) and the data refuses to load unless DEBUG is on,
    so one salt for all of them hides nothing, and 22 hashes at the shipped cost took 12 s."""
    return _hashed(settings.DEMO_PASSWORD, tuple(settings.PASSWORD_HASHERS))


def load(stdout=None):
    if not settings.DEBUG:
        raise DemoRefused(
            "Refusing to create demo accounts with a shared password while DEBUG is off. "
            "Demo data is for development: set DJANGO_DEBUG=true."
        )
    directorates = {d.code: d for d in Directorate.objects.all()}
    created = 0
    for username, first, last, honorific, title, role_names, directorate, initials, phone in PEOPLE:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults=dict(
                first_name=first,
                last_name=last,
                honorific=honorific,
                job_title=title,
                email=f"{first}.{last}@plymouth.gov.uk".lower(),
                directorate=directorates.get(directorate),
                initials=initials,
                phone=phone,
                is_staff=roles.ADMINISTRATOR in role_names or roles.DEMOCRATIC_SUPPORT in role_names,
                is_superuser=username == "admin",
            ),
        )
        if was_created:
            user.password = demo_password()
            user.save()
            created += 1
        user.groups.add(*Group.objects.filter(name__in=role_names))

    users = {u.username: u for u in User.objects.filter(username__in=[p[0] for p in PEOPLE])}
    CabinetPortfolio.objects.filter(title="Education, Skills, Children and Young People", member__isnull=True).update(
        member=users["dave.downie"]
    )
    council = CouncilSettings.load()
    if council.chair_of_council_id is None and council.vice_chair_of_council_id is None:
        council.chair_of_council, council.vice_chair_of_council = users["pat.trelawny"], users["rosa.penrose"]
        council.save(update_fields=["chair_of_council", "vice_chair_of_council"])
    committee = Committee.objects.get(slug=EDUCATION_COMMITTEE)
    if committee.chair_id is None:
        committee.chair = users["jemima.laing"]
        committee.save(update_fields=["chair"])
    committee.members.add(users["jemima.laing"], *(users[name] for name in COMMITTEE_MEMBERS))
    committee.lead_officers.add(users["jean.kelly"], users["sam.okafor"])
    if stdout:
        stdout.write(f"People: {created} demo accounts created, {len(PEOPLE) - created} already there.")


def accounts():
    """(username, name, roles) of every demo account, for `make run` to print."""
    return [(p[0], f"{p[3]} {p[1]} {p[2]}".strip(), ", ".join(p[5])) for p in PEOPLE]
