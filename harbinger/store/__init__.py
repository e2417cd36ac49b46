"""The DuckDB store: one file, versioned schema, one transaction per batch, idempotent writes.

Every table is keyed by content-hash ids and written with ``INSERT OR IGNORE``,
so running the same input twice adds nothing and a run killed half-way leaves
only whole batches behind. The ``runs`` table says how each run ended (done,
failed with its error, interrupted, or killed: a row still ``running`` when the
next run starts, since DuckDB's file lock lets one process write at a time).
Schema changes are numbered SQL files in ``migrations/``, applied in order and
recorded in ``schema_version``.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
import pyarrow as pa

from harbinger.dedupe import DedupeResult, occurrence
from harbinger.errors import HarbingerError, Problem
from harbinger.fingerprint import pipeline_fingerprint
from harbinger.models import Article
from harbinger.stages import stage_tables

STORAGE_COMPATIBILITY = "v1.4.0"
# Tables the store itself fills; each stage that owns a table (events) adds its own (see table_names).
BASE_TABLES = ("articles", "duplicates", "sentences", "entities", "annotations", "runs", "run_problems", "ingested", "feeds")


def table_names() -> tuple[str, ...]:
    """Every table a store holds: the store's own and the stages' (events, quotes, places)."""
    return BASE_TABLES + tuple(table.name for _, table in stage_tables())


@dataclass
class StoredArticle:
    """What one article contributes to a batch: the article, its dedupe verdict and (if annotated) its layers."""

    article: Article
    dedupe: DedupeResult
    annotation: dict | None  # the output of annotation.doc_to_dict, or None for a near duplicate


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("harbinger.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise HarbingerError("H301", f"no store at {self.path}", hint="run 'harbinger run PATH' first, or pass --db")
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # New files use DuckDB 1.4's storage format, so the DuckDB CLI and libraries from 1.4 on read them
        # (the pinned 2.0 library would otherwise write a format only 2.0 reads).
        config = {} if read_only else {"storage_compatibility_version": STORAGE_COMPATIBILITY}
        try:
            self.db = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.IOException as err:
            holder = _lock_holder(str(err))
            if holder is None:
                raise HarbingerError("H302", f"cannot open store {self.path}: {err}") from err
            raise HarbingerError(
                "H307",
                f"the store {self.path} is in use by another process ({holder})",
                hint="wait for that process to finish (or stop it), then run again: one process can write a store at a time",
            ) from None
        except duckdb.Error as err:
            raise HarbingerError("H302", f"cannot open store {self.path}: {err}") from err
        if not read_only:
            self.migrate()

    # --- schema -------------------------------------------------------------
    def version(self) -> int:
        exists = self.db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        return self.db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> None:
        current = self.version()
        for number, sql in _migrations():
            if number <= current:
                continue
            self.db.execute("BEGIN TRANSACTION")
            try:
                self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
                self.db.execute(sql)
                self.db.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
                self.db.execute("COMMIT")
            except duckdb.Error:
                self.db.execute("ROLLBACK")
                raise

    # --- reading back ---------------------------------------------------------
    def recorded_occurrences(self, ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of these article ids the store holds, where it was read: as the article and as each copy."""
        if not ids:
            return {}
        rows = self.db.execute(
            """SELECT id, origin FROM articles WHERE id IN (SELECT unnest($ids))
               UNION ALL SELECT article_id, origin FROM duplicates WHERE article_id IN (SELECT unnest($ids))""",
            {"ids": list(ids)},
        ).fetchall()
        found: dict[str, set[str]] = {}
        for article_id, origin in rows:
            found.setdefault(article_id, set()).add(occurrence(origin or ""))
        return found

    def dedupe_seed(self) -> Iterator[tuple[str, str, bytes | None]]:
        cursor = self.db.execute("SELECT id, canonical_id, minhash FROM articles")
        while rows := cursor.fetchmany(10_000):
            yield from rows

    def query(self, sql: str, params: Sequence | None = None) -> tuple[list[str], list[tuple]]:
        cursor = self.db.execute(sql, params or [])
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()

    def run_events(self, run_id: str) -> int:
        """How many events the articles a run stored hold: the events it coded."""
        return self.db.execute(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.run_id = ?", [run_id]
        ).fetchone()[0]

    # --- writing --------------------------------------------------------------
    def mark_killed_runs(self) -> list[tuple[str, str, datetime]]:
        """Mark runs still 'running' as 'killed', returning (id, command, started_at) of each.

        Call it only as the store's writer, before starting a run: DuckDB's file lock lets one process
        write a store, so a 'running' row then is one whose process died without finishing it.
        """
        return self.db.execute(
            """UPDATE runs SET status = 'killed', error = 'the process ended without finishing the run'
               WHERE status = 'running' RETURNING id, command, started_at"""
        ).fetchall()

    def start_run(self, command: str, inputs: list[str], model: str, stages: list[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute(
            "INSERT INTO runs (id, started_at, command, inputs, model, stages, status) VALUES (?, ?, ?, ?, ?, ?, 'running')",
            [run_id, _now(), command, inputs, model, stages],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict, problems: list[Problem], status: str = "done", error: str | None = None) -> None:
        """Record how a run ended: its counts, its problems, its status (done, failed, interrupted) and any error."""
        self.db.execute("BEGIN TRANSACTION")
        self.db.execute(
            """UPDATE runs SET finished_at = ?, read = ?, duplicates = ?, skipped = ?, stored = ?, already = ?,
               warnings = ?, words = ?, seconds = ?, events = ?, status = ?, error = ? WHERE id = ?""",
            [
                _now(),
                counts["read"],
                counts["duplicates"],
                counts["skipped"],
                counts["stored"],
                counts["already"],
                counts["warnings"],
                counts["words"],
                counts["seconds"],
                counts.get("events"),
                status,
                error,
                run_id,
            ],
        )
        if problems:
            rows = pa.table(
                {
                    "run_id": [run_id] * len(problems),
                    "code": [p.code for p in problems],
                    "severity": [p.severity.value for p in problems],
                    "location": [p.where for p in problems],
                    "message": [p.message for p in problems],
                }
            )
            self.db.register("problem_rows", rows)
            self.db.execute("INSERT INTO run_problems SELECT * FROM problem_rows")
            self.db.unregister("problem_rows")
        self.db.execute("COMMIT")

    def write_batch(self, run_id: str, items: list[StoredArticle], duplicates: list[tuple[Article, DedupeResult]]) -> int:
        """Write one batch in one transaction; returns how many articles were new to the store."""
        if not items and not duplicates:
            return 0
        tables = _batch_tables(run_id, items, duplicates)
        before = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        self.db.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                self.db.register("batch_rows", table)
                self.db.execute(f"INSERT OR IGNORE INTO {name} BY NAME SELECT * FROM batch_rows")
                self.db.unregister("batch_rows")
            self.db.execute("COMMIT")
        except duckdb.Error as err:
            self.db.execute("ROLLBACK")
            raise HarbingerError("H303", f"could not write a batch to {self.path}: {err}") from err
        except BaseException:  # Ctrl-C mid-batch: leave no half batch and no open transaction behind
            with contextlib.suppress(duckdb.Error):  # none is open if COMMIT had finished
                self.db.execute("ROLLBACK")
            raise
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0] - before

    # --- exchange ---------------------------------------------------------------
    def export_table(self, table: str, path: str, fmt: str) -> int:
        if table not in self.tables():
            raise HarbingerError("H304", f"no table '{table}' in the store", hint=f"tables: {', '.join(self.tables())}")
        options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER", "jsonl": "FORMAT JSON"}[fmt]
        self.db.execute(f"COPY (SELECT * FROM {table}) TO '{_quote(path)}' ({options})")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def import_parquet(self, folder: str | Path) -> dict[str, int]:
        """Merge table-named Parquet files (as written by ``export --format parquet``) into this store."""
        folder = Path(folder)
        names = table_names()
        files = {path.stem: path for path in folder.glob("*.parquet") if path.stem in names}
        if not files:
            raise HarbingerError("H305", f"no <table>.parquet files in {folder}", hint=f"expected any of: {', '.join(names)}")
        added = {}
        self.db.execute("BEGIN TRANSACTION")
        try:
            for name, path in files.items():
                before = self.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                self.db.execute(f"INSERT OR IGNORE INTO {name} BY NAME SELECT * FROM read_parquet('{_quote(str(path))}')")
                added[name] = self.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] - before
            self.db.execute("COMMIT")
        except duckdb.Error as err:
            self.db.execute("ROLLBACK")
            raise HarbingerError("H306", f"could not import {folder}: {err}") from err
        return added

    def tables(self) -> list[str]:
        rows = self.db.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _lock_holder(message: str) -> str | None:
    """The process holding a DuckDB file lock, from DuckDB's error text; None if the error is not about a lock."""
    if "lock" not in message.lower():
        return None
    found = re.search(r"held in (?P<program>\S+) \(PID (?P<pid>\d+)\)", message)
    return f"{found['program']}, pid {found['pid']}" if found else "another process"


def _quote(path: str) -> str:
    return path.replace("'", "''")


def _batch_tables(run_id: str, items: list[StoredArticle], duplicates: list[tuple[Article, DedupeResult]]) -> dict[str, pa.Table]:
    now = _now()
    articles, sentences, entities, annotations = [], [], [], []
    owned = stage_tables()
    stage_rows: dict[str, list[dict]] = {table.name: [] for _, table in owned}
    for item in items:
        a, d = item.article, item.dedupe
        prints = (item.annotation or {}).get("fingerprints") or {}
        articles.append(
            {
                "id": a.id,
                "date": a.date,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "text": a.text,
                "body_start": a.body_start,
                "dateline": a.dateline.text if a.dateline else None,
                "dateline_start": a.dateline.start if a.dateline else None,
                "dateline_end": a.dateline.end if a.dateline else None,
                "origin": a.origin,
                "flags": list(a.flags),
                "words": a.word_count,
                "canonical_id": d.canonical_id,
                "similarity": d.similarity,
                "minhash": d.signature,
                "annotated": item.annotation is not None,
                "run_id": run_id,
                "stored_at": now,
                "fingerprint": pipeline_fingerprint(prints) if prints else None,
            }
        )
        if item.annotation is None:
            continue
        sentences += sentence_rows(a.id, item.annotation)
        entities += entity_rows(a.id, item.annotation)
        for attr, table in owned:
            stage_rows[table.name] += stage_table_rows(table, attr, a.id, d.canonical_id, item.annotation)
        annotations += annotation_rows(a.id, item.annotation)
    dups = [
        {"article_id": a.id, "canonical_id": d.canonical_id, "kind": d.kind, "similarity": d.similarity, "origin": a.origin, "run_id": run_id}
        for a, d in duplicates
    ]
    schemas = {
        "articles": ARTICLE_SCHEMA,
        "sentences": SENTENCE_SCHEMA,
        "entities": ENTITY_SCHEMA,
        "annotations": ANNOTATION_SCHEMA,
        **{table.name: stored_schema(table) for _, table in owned},
        "duplicates": pa.schema(
            [("article_id", pa.string()), ("canonical_id", pa.string()), ("kind", pa.string()), ("similarity", pa.float64()), ("origin", pa.string()), ("run_id", pa.string())]
        ),
    }
    rows = {"articles": articles, "sentences": sentences, "entities": entities, "annotations": annotations, "duplicates": dups, **stage_rows}
    return {name: pa.Table.from_pylist(data, schema=schemas[name]) for name, data in rows.items() if data}


# Keys of an annotation that are not a stage's layer: the store keeps them in their own tables or not at all.
NOT_LAYERS = ("article", "sentences", "entities", "tokens", "fingerprints")
ANNOTATION_SCHEMA = pa.schema([("article_id", pa.string()), ("stage", pa.string()), ("payload", pa.string()), ("fingerprint", pa.string())])
FINGERPRINT = pa.field("fingerprint", pa.string())


SENTENCE_SCHEMA = pa.schema([("article_id", pa.string()), ("idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32())])
ENTITY_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("label", pa.string())]
)


def stage_table_rows(table, attr: str, article_id: str, canonical_id: str, annotation: dict) -> list[dict]:
    """A stage table's rows for one annotation, each with the fingerprint of the stage that wrote the layer."""
    digest = (annotation.get("fingerprints") or {}).get(attr)
    return [{**row, "fingerprint": digest} for row in table.to_rows(article_id, canonical_id, annotation.get(attr) or [])]


def sentence_rows(article_id: str, annotation: dict) -> list[dict]:
    """The spaCy layer's sentences of one annotation, as ``sentences`` rows."""
    return [{"article_id": article_id, "idx": s["index"], "start": s["start"], "end": s["end"]} for s in annotation["sentences"]]


def entity_rows(article_id: str, annotation: dict) -> list[dict]:
    """The spaCy layer's named entities of one annotation, as ``entities`` rows."""
    return [
        {"article_id": article_id, "idx": e["index"], "start": e["start"], "end": e["end"], "text": e["text"], "label": e["label"]}
        for e in annotation["entities"]
    ]


def stored_schema(table) -> pa.Schema:
    """A stage table as stored: the stage's columns, then the fingerprint of the stage that wrote the row."""
    return table.schema.append(FINGERPRINT)


def annotation_rows(article_id: str, annotation: dict, layers: Sequence[str] | None = None) -> list[dict]:
    """One ``annotations`` row per stage layer (or only ``layers``), with the fingerprint of the stage that wrote it."""
    prints = annotation.get("fingerprints") or {}
    return [
        {"article_id": article_id, "stage": key, "payload": json.dumps(value, ensure_ascii=False), "fingerprint": prints.get(key)}
        for key, value in annotation.items()
        if key not in NOT_LAYERS and (layers is None or key in layers)
    ]


ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("date", pa.date32()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
        ("body_start", pa.int32()),
        ("dateline", pa.string()),
        ("dateline_start", pa.int32()),
        ("dateline_end", pa.int32()),
        ("origin", pa.string()),
        ("flags", pa.list_(pa.string())),
        ("words", pa.int32()),
        ("canonical_id", pa.string()),
        ("similarity", pa.float64()),
        ("minhash", pa.binary()),
        ("annotated", pa.bool_()),
        ("run_id", pa.string()),
        ("stored_at", pa.timestamp("us")),
        ("fingerprint", pa.string()),
    ]
)
