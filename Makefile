# One target per routine job. `make run` and `make test` do all set-up themselves.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Debian packages the tests need: a real browser, qpdf for `qpdf --check`, poppler for previews;
# plus a Java runtime for the HTML checker (vnu.jar from npm).
SYSTEM_PACKAGES := chromium qpdf poppler-utils gettext libharfbuzz-subset0
# Tests run in a random order (pytest-randomly; the seed is printed at the top, repeat an order
# with `make test PYTEST_ARGS=-p\ randomly\ --randomly-seed=N`) so that a test depending on
# what ran before it shows up here; CI (CI=true) keeps the file order.
PYTEST_ORDER := $(if $(filter true,$(CI)),-p no:randomly,)
PYTEST_ARGS ?=

PORT ?= 8000

.PHONY: setup test-tools run test test-fast e2e coverage lint format messages system-deps check-deploy bench-pdf bench-load bench-caseload clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

## setup: idempotent: .venv from uv.lock, compiled messages, migrated SQLite/PostgreSQL database
setup: $(UV)
	$(UV) sync --locked --quiet
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools --ignore=node_modules -v 0
	$(MANAGE) migrate --noinput -v 0

## test-tools: what only the tests need: the HTML checker from package-lock.json (npm)
test-tools: node_modules/.package-lock.json

## run: the app on http://127.0.0.1:$(PORT) (SQLite, no environment variables needed);
## another port: make run PORT=8080
run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## system-deps: Debian packages for the browser and PDF checks (root on Debian; else prints them)
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "The tests need these Debian packages, installing them now with apt-get:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install these Debian packages:$$missing"; fi; \
	fi

## test: the whole suite (unit, PostgreSQL when DATABASE_URL points there, PDFs, real browser)
test: system-deps setup test-tools
	$(VENV)/bin/pytest $(PYTEST_ORDER) $(PYTEST_ARGS)

test-fast: setup test-tools
	$(VENV)/bin/pytest $(PYTEST_ORDER) -m "not browser" $(PYTEST_ARGS)

e2e: system-deps setup test-tools
	$(VENV)/bin/pytest $(PYTEST_ORDER) -m browser $(PYTEST_ARGS)

## coverage: the fast suite under coverage (lines and branches, the sandbox children and the
## commands included); the report per file, then per app
coverage: setup test-tools
	rm -f .coverage .coverage.*
	$(VENV)/bin/coverage run -m pytest -p no:randomly -m "not browser" -q $(PYTEST_ARGS)
	$(VENV)/bin/coverage combine -q
	$(VENV)/bin/coverage report

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## messages: refresh the .po files from the source strings (then translate, then commit)
messages: setup
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=.tools --ignore=node_modules --ignore=tests --ignore=scripts --no-obsolete
	$(PY) scripts/po_fill.py

check-deploy: setup
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(head -c 48 /dev/urandom | base64)" DJANGO_ALLOWED_HOSTS=aid.example.nl \
	DJANGO_ENCRYPTION_KEYS="$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
	DJANGO_SEARCH_INDEX_KEY="$$(head -c 32 /dev/urandom | base64)" DJANGO_KEK_DIR=var/keys \
	DJANGO_SECURE_SSL_REDIRECT=1 DJANGO_SECURE_COOKIES=1 DJANGO_HSTS_SECONDS=31536000 \
	DJANGO_HSTS_INCLUDE_SUBDOMAINS=1 DJANGO_HSTS_PRELOAD=1 \
	$(MANAGE) check --deploy --fail-level WARNING

## bench-pdf: PDF render time per document kind (warm/cold median and p95) and peak memory
bench-pdf: setup
	$(PY) scripts/bench_pdf.py

## bench-load: the app as in production (gunicorn, DJANGO_DEBUG=0, PostgreSQL on 127.0.0.1) under
## 50 people walking the whole journey for 60 s, loopback only; prints p50/p95/p99 per kind of step
bench-load: setup
	$(PY) scripts/bench_load.py

## bench-caseload: one organisation in PostgreSQL at 1,000 / 10,000 / 100,000 cases; the lead's
## case list, next page, name search and audit log, warm p50/p95, and the 100k/1k ratios
bench-caseload: setup
	$(PY) scripts/bench_caseload.py

clean:
	rm -rf .venv .tools staticfiles var db.sqlite3
