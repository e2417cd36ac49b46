"""Every stage-owned table: the migrations create exactly the stage's Arrow schema, and batches stay idempotent."""

from __future__ import annotations

import pyarrow as pa
import pytest

from harbinger.stages import stage_tables
from harbinger.store import Store, StoredArticle, stored_schema
from tests.conftest import SEED

TABLES = [table for _, table in stage_tables()]


def columns(store: Store, relation: str) -> dict[str, str]:
    """Column name -> DuckDB type; order is left out, as migrations append columns and the store inserts by name."""
    return {name: kind for name, kind, *_ in store.db.execute(f"DESCRIBE {relation}").fetchall()}


@pytest.fixture(scope="module")
def seed_items() -> list[StoredArticle]:
    """The seed article through every default stage, as the runner hands it to the store."""
    from harbinger.annotation import doc_to_dict
    from harbinger.dedupe import Deduper
    from harbinger.pipeline import load_nlp, make_doc
    from harbinger.readers import read_paths

    nlp = load_nlp()
    (article,) = list(read_paths([str(SEED)]))
    doc = nlp(make_doc(nlp, article))
    return [StoredArticle(article, Deduper().check(article), doc_to_dict(nlp, doc))]


def test_stage_tables_cover_quotes_places_and_events():
    assert {"events", "quotes", "places"} <= {table.name for table in TABLES}


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_stage_table_migration_matches_its_arrow_schema(tmp_path, table):
    with Store(tmp_path / "h.duckdb") as store:
        store.db.register("expected", stored_schema(table).empty_table())
        assert columns(store, table.name) == columns(store, "expected")


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_stage_table_rows_have_exactly_the_schema_columns(seed_items, table):
    (item,) = seed_items
    attr = next(attr for attr, owned in stage_tables() if owned is table)
    rows = table.to_rows(item.article.id, item.dedupe.canonical_id, item.annotation[attr])
    assert rows and all(list(row) == table.schema.names for row in rows)
    pa.Table.from_pylist(rows, schema=table.schema)


@pytest.mark.slow
def test_stage_tables_same_batch_twice_adds_nothing(tmp_path, seed_items):
    def counts(store: Store) -> dict[str, int]:
        return {table.name: store.db.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0] for table in TABLES}

    with Store(tmp_path / "h.duckdb") as store:
        run = store.start_run("test", [], "m", [])
        store.write_batch(run, seed_items, [])
        first = counts(store)
        store.write_batch(run, seed_items, [])
        assert all(first.values()) and counts(store) == first
