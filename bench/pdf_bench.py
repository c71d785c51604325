"""Benchmark of the record as a PDF (issue #4): rendering it, and serving the stored file.

    make bench        (DJANGO_DEBUG=true, a fresh temporary SQLite database with the demo loaded)

Reports, in one run on this machine:
- the median and p95 time to render COD02 21/22's public PDF, next to the median render of a
  one-paragraph WeasyPrint page (what WeasyPrint costs before the record's own layout);
- the median time to serve the stored PDF through Django's test Client, next to serving a static
  file (/static/css/council.css) through the same client and WhiteNoise.

Prints a table and writes bench/results/pdf.json.
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pdf.json"
RENDERS = int(os.environ.get("BENCH_RENDERS", "10"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))


def _environment(workdir):
    os.environ["DJANGO_DEBUG"] = "true"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _timed(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def _summary(times):
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"runs": len(times), "median_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000}


def main():
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        _environment(Path(tmp))
        import pypdf
        from django.core.management import call_command
        from django.test import Client
        from weasyprint import HTML

        from decisions import documents
        from decisions.models import Decision

        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", "--quiet-accounts", stdout=io.StringIO())
        record = Decision.objects.get(reference="COD02 21/22")
        pages = len(pypdf.PdfReader(io.BytesIO(documents.render_decision_pdf(record, public=True))).pages)

        paragraph = "<!doctype html><html lang='en-GB'><title>One paragraph</title><p>One paragraph of text.</p></html>"
        baseline = _timed(lambda: HTML(string=paragraph).write_pdf(pdf_variant="pdf/ua-1"), RENDERS)
        record_renders = _timed(lambda: documents.render_decision_pdf(record, public=True), RENDERS)

        client = Client()
        pdf_url = f"/decisions/{record.reference_slug}/pdf/"
        static_url = "/static/css/council.css"

        def get(url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return b"".join(response.streaming_content) if response.streaming else response.content

        get(pdf_url), get(static_url)  # warm up: URL resolver, storage, WhiteNoise's file index
        serve_pdf = _timed(lambda: get(pdf_url), REQUESTS)
        serve_static = _timed(lambda: get(static_url), REQUESTS)

        results = {
            "record": record.reference,
            "record_pdf_bytes": record.public_pdf_size,
            "render_record_pdf": _summary(record_renders),
            "render_one_paragraph": _summary(baseline),
            "serve_stored_pdf": _summary(serve_pdf),
            "serve_static_file": _summary(serve_static),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")

    rows = [
        (f"render {results['record']} public PDF", results["render_record_pdf"]),
        ("render a one-paragraph page", results["render_one_paragraph"]),
        ("serve the stored PDF (test Client)", results["serve_stored_pdf"]),
        ("serve /static/css/council.css (same)", results["serve_static_file"]),
    ]
    print(f"{'measure':<40} {'runs':>5} {'median ms':>10} {'p95 ms':>9}")
    for label, summary in rows:
        print(f"{label:<40} {summary['runs']:>5} {summary['median_ms']:>10.1f} {summary['p95_ms']:>9.1f}")
    print(f"({results['record_pdf_bytes']:,} bytes, {pages} pages; written to {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
