# Min integration — `make help` lists the commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app app
STAMPS := .make-stamps
PORT ?= 5000
OIDC_PORT ?= 9400
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=
# The calendar's awkward days for `make test-dates`, as Danish wall-clock times (ISO 8601, the
# time without a colon so make can name a target after it): 29 February; the Sunday summer time
# starts in Europe/Copenhagen (a 23-hour day); the Sunday it ends, which is also the last day of
# a 31-day month (a 25-hour day); New Year's Eve at 23:30, when 'tomorrow' and 'this week' are
# next year; and a Monday three years from now.
TEST_DATES ?= 2028-02-29T1000 2027-03-28T1000 2027-10-31T1000 2027-12-31T2330 2029-12-03T1000

.PHONY: help run test test-sqlite test-postgres install assets db seed i18n-extract i18n-update \
        i18n-compile i18n-check lint bench-rules system-deps clean lighthouse page-weight bench-caseworker security-check serve-prod bench soak \
        test-dates

help: ## list the commands
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 18

$(STAMPS):
	@mkdir -p $(STAMPS)

$(STAMPS)/venv: pyproject.toml | $(STAMPS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMPS)/venv $(STAMPS)/npm ## create the venv and install Python and npm dependencies

static/dist/manifest.json: $(STAMPS)/npm $(wildcard static/src/*) scripts/build_assets.mjs
	npm run --silent build

assets: static/dist/manifest.json ## build CSS (dkfds subset, RTL) and fonts into static/dist

i18n-extract: $(STAMPS)/venv ## extract messages into translations/messages.pot
	$(PY) scripts/i18n.py extract

i18n-update: $(STAMPS)/venv ## merge messages.pot into every locale's catalogue
	$(PY) scripts/i18n.py update

i18n-compile: $(STAMPS)/venv ## compile the catalogues (.mo)
	$(PY) scripts/i18n.py compile >/dev/null

i18n-check: $(STAMPS)/venv ## fail on stale .pot, untranslated, fuzzy or placeholder-broken entries
	$(PY) scripts/i18n.py check

db: $(STAMPS)/venv ## apply the database migrations (SQLite in instance/ unless DATABASE_URL)
	$(FLASK) db upgrade

seed: db ## add the 98 municipalities and the demo personas
	$(FLASK) seed demo

run: install assets i18n-compile seed ## start the portal on :5000 and the dev OIDC provider on :9400
	PORT=$(PORT) OIDC_PORT=$(OIDC_PORT) PY=$(PY) scripts/run_dev.sh

serve-prod: install assets i18n-compile ## gunicorn with PostgreSQL and Redis from the environment (see scripts/serve_prod.sh)
	scripts/serve_prod.sh

DEBIAN_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core
system-deps: ## Debian packages the tests need: chromium; pango and Noto fonts for PDFs
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

security-check: $(STAMPS)/venv ## bandit (no high findings) and our semgrep rules (offline)
	$(VENV)/bin/bandit -q -r portal -lll
	$(VENV)/bin/semgrep scan --config .semgrep/rules.yml --metrics=off --disable-version-check \
	  --error --quiet portal templates
	$(VENV)/bin/semgrep scan --config .semgrep/clock.yml --metrics=off --disable-version-check \
	  --error --quiet portal scripts tests

test: install assets i18n-compile system-deps i18n-check security-check lint ## lint, then the whole suite on SQLite and PostgreSQL and the dated tests (test-dates)
	@# both databases and the dated runs at once (each waits on its database, browser and OIDC
	@# provider much of the time); each suite's output is printed whole when it ends
	$(MAKE) --no-print-directory -j3 --output-sync=target test-sqlite test-postgres test-dates

test-dates: $(STAMPS)/venv ## the date-dependent tests (marker `dates`) with the clock on each of TEST_DATES
	@# one day after the other on SQLite (in parallel only with jobs the caller's -j allows)
	$(MAKE) --no-print-directory --output-sync=target $(addprefix test-date-,$(TEST_DATES))

test-date-%:
	@echo "== dated tests with the clock at $* (Europe/Copenhagen) =="
	PORTAL_ENV=test DATABASE_URL= PORTAL_TEST_NOW=$* $(PY) -m pytest -q -m "dates and not browser" \
	  -p no:logging $(PYTEST_ARGS)

test-sqlite:
	@echo "== tests on SQLite =="
	PORTAL_ENV=test DATABASE_URL= $(PY) -m pytest $(PYTEST_ARGS)

test-postgres:
	@echo "== tests on PostgreSQL =="
	PORTAL_ENV=test DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMPS)/venv ## ruff and mypy (strict on the rule module)
	$(VENV)/bin/ruff check portal tests scripts
	$(VENV)/bin/mypy

lighthouse: $(STAMPS)/venv ## Lighthouse mobile scores of the start page in da and ar (needs `make run`)
	$(PY) scripts/lighthouse.py /citizen/

page-weight: install assets i18n-compile system-deps ## first-visit page weight (gzip) against the budgets
	PORTAL_ENV=test $(PY) -m pytest tests/browser/test_page_weight.py -q -s -p no:logging

bench: install assets i18n-compile ## all benchmarks: rules, caseload/overview, server throughput (wrk)
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m portal.rules.bench
	$(PY) scripts/bench_caseworker.py
	$(PY) scripts/bench_server.py

soak: install assets i18n-compile ## load and fault suite: 200 users, 2 min, worker SIGKILL, PostgreSQL restart
	$(PY) scripts/soak.py

bench-caseworker: $(STAMPS)/venv ## caseload/overview server time and SQL counts (5,000 citizens, PostgreSQL)
	$(PY) scripts/bench_caseworker.py

bench-rules: $(STAMPS)/venv ## rule module benchmark (evaluations per second, p95 with trace)
	$(PY) -m portal.rules.bench

clean: ## remove the venv, node_modules, built assets and the SQLite database
	rm -rf $(VENV) node_modules static/dist $(STAMPS) instance
