"""A store for the command tests: the synthetic corpus plus one historical and one future event (real DuckDB file)."""

from __future__ import annotations

import pytest

from harbinger.store import Store
from tests.synthetic import add_timing_examples, seed_store


@pytest.fixture(scope="session")
def timing_db(tmp_path_factory):
    """``(path, ids)``: the store, and the historical and future events' ids by timing."""
    path = tmp_path_factory.mktemp("cli") / "synthetic.duckdb"
    with Store(path) as store:
        seed_store(store)
        ids = add_timing_examples(store)
    return path, ids
