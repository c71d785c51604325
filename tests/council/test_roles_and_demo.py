"""Roles are groups made by a migration; the demo loader is idempotent and refuses without DEBUG."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from council import roles
from council.models import CabinetPortfolio, Committee, Department, User


def test_every_role_exists_as_a_group(db):
    assert set(roles.ALL_ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_each_department_has_its_reviewer_group(db):
    for slug, group_name in roles.REVIEWER_GROUPS.items():
        assert Department.objects.get(slug=slug).reviewer_group.name == group_name


def test_mandatory_departments_are_democratic_support_finance_legal(db):
    mandatory = set(Department.objects.filter(mandatory_for_decisions=True).values_list("name", flat=True))
    assert mandatory == {"Democratic Support", "Finance", "Legal"}


def test_administrator_group_can_change_council_data(db):
    admin_group = Group.objects.get(name=roles.ADMINISTRATOR)
    assert admin_group.permissions.filter(codename="change_department").exists()


def test_demo_loader_creates_people_once(demo_loaded, settings):
    settings.DEBUG = True
    count = User.objects.count()
    call_command("load_demo", "--quiet-accounts")
    assert User.objects.count() == count
    assert User.objects.get(username="alison.botham").name_and_title == "Alison Botham, Director of Children's Services"
    assert str(User.objects.get(username="jemima.laing")) == "Councillor Jemima Laing"
    assert Committee.objects.get(slug="education-and-childrens-social-care").chair.username == "jemima.laing"
    assert CabinetPortfolio.objects.get(member__username="dave.downie").title.startswith("Education, Skills")


def test_demo_loader_gives_every_role_a_person(demo_loaded):
    for role in roles.ALL_ROLES:
        assert User.objects.filter(groups__name=role).exists(), role


def test_demo_loader_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", "--quiet-accounts")
    assert not User.objects.filter(username="alison.botham").exists()


def test_demo_password_signs_in(demo_loaded, settings, client):
    settings.DEBUG = True
    # django-axes checks every sign-in against its request: say which one.
    assert client.login(request=HttpRequest(), username="jane.anstis", password=settings.DEMO_PASSWORD)


def test_migrate_keeps_a_councils_changes_to_departments(db):
    """The defaults only fill gaps: an administrator's edit survives every later migrate or flush."""
    from django.apps import apps

    from council.defaults import ensure_defaults

    finance = Department.objects.get(slug="finance")
    finance.code_format = "FIN/{yy}{yy_next}/{seq:04d}"
    finance.mandatory_for_reports = False
    finance.save()
    ensure_defaults(apps)
    finance.refresh_from_db()
    assert finance.code_format == "FIN/{yy}{yy_next}/{seq:04d}"
    assert finance.mandatory_for_reports is False


def test_finance_and_legal_sign_off_every_briefing_report(db):
    mandatory = Department.objects.filter(mandatory_for_reports=True).values_list("slug", flat=True)
    assert sorted(mandatory) == ["finance", "legal"]
