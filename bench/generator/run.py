"""A run of `generate_records`: the people, the plan (dates, states, references), the batches of bulk inserts."""

import contextlib
import datetime
import random
import re
from collections import defaultdict

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.db import IntegrityError, reset_queries, transaction
from django.db.models import Min

from bench.generator import vocabulary as text
from bench.generator.common import (
    CHAIRS,
    DECISION_MAKERS,
    EARLIEST_DATE,
    END_DATE,
    LONGEST_LEAD_DAYS,
    OFFICERS,
    REVIEWERS_PER_DEPARTMENT,
    STATUS_WEIGHTS,
    USERNAME_PREFIX,
    at,
)
from bench.generator.writer import World, Writer
from council import pagecache, roles
from council.models import (
    Committee,
    CouncilSettings,
    Department,
    Directorate,
    User,
    YearlySequence,
)
from decisions.models import (
    Appendix,
    BackgroundPaper,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    SignOff,
    Status,
)
from forwardplan.models import PlanItem


class Generator:
    def __init__(self, *, per_year, seed, batch_size, stdout=None):
        self.per_year = per_year
        self.seed = seed
        self.batch_size = batch_size
        self.stdout = stdout
        self.council = CouncilSettings.load()

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    # — people ----------------------------------------------------------------------------------

    def _person(self, index, username, group_names, **fields):
        first = text.FIRST_NAMES[(index * 7 + 3) % len(text.FIRST_NAMES)]
        last = text.LAST_NAMES[(index * 11 + len(username)) % len(text.LAST_NAMES)]
        return (
            User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@council.example",
                password=make_password(None),
                **fields,
            ),
            group_names,
        )

    def ensure_people(self):
        """The generated people, made when missing: {"makers": [...], "officers": [...], ...}."""
        directorates = list(Directorate.objects.order_by("order", "pk"))
        if not directorates:
            raise CommandError("There are no directorates: run migrate first.")
        wanted = []
        for n in range(1, DECISION_MAKERS + 1):
            directorate = directorates[(n - 1) % len(directorates)]
            titles = text.DECISION_MAKER_TITLES.get(directorate.code) or ["Strategic Director"]
            wanted.append(
                self._person(
                    n,
                    f"{USERNAME_PREFIX}decision-maker.{n:02d}",
                    [roles.DECISION_MAKER, roles.OFFICER],
                    job_title=titles[(n - 1) // len(directorates) % len(titles)],
                    directorate=directorate,
                )
            )
        for n in range(1, OFFICERS + 1):
            wanted.append(
                self._person(
                    100 + n,
                    f"{USERNAME_PREFIX}officer.{n:02d}",
                    [roles.OFFICER],
                    job_title=text.OFFICER_TITLES[n % len(text.OFFICER_TITLES)],
                    directorate=directorates[(n - 1) % len(directorates)],
                    phone=f"01752 3{n:05d}",
                )
            )
        for department in Department.objects.filter(on_decision_form=True).select_related("reviewer_group"):
            for n in range(1, REVIEWERS_PER_DEPARTMENT + 1):
                wanted.append(
                    self._person(
                        200 + department.pk * 10 + n,
                        f"{USERNAME_PREFIX}{department.slug}.{n:02d}",
                        [department.reviewer_group.name],
                        job_title=f"{department.name} Officer",
                    )
                )
        for n in range(1, CHAIRS + 1):
            wanted.append(
                self._person(
                    300 + n, f"{USERNAME_PREFIX}scrutiny-chair.{n:02d}", [roles.SCRUTINY_CHAIR], honorific="Councillor"
                )
            )
        existing = set(User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("username", flat=True))
        missing = [user for user, _ in wanted if user.username not in existing]
        User.objects.bulk_create(missing, batch_size=500)
        users = {u.username: u for u in User.objects.filter(username__in=[u.username for u, _ in wanted])}
        groups = {g.name: g.pk for g in Group.objects.all()}
        Membership = User.groups.through
        Membership.objects.bulk_create(
            [
                Membership(user_id=users[user.username].pk, group_id=groups[name])
                for user, names in wanted
                for name in names
            ],
            ignore_conflicts=True,
        )

        def named(prefix):
            return [users[u.username] for u, _ in wanted if u.username.startswith(USERNAME_PREFIX + prefix)]

        # A committee with no chair cannot agree urgency (CALL-2): give those that lack one a generated chair.
        chairs = named("scrutiny-chair.")
        for n, committee in enumerate(Committee.objects.filter(chair__isnull=True).order_by("order", "pk")):
            committee.chair = chairs[n % len(chairs)]
            committee.save(update_fields=["chair"])

        makers = named("decision-maker.")
        officers = named("officer.")
        return {
            "makers_by_directorate": {d.pk: [u for u in makers if u.directorate_id == d.pk] for d in directorates},
            "officers_by_directorate": {d.pk: [u for u in officers if u.directorate_id == d.pk] for d in directorates},
            "reviewers": {
                department.pk: named(f"{department.slug}.")
                for department in Department.objects.filter(on_decision_form=True)
            },
            "chairs": chairs,
            "democratic_support": named("democratic-support."),
        }

    # — the plan: dates, states and references of every record, before any text ----------------

    def generated_so_far(self):
        return Decision.objects.filter(author__username__startswith=f"{USERNAME_PREFIX}officer.").count()

    def days_back_to_start(self, offset, days_per_record):
        """How far back from END_DATE this run starts: just before the oldest record generated so far."""
        if not offset:
            return 0.0
        oldest = Decision.objects.filter(author__username__startswith=f"{USERNAME_PREFIX}officer.").aggregate(
            oldest=Min("decided_on")
        )["oldest"]
        if oldest is None:  # none signed yet (a handful of drafts): as if they had been dated at this density
            return offset * days_per_record
        return (END_DATE - oldest).days + days_per_record

    def plan(self, count, offset, rng):
        """One slot per record: its date, status, submission time and municipal year."""
        days_per_record = 365.25 / self.per_year
        start = self.days_back_to_start(offset, days_per_record)
        earliest = END_DATE - datetime.timedelta(days=int(start + (count - 1) * days_per_record) + LONGEST_LEAD_DAYS)
        if earliest < EARLIEST_DATE:
            room = (END_DATE - EARLIEST_DATE).days - LONGEST_LEAD_DAYS - start
            needed = f"at least {int(count / room * 365.25) + 1:,}" if room > 0 else "no --per-year can help"
            raise CommandError(
                f"{count:,} more records at {self.per_year:,} a year would reach back to {earliest:%Y}, before "
                f"{EARLIEST_DATE:%Y}. Pass a higher --per-year ({needed})."
            )
        statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
        slots = []
        for i in range(count):
            anchor = END_DATE - datetime.timedelta(days=int(start + i * days_per_record))
            status = rng.choices(statuses, weights)[0]
            submitted = status != Status.DRAFT and (status != Status.WITHDRAWN or rng.random() < 0.6)
            submitted_at = at(anchor - datetime.timedelta(days=rng.randint(3, 35)), rng) if submitted else None
            slots.append(
                {
                    "anchor": anchor,
                    "status": status,
                    "submitted_at": submitted_at,
                    "year": self.council.municipal_year(submitted_at.date()).start_year if submitted else None,
                }
            )
        return slots

    def reserve_references(self, slots):
        """Number the submitted slots within their municipal years, after every number already used."""
        by_year = defaultdict(list)
        for slot in slots:
            if slot["year"] is not None:
                by_year[slot["year"]].append(slot)
        if not by_year:
            return
        with transaction.atomic():
            for year in sorted(by_year):
                if not YearlySequence.objects.filter(key="COD", start_year=year).exists():
                    with contextlib.suppress(IntegrityError), transaction.atomic():
                        YearlySequence.objects.create(key="COD", start_year=year)
            counters = {
                c.start_year: c
                for c in YearlySequence.objects.select_for_update().filter(key="COD", start_year__in=by_year)
            }
            used = highest_references()
            for year, year_slots in by_year.items():
                counter = counters[year]
                number = max(counter.last_value, used.get(year % 100, 0))
                for slot in sorted(year_slots, key=lambda s: s["submitted_at"]):
                    number += 1
                    label = f"{year % 100:02d}/{(year + 1) % 100:02d}"
                    slot["reference"] = f"COD{number:02d} {label}"
                counter.last_value = number
                counter.save(update_fields=["last_value"])

    # — the run ---------------------------------------------------------------------------------

    def run(self, count):
        offset = self.generated_so_far()
        rng = random.Random(f"generate_records:{self.seed}:{offset}")
        slots = self.plan(count, offset, rng)
        people = self.ensure_people()
        self.reserve_references(slots)
        world = World(self.council, people)
        writer = Writer(rng, world)
        totals = defaultdict(int)
        for start in range(0, count, self.batch_size):
            records = writer.records(slots[start : start + self.batch_size])
            with transaction.atomic():
                for name, made in self.insert(records).items():
                    totals[name] += made
            reset_queries()  # under DEBUG, Django keeps every query's SQL: megabytes per batch here
            self.say(f"  {start + len(records):,} of {count:,} records")
        # bulk_create sends no signals: tell the public page cache that the register has changed.
        pagecache.bump()
        return offset, totals

    def insert(self, records):
        decisions = [r.decision for r in records]
        history = [(d.created_at, d.updated_at) for d in decisions]
        # Forward Plan items first: a key decision's row points at its item (8b, EXEC-5).
        items = [d.forward_plan_item for d in decisions if getattr(d, "forward_plan_item", None)]
        PlanItem.objects.bulk_create(items, batch_size=self.batch_size)
        for d in decisions:
            if getattr(d, "forward_plan_item", None):
                d.plan_item = d.forward_plan_item
        Decision.objects.bulk_create(decisions, batch_size=self.batch_size)
        # bulk_create stamped both with now (auto_now_add/auto_now); bulk_update writes the given
        # values as they are, so the history's own times go back in (one UPDATE per batch), round the
        # freeze (the base manager) as an import of history is.
        for decision, (created_at, updated_at) in zip(decisions, history, strict=True):
            decision.created_at, decision.updated_at = created_at, updated_at
        Decision._base_manager.bulk_update(decisions, ["created_at", "updated_at"], batch_size=self.batch_size)
        children = defaultdict(list)
        for record in records:
            for row in record.finish(self.council):
                children[type(row)].append(row)
        counts = {"decisions": len(records), "Forward Plan items": len(items)}
        for name, model in CHILDREN:
            rows = children[model]
            model.objects.bulk_create(rows, batch_size=self.batch_size)
            counts[name] = len(rows)
        return counts


CHILDREN = [
    ("applicable departments", Decision.applicable_departments.through),
    ("wards", Decision.wards.through),
    ("sign-offs", SignOff),
    ("chair agreements", ChairAgreement),
    ("consultations", CabinetConsultation),
    ("appendices", Appendix),
    ("background papers", BackgroundPaper),
]


REFERENCE = re.compile(r"^COD(\d+) (\d\d)/\d\d$")


def highest_references():
    """{two-digit start year: the highest reference number used in that municipal year}."""
    highest = {}
    for reference in Decision.objects.exclude(reference="").values_list("reference", flat=True).iterator():
        if match := REFERENCE.match(reference):
            year, number = int(match[2]), int(match[1])
            highest[year] = max(highest.get(year, 0), number)
    return highest
