# Two commands for a fresh machine: `make demo` (install + run on the bundled samples)
# and `make test`. Everything installs into .venv from the pinned, hash-checked lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= out/demo.duckdb

.PHONY: setup demo test bench lock docs clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	mkdir -p out
	$(BIN)/harbinger run data/samples --db $(DEMO_DB)
	$(BIN)/harbinger stats --db $(DEMO_DB)
	$(BIN)/harbinger eval --gold data/gold/seed.gold.json

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/bench.py

# Regenerate the lock from requirements.in (needs pip-tools; not part of the two-command path).
lock:
	pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --output-file requirements.lock requirements.in

docs: setup
	$(BIN)/python scripts/cli_reference.py --write README.md

clean:
	rm -rf $(VENV) out .pytest_cache
