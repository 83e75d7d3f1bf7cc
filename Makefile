# Dagsorden: `make demo` serves a demo municipality, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test test-sqlite test-postgres lint format messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dagsorden demo

test: lint test-sqlite test-postgres

lint: $(STAMP)
	$(BIN)/ruff check dagsorden tests bench
	$(BIN)/ruff format --check dagsorden tests bench

test-sqlite: $(STAMP)
	DATABASE_URL= $(BIN)/pytest

# ensure-postgres.sh: 0 reachable, 1 unreachable (skip locally), 2 unreachable under CI.
test-postgres: $(STAMP)
	@scripts/ensure-postgres.sh "$(PG_URL)"; status=$$?; \
	if [ $$status -eq 0 ]; then DATABASE_URL="$(PG_URL)" $(BIN)/pytest; \
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
