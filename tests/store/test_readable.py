"""The store file is readable by the user's own tools (examples/read_store.py): DuckDB 1.4 and later, polars, pandas."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

from harbinger.store import Store
from tests.synthetic import add_timing_examples, seed_store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "read_store.py"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("readable") / "store.duckdb"
    with Store(path) as store:
        counts = seed_store(store)
        add_timing_examples(store)
    return path, counts


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("read_store", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_store_file_uses_a_storage_format_duckdb_1_4_reads(store_path):
    path, _ = store_path
    header = path.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert struct.unpack("<Q", header[12:20])[0] <= 67  # DuckDB 1.4 and 1.5 read storage versions 64..67/68; 2.0's default is newer


def test_example_reads_the_store_with_duckdb_polars_and_pandas(store_path, example, capsys):
    path, counts = store_path
    by_type = dict(example.with_duckdb(str(path)))
    assert sum(by_type.values()) < counts["events"] and by_type["CONSULT"] > 0  # occurred and current only
    dyads = example.with_polars(str(path))
    assert dyads["events"].sum() == sum(by_type.values()) and (dyads["source_country"] != dyads["target_country"]).all()
    frame = example.with_pandas(str(path))
    assert len(frame) == sum(by_type.values()) and frame["title"].notna().all()
    example.main(str(path))
    printed = capsys.readouterr().out
    assert "events by PLOVER type (duckdb)" in printed and "(pandas)" in printed
