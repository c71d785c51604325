"""Roles as groups, and Plymouth City Council's organisation data as the defaults.

Run by migration 0002 and again after every migrate or flush (post_migrate), so a database
always has the roles and departments the code relies on. It only creates what is missing:
anything a council has changed in the admin is left alone.
"""

ROLE_GROUPS = [
    "Officer",
    "Decision maker",
    "Democratic Support",
    "Finance reviewer",
    "Legal reviewer",
    "Human Resources reviewer",
    "Corporate Property reviewer",
    "Procurement reviewer",
    "Monitoring Officer",
    "Scrutiny chair",
    "Cabinet member",
    "Administrator",
    "Corporate Management Team",
    "Councillor",
]

# name, slug, report label, on decision form, mandatory, on report form, source, format, group
# Briefing reports always need these departments' sign-off (the seed report carries both codes).
MANDATORY_FOR_REPORTS = {"finance", "legal"}

DEPARTMENTS = [
    (
        "Democratic Support",
        "democratic-support",
        "",
        True,
        True,
        False,
        "format",
        "DS{seq:02d} {yy}/{yy_next}",
        "Democratic Support",
    ),
    ("Finance", "finance", "Fin", True, True, True, "format", "{initials}.{yy}.{yy_next}.{seq}", "Finance reviewer"),
    ("Legal", "legal", "Leg", True, True, True, "typed", "", "Legal reviewer"),
    ("Monitoring Officer", "monitoring-officer", "Mon Off", False, False, True, "typed", "", "Monitoring Officer"),
    (
        "Human Resources",
        "human-resources",
        "HR",
        True,
        False,
        True,
        "format",
        "{month}{year2}{INITIALS}",
        "Human Resources reviewer",
    ),
    (
        "Corporate Property",
        "corporate-property",
        "Assets",
        True,
        False,
        True,
        "typed",
        "",
        "Corporate Property reviewer",
    ),
    (
        "Procurement",
        "procurement",
        "Strat Proc",
        True,
        False,
        True,
        "format",
        "PB/{directorate}/{seq:03d}/{INITIALS}/{mm}{year2}",
        "Procurement reviewer",
    ),
]

PLANS = {
    "Corporate Plan": [
        ("Caring for People and Communities", "Caring"),
        ("Unlocking the City’s Potential", "Unlocking"),
    ],
    "Plymouth Plan": [
        ("Healthy City", "Healthy"),
        ("Growing City", "Growing"),
        ("International City", "International"),
    ],
}

DIRECTORATES = [
    ("Children’s Services", "CYP"),
    ("People", "PEO"),
    ("Place", "PLA"),
    ("Customer and Corporate Services", "CCS"),
    ("Public Health", "PH"),
    ("Chief Executive’s Office", "CEX"),
]

PORTFOLIOS = [
    "Education, Skills, Children and Young People",
    "Health and Adult Social Care",
    "Finance",
    "Housing and Co-operative Development",
    "Environment and Street Scene",
    "Economic Development",
]

COMMITTEES = [
    ("Education and Children’s Social Care Overview and Scrutiny Committee", "education-and-childrens-social-care"),
    ("Health and Adult Social Care Overview and Scrutiny Committee", "health-and-adult-social-care"),
    ("Growth and Infrastructure Overview and Scrutiny Committee", "growth-and-infrastructure"),
    (
        "Performance, Finance and Customer Focus Overview and Scrutiny Committee",
        "performance-finance-and-customer-focus",
    ),
]

# Plymouth City Council's 20 electoral wards (EXEC-4's "two or more wards").
WARDS = [
    "Budshead",
    "Compton",
    "Devonport",
    "Drake",
    "Efford and Lipson",
    "Eggbuckland",
    "Ham",
    "Honicknowle",
    "Moor View",
    "Peverell",
    "Plympton Chaddlewood",
    "Plympton Erle",
    "Plympton St Mary",
    "Plymstock Dunstone",
    "Plymstock Radford",
    "Southway",
    "St Budeaux",
    "St Peter and the Waterfront",
    "Stoke",
    "Sutton and Mount Gould",
]

ADMIN_MODELS = [
    "councilsettings",
    "closureday",
    "ward",
    "plan",
    "priority",
    "directorate",
    "department",
    "cabinetportfolio",
    "committee",
    "user",
]
DEMOCRATIC_SUPPORT_MODELS = ["plan", "priority", "directorate", "cabinetportfolio", "committee"]


def ensure_defaults(apps):
    """Create what is missing; change nothing that exists. Safe to run any number of times."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}

    def perms(app_label, models, actions=("add", "change", "delete", "view")):
        return Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for model in models for action in actions],
        )

    groups["Administrator"].permissions.add(*perms("council", ADMIN_MODELS), *perms("auth", ["group"]))
    groups["Democratic Support"].permissions.add(*perms("council", DEMOCRATIC_SUPPORT_MODELS))

    apps.get_model("council", "CouncilSettings").objects.get_or_create(pk=1)

    Department = apps.get_model("council", "Department")
    # Migration 0002 runs this before the field exists; 0003 sets it on the rows made then.
    has_report_flag = any(f.name == "mandatory_for_reports" for f in Department._meta.get_fields())
    for order, (name, slug, label, on_form, mandatory, on_report, source, fmt, group) in enumerate(DEPARTMENTS, 1):
        extra = {"mandatory_for_reports": slug in MANDATORY_FOR_REPORTS} if has_report_flag else {}
        Department.objects.get_or_create(
            slug=slug,
            defaults=dict(
                name=name,
                report_label=label,
                order=order,
                on_decision_form=on_form,
                mandatory_for_decisions=mandatory,
                on_report_form=on_report,
                code_source=source,
                code_format=fmt,
                reviewer_group=groups[group],
                **extra,
            ),
        )

    Plan = apps.get_model("council", "Plan")
    Priority = apps.get_model("council", "Priority")
    for plan_order, (plan_name, priorities) in enumerate(PLANS.items(), 1):
        plan, _ = Plan.objects.get_or_create(name=plan_name, defaults={"order": plan_order})
        for order, (name, short) in enumerate(priorities, 1):
            Priority.objects.get_or_create(plan=plan, name=name, defaults={"short_name": short, "order": order})

    Directorate = apps.get_model("council", "Directorate")
    for order, (name, code) in enumerate(DIRECTORATES, 1):
        Directorate.objects.get_or_create(code=code, defaults={"name": name, "order": order})

    Portfolio = apps.get_model("council", "CabinetPortfolio")
    for order, title in enumerate(PORTFOLIOS, 1):
        Portfolio.objects.get_or_create(title=title, defaults={"order": order})

    Committee = apps.get_model("council", "Committee")
    for order, (name, slug) in enumerate(COMMITTEES, 1):
        Committee.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})

    ensure_wards(apps)


def ensure_wards(apps):
    """Plymouth's wards, only into an empty table: a council's renamed or replaced wards are its own."""
    try:
        Ward = apps.get_model("council", "Ward")
    except LookupError:  # migration 0002 runs before the model exists; 0008 adds the wards
        return
    if not Ward.objects.exists():
        Ward.objects.bulk_create([Ward(name=name) for name in WARDS])
