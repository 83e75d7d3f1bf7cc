# Dagsorden: `make demo` serves a demo municipality, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test test-sqlite test-postgres lint format messages clean browser-deps system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dagsorden demo

test: system-deps lint test-sqlite test-postgres

# WeasyPrint (PDF documents) needs Pango and the fonts the document styles name.
# Quick when they are present; installs them with apt-get otherwise.
# Redis: the broker the queue test starts a real worker on.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation redis-server
system-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
		echo "Not a Debian system: make sure Pango and fonts are installed for WeasyPrint."; \
		exit 0; fi; \
	missing=""; for package in $(SYSTEM_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "Installing:$$missing"; \
			apt-get update -qq && apt-get install -y --no-install-recommends $$missing; \
		else echo "Please install:$$missing (needed by WeasyPrint)"; exit 1; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check dagsorden tests bench
	$(BIN)/ruff format --check dagsorden tests bench

# Browser tests (axe-core in Chromium via Playwright): Debian's Chromium and node_modules.
browser-deps: node_modules/.package-lock.json
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# ensure-redis.sh: 0 reachable, 1 unreachable (the queue test skips), 2 unreachable under CI.
test-sqlite: $(STAMP) browser-deps
	@scripts/ensure-redis.sh; [ $$? -ne 2 ]
	DATABASE_URL= $(BIN)/pytest

# ensure-postgres.sh: 0 reachable, 1 unreachable (skip locally), 2 unreachable under CI.
test-postgres: $(STAMP)
	@scripts/ensure-postgres.sh "$(PG_URL)"; status=$$?; \
	if [ $$status -eq 0 ]; then scripts/ensure-redis.sh; [ $$? -ne 2 ] || exit 2; \
		DATABASE_URL="$(PG_URL)" $(BIN)/pytest; \
	elif [ $$status -eq 1 ]; then echo "PostgreSQL is not reachable: PostgreSQL run skipped."; \
	else exit $$status; fi

format: $(STAMP)
	$(BIN)/ruff check --fix dagsorden tests bench
	$(BIN)/ruff format dagsorden tests bench

messages: $(STAMP)
	cd dagsorden && ../$(BIN)/dagsorden makemessages -l en --no-obsolete
	cd dagsorden && ../$(BIN)/dagsorden compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
