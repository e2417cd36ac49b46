# Two commands for a fresh machine: `make demo` (install + run on the bundled samples)
# and `make test`. Everything installs into .venv from the pinned, hash-checked lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= out/demo.duckdb

.PHONY: setup browser demo test bench lock docs clean

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
	$(BIN)/python examples/read_store.py $(DEMO_DB)
	$(BIN)/harbinger eval --gold data/gold/seed.gold.json

# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install Debian's 'chromium' package to run the dashboard browser tests"; \
	  fi; }

test: setup browser
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
