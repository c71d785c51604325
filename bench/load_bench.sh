#!/usr/bin/env bash
# Load test of the production profile (issue #14): what a council's server answers under load.
#
#   make bench                  (after the PDF and register benchmarks)
#   bench/load_bench.sh         on its own; BENCH_QUICK=1 for 10,000 records instead of 100,000
#   BENCH_SECONDS=10            seconds of `wrk` per URL (default 10)
#
# Reuses the production check's steps (scripts/production_check.sh): a throwaway PostgreSQL and a
# fresh database, DEBUG off, the page cache on, manifest static files, gunicorn with 2 workers on
# 127.0.0.1. On top of the demo, `generate_records` adds 100,000 records (about 3 minutes), then
# VACUUM ANALYZE. Then, per URL, `wrk` (2 threads, 2 connections, BENCH_SECONDS, loopback only):
# the home page, the register, a search, a record page, its PDF (stored by the demo's worker run),
# the API, and a static file served by the same gunicorn in the same run: the floor each URL is
# compared with (requests per second and p50 as ratios to the static file's). Last, the RSS of each
# gunicorn worker before and after 10,000 more requests spread over those URLs (a leak shows there).
# Writes bench/results/load.json and prints a table (bench/load_report.py). Everything it starts it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/production_check.sh
source scripts/production_check.sh

QUICK=${BENCH_QUICK:-}
case "${QUICK,,}" in 1 | true | yes) RECORDS=10000 ;; *) RECORDS=100000 ;; esac
SECONDS_PER_URL=${BENCH_SECONDS:-10}
RSS_REQUESTS=10000
RESULTS=bench/results/load.json

# The URLs measured, name|path; the static file's path is found in the home page (manifest name).
urls() {
  cat <<LIST
home page|/
register|/decisions/
search|/decisions/?q=innovate
record page|/decisions/cod02-21-22/
record PDF|/decisions/cod02-21-22/pdf/
API|/api/v1/decisions/
static file|$STATIC_PATH
LIST
}

generate() {
  "$PY" manage.py generate_records --decisions "$RECORDS" --per-year 5000 --seed 1
  "$PY" - <<'PY'
import os, psycopg2
conn = psycopg2.connect(os.environ["DATABASE_URL"]); conn.autocommit = True
conn.cursor().execute("VACUUM ANALYZE")
PY
}

worker_pids() {
  ps -o pid= --ppid "$GUNICORN_PID" | tr -d ' ' | sort -n | paste -sd, -
}

rss_kib() {  # rss_kib PID,PID...: VmRSS of each, comma separated
  local out=()
  for pid in ${1//,/ }; do out+=("$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"); done
  local IFS=,
  echo "${out[*]}"
}

measure() {
  local base=$DJANGO_SITE_URL name path
  : >"$WORK/urls.txt"
  STATIC_PATH=$("$PY" -c "import re,sys,urllib.request; print(re.search(r'/static/[^\"]+\.css', urllib.request.urlopen(sys.argv[1]).read().decode())[0])" "$base/")
  # Every URL must answer 200 before it is measured: a 503 PDF or a 404 would measure nothing.
  while IFS='|' read -r name path; do
    "$PY" -c "import sys,urllib.request; urllib.request.urlopen(sys.argv[1]).read()" "$base$path"
    for _ in 1 2 3 4 5; do "$PY" -c "import sys,urllib.request; urllib.request.urlopen(sys.argv[1]).read()" "$base$path"; done
    echo "$name|$path" >>"$WORK/urls.txt"
  done < <(urls)
  local i=0
  while IFS='|' read -r name path; do
    i=$((i + 1))
    echo "   wrk ${SECONDS_PER_URL}s: $name ($path)"
    wrk --threads 2 --connections 2 --duration "${SECONDS_PER_URL}s" --timeout 10s --latency "$base$path" >"$WORK/wrk.$i.txt"
  done <"$WORK/urls.txt"
  WORKERS=$(worker_pids)
  RSS_BEFORE=$(rss_kib "$WORKERS")
  "$PY" bench/load_report.py drive --base "$base" --urls "$WORK/urls.txt" --requests "$RSS_REQUESTS"
  RSS_AFTER=$(rss_kib "$WORKERS")
  [ "$(worker_pids)" = "$WORKERS" ] || { echo "A gunicorn worker was restarted during the run" >&2; return 1; }
}

bench_main() {
  local started=$SECONDS
  ensure_postgres
  create_database
  production_env
  collect_static >"$WORK/collectstatic.log" 2>&1 &
  local collecting=$!
  step "migrate and load the demo" prepare_database
  step "generate_records: $RECORDS records, VACUUM ANALYZE" generate
  step "collectstatic (manifest storage)" wait_for "$collecting" "$WORK/collectstatic.log"
  step "start gunicorn (2 workers)" start_gunicorn "$(free_port)"
  step "wrk per URL, then $RSS_REQUESTS requests for the workers' RSS" measure
  stop_gunicorn
  "$PY" bench/load_report.py report --urls "$WORK/urls.txt" --wrk-dir "$WORK" --records "$RECORDS" \
    --seconds "$SECONDS_PER_URL" --rss-before "$RSS_BEFORE" --rss-after "$RSS_AFTER" \
    --rss-requests "$RSS_REQUESTS" --output "$RESULTS"
  echo "Load benchmark done in $((SECONDS - started)) s"
}

bench_main "$@"
