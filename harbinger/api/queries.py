"""The page of events the API serves, reading the articles table only when a filter needs it.

:func:`harbinger.analysis.events.list_events` always joins ``articles`` (an evidence sentence stored
before migration 006 is read from its article's text). On a store of 100,000 events that join is most
of a filtered count's cost (35 ms against 2 ms on the synthetic store of
``tests/dashboard/synthetic_big.py``), and the dashboard asks several such questions per filter change.
Here the FROM clause comes from :func:`harbinger.analysis.events.source_of` (the join only when the
text filter reads a sentence, as the timeline does), and a page's columns are read for its own rows
only; the answers are the same rows, columns and bounds (``tests/api/test_queries.py`` compares them).
"""

from __future__ import annotations

from dataclasses import replace

from harbinger.analysis.events import MAX_SENTENCE_CHARS, ORDERS, EventFilter, source_of
from harbinger.analysis.series import Queryable, _choice
from harbinger.api.filters import ViewFilter
from harbinger.api.models import EventSummary

SUMMARY_FIELDS = tuple(EventSummary.model_fields)
# The events columns a summary is made from: its own fields, and what the sentence and mentions come from.
ROW_FIELDS = tuple(f for f in SUMMARY_FIELDS if f not in ("sentence", "mentions")) + ("sentence_text", "sentence_start", "sentence_end")


def with_store(store: Queryable, where: ViewFilter) -> ViewFilter:
    """``where``, told whether every stored event carries its sentence (then its text filter needs no join)."""
    if not where.text:
        return where
    _, ((missing,),) = store.query("SELECT count(*) FROM events WHERE sentence_text IS NULL")
    return replace(where, sentences_stored=missing == 0)


def event_page(store: Queryable, where: EventFilter, limit: int, offset: int, order: str = "newest"):
    """``(total, columns, rows)`` for one page of the events matching ``where``: the API's summary columns
    (:class:`~harbinger.api.models.EventSummary`), the evidence sentence cut at :data:`MAX_SENTENCE_CHARS`.

    The page's ids first; then their rows, their groups' copy counts and, for any row stored without its
    sentence, the article text it is cut from: each of those reads only the page's rows.
    """
    _choice(order, tuple(ORDERS), "order", "H506")
    clause, params = where.where()
    base = f"{source_of(where)} WHERE {clause}"
    _, ((total,),) = store.query(f"SELECT count(*) {base}", params)
    _, found = store.query(f"SELECT e.id {base} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?", params + [max(0, limit), offset])
    ids = [event_id for (event_id,) in found]
    if not ids:
        return total, list(SUMMARY_FIELDS), []
    columns = ", ".join(f"e.{name}" for name in ROW_FIELDS)
    names, rows = store.query(f"SELECT {columns} FROM events e WHERE e.id IN (SELECT unnest(?)) ORDER BY {ORDERS[order]}", [ids])
    records = [dict(zip(names, row)) for row in rows]
    _, counted = store.query(
        "SELECT canonical_id, count(*) FROM articles WHERE canonical_id IN (SELECT unnest(?)) GROUP BY 1", [[r["canonical_id"] for r in records]]
    )
    copies = dict(counted)
    unstored = [r["article_id"] for r in records if r["sentence_text"] is None]
    texts = dict(store.query("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [unstored])[1]) if unstored else {}
    out = []
    for r in records:
        sentence = r["sentence_text"]
        if sentence is None and r["article_id"] in texts:
            sentence = texts[r["article_id"]][r["sentence_start"] : r["sentence_end"]]
        if sentence is not None and r["sentence_end"] - r["sentence_start"] > MAX_SENTENCE_CHARS:
            sentence = sentence[: MAX_SENTENCE_CHARS - 1] + "…"
        r.update(sentence=sentence, mentions=max(copies.get(r["canonical_id"], 0), 1))
        out.append(tuple(r[name] for name in SUMMARY_FIELDS))
    return total, list(SUMMARY_FIELDS), out
