# Two commands do all the set-up on a fresh clone: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
export NO_MKDOCS_2_WARNING := 1
# Dates in the output (sitemap) come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build test lint validate clean

# An existing environment (or a symlink to a shared one) is reused: `python -m venv` refuses a symlinked path.
# The core (hooks/katalog) is then installed editable, so scripts and tests import it without path tricks.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## serve: the site on http://127.0.0.1:8000, reloading on changes under docs/, innovations/ and hooks/;
## --dirty: after an edit of a write-up only the pages it changes are built again (katalog/incremental.py)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## build: the site into site/; the search index is written after MkDocs has exited, so that Pagefind's memory
## peak is not added to MkDocs' (5,000 innovations: 669 MB instead of 892 MB; `mkdocs build` alone does both)
build: $(STAMP)
	KATALOG_TANPA_INDEKS=1 $(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m katalog.search site

## validate: every write-up checked with the build's own rules, all problems at once (scripts/validasi.py)
validate: $(STAMP)
	$(BIN)/python scripts/validasi.py

## test: lint, type check and the whole test suite (unit, whole-build and browser tests)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .mypy_cache
