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

import time

from django.core.management.base import BaseCommand, CommandError

from bench.generator.run import Generator


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
