"""Recoding in the store: which articles an older pipeline coded, and replacing their layers in place.

An article's layers are the spaCy layer (``sentences``, ``entities``, the
article's ``fingerprint``), each stage's ``annotations`` row and the rows of the
tables the stages own (``events``, ``quotes``, ``places``). Replacing them for a
batch of articles is one transaction: the old rows go, the new ones come, and a
recode interrupted between batches leaves every article whole, coded either by
the old pipeline or by the new one.
"""

from __future__ import annotations

import contextlib
from typing import Sequence

import duckdb
import pyarrow as pa

from harbinger.errors import HarbingerError
from harbinger.fingerprint import SPACY_LAYER, pipeline_fingerprint
from harbinger.models import Article
from harbinger.stages import stage_tables
from harbinger.store import (
    ANNOTATION_SCHEMA,
    ENTITY_SCHEMA,
    SENTENCE_SCHEMA,
    Store,
    annotation_rows,
    entity_rows,
    sentence_rows,
    stage_table_rows,
    stored_schema,
)

def outdated(store: Store, prints: dict[str, str], layers: Sequence[str]) -> list[tuple[str, int]]:
    """(article id, words) of every annotated article whose ``layers`` an older pipeline wrote, in id order.

    With the spaCy layer among ``layers`` (a full recode) that is every article whose pipeline fingerprint
    differs; otherwise every article with one of those layers missing or written under another fingerprint.
    """
    if SPACY_LAYER in layers:
        return store.db.execute(
            "SELECT id, words FROM articles WHERE annotated AND fingerprint IS DISTINCT FROM ? ORDER BY id",
            [pipeline_fingerprint(prints)],
        ).fetchall()
    return store.db.execute(
        """WITH wanted AS (SELECT unnest($stages) AS stage, unnest($prints) AS fingerprint)
           SELECT a.id, a.words FROM articles a WHERE a.annotated AND EXISTS (
               SELECT 1 FROM wanted w WHERE NOT EXISTS (
                   SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.stage = w.stage AND n.fingerprint = w.fingerprint))
           ORDER BY a.id""",
        {"stages": list(layers), "prints": [prints[layer] for layer in layers]},
    ).fetchall()


def load_articles(store: Store, ids: Sequence[str]) -> list[Article]:
    """The stored articles with these ids, in the order given."""
    cursor = store.db.execute(
        """SELECT id, text, date, title, source, url, dateline, dateline_start, dateline_end, body_start, origin, flags
           FROM articles WHERE id IN (SELECT unnest($ids))""",
        {"ids": list(ids)},
    )
    found = {}
    for row in cursor.fetchall():
        article_id, text, day, title, source, url, dateline, d_start, d_end, body_start, origin, flags = row
        found[article_id] = Article.from_dict(
            {
                "id": article_id, "text": text, "date": day, "title": title, "source": source, "url": url,
                "dateline": {"start": d_start, "end": d_end, "text": dateline} if dateline is not None else None,
                "body_start": body_start, "origin": origin, "flags": flags,
            }
        )  # fmt: skip
    return [found[i] for i in ids if i in found]


def replace_layers(store: Store, coded: list[tuple[Article, str, dict]], layers: Sequence[str]) -> None:
    """Replace ``layers`` of each (article, canonical id, annotation) in one transaction."""
    if not coded:
        return
    ids = [article.id for article, _, _ in coded]
    annotations = []
    owned = [(attr, table) for attr, table in stage_tables() if attr in layers]
    rows: dict[str, list[dict]] = {table.name: [] for _, table in owned}
    sentences, entities, article_prints = [], [], []
    for article, canonical_id, annotation in coded:
        prints = annotation.get("fingerprints") or {}
        annotations += annotation_rows(article.id, annotation, layers)
        for attr, table in owned:
            rows[table.name] += stage_table_rows(table, attr, article.id, canonical_id, annotation)
        if SPACY_LAYER in layers:
            sentences += sentence_rows(article.id, annotation)
            entities += entity_rows(article.id, annotation)
            article_prints.append({"id": article.id, "fingerprint": pipeline_fingerprint(prints)})
    inserts = {"annotations": pa.Table.from_pylist(annotations, schema=ANNOTATION_SCHEMA)}
    inserts |= {table.name: pa.Table.from_pylist(rows[table.name], schema=stored_schema(table)) for _, table in owned}
    if SPACY_LAYER in layers:
        inserts |= {"sentences": pa.Table.from_pylist(sentences, schema=SENTENCE_SCHEMA), "entities": pa.Table.from_pylist(entities, schema=ENTITY_SCHEMA)}
    db = store.db
    db.execute("BEGIN TRANSACTION")
    try:
        db.execute("DELETE FROM annotations WHERE article_id IN (SELECT unnest($ids)) AND stage IN (SELECT unnest($layers))", {"ids": ids, "layers": list(layers)})
        for name in inserts:
            if name != "annotations":
                db.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT unnest($ids))", {"ids": ids})
        for name, table in inserts.items():
            db.register("layer_rows", table)
            # OR IGNORE as in Store.write_batch: a stage that reports one row twice (same content id) stores it once
            db.execute(f"INSERT OR IGNORE INTO {name} BY NAME SELECT * FROM layer_rows")
            db.unregister("layer_rows")
        if article_prints:
            db.register("article_prints", pa.Table.from_pylist(article_prints))
            db.execute("UPDATE articles SET fingerprint = p.fingerprint FROM article_prints p WHERE articles.id = p.id")
            db.unregister("article_prints")
        db.execute("COMMIT")
    except duckdb.Error as err:
        db.execute("ROLLBACK")
        raise HarbingerError("H303", f"could not write a batch to {store.path}: {err}") from err
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            db.execute("ROLLBACK")
        raise


def canonical_ids(store: Store, ids: Sequence[str]) -> dict[str, str]:
    rows = store.db.execute("SELECT id, canonical_id FROM articles WHERE id IN (SELECT unnest($ids))", {"ids": list(ids)}).fetchall()
    return dict(rows)


def fingerprint_counts(store: Store) -> list[tuple[str, str | None, int]]:
    """(layer, fingerprint, articles) for the pipeline as a whole ('pipeline') and for each stage layer."""
    whole = store.db.execute(
        "SELECT 'pipeline', fingerprint, count(*) FROM articles WHERE annotated GROUP BY 2 ORDER BY 3 DESC"
    ).fetchall()
    per_layer = store.db.execute(
        "SELECT stage, fingerprint, count(*) FROM annotations GROUP BY 1, 2 ORDER BY 1, 3 DESC"
    ).fetchall()
    return whole + per_layer
