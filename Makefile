# eenplan — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
EENPLAN := $(BIN)/eenplan
DEMO_INWONERS ?= 20000
# run, demo, bench and test use the development settings (DEBUG on, plain HTTP, no required
# second factor). The plain `eenplan` command and the WSGI application default to the
# production-safe eenplan.conf.settings; see docs/configuration.md.
export DJANGO_SETTINGS_MODULE ?= eenplan.conf.dev

.PHONY: run serve test lint bench bench-berichten bench-schaal fuzz install demo clean help

help:
	@echo "make run    - install, migrate, load the demo municipality, serve http://127.0.0.1:8000"
	@echo "make serve  - like run, but with the production server (gunicorn, $(WORKERS) workers)"
	@echo "make demo   - install, migrate and load the demo municipality (no server)"
	@echo "make test   - install and run the whole test suite (SQLite, or DATABASE_URL)"
	@echo "make lint   - ruff, mypy (the rules strictly, the services), import-linter (layers)"
	@echo "make bench  - benchmarks, results in docs/benchmarks.md"
	@echo "make fuzz   - schemathesis against a demo on loopback; fails on any server error"

# Python 3.11 is the supported line; fall back to python3 when it is 3.11 under another name.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "python3.11 niet gevonden, probeer python3"; }
	@($(PYTHON) --version >/dev/null 2>&1 && $(PYTHON) -m venv $(VENV)) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed

run: demo
	$(EENPLAN) runserver 127.0.0.1:8000

# The production server on the demo: gunicorn with WORKERS processes (static files through
# WhiteNoise). For a real deployment see docs/deploy-postgresql.md.
WORKERS ?= 3
serve: demo
	$(EENPLAN) collectstatic --noinput -v 0
	$(BIN)/gunicorn eenplan.conf.wsgi --bind 127.0.0.1:8000 --workers $(WORKERS) --access-logfile -

demo: install
	$(EENPLAN) migrate --noinput
	$(EENPLAN) demo --inwoners $(DEMO_INWONERS) --if-empty
	$(EENPLAN) demo_logins

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache  # the dependency direction (pyproject [tool.importlinter])

bench: install
	$(BIN)/python -m eenplan.bench
	$(BIN)/python -m eenplan.bench_berichten
	@if [ -n "$$BENCH_SCHAAL_DATABASES" ]; then $(MAKE) bench-schaal; fi

# The staff pages at two sizes side by side, each against its floor (one hand-written query),
# on PostgreSQL demo databases (docs/benchmarks.md):
#   BENCH_SCHAAL_DATABASES="100k=postgres://…/eenplan_100k 1M=postgres://…/eenplan_1m"
# and the bounded load test on loopback at each size (gunicorn, LAST_CLIENTS for LAST_SECONDS).
bench-schaal: install
	$(BIN)/python -m eenplan.bench_schaal --schrijf
	$(BIN)/python -m eenplan.bench_last --schrijf

# Only the message traffic: 10,000 incoming iWmo/iJw messages kept, processed and answered.
bench-berichten: install
	$(BIN)/python -m eenplan.bench_berichten

# Hostile input: schemathesis over the OpenAPI schema of a small demo (var/fuzz) on a free
# loopback port; FUZZ_SECONDS bounds the run (default 600). See docs/security.md.
fuzz: install
	$(BIN)/python -m eenplan.fuzz

clean:
	rm -rf $(VENV) node_modules var
