# Thin entry points; the work happens in scripts/ and in the tools they call.
# `make serve` and `make test` set up whatever is missing, and skip what is current.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

# Material 9.7+ prints an end-of-life notice about MkDocs 2.0 on every run; the
# migration risk is recorded in README.md (Maintainers). Silenced on purpose.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The pages' matrices are small: one BLAS thread is faster here, and the same on every machine.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
# Builds of the same commit are byte-identical: the sitemap's date is the commit's.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build test lint update-examples bench bench-ci clean

setup: $(PY_STAMP) $(NPM_STAMP)

# uv installs the same pinned wheels as pip, several times faster (a fresh clone's set-up is
# part of every CI run); it compiles byte-code up front, as pip does.
UV_VERSION := 0.13.9

$(PY_STAMP): pyproject.toml constraints.txt scripts/handbook/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -c constraints.txt \
		-e '.[docs,test,bench]' -e scripts/handbook
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# --dirty: a save rebuilds the pages that changed (and those whose code results changed).
serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# Two pytest-xdist workers (the machine's cores): the tour of the site in Chromium runs in one
# while the other takes the rest, file by file (tests/conftest.py makes the groups).
TEST_WORKERS ?= 2

test: setup
	@bash scripts/ensure_chromium.sh
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

update-examples: setup
	$(BIN)/handbook update

bench: setup
	$(BIN)/python scripts/bench.py

# About ten minutes: `make test` on fresh clones of HEAD and of the baseline commit.
bench-ci: setup
	$(BIN)/python scripts/bench_ci.py

# The engine's cache (.cache/handbook) and the notebook's go with everything else.
clean:
	rm -rf site site-report.json .cache .pytest_cache .hypothesis
