"""The load benchmark's two Python steps (bench/load_bench.sh runs them; see its header).

load_report.py drive --base URL --urls FILE --requests N
    N requests over keep-alive connections (2 threads), taking turns over the URLs: the load
    between the two RSS readings of the gunicorn workers. Any answer but 200 stops it.
load_report.py report --urls FILE --wrk-dir DIR ... --output bench/results/load.json
    Reads each URL's `wrk --latency` output, compares it with the static file's (the floor:
    the same gunicorn, the same run), writes the JSON and prints the table.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
FLOOR = "static file"


def read_urls(path):
    return [tuple(line.split("|", 1)) for line in Path(path).read_text().splitlines() if line]


def drive(base, urls, requests, threads=2):
    parts = urlsplit(base)
    paths = [path for _, path in urls]
    errors = []

    def run(offset, count):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            for i in range(count):
                path = paths[(offset + i) % len(paths)]
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(f"{path}: {response.status}")
                    return
        finally:
            connection.close()

    share = [requests // threads + (1 if i < requests % threads else 0) for i in range(threads)]
    workers = [threading.Thread(target=run, args=(i, n)) for i, n in enumerate(share)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        sys.exit(f"The RSS run stopped: {errors[0]}")


def ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(text):
    """Requests per second, p50 and p99 (ms), requests, and non-2xx/3xx answers from `wrk --latency`."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", text, re.M))
    total = re.search(r"^\s+(\d+) requests in ([\d.]+\w+), ", text, re.M)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)$", text, re.M)
    return {
        "requests_per_second": float(re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)[1]),
        "p50_ms": round(ms(percentiles["50"]), 3),
        "p99_ms": round(ms(percentiles["99"]), 3),
        "requests": int(total[1]),
        "non_2xx_3xx": int(bad[1]) if bad else 0,
        "socket_errors": errors[1].strip() if errors else "",
    }


def report(args):
    urls = read_urls(args.urls)
    measured = {}
    for i, (name, path) in enumerate(urls, start=1):
        measured[name] = {"path": path, **parse_wrk((Path(args.wrk_dir) / f"wrk.{i}.txt").read_text())}
    floor = measured[FLOOR]
    for row in measured.values():
        row["rps_ratio_to_static"] = round(row["requests_per_second"] / floor["requests_per_second"], 3)
        row["p50_ratio_to_static"] = round(row["p50_ms"] / floor["p50_ms"], 2)
        row["p99_ratio_to_static"] = round(row["p99_ms"] / floor["p99_ms"], 2)
    before = [int(kib) for kib in args.rss_before.split(",")]
    after = [int(kib) for kib in args.rss_after.split(",")]
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "records_generated": args.records,
        "server": "gunicorn config.wsgi, 2 workers x 2 threads, DEBUG off, page cache on, PostgreSQL",
        "wrk": {"threads": 2, "connections": 2, "seconds_per_url": args.seconds, "host": "127.0.0.1"},
        "urls": measured,
        "worker_rss": {
            "requests_between": args.rss_requests,
            "before_kib": before,
            "after_kib": after,
            "growth_kib": [b - a for a, b in zip(before, after, strict=True)],
        },
    }
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print_table(result)


def print_table(result):
    print(
        f"\nLoad, production profile, {result['records_generated']:,} generated records "
        f"(wrk {result['wrk']['threads']} threads / {result['wrk']['connections']} connections, "
        f"{result['wrk']['seconds_per_url']} s per URL)"
    )
    header = (
        f"{'URL':<13} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'req/s ÷ static':>15} {'p50 × static':>13} {'non-2xx':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, row in result["urls"].items():
        print(
            f"{name:<13} {row['requests_per_second']:>9.1f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} "
            f"{row['rps_ratio_to_static']:>15.3f} {row['p50_ratio_to_static']:>13.1f} {row['non_2xx_3xx']:>8}"
        )
    rss = result["worker_rss"]
    mib = lambda kib: ", ".join(f"{k / 1024:.1f}" for k in kib)  # noqa: E731
    print(
        f"\nGunicorn workers' RSS (MiB) before {rss['requests_between']:,} requests: {mib(rss['before_kib'])}; "
        f"after: {mib(rss['after_kib'])}; growth: {mib(rss['growth_kib'])}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    d = commands.add_parser("drive")
    d.add_argument("--base", required=True)
    d.add_argument("--urls", required=True)
    d.add_argument("--requests", type=int, required=True)
    r = commands.add_parser("report")
    for name in ("--urls", "--wrk-dir", "--rss-before", "--rss-after", "--output"):
        r.add_argument(name, required=True)
    for name in ("--records", "--seconds", "--rss-requests"):
        r.add_argument(name, type=int, required=True)
    args = parser.parse_args()
    if args.command == "drive":
        drive(args.base, read_urls(args.urls), args.requests)
    else:
        report(args)


if __name__ == "__main__":
    main()
