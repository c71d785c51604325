"""factory_boy factories for the organisation data. Apps add their own beside their tests."""

import functools

import factory
import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from council import pagecache, roles
from council.models import CabinetPortfolio, Committee, User

EDUCATION_COMMITTEE = "education-and-childrens-social-care"
PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@council.example")
    job_title = "Officer"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
            missing = set(extracted) - set(self.groups.values_list("name", flat=True))
            assert not missing, f"unknown roles {missing}"
        if create:
            self.save()


# name -> (username, roles, fields): the same people as the persona fixtures in tests/conftest.py.
PERSONAS = {
    "officer": ("officer", [roles.OFFICER], dict(first_name="Olive", last_name="Officer", job_title="Head of Service")),
    "other_officer": ("other.officer", [roles.OFFICER], dict(first_name="Otto", last_name="Other")),
    "decision_maker": (
        "decision.maker",
        [roles.DECISION_MAKER, roles.OFFICER, roles.CORPORATE_MANAGEMENT_TEAM],
        dict(first_name="Dana", last_name="Director", job_title="Director of Children's Services"),
    ),
    "democratic_support": (
        "democratic.support",
        [roles.DEMOCRATIC_SUPPORT],
        dict(first_name="Della", last_name="Support"),
    ),
    "finance_reviewer": ("finance", ["Finance reviewer"], dict(first_name="Dan", last_name="Norris", initials="djn")),
    "legal_reviewer": ("legal", ["Legal reviewer"], dict(first_name="Lee", last_name="Gall")),
    "hr_reviewer": ("hr", ["Human Resources reviewer"], dict(first_name="Kim", last_name="Bright", initials="KAB")),
    "property_reviewer": ("property", ["Corporate Property reviewer"], dict(first_name="Pat", last_name="Roper")),
    "procurement_reviewer": (
        "procurement",
        ["Procurement reviewer"],
        dict(first_name="Erin", last_name="Doyle", initials="ED"),
    ),
    "monitoring_officer": ("monitoring", ["Monitoring Officer"], dict(first_name="Mo", last_name="Officer")),
    "scrutiny_chair": (
        "chair",
        [roles.SCRUTINY_CHAIR],
        dict(first_name="Jemima", last_name="Laing", honorific="Councillor"),
    ),
    "cabinet_member": (
        "cabinet",
        [roles.CABINET_MEMBER],
        dict(first_name="Dave", last_name="Downie", honorific="Cllr"),
    ),
    # A non-executive councillor (CALL-1): asks for decisions to be called in.
    "councillor": ("councillor", [roles.COUNCILLOR], dict(first_name="Ann", last_name="Lowry", honorific="Councillor")),
    "administrator": ("administrator", [roles.ADMINISTRATOR], dict(is_staff=True, is_superuser=True)),
}


def make_persona(name):
    """The persona `name` (a key of PERSONAS), created once per test database.

    Made directly rather than through UserFactory (nearly every test makes several: four queries each
    instead of eleven): the same fields, password and groups the factory would give them."""
    username, role_names, fields = PERSONAS[name]
    existing = User.objects.filter(username=username).first()
    if existing:
        return existing  # saving again would change the password hash and sign them out
    try:
        with transaction.atomic():  # the user and their groups together, or neither
            user = User.objects.create(
                username=username,
                email=f"{username}@council.example",
                **{"job_title": "Officer", **fields},
                password=_persona_password(PASSWORD, tuple(settings.PASSWORD_HASHERS)),
            )
            groups = list(Group.objects.filter(name__in=role_names).values_list("pk", flat=True))
            assert len(groups) == len(set(role_names)), f"unknown roles in {role_names}"
            through = User.groups.through
            through.objects.bulk_create([through(user_id=user.pk, group_id=pk) for pk in groups])
    except IntegrityError:
        # Made at the same moment in another thread (the tests of two requests at once ask for a persona
        # in each): theirs is the persona, as UserFactory's get-or-create would have found.
        return User.objects.get(username=username)
    if name == "scrutiny_chair":
        Committee.objects.filter(slug=EDUCATION_COMMITTEE).update(chair=user)
    if name == "cabinet_member":
        CabinetPortfolio.objects.filter(title__startswith="Education").update(member=user)
    if name in {"scrutiny_chair", "cabinet_member"}:
        pagecache.bump()  # the updates above skip the signals, as the product's bulk writes do
    return user


@functools.cache
def _persona_password(password, hashers):
    """The personas' password hashed once per hasher setting (fast_passwords' MD5 in tests)."""
    return make_password(password)


@pytest.fixture(autouse=True)
def fast_passwords(settings, tmp_path):
    """Cheap password hashing (personas are made in nearly every test), and uploaded files in a
    temporary directory, never the project's media/."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
