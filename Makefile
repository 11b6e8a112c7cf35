# Two commands set everything up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
DEMO_DB := demo.db

.PHONY: help demo test lint format bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -U pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	touch $@

$(DEV_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $@

## demo: install, ingest the bundled examples into a fresh demo.db, print documents and ledger
demo: $(INSTALLED)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/readouts ingest examples --db $(DEMO_DB)
	$(BIN)/readouts documents --db $(DEMO_DB)
	$(BIN)/readouts contacts --db $(DEMO_DB)

## test: install dev dependencies and run the whole suite
test: $(DEV_INSTALLED)
	$(BIN)/python -m pytest -q

## lint: ruff (lint + format check) and mypy
lint: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

format: $(DEV_INSTALLED)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

## bench: speed and memory figures (printed, never asserted)
bench: $(DEV_INSTALLED)
	$(BIN)/python benchmarks/run.py

## help: list the targets
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## clean: remove the virtualenv, the demo database and caches
clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
