"""Read a Harbinger store with the tools analysts already use: DuckDB, polars and pandas.

    .venv/bin/python examples/read_store.py out/demo.duckdb

The store is a plain DuckDB file in DuckDB 1.4's storage format, so any DuckDB from 1.4 on (the CLI too:
`duckdb out/demo.duckdb`) opens it; `read_only=True` lets it be read while nothing writes to it.
"""

from __future__ import annotations

import sys

import duckdb
import pandas as pd
import polars as pl

# Events that happened and are news at their story's date: what series, alerts and default exports count.
OCCURRED = "mode IN ('asserted', 'reported') AND timing = 'current'"


def with_duckdb(path: str) -> list[tuple]:
    """Events per PLOVER type, in plain SQL."""
    with duckdb.connect(path, read_only=True) as db:
        return db.execute(f"SELECT plover_type, count(*) AS events FROM events WHERE {OCCURRED} GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()


def with_polars(path: str) -> pl.DataFrame:
    """Monthly counts per dyad between two different countries, as a polars frame (DuckDB hands it over through Arrow)."""
    with duckdb.connect(path, read_only=True) as db:
        frame = db.sql(f"SELECT event_date, source_country, target_country, quad_class FROM events WHERE {OCCURRED}").pl()
    return (
        frame.drop_nulls(["source_country", "target_country"])
        .filter(pl.col("source_country") != pl.col("target_country"))
        .with_columns(pl.col("event_date").dt.truncate("1mo").alias("month"))
        .group_by("month", "source_country", "target_country")
        .agg(pl.len().alias("events"), (pl.col("quad_class") == 4).sum().alias("material_conflict"))
        .sort("events", "month", descending=[True, False])
    )


def with_pandas(path: str) -> pd.DataFrame:
    """Each event with its resolved actors, place and story title, as a pandas frame."""
    with duckdb.connect(path, read_only=True) as db:
        return db.execute(
            f"""SELECT e.event_date, e.source_name, e.plover_type, e.target_name, e.place_name, left(a.title, 40) AS title
                FROM events e JOIN articles a ON a.id = e.article_id WHERE {OCCURRED} ORDER BY e.event_date, e.id"""
        ).df()


def main(path: str) -> None:
    print("events by PLOVER type (duckdb):")
    for plover_type, count in with_duckdb(path)[:5]:
        print(f"  {plover_type:<10} {count:>5}")
    print("\nbusiest dyad-months (polars):")
    print(with_polars(path).head(5))
    print("\nevents with their stories (pandas):")
    with pd.option_context("display.width", 160):
        print(with_pandas(path).head(5).to_string(index=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/demo.duckdb")
