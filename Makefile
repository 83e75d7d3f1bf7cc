# Dagsorden: `make demo` serves a demo municipality, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test test-sqlite test-postgres test-replica test-oparl-client lint format messages clean browser-deps system-deps oparl-client-deps bench-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dagsorden demo

test: system-deps lint test-sqlite test-postgres test-replica test-oparl-client

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

# The benchmarks under bench/: wrk puts 32 concurrent connections on the portal.
BENCH_PACKAGES := wrk
bench-deps: $(STAMP)
	@missing=""; for package in $(BENCH_PACKAGES); do \
		command -v $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && apt-get install -y --no-install-recommends $$missing; \
	fi

# The real OParl client: Meine Stadt Transparent from PyPI in its own virtualenv (it pins
# Django 4.0; pip before 24.1 still reads its dependencies' old metadata; numpy before 2
# for its geo libraries), with a migrated SQLite template so each run starts in seconds.
# Its importer loads ImageMagick (Wand) for document thumbnails, hence libmagickwand.
CLIENT_VENV := .venv-oparl-client
CLIENT_STAMP := $(CLIENT_VENV)/.installed-mst-0.2.14
CLIENT_PACKAGES := default-libmysqlclient-dev pkg-config gcc libpq-dev python3-dev libmagickwand-6.q16-6
CLIENT_ENV := REAL_HOST=127.0.0.1 SECRET_KEY=template ELASTICSEARCH_ENABLED=False NO_LOG_FILES=True

oparl-client-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
		echo "Not a Debian system: install the MySQL/PostgreSQL client headers and a C compiler."; \
		exit 0; fi; \
	missing=""; for package in $(CLIENT_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && apt-get install -y --no-install-recommends $$missing; \
	fi

$(CLIENT_STAMP):
	$(MAKE) oparl-client-deps
	rm -rf $(CLIENT_VENV)
	$(PYTHON) -m venv $(CLIENT_VENV)
	$(CLIENT_VENV)/bin/python -m pip install --quiet 'pip<24.1'
	$(CLIENT_VENV)/bin/python -m pip install --quiet 'meine-stadt-transparent==0.2.14' 'numpy<2'
	cd $(CLIENT_VENV) && $(CLIENT_ENV) DATABASE_URL=sqlite:///$$PWD/mst-template.sqlite3 \
		bin/mst-manage migrate -v0 >/dev/null
	touch $(CLIENT_STAMP)

test-oparl-client: $(STAMP) oparl-client-deps $(CLIENT_STAMP)
	DATABASE_URL= DAGSORDEN_OPARL_CLIENT=$(CURDIR)/$(CLIENT_VENV) $(BIN)/pytest tests/oparl_client -p no:randomly

format: $(STAMP)
	$(BIN)/ruff check --fix dagsorden tests bench
	$(BIN)/ruff format dagsorden tests bench

messages: $(STAMP)
	cd dagsorden && ../$(BIN)/dagsorden makemessages -l en --no-obsolete
	cd dagsorden && ../$(BIN)/dagsorden compilemessages

clean:
	rm -rf $(VENV) $(CLIENT_VENV) var .pytest_cache .ruff_cache

# The portal and replica tests against a real streaming replica of the local PostgreSQL
# (scripts/pg-replica.sh: base backup into a temp dir, hot standby on REPLICA_PORT).
# pg-replica.sh start: 0 running, 1 not possible here (skipped, loudly), 2 not possible
# under CI (fails).
# The browser tests are left out: they run in the SQLite pass only. The port lies below
# the kernel's ephemeral range, so a busy machine's client sockets cannot hold it.
REPLICA_PORT ?= 25432
test-replica: $(STAMP)
	@scripts/ensure-postgres.sh "$(PG_URL)"; status=$$?; \
	if [ $$status -eq 1 ]; then echo "SKIPPED: PostgreSQL is not reachable, no replica tests."; exit 0; \
	elif [ $$status -ne 0 ]; then exit $$status; fi; \
	REPLICA_PORT=$(REPLICA_PORT) scripts/pg-replica.sh start; status=$$?; \
	if [ $$status -eq 1 ]; then echo "SKIPPED: no streaming replica could be started here (see above)."; exit 0; \
	elif [ $$status -ne 0 ]; then exit $$status; fi; \
	DATABASE_URL="$(PG_URL)" \
	DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$(REPLICA_PORT)/replica" \
	DAGSORDEN_TEST_STREAMING_REPLICA=1 $(BIN)/pytest tests/replica tests/portal \
		--ignore=tests/portal/test_accessibility.py; status=$$?; \
	REPLICA_PORT=$(REPLICA_PORT) scripts/pg-replica.sh stop; exit $$status
