"""Benchmark of the public register at 1,000 and 100,000 decision records (issue #6).

    make bench                        (after the PDF benchmark)
    .venv/bin/python bench/register_bench.py
    BENCH_QUICK=1 ...                 10,000 instead of 100,000, for development
    BENCH_REQUESTS=100                timed requests per page and scale (default 100)

In one run, with its own throwaway PostgreSQL cluster (scripts/pg_throwaway.sh, stopped in a
`finally`), in production settings (DEBUG off, a throwaway secret key, plain HTTP):
1. migrate, `load_demo`, `generate_records` up to 1,000 records, VACUUM ANALYZE, measure;
2. `generate_records` up to 100,000 records (timed), VACUUM ANALYZE, measure again.
The commands run as `manage.py` processes of their own, so the measuring process holds no more
than a server worker would: a bigger heap makes Python's full garbage collections slower.

Each measure requests every page through Django's test Client (in process, the full middleware
stack; ROOT_URLCONF is `bench/urls.py`), anonymously, after a few warm-up requests; the pages
take turns so that a busy machine slows them alike. It reports the median and 95th percentile
time, the number of queries (CaptureQueriesContext), the response size and the share of the time
spent in Python's full garbage collections (GC), and compares each page's median with the floor
(`bench/urls.py`: one indexed query and a small response through the same middleware).
Targets: at 100,000 records a page's median is within 3x the floor's (xfloor), and it grows at
most 1.5x from 1,000 to 100,000 records (growth). Pages outside them are flagged. `g/floor` is
the growth divided by the floor's own: what is left once a busier machine is accounted for.

The generated records have a constant density in time (`generate_records --per-year`), so the
one-month CSV download holds about the same rows at both scales: it measures the cost of the
table's size, not of a bigger answer.

The public page cache (council.pagecache), when the site has one, is turned off for the main
measures: they are what a page costs to make (every search is a different page, and every
publication empties the cache). The cached pages are then measured too, as a second table.

Prints tables and writes bench/results/register.json. A page whose URL does not exist (yet) is
reported as missing; any other answer than 200 stops the benchmark.
"""

import csv
import gc
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

# A sibling module: this file runs as a script (`python bench/register_bench.py`).
from register_report import FLOOR, FLOOR_TARGET, GROWTH_TARGET, PAGES, analyse, label, table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "register.json"
PG_THROWAWAY = ROOT / "scripts" / "pg_throwaway.sh"
QUICK = os.environ.get("BENCH_QUICK", "").lower() in {"1", "true", "yes"}
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
WARM_UP = 5
SMALL, LARGE = 1_000, (10_000 if QUICK else 100_000)
PER_YEAR = 5_000
SEED = 1


def start_postgres():
    # Our own script, by absolute path, with fixed arguments.
    result = subprocess.run([str(PG_THROWAWAY), "start"], capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(f"Could not start a throwaway PostgreSQL (scripts/pg_throwaway.sh):\n{result.stderr}")
    exports = dict(re.findall(r"^export (\w+)=(.*)$", result.stdout, re.MULTILINE))
    return exports["DATABASE_URL"], exports["PG_THROWAWAY_DIR"]


def stop_postgres(directory):
    subprocess.run([str(PG_THROWAWAY), "stop", directory], capture_output=True, check=False)  # noqa: S603


def git_commit():
    """The commit measured (with `+changes` when the working tree differs from it), or "" outside git."""

    def git(*args):
        # git from the PATH, with fixed arguments.
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603, S607

    try:
        commit = git("rev-parse", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return ""
    return commit + ("+changes" if dirty else "")


def environment(database_url, workdir):
    """Production settings on plain HTTP, the throwaway database, a temporary media root."""
    os.environ.update(
        {
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "register-benchmark-throwaway-secret-key-0123456789abcdef",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "DJANGO_PLAIN_STATIC": "true",
            "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_PUBLIC_PAGE_CACHE_SECONDS": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_BENCH_TOOLS": "true",  # manage.py generate_records
        }
    )
    sys.path.insert(0, str(ROOT))
    # WhiteNoise looks for collected static files; plain static files are served through the finders.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"


def summary(times):
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"runs": len(times), "median_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000}


def manage(*args, **env):
    """Run a manage.py command in its own process (the measuring process stays like a fresh server worker)."""
    result = subprocess.run(  # noqa: S603 - this interpreter, our manage.py, fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def generate(count):
    """`generate_records` for `count` more records: (seconds it reports, wall seconds with process start)."""
    if count <= 0:
        return 0.0, 0.0
    started = time.perf_counter()
    output = manage("generate_records", "--decisions", str(count), "--per-year", str(PER_YEAR), "--seed", str(SEED))
    wall = time.perf_counter() - started
    reported = re.search(r"decision records in ([\d.]+) s", output)
    return (float(reported[1]) if reported else wall), wall


def vacuum_analyze():
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def measure(client, *, cached_only=False):
    """{page: {url, median_ms, p95_ms, queries, bytes, rows} or {url, missing: True}}.

    `cached_only`: time only the pages the page cache serves (after the warm-up); the others are
    marked `not_cached` (streamed downloads, for one, are never cached).
    """
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import Resolver404, resolve

    cache.clear()
    present, results = [], {}
    for name, url in PAGES:
        try:
            resolve(url.split("?")[0])
        except Resolver404:
            results[name] = {"url": url, "missing": True}
            continue
        present.append((name, url))

    def get(url):
        response = client.get(url)
        content = body(response)  # a streamed download is timed to its last byte
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200: the benchmark stops here.")
        return response, content

    for name, url in present:
        for _ in range(WARM_UP):
            get(url)
        with CaptureQueriesContext(connection) as queries:
            response, content = get(url)
        results[name] = {
            "url": url,
            "queries": len(queries),
            "bytes": len(content),
            "content_type": response.get("Content-Type", ""),
            "page_cache": response.get("X-Page-Cache", ""),
        }
        if url.startswith("/decisions/download.csv"):
            results[name]["rows"] = len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) - 1
        if cached_only and results[name]["page_cache"] != "hit" and name != FLOOR:
            results[name]["not_cached"] = True
    present = [(name, url) for name, url in present if not results[name].get("not_cached")]
    times = {name: [] for name, _ in present}
    collecting = {name: 0.0 for name, _ in present}
    with full_collections() as spent:
        gc.collect()
        for _ in range(REQUESTS):  # the pages take turns: a busy machine slows them alike
            for name, url in present:
                before, started = spent[0], time.perf_counter()
                get(url)
                times[name].append(time.perf_counter() - started)
                collecting[name] += spent[0] - before
    for name, _ in present:
        results[name].update(summary(times[name]))
        results[name]["full_gc_share"] = collecting[name] / sum(times[name])
    return results


class full_collections:  # noqa: N801 - used as a context manager, like contextlib's
    """Time Python spends in full (generation 2) garbage collections, as [seconds] while active."""

    def __enter__(self):
        self.spent, self.started = [0.0], None
        gc.callbacks.append(self.callback)
        return self.spent

    def __exit__(self, *exc):
        gc.callbacks.remove(self.callback)

    def callback(self, phase, info):
        if info["generation"] != 2:
            return
        if phase == "start":
            self.started = time.perf_counter()
        elif self.started is not None:
            self.spent[0] += time.perf_counter() - self.started


def measure_scale(label, client):
    from django.conf import settings
    from django.test.utils import override_settings

    from decisions.models import Decision

    print(f"Measuring at {label}: {Decision.objects.count():,} records, {REQUESTS} requests a page ...", flush=True)
    scale = {
        "records": Decision.objects.count(),
        "published": Decision.objects.published().count(),
        "pages": measure(client),
    }
    if hasattr(settings, "PUBLIC_PAGE_CACHE_SECONDS"):
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=86400):
            scale["cached_pages"] = measure(client, cached_only=True)
    return scale


def main():
    started = time.perf_counter()
    load_before = os.getloadavg()
    database_url, cluster = start_postgres()
    try:
        with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
            environment(database_url, Path(tmp))
            import django
            from django.db import connection
            from django.test import Client

            from decisions.models import Decision

            results = {
                "commit": git_commit(),
                "quick": QUICK,
                "requests_per_page": REQUESTS,
                "warm_up_requests": WARM_UP,
                "per_year": PER_YEAR,
                "seed": SEED,
                "targets": {"x_floor_at_large": FLOOR_TARGET, "growth": GROWTH_TARGET},
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "django": django.get_version(),
                },
                "timings_s": {},
                "scales": {},
            }
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                results["machine"]["postgresql"] = cursor.fetchone()[0]

            print("Migrating and loading the demo ...", flush=True)
            manage("migrate", "--noinput", "--verbosity", "0")
            # The demo loader refuses while DEBUG is off (it makes accounts with the shared demo password):
            # allowed for the loader's own process, on this throwaway database. The pages are measured with
            # DEBUG off.
            manage("load_demo", "--quiet-accounts", DJANGO_DEBUG="true")
            client = Client()

            to_small = SMALL - Decision.objects.count()
            print(f"Generating {to_small:,} records ...", flush=True)
            seconds, wall = generate(to_small)
            results["timings_s"][f"generate_to_{SMALL}"] = {"records": to_small, "seconds": seconds, "wall": wall}
            results["timings_s"][f"vacuum_analyze_{SMALL}"] = vacuum_analyze()
            results["scales"][str(SMALL)] = measure_scale(label(SMALL), client)

            to_large = LARGE - Decision.objects.count()
            print(f"Generating {to_large:,} more records ...", flush=True)
            seconds, wall = generate(to_large)
            results["timings_s"][f"generate_to_{LARGE}"] = {"records": to_large, "seconds": seconds, "wall": wall}
            print(f"  {to_large:,} records in {seconds:.1f} s ({to_large / seconds:,.0f} a second)", flush=True)
            results["timings_s"][f"vacuum_analyze_{LARGE}"] = vacuum_analyze()
            results["scales"][str(LARGE)] = measure_scale(label(LARGE), client)
            connection.close()
    finally:
        stop_postgres(cluster)

    small, large = str(SMALL), str(LARGE)
    results["rows"] = analyse(results, small, large)
    if all("cached_pages" in results["scales"][k] for k in (small, large)):
        results["cached_rows"] = analyse(results, small, large, "cached_pages")
    results["timings_s"]["total"] = time.perf_counter() - started
    results["machine"]["load_average_before"] = load_before
    results["machine"]["load_average_after"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")

    sl, ll = label(SMALL), label(LARGE)
    print()
    print(table(results["rows"], sl, ll, f"The register, page cache off (times in ms; {REQUESTS} requests a page)"))
    if "cached_rows" in results:
        print()
        print(table(results["cached_rows"], sl, ll, "The same pages served by the public page cache"))
    generated = results["timings_s"][f"generate_to_{LARGE}"]
    print()
    print(
        f"Targets: median within {FLOOR_TARGET:g}x the floor at {ll}; growth {sl} -> {ll} at most {GROWTH_TARGET:g}x. "
        f"generate_records made {generated['records']:,} records in {generated['seconds']:.0f} s. "
        f"Total {results['timings_s']['total']:.0f} s on {os.cpu_count()} CPUs "
        f"(load average {load_before[0]:.1f} before). Written to {RESULTS.relative_to(ROOT)}."
    )
    for key in (small, large):
        csv_page = results["scales"][key]["pages"].get("CSV, one month", {})
        if "rows" in csv_page:
            print(f"CSV, one month at {label(int(key))}: {csv_page['rows']:,} records.")
    missing = sorted({row["page"] for row in results["rows"] if row.get("missing")})
    if missing:
        print(f"Missing pages (URL not found): {', '.join(missing)}.")


if __name__ == "__main__":
    main()
