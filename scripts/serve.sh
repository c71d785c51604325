#!/usr/bin/env bash
# The production profile on a bare machine (`make serve`): migrations, static files, then gunicorn
# and the task worker side by side against the configured database. Ctrl+C stops both; if either
# dies, the other is stopped too, so a supervisor (systemd) sees the failure and restarts.
# Configuration is the environment, as in production: see docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
BIN=$(dirname "$PY")
: "${DJANGO_SECRET_KEY:?is not set: production needs it (and DJANGO_ALLOWED_HOSTS, DATABASE_URL); see docs/deploy.md}"

"$PY" manage.py check --deploy --fail-level ERROR
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput -v 0

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

if [ "$("$PY" manage.py shell --no-imports -c 'from django.conf import settings; print(settings.TASKS_IN_WORKER)')" = True ]; then
  "$PY" manage.py db_worker --no-reload &
  pids+=($!)
fi
"$BIN/gunicorn" config.wsgi \
  --bind "${BIND:-127.0.0.1:${PORT:-8000}}" \
  --workers "${WEB_CONCURRENCY:-2}" \
  --timeout "${GUNICORN_TIMEOUT:-60}" \
  --access-logfile - &
pids+=($!)
wait -n
