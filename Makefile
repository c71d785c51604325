# Two commands: `make run` and `make test`. Everything else is here for maintainers.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt 2>/dev/null | cksum | cut -d' ' -f1)
# The test run's environment: plain HTTP on the live server, plain static files (manifest
# storage would hide the CSS from axe), a throwaway secret, tasks run in the request (the worker's
# own tests switch to the database queue).
TEST_ENV := DJANGO_SECRET_KEY=insecure-test-key-for-the-test-suite-only-0123456789abcdef \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false DJANGO_PLAIN_STATIC=true \
	DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1,testserver \
	DJANGO_TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend DJANGO_BENCH_TOOLS=true

# The suite runs on every core (pytest-xdist; each worker has its own test database and browser),
# a file at a time, longest first (tests/conftest.py orders them; xdist would sort them by size).
PYTEST_WORKERS ?= auto

.PHONY: run test test-sqlite test-postgres test-production install migrate demo assets lock lint bench clean

$(STAMP): requirements/dev.txt
	@PYTHON_BIN=$$(scripts/find_python.sh) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $$PYTHON_BIN"; "$$PYTHON_BIN" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput

# The demo's stored PDFs and every absolute link (feeds, API, emails) name the port served on,
# unless DJANGO_SITE_URL says otherwise.
RUN_ENV := DJANGO_DEBUG=true PORT=$(PORT) DJANGO_SITE_URL="$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)}"

demo: migrate
	$(RUN_ENV) $(PY) manage.py load_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite. When DATABASE_URL points at PostgreSQL (CI), the whole suite runs there,
# on the engine that ships, and SQLite runs only the tests the engine can change: tests marked
# engine_independent (browser tests, tests without the database; tests/conftest.py marks them)
# would do the same thing twice.
test: install
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
	  $(MAKE) --no-print-directory test-sqlite PYTEST_MARKERS="not engine_independent" && \
	  $(MAKE) --no-print-directory test-postgres; \
	else $(MAKE) --no-print-directory test-sqlite && \
	  echo "DATABASE_URL is not a PostgreSQL URL: the PostgreSQL run was skipped (.ci/run starts one)."; fi

# PYTEST_MARKERS: a marker expression (-m), e.g. "not browser"; empty runs every test.
test-sqlite: install
	@echo "== Test suite on SQLite$(if $(PYTEST_MARKERS), ($(PYTEST_MARKERS))) =="
	env -u DATABASE_URL $(TEST_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(if $(PYTEST_MARKERS),-m "$(PYTEST_MARKERS)") $(PYTEST_ARGS)

test-postgres: install
	@echo "== Test suite on PostgreSQL =="
	env $(TEST_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(if $(PYTEST_MARKERS),-m "$(PYTEST_MARKERS)") $(PYTEST_ARGS)

# The configuration that ships: gunicorn with DEBUG off, the page cache on and manifest static files,
# on a fresh PostgreSQL database (DATABASE_URL's server, or a throwaway one it starts), crawled as the
# public and every demo account (any 5xx fails), then every page through the W3C Nu HTML checker.
test-production: install node_modules/vnu-jar/build/dist/vnu.jar
	scripts/production_check.sh

node_modules/vnu-jar/build/dist/vnu.jar: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts  # the jar only: Java comes from the system

# The production profile on this machine: gunicorn and the task worker against the configured
# database (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL...; see docs/deploy.md).
.PHONY: serve backup
serve: install
	scripts/serve.sh

# The database and the private files into backups/<time> (or BACKUP_DIR); restore with
# `manage.py restore DIR` (docs/deploy.md).
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--to "$(BACKUP_DIR)")

assets:
	scripts/build_assets.sh

lock:
	$(PY) -m pip install --quiet pip-tools
	cd requirements && ../$(PY) -m piptools compile -q --strip-extras --no-emit-find-links --no-emit-index-url base.in -o base.txt
	cd requirements && ../$(PY) -m piptools compile -q --strip-extras --no-emit-find-links --no-emit-index-url dev.in -o dev.txt

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check --exclude "*/migrations/*" .

# Render and serve times of the record's PDF (bench/pdf_bench.py): a fresh temporary database with
# the demo loaded; prints a table and writes bench/results/pdf.json. Then the public register at
# 1,000 and 100,000 records (bench/register_bench.py) on a throwaway PostgreSQL it starts and stops
# itself (scripts/pg_throwaway.sh; about 8 minutes; BENCH_QUICK=1 stops at 10,000 records);
# prints tables and writes bench/results/register.json. Last, a load run of the production profile
# (bench/load_bench.sh: gunicorn, PostgreSQL with 100,000 records, wrk on 127.0.0.1; 17 minutes on a
# busy shared 2-core machine, most of it generate_records; BENCH_QUICK=1 for 10,000 records);
# prints a table and writes bench/results/load.json.
bench: install
	env -u DATABASE_URL DJANGO_DEBUG=true $(PY) bench/pdf_bench.py
	env -u DATABASE_URL DJANGO_BENCH_TOOLS=true $(PY) bench/register_bench.py
	env -u DATABASE_URL DJANGO_BENCH_TOOLS=true PY=$(PY) bench/load_bench.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
