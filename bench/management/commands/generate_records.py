"""Generate a realistic data set of decision records, for benchmarks and load tests (issue #6).

    manage.py generate_records --decisions 100000 [--per-year 5000] [--seed 1] [--batch-size 2000]

Makes N records across directorates, decision makers, municipal years and states: about 85%
published, the rest draft, in sign-off, awaiting decision, decided or withdrawn. Each comes with
what its state implies: a reference, sign-offs (Democratic Support, Finance and Legal always,
Procurement, HR or Corporate Property when they apply), the scrutiny chair's agreement when urgent
or under special urgency, cabinet consultations, appendices and background papers (rows only, no
files), some of them exempt (Schedule 12A), and Part II briefing reports on a few records.
Decision makers (`gen.decision-maker.NN`, 20, in "Decision maker"), authors (`gen.officer.NN`,
60, in "Officer"), departmental reviewers (`gen.<department>.NN`) and scrutiny chairs
(`gen.scrutiny-chair.NN`) are created when missing, with unusable passwords; a committee without
a chair gets one of those chairs (an urgent decision needs its committee's chair, CALL-2).

**Dates: a constant density.** The records go back in time from END_DATE (31 March 2026), one
after another, `--per-year` of them per year (default 5,000): 1,000 records cover about 2.4
months and 100,000 cover 20 years. A second run continues further back, from just before the
oldest record generated so far, so the density stays constant: a one-month date range holds
about the same number of records (about 0.85 x per-year / 12 published ones) whatever the total.
The register benchmark relies on this. A run that would reach back before 1 January 2000 is
refused before it writes anything: raise `--per-year`. (Records are dated by their decision;
those not yet decided by their last step, and their history goes back up to four months before.)

**References** are `COD{nn} yy/yy`, numbered within each municipal year (from the date of
submission) in submission order, continuing after the highest number already used in that year
(the `COD` YearlySequence or an existing reference, whichever is higher); the YearlySequence is
then raised, under its row lock, so later real submissions continue after the generated ones. A
second run's records are older but numbered after the first run's, like late imports of history.
Past 99 the number simply grows (`COD1234 25/26`).

**Sign-off codes** follow each department's code format, with the sequence number taken from a
range real counters never reach (GENERATED_CODE_BASE + the record's id); formats without a
sequence, and typed codes, carry that number too. So generated codes cannot collide with real ones
or with each other, however many runs.

**bulk_create, deliberately.** Rows are inserted with `bulk_create` in batches, in one transaction
per batch: no `save()` runs, so the models' frozen-record guards (a decided record refuses
changes) and the services' checks are bypassed on purpose, as an import of history. Only this
command does that. `bulk_create` stamps `created_at`/`updated_at` with now (auto_now_add/auto_now):
each batch writes the records' historical timestamps back with one `bulk_update`, leaving the
model's fields as they are. No events are written. As no signals
are sent either, the run bumps the public page cache's version itself (council.pagecache).

Repeatable: `--seed` seeds the random generator together with the number of records already
generated, so the same command on the same database makes the same records, and a second run
makes different ones. Works on PostgreSQL and SQLite. 100,000 records (with about 330,000
sign-offs, 130,000 appendices, 70,000 background papers) take about 3.5 minutes on PostgreSQL
on a two-core machine: half of it writing the text, half the database's inserts (its stored
full-text search column, `search_document`, is computed on insert).
"""

import contextlib
import datetime
import random
import re
import time
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, reset_queries, transaction
from django.db.models import Min
from django.utils.text import slugify

from bench.management.commands import _council_text as text
from council import codes, pagecache, roles
from council.models import (
    CabinetPortfolio,
    Committee,
    CouncilSettings,
    Department,
    Directorate,
    Priority,
    User,
    YearlySequence,
)
from decisions import services
from decisions.models import (
    Appendix,
    BackgroundPaper,
    CabinetConsultation,
    ChairAgreement,
    Decision,
    SignOff,
    SpendType,
    Status,
)

LONDON = ZoneInfo("Europe/London")
END_DATE = datetime.date(2026, 3, 31)
EARLIEST_DATE = datetime.date(2000, 1, 1)
# The longest a generated record's history reaches back before its date (drafting, sign-off, notice).
LONGEST_LEAD_DAYS = 120
# Sign-off sequence numbers of generated codes: real yearly counters never get this far.
GENERATED_CODE_BASE = 1_000_000
USERNAME_PREFIX = "gen."

DECISION_MAKERS = 20
OFFICERS = 60
REVIEWERS_PER_DEPARTMENT = 3
CHAIRS = 4

STATUS_WEIGHTS = {
    Status.PUBLISHED: 85,
    Status.DRAFT: 4,
    Status.IN_SIGN_OFF: 3,
    Status.AWAITING_DECISION: 2,
    Status.DECIDED: 2,
    Status.WITHDRAWN: 4,
}
SIGNED = {Status.DECIDED, Status.PUBLISHED}
PAST_SIGN_OFF = {Status.AWAITING_DECISION, Status.DECIDED, Status.PUBLISHED}

URGENT_SHARE = 0.08
KEY_WARDS_SHARE = 0.04  # EXEC-4's second criterion: two or more wards, whatever the amount
SPECIAL_URGENCY_SHARE = 0.05  # of key decisions
EXEMPT_PART2_SHARE = 0.06
EXEMPT_DOCUMENT_SHARE = 0.08  # of appendices and background papers
INNOVATIVE_SHARE = 0.03
CONFLICT_SHARE = 0.02
CONSULTED_SHARE = 0.35


def at(day, rng, earliest=8, latest=17):
    """A time on `day`, in office hours, Plymouth time."""
    return datetime.datetime.combine(
        day, datetime.time(rng.randint(earliest, latest - 1), rng.randrange(0, 60, 5)), tzinfo=LONDON
    )


def pounds(amount):
    """As the form writes amounts: £491,000 or £48,213.57."""
    whole = amount == amount.to_integral_value()
    return f"£{amount:,.0f}" if whole else f"£{amount:,.2f}"


def upper_first(value):
    return value[:1].upper() + value[1:]


class Words(dict):
    """A record's words for the sentence templates: fixed ones stored, varying ones made on each use."""

    def __init__(self, rng, subject, anchor, **fixed):
        super().__init__(fixed)
        self.rng, self.subject, self.anchor = rng, subject, anchor

    def __missing__(self, key):
        rng = self.rng
        match key:
            case "area":
                return rng.choice(text.AREAS)
            case "pct":
                return rng.randint(4, 45)
            case "number":
                return f"{rng.choice([12, 25, 40, 85, 120, 240, 600, 1200, 3500]) + rng.randint(0, 9):,}"
            case "year":
                return self.anchor.year - rng.randint(1, 6)
            case "year2":
                return self.anchor.year + rng.randint(1, 4)
            case "month":
                return rng.choice(text.MONTHS)
            case "months":
                return rng.choice([3, 6, 9, 12, 18, 24])
            case "years":
                return rng.choice([1, 2, 3, 4, 5])
            case "days":
                return rng.choice([5, 10, 14, 21, 28])
            case "bids":
                return rng.randint(2, 9)
            case "legal":
                return rng.choice(text.LEGAL_BASES)
            case "people":
                return rng.choice(self.subject["people"])
            case "thing":
                return rng.choice(self.subject["thing"])
            case "need":
                return rng.choice(self.subject["need"]).format_map(self)
            case "saving":
                return f"£{rng.randint(2, 400) * 1000:,}"
        raise KeyError(key)

    def fill(self, template):
        return template.format_map(self)


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
        Decision.objects.bulk_create(decisions, batch_size=self.batch_size)
        # bulk_create stamped both with now (auto_now_add/auto_now); bulk_update writes the given
        # values as they are, so the history's own times go back in (one UPDATE per batch).
        for decision, (created_at, updated_at) in zip(decisions, history, strict=True):
            decision.created_at, decision.updated_at = created_at, updated_at
        Decision.objects.bulk_update(decisions, ["created_at", "updated_at"], batch_size=self.batch_size)
        children = defaultdict(list)
        for record in records:
            for row in record.finish(self.council):
                children[type(row)].append(row)
        counts = {"decisions": len(records)}
        for name, model in CHILDREN:
            rows = children[model]
            model.objects.bulk_create(rows, batch_size=self.batch_size)
            counts[name] = len(rows)
        return counts


CHILDREN = [
    ("applicable departments", Decision.applicable_departments.through),
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


class World:
    """The organisation data records refer to, loaded once per run."""

    def __init__(self, council, people):
        self.council = council
        self.people = people
        self.directorates = {d.code: d for d in Directorate.objects.all()}
        self.departments = list(Department.objects.filter(on_decision_form=True))
        self.departments_by_slug = {d.slug: d for d in self.departments}
        self.mandatory = [d for d in self.departments if d.mandatory_for_decisions]
        self.portfolios = list(CabinetPortfolio.objects.select_related("member"))
        self.committees = {c.slug: c for c in Committee.objects.select_related("chair")}
        self.priorities = list(Priority.objects.select_related("plan"))
        self.topics = [t for t in text.TOPICS if t["directorate"] in self.directorates] or text.TOPICS
        if not self.committees or not self.priorities or not self.portfolios:
            raise CommandError("The council's committees, priorities and portfolios are missing: run migrate first.")


class Record:
    """One generated record: the Decision and its children, all unsaved; `finish` links them once it has an id."""

    def __init__(self, decision, children):
        self.decision = decision
        self.children = children

    def finish(self, council):
        for row in self.children:
            row.decision_id = self.decision.pk
            if isinstance(row, SignOff):
                row.code = generated_code(row.department, self.decision, row.issued_by, row.issued_at.date(), council)
        return self.children


class Writer:
    """Writes one record from a slot: its text, amounts, flags, people and children."""

    def __init__(self, rng, world):
        self.rng = rng
        self.world = world

    def records(self, slots):
        return [self.record(slot) for slot in slots]

    def record(self, slot):
        rng, world = self.rng, self.world
        status, anchor = slot["status"], slot["anchor"]
        topic = rng.choice(world.topics)
        directorate = world.directorates.get(topic["directorate"]) or rng.choice(list(world.directorates.values()))
        makers = world.people["makers_by_directorate"].get(directorate.pk) or sum(
            world.people["makers_by_directorate"].values(), []
        )
        officers = world.people["officers_by_directorate"].get(directorate.pk) or sum(
            world.people["officers_by_directorate"].values(), []
        )
        maker, author = rng.choice(makers), rng.choice(officers)
        committee = world.committees.get(topic["committee"]) or rng.choice(list(world.committees.values()))
        kind = rng.choices(["contract", "grant", "policy"], [55, 20, 25])[0]

        # 7, 8: the amount, and the key decision criteria it meets under the council's thresholds.
        spend_type, amount = self._amount(topic, kind)
        council = world.council
        key_capital = spend_type == SpendType.CAPITAL and amount > council.key_decision_capital_threshold
        key_revenue = spend_type == SpendType.REVENUE and amount > council.key_decision_revenue_threshold
        key_wards = rng.random() < KEY_WARDS_SHARE
        is_key = key_capital or key_revenue or key_wards
        special_urgency = is_key and rng.random() < SPECIAL_URGENCY_SHARE
        is_urgent = rng.random() < URGENT_SHARE

        provider = rng.choice(topic["providers"])
        words = Words(
            rng,
            topic,
            anchor,
            topic=topic["name"],
            service=rng.choice(topic["service"]),
            provider=provider,
            fund=rng.choice(topic["funds"]),
            amount=pounds(amount) if amount is not None else "no additional cost",
            spend="capital" if spend_type == SpendType.CAPITAL else "revenue",
            job=maker.job_title,
            committee=committee.name,
        )
        title = upper_first(words.fill(rng.choice(text.TITLES[kind])))
        if is_urgent:
            title = f"Urgent Decision: {title}"
        decision_to_be_taken = " ".join(
            [words.fill(rng.choice(text.DECISIONS[kind]))]
            + [words.fill(s) for s in rng.sample(text.DECISION_FOLLOW_UPS, rng.randint(0, 2))]
        )
        reasons = self._paragraphs(words, text.REASON_SENTENCES, rng.randint(3, 5), (2, 4))
        if rng.random() < INNOVATIVE_SHARE:
            reasons += "\n\n" + words.fill(rng.choice(text.INNOVATION_SENTENCES))
        alternatives = "\n".join("- " + words.fill(s) for s in rng.sample(text.ALTERNATIVES, rng.randint(2, 4)))
        financial_implications = self._paragraphs(words, text.FINANCE_SENTENCES, rng.randint(1, 2), (2, 3))
        priority = rng.choice(world.priorities)

        submitted_at = slot["submitted_at"]
        created_at = (submitted_at or at(anchor, rng)) - datetime.timedelta(
            days=rng.randint(1, 20), hours=rng.randint(0, 6)
        )
        decided_on = anchor if status in SIGNED else None
        signed_at = at(anchor, rng, 9, 18) if decided_on else None
        published_at = (
            at(anchor + datetime.timedelta(days=rng.randint(1, 7)), rng, 9, 17) if status == Status.PUBLISHED else None
        )
        updated_at = published_at or signed_at or submitted_at or created_at
        # Everything the record is dated by comes before its decision (DATES-1).
        last_day = anchor

        has_exempt = rng.random() < EXEMPT_PART2_SHARE
        part2 = {}
        if has_exempt:
            paragraph = rng.choice(list(text.EXEMPTION_REASONS))
            part2 = dict(
                part2_title=upper_first(words.fill(rng.choice(text.PART2_TITLES))),
                part2_summary=words.fill(rng.choice(text.PART2_SUMMARIES)),
                part2_paragraphs=[paragraph],
                part2_public_interest_reasoning=text.EXEMPTION_REASONS[paragraph],
                part2_review_on=anchor + datetime.timedelta(days=365),
            )
        conflict = rng.random() < CONFLICT_SHARE
        consulted = rng.random() < CONSULTED_SHARE

        decision = Decision(
            reference=slot.get("reference", ""),
            reference_slug=slugify(slot["reference"].replace("/", "-")) if "reference" in slot else "",
            status=status,
            content_version=1,
            created_at=created_at,
            updated_at=updated_at,
            submitted_at=submitted_at,
            directorate=directorate,
            title=title[:300],
            decision_maker=maker,
            decision_maker_name=maker.display_name if decided_on else "",
            decision_maker_job_title=maker.job_title if decided_on else "",
            author=author,
            author_name=author.display_name,
            author_job_title=author.job_title,
            author_email=author.email,
            author_phone=author.phone,
            decision_to_be_taken=decision_to_be_taken,
            original_delegation=rng.choice(["N/A", "N/A", f"Cabinet, {rng.randint(1, 28)} {words['month']}"]),
            reasons=reasons,
            alternatives=alternatives,
            financial_implications=financial_implications,
            amount=amount,
            spend_type=spend_type,
            funding_source=words["fund"][4:] if words["fund"].startswith("the ") else words["fund"],
            is_key_decision=is_key,
            key_capital=key_capital,
            key_revenue=key_revenue,
            key_wards=key_wards,
            forward_plan_published_on=(
                anchor - datetime.timedelta(days=rng.randint(30, 90)) if is_key and not special_urgency else None
            ),
            special_urgency=special_urgency,
            priority=priority,
            plan_link=words.fill(rng.choice(text.PLAN_LINKS).replace("{priority}", priority.name)),
            environmental_implications=words.fill(rng.choice(text.ENVIRONMENT)),
            is_urgent=is_urgent,
            urgency_reason=words.fill(rng.choice(text.URGENCY)) if is_urgent else "",
            scrutiny_committee=committee if is_urgent or special_urgency else None,
            other_portfolios_affected=consulted,
            conflict_of_interest=conflict,
            conflict_details=(
                f"{maker.display_name} declared that a family member works for {provider}; the Monitoring Officer "
                "advised that the decision could proceed."
                if conflict
                else ""
            ),
            monitoring_officer_involved=conflict,
            cmt_member=maker,
            cmt_member_name=maker.display_name if decided_on else "",
            cmt_member_job_title=maker.job_title if decided_on else "",
            cmt_consulted_on=last_day - datetime.timedelta(days=rng.randint(1, 10)),
            has_exempt_information=has_exempt,
            declaration=services.DECLARATION if decided_on else "",
            decided_on=decided_on,
            signed_at=signed_at,
            published_at=published_at,
            **part2,
        )

        applicable = [
            world.departments_by_slug[slug]
            for slug in topic["departments"]
            if slug in world.departments_by_slug and rng.random() < (0.6 if kind == "contract" else 0.2)
        ]
        appendix_count = rng.choices([0, 1, 2, 3], [25, 35, 28, 12])[0]
        paper_count = rng.choices([0, 1, 2], [45, 40, 15])[0]

        children = self._children(
            decision,
            words=words,
            applicable=applicable,
            committee=committee,
            consulted=consulted,
            appendix_count=appendix_count,
            paper_count=paper_count,
            last_day=last_day,
        )
        return Record(decision, children)

    def _amount(self, topic, kind):
        rng = self.rng
        if rng.random() < 0.1:
            return SpendType.NONE, None
        spend_type = SpendType.CAPITAL if rng.random() < topic["capital"] else SpendType.REVENUE
        if rng.random() < 0.02:
            return spend_type, Decimal("0.00")
        # Log-uniform from £500 to £6m: most decisions are small, a few are millions.
        value = 500 * (12_000 ** rng.random())
        if rng.random() < 0.6:
            value = round(value, -2 if value < 100_000 else -3)
        return spend_type, Decimal(f"{value:.2f}")

    def _paragraphs(self, words, sentences, paragraphs, per_paragraph):
        rng = self.rng
        chosen = rng.sample(sentences, min(len(sentences), paragraphs * per_paragraph[1]))
        out, i = [], 0
        for _ in range(paragraphs):
            n = rng.randint(*per_paragraph)
            out.append(" ".join(words.fill(s) for s in chosen[i : i + n]))
            i += n
        return "\n\n".join(p for p in out if p)

    def _exemption(self, day):
        rng = self.rng
        if rng.random() >= EXEMPT_DOCUMENT_SHARE:
            return {}
        paragraph = rng.choice(list(text.EXEMPTION_REASONS))
        return dict(
            exempt_paragraphs=[paragraph],
            public_interest_reasoning=text.EXEMPTION_REASONS[paragraph],
            exemption_review_on=day + datetime.timedelta(days=rng.choice([180, 365, 730])),
        )

    def _children(self, d, *, words, applicable, committee, consulted, appendix_count, paper_count, last_day):
        """The record's children, without its id (not known yet) and sign-off codes (made from it)."""
        rng, world = self.rng, self.world
        rows = []
        for department in applicable:
            rows.append(Decision.applicable_departments.through(department_id=department.pk))

        # 16: sign-offs. Past sign-off: every required department; in sign-off or withdrawn: some.
        if d.submitted_at:
            required = [*world.mandatory, *applicable]
            if d.status not in PAST_SIGN_OFF:
                required = rng.sample(required, rng.randint(0, len(required) - 1))
            span = max(0, (last_day - d.submitted_at.date()).days - 1)
            for department in required:
                reviewer = rng.choice(world.people["reviewers"][department.pk])
                issued_on = d.submitted_at.date() + datetime.timedelta(days=rng.randint(0, span))
                rows.append(
                    SignOff(
                        department=department,
                        issued_by=reviewer,
                        issued_at=at(issued_on, rng),
                        content_version=1,
                    )
                )

            # 12b: the scrutiny chair's agreement (CALL-2), and special urgency's (EXEC-7).
            kinds = [ChairAgreement.Kind.CALL_IN_WAIVER] if d.is_urgent else []
            if d.special_urgency:
                kinds.append(ChairAgreement.Kind.SPECIAL_URGENCY)
            for kind in kinds:
                chair = committee.chair or rng.choice(world.people["chairs"])
                agreed = d.status in PAST_SIGN_OFF or rng.random() < 0.5
                how = rng.choice([ChairAgreement.How.IN_SYSTEM, ChairAgreement.How.EMAIL])
                rows.append(
                    ChairAgreement(
                        kind=kind,
                        committee=committee,
                        chair=chair,
                        chair_name=chair.display_name,
                        status=ChairAgreement.Outcome.AGREED if agreed else ChairAgreement.Outcome.REQUESTED,
                        how=how if agreed else "",
                        responded_on=(
                            min(last_day, d.submitted_at.date() + datetime.timedelta(days=rng.randint(0, 3)))
                            if agreed
                            else None
                        ),
                        evidence=(
                            f"Email from {chair.display_name} agreeing that the decision is urgent."
                            if agreed and how == ChairAgreement.How.EMAIL
                            else ""
                        ),
                        recorded_by=(
                            rng.choice(world.people["democratic_support"])
                            if agreed and how == ChairAgreement.How.EMAIL and world.people["democratic_support"]
                            else None
                        ),
                        content_version=1,
                    )
                )

        # 13b, 13c: cabinet members consulted.
        if consulted:
            for portfolio in rng.sample(world.portfolios, rng.choice([1, 1, 2])):
                member = (
                    f"{portfolio.member.display_name}, {portfolio}"
                    if portfolio.member
                    else f"{rng.choice(text.COUNCILLORS)}, {portfolio}"
                )
                rows.append(
                    CabinetConsultation(
                        portfolio=portfolio,
                        member_name=member,
                        consulted_on=last_day - datetime.timedelta(days=rng.randint(1, 14)),
                    )
                )

        # 17, 19: appendices and background papers (rows only: no files). S12A-4: only a record that
        # says it holds exempt information (18a) has exempt appendices or papers.
        exempt_parts = d.has_exempt_information
        titles = rng.sample(text.APPENDIX_TITLES, appendix_count)
        for ref, title in zip("ABC", titles, strict=False):
            exemption = self._exemption(last_day) if exempt_parts else {}
            if exemption:
                title = rng.choice(text.EXEMPT_APPENDIX_TITLES)
            rows.append(Appendix(ref=ref, title=title, **exemption))
        for order, template in enumerate(rng.sample(text.BACKGROUND_PAPERS, paper_count), 1):
            title = words.fill(template)
            exemption = self._exemption(last_day) if exempt_parts else {}
            rows.append(BackgroundPaper(title=upper_first(title), order=order, **exemption))
        return rows


def generated_code(department, decision, reviewer, on_date, council):
    """A sign-off code in the department's own shape, numbered from GENERATED_CODE_BASE + the record's id."""
    number = GENERATED_CODE_BASE + decision.pk
    if department.code_source == Department.CodeSource.TYPED:
        return f"{department.slug[:3].upper()}/G{number}"
    values = codes.values_for(
        seq=number,
        municipal_year=council.municipal_year(on_date),
        on_date=on_date,
        initials=reviewer.code_initials,
        directorate=decision.directorate.code if decision.directorate else "",
    )
    code = codes.render(department.code_format, **values)
    if "{seq" not in department.code_format:
        code = f"{code}-G{number}"
    return code


class Command(BaseCommand):
    help = (
        "Generate N realistic decision records (bulk inserts; see the module docstring). "
        "Dates go back from 31 March 2026 at --per-year records a year."
    )

    def add_arguments(self, parser):
        parser.add_argument("--decisions", type=int, required=True, help="How many records to make.")
        parser.add_argument(
            "--per-year",
            type=int,
            default=5000,
            help="Records per year of dates (default 5000): the density stays constant whatever the total.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random generator (default 1).")
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per bulk insert (default 2000).")

    def handle(self, *args, decisions, per_year, seed, batch_size, verbosity, **options):
        if decisions < 0:
            raise CommandError("--decisions must be 0 or more.")
        if per_year < 1 or batch_size < 1:
            raise CommandError("--per-year and --batch-size must be 1 or more.")
        started = time.perf_counter()
        generator = Generator(
            per_year=per_year, seed=seed, batch_size=batch_size, stdout=self.stdout if verbosity > 1 else None
        )
        offset, totals = generator.run(decisions)
        elapsed = time.perf_counter() - started
        children = ", ".join(f"{n:,} {name}" for name, n in totals.items() if name != "decisions")
        self.stdout.write(
            f"Made {totals['decisions']:,} decision records in {elapsed:.1f} s "
            f"({offset + totals['decisions']:,} generated in all; {children or 'no other rows'})."
        )
