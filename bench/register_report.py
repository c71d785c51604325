"""The register benchmark's pages, targets and report (bench/register_bench.py runs it): each page's
times at both scales compared with the floor's and with each other, as rows and as a table."""

FLOOR_TARGET, GROWTH_TARGET = 3.0, 1.5

PAGES = [
    ("register, first page", "/decisions/"),
    ("search 'innovate'", "/decisions/?q=innovate"),
    ("filtered: not key, urgent", "/decisions/?key_decision=no&urgent=yes"),
    ("record page", "/decisions/cod02-21-22/"),
    ("CSV, one month", "/decisions/download.csv?decided_from=2026-03-01&decided_to=2026-03-31"),
    ("Atom feed", "/decisions/feed.atom"),
    ("floor (bench/urls.py)", "/bench/floor/"),
]
FLOOR = "floor (bench/urls.py)"


def ratio(a, b):
    return a / b if a and b else None


def analyse(results, small_key, large_key, pages_key="pages"):
    small, large = results["scales"][small_key][pages_key], results["scales"][large_key][pages_key]
    floor_small, floor_large = small[FLOOR].get("median_ms"), large[FLOOR].get("median_ms")
    rows = []
    for name, url in PAGES:
        s, lg = small.get(name, {}), large.get(name, {})
        if s.get("missing") or lg.get("missing"):
            rows.append({"page": name, "url": url, "missing": True})
            continue
        if s.get("not_cached") or lg.get("not_cached"):
            rows.append({"page": name, "url": url, "not_cached": True})
            continue
        row = {
            "page": name,
            "url": url,
            "median_ms": [s["median_ms"], lg["median_ms"]],
            "p95_ms": [s["p95_ms"], lg["p95_ms"]],
            "x_floor": [ratio(s["median_ms"], floor_small), ratio(lg["median_ms"], floor_large)],
            "growth": ratio(lg["median_ms"], s["median_ms"]),
            # The same, less what the whole machine slowed down by (the floor's own growth).
            "growth_vs_floor": ratio(ratio(lg["median_ms"], s["median_ms"]), ratio(floor_large, floor_small)),
            "full_gc_share": [s.get("full_gc_share"), lg.get("full_gc_share")],
            "queries": [s["queries"], lg["queries"]],
            "bytes": [s["bytes"], lg["bytes"]],
        }
        flags = []
        if name != FLOOR:
            if row["x_floor"][1] and row["x_floor"][1] > FLOOR_TARGET:
                flags.append(f">{FLOOR_TARGET:g}x floor")
            if row["growth"] and row["growth"] > GROWTH_TARGET:
                flags.append(f"grows >{GROWTH_TARGET:g}x")
            if s["queries"] != lg["queries"]:
                flags.append("queries grow")
        row["flags"] = flags
        rows.append(row)
    return rows


def table(rows, small_label, large_label, title):
    head = (
        f"{'page':<27} {'med ' + small_label:>9} {'p95 ' + small_label:>9} {'med ' + large_label:>10} "
        f"{'p95 ' + large_label:>10} {'xfloor ' + small_label:>11} {'xfloor ' + large_label:>12} {'growth':>7} "
        f"{'g/floor':>8} {'queries':>8} {'KB ' + small_label:>8} {'KB ' + large_label:>9} {'GC':>4}  flags"
    )
    lines = [title, head, "-" * len(head)]
    for row in rows:
        if row.get("missing"):
            lines.append(f"{row['page']:<27} missing: {row['url']} does not exist (yet)")
            continue
        if row.get("not_cached"):
            lines.append(f"{row['page']:<27} not served from the page cache (timed in the table above)")
            continue
        (ms, ml), (ps, pl), (fs, fl) = row["median_ms"], row["p95_ms"], row["x_floor"]
        queries = f"{row['queries'][0]}/{row['queries'][1]}"
        lines.append(
            f"{row['page']:<27} {ms:>9.1f} {ps:>9.1f} {ml:>10.1f} {pl:>10.1f} {fs:>11.2f} {fl:>12.2f} "
            f"{row['growth']:>7.2f} {row['growth_vs_floor']:>8.2f} {queries:>8} {row['bytes'][0] / 1024:>8.1f} "
            f"{row['bytes'][1] / 1024:>9.1f} {100 * (row['full_gc_share'][1] or 0):>3.0f}%  "
            f"{', '.join(row['flags']) or 'ok'}"
        )
    return "\n".join(lines)


def label(n):
    return f"{n // 1000}k"
