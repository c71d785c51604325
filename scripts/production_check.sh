#!/usr/bin/env bash
# The configuration that ships, exercised end to end (`make test-production`; CI runs it after
# `make test`): on a fresh PostgreSQL database it migrates, loads the demo, collects the static
# files into the manifest storage, starts gunicorn with DEBUG off and the page cache on, crawls it
# as the public and as every demo account (tests/production/crawl.py: GET and HEAD, fails on any
# 5xx), and runs the W3C Nu HTML checker over every page it got (and over the pages the browser
# tests saved in test-artifacts/html/browser, when there are some).
#
# DATABASE_URL must be a PostgreSQL server we may create a database on (.ci/run's throwaway one);
# without it the script starts a throwaway PostgreSQL itself. Everything it starts it stops.
#
# The steps are functions so other checks can reuse them, e.g. `start_gunicorn` then more requests.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
ARTIFACTS=${ARTIFACTS:-test-artifacts}
HTML_DIR="$ARTIFACTS/html/production"
BROWSER_HTML_DIR="$ARTIFACTS/html/browser"
VNU_JAR=${VNU_JAR:-node_modules/vnu-jar/build/dist/vnu.jar}
WORK=$(mktemp -d /tmp/production-check.XXXXXX)
GUNICORN_PID=""
PG_STARTED_DIR=""
CHECK_DB=""

cleanup() {
  stop_gunicorn
  drop_database
  [ -n "$PG_STARTED_DIR" ] && scripts/pg_throwaway.sh stop "$PG_STARTED_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # so that the EXIT trap runs when the check is interrupted

free_port() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A PostgreSQL to use: DATABASE_URL's server, or a throwaway one started (and stopped) here.
ensure_postgres() {
  if [[ "${DATABASE_URL:-}" != postgres* ]]; then
    eval "$(scripts/pg_throwaway.sh start)"
    PG_STARTED_DIR=$PG_THROWAWAY_DIR
    echo "Started a throwaway PostgreSQL: $DATABASE_URL"
  fi
}

# A fresh database on that server; DATABASE_URL points at it from here on.
create_database() {
  CHECK_DB="production_check_$(date +%s)_$$"
  SERVER_URL=$DATABASE_URL
  "$PY" - "$SERVER_URL" "$CHECK_DB" <<'EOF'
import sys, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
conn.cursor().execute(f'CREATE DATABASE "{sys.argv[2]}"')
EOF
  export DATABASE_URL="${SERVER_URL%/*}/$CHECK_DB"
}

drop_database() {
  [ -z "$CHECK_DB" ] && return 0
  "$PY" - "$SERVER_URL" "$CHECK_DB" <<'EOF' || true
import sys, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
conn.cursor().execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
EOF
  CHECK_DB=""
}

# The production environment: DEBUG off, page cache on (the default), manifest static files, plain
# HTTP on loopback only (no TLS here, so no HTTPS redirect and no Secure cookies).
production_env() {
  export DJANGO_DEBUG=false
  export DJANGO_SECRET_KEY="production-check-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export DJANGO_ALLOWED_HOSTS=127.0.0.1
  export DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false
  export DJANGO_MEDIA_ROOT="$WORK/media"
  unset DJANGO_PLAIN_STATIC DJANGO_PUBLIC_PAGE_CACHE_SECONDS
}

prepare_database() {
  "$PY" manage.py migrate --noinput -v 0
  # The demo loader refuses to run without DEBUG (it creates accounts with a known password).
  DJANGO_DEBUG=true "$PY" manage.py load_demo >"$WORK/demo.txt"
  grep -c "^  " "$WORK/demo.txt" | xargs echo "Demo loaded; accounts:"
}

collect_static() {
  "$PY" manage.py collectstatic --noinput --clear -v 0
}

# wait_for PID LOG: waits for a background step; on failure shows its log.
wait_for() {
  wait "$1" || { cat "$2" >&2; return 1; }
}

# start_gunicorn PORT [extra gunicorn arguments]: serves config.wsgi on 127.0.0.1:PORT, waits until
# it answers; its log is $WORK/gunicorn.log.
start_gunicorn() {
  local port=$1
  shift
  export DJANGO_SITE_URL="http://127.0.0.1:$port"
  "$PY" -m gunicorn config.wsgi --bind "127.0.0.1:$port" --workers 2 --threads 2 \
    --access-logfile "$WORK/access.log" --error-logfile "$WORK/gunicorn.log" "$@" 2>>"$WORK/gunicorn.log" &
  GUNICORN_PID=$!
  for _ in $(seq 1 100); do
    if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/robots.txt', timeout=2)" 2>/dev/null; then
      echo "gunicorn is serving http://127.0.0.1:$port (pid $GUNICORN_PID)"
      return 0
    fi
    kill -0 "$GUNICORN_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "gunicorn did not start:" >&2
  cat "$WORK/gunicorn.log" >&2
  return 1
}

stop_gunicorn() {
  [ -z "$GUNICORN_PID" ] && return 0
  kill "$GUNICORN_PID" 2>/dev/null || true
  wait "$GUNICORN_PID" 2>/dev/null || true
  GUNICORN_PID=""
}

crawl() {
  rm -rf "$HTML_DIR"
  "$PY" tests/production/crawl.py --base "$DJANGO_SITE_URL" --accounts "$WORK/demo.txt" --html-dir "$HTML_DIR" || {
    echo "gunicorn's error log:" >&2
    tail -50 "$WORK/gunicorn.log" >&2
    return 1
  }
}

# validate_html DIR...: the W3C Nu HTML checker over every .html file in the directories; 0 errors.
validate_html() {
  if [ ! -f "$VNU_JAR" ]; then
    echo "The W3C Nu checker is not installed ($VNU_JAR): run npm ci." >&2
    return 1
  fi
  local dirs=()
  for d in "$@"; do
    compgen -G "$d/*.html" >/dev/null && dirs+=("$d")
  done
  [ ${#dirs[@]} -eq 0 ] && { echo "No HTML to validate." >&2; return 1; }
  echo "W3C Nu checker: $(find "${dirs[@]}" -name '*.html' | wc -l) pages (${dirs[*]})"
  java -jar "$VNU_JAR" --errors-only --skip-non-html "${dirs[@]}"
  echo "W3C Nu checker: no errors"
}

# step NAME COMMAND...: runs it and says how long it took.
step() {
  local name=$1 started=$SECONDS
  shift
  echo "== $name"
  "$@"
  echo "   ($((SECONDS - started)) s)"
}

main() {
  local started=$SECONDS
  ensure_postgres
  create_database
  production_env
  # collectstatic needs no database: it runs beside the migrations.
  collect_static >"$WORK/collectstatic.log" 2>&1 &
  local collecting=$!
  step "migrate and load the demo" prepare_database
  step "collectstatic (manifest storage)" wait_for "$collecting" "$WORK/collectstatic.log"
  step "start gunicorn" start_gunicorn "$(free_port)"
  step "crawl as the public and every demo account" crawl
  stop_gunicorn
  step "W3C Nu HTML checker" validate_html "$HTML_DIR" "$BROWSER_HTML_DIR"
  echo "Production check passed in $((SECONDS - started)) s"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
