"""Read coded events back out of the store, typed, for the exporters.

Each record is one row of the ``events`` table (the events stage's typed
columns, :data:`harbinger.events.rows.EVENT_SCHEMA`) joined with what the
exporters need from elsewhere in the store: its article (date, title, source,
URL, length, when it was stored), the sentence's number in the article,
whether the event is in the lead sentence, and the counts of its near-duplicate
group. Events are coded once per group (from its canonical article), so one
story on thirty wires is one event with thirty mentions.

By default only events that happened (``asserted``, ``reported``) and are
news at their story's date (``timing = 'current'``) are read; ``modes`` and
``timing`` widen that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from harbinger.errors import HarbingerError
from harbinger.ontology import MODES, OCCURRED
from harbinger.store import Store

TIMINGS = ("current", "historical", "future")

_SQL = """
WITH groups AS (
    SELECT canonical_id,
           count(*) AS articles,
           list(DISTINCT coalesce(url, source) ORDER BY coalesce(url, source))
               FILTER (WHERE coalesce(url, source) IS NOT NULL) AS sources
    FROM articles GROUP BY canonical_id
), exact AS (
    SELECT canonical_id, count(*) AS copies FROM duplicates WHERE kind = 'exact' GROUP BY canonical_id
)
SELECT e.*,
       a.date AS article_date, a.title AS article_title, a.source AS article_source, a.url AS article_url,
       length(a.text) AS article_length, a.stored_at AS article_stored_at,
       coalesce(e.sentence_text, substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)) AS sentence,
       (SELECT count(*) FROM sentences s WHERE s.article_id = e.article_id AND s."end" <= e.sentence_start) + 1 AS sentence_number,
       NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = e.article_id AND s."end" <= e.sentence_start
                   AND s."start" >= a.body_start AND trim(substring(a.text, s."start" + 1, s."end" - s."start")) <> '') AS is_root,
       coalesce(g.articles, 1) AS num_articles,
       coalesce(g.articles, 1) + coalesce(x.copies, 0) AS num_mentions,
       coalesce(g.sources, []) AS sources
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN groups g ON g.canonical_id = e.canonical_id
LEFT JOIN exact x ON x.canonical_id = e.canonical_id
WHERE e.mode IN (SELECT unnest(?)) AND coalesce(e.timing, 'current') IN (SELECT unnest(?))
ORDER BY e.event_date NULLS LAST, a.id, e.sentence_start, e.trigger_start, e.id
"""

_COPIES_SQL = """
SELECT a.id, a.canonical_id, a.date, a.source, a.url, length(a.text) AS length, a.stored_at
FROM articles a WHERE a.canonical_id IN (SELECT unnest(?)) ORDER BY a.canonical_id, a.id
"""


@dataclass(frozen=True)
class ExportChoice:
    """Which events an export holds: by default those that happened and are news at their story's date."""

    modes: tuple[str, ...] = OCCURRED
    timing: tuple[str, ...] = ("current",)

    @classmethod
    def parse(cls, modes: str | None, timing: str | None) -> "ExportChoice":
        """From the CLI's comma lists: ``--modes occurred,planned`` (or ``all``), ``--timing current,historical`` (or ``all``)."""
        modes_chosen = _choices(modes, "mode", MODES, OCCURRED, {"occurred": OCCURRED}, "H502")
        return cls(modes_chosen, _choices(timing, "timing", TIMINGS, ("current",), {}, "H513"))


def _choices(value: str | None, name: str, allowed: Sequence[str], default: tuple[str, ...], groups: dict, code: str) -> tuple[str, ...]:
    if not value:
        return default
    chosen: list[str] = []
    for item in (part.strip() for part in value.split(",") if part.strip()):
        if item == "all":
            chosen += allowed
        elif item in groups:
            chosen += groups[item]
        elif item in allowed:
            chosen.append(item)
        else:
            raise HarbingerError(code, f"unknown {name} '{item}'", hint=f"use any of: all, {', '.join([*groups, *allowed])} (comma-separated)")
    return tuple(dict.fromkeys(chosen))


def stored_events(store: Store, choice: ExportChoice = ExportChoice()) -> Iterator[dict]:
    """The chosen events as typed records: the events table's columns plus article, sentence and group fields."""
    cursor = store.db.execute(_SQL, [list(choice.modes), list(choice.timing)])
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row))


def group_copies(store: Store, canonical_ids: Sequence[str]) -> dict[str, list[dict]]:
    """The stored articles of each near-duplicate group (the canonical one included), for mention tables."""
    if not canonical_ids:
        return {}
    cursor = store.db.execute(_COPIES_SQL, [list(canonical_ids)])
    names = [d[0] for d in cursor.description]
    found: dict[str, list[dict]] = {}
    for row in cursor.fetchall():
        record = dict(zip(names, row))
        found.setdefault(record["canonical_id"], []).append(record)
    return found
