"""Find events and articles by filters, and count filtered events over time: the queries behind the API's lists
and ``harbinger events``.

Every filter becomes a bound parameter in one SQL ``WHERE`` clause (never string-pasted user
input), so any value a user sends is at worst a filter that matches nothing. Answers are bounded:
a page has the rows its caller asks for, a summary's evidence sentence at most
:data:`MAX_SENTENCE_CHARS` characters, and a timeline at most
:data:`~harbinger.analysis.series.MAX_POINTS` periods.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from harbinger.analysis.series import (
    COARSER, MAX_POINTS, PERIODS, QUAD_COLUMNS, Queryable, TooLarge, _choice, date_range, mode_filter, timing_filter,
)  # fmt: skip
from harbinger.errors import HarbingerError
from harbinger.ontology import PLOVER_TYPES

# A list shows this much of each evidence sentence (a text without sentence breaks can make one sentence of a
# whole article, and a page of 500 such events would be 500 copies of it); one event's detail shows it whole.
MAX_SENTENCE_CHARS = 1_000
# The events table carries its sentence (migration 006); rows written without it read it from the article.
SENTENCE_SQL = "coalesce(e.sentence_text, substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start))"
SHORT_SENTENCE_SQL = (
    f"CASE WHEN e.sentence_end - e.sentence_start > {MAX_SENTENCE_CHARS} "
    f"THEN left({SENTENCE_SQL}, {MAX_SENTENCE_CHARS - 1}) || '…' ELSE {SENTENCE_SQL} END"
)
COPIES_SQL = "(SELECT count(*) FROM articles c WHERE c.canonical_id = e.canonical_id)"
EVENT_COLUMNS = (
    "e.id, e.article_id, e.canonical_id, e.event_date, e.date_value, e.timing, e.source_code, e.source_country, "
    "e.source_name, e.source_wikidata, e.target_code, e.target_country, e.target_name, e.target_wikidata, e.plover_type, "
    "e.cameo_code, e.goldstein, e.quad_class, e.mode, e.place_text, e.place_name, e.place_country, e.place_lat, e.place_lon, "
    f"e.place_from, e.confidence, {SHORT_SENTENCE_SQL} AS sentence, greatest({COPIES_SQL}, 1) AS mentions"
)
# The CLI's view: every events column, the evidence sentence and the article it was read in.
FULL_EVENT_COLUMNS = (
    f"e.*, {SENTENCE_SQL} AS sentence, greatest({COPIES_SQL}, 1) AS mentions, "
    "a.date AS article_date, a.url AS article_url, a.title AS article_title"
)
EVENT_VIEWS = {"summary": EVENT_COLUMNS, "full": FULL_EVENT_COLUMNS}
# Columns the filters and the full view read that the first events schema lacked (migrations 003 and 006).
REQUIRED_EVENT_COLUMNS = ("timing", "source_name", "target_name", "place_name", "place_from", "sentence_text")
ORDERS = {
    "newest": "e.event_date DESC NULLS LAST, e.id",
    "oldest": "e.event_date ASC NULLS LAST, e.id",
    "most_hostile": "e.goldstein ASC NULLS LAST, e.event_date DESC NULLS LAST, e.id",
}


@dataclass(frozen=True)
class EventFilter:
    since: date | None = None
    until: date | None = None
    actor: str | None = None  # either side, actor code or country
    source: str | None = None
    target: str | None = None
    plover_type: str | None = None
    mode: str = "all"  # 'occurred', 'all' or one mode
    quad_class: int | None = None
    place_country: str | None = None
    text: str | None = None  # case-insensitive substring of the evidence sentence
    geocoded: bool | None = None
    article_id: str | None = None
    min_confidence: float | None = None
    modes: tuple[str, ...] = ()  # several of 'occurred', 'all' and the modes; when given they replace `mode`
    plover_types: tuple[str, ...] = ()  # any of these PLOVER types
    dyad: tuple[str, str] | None = None  # (source, target), each side an actor code or country
    timing: str = "current"  # 'current', 'historical', 'future' or 'all': asides about the past stay out by default

    def where(self) -> tuple[str, list]:
        if self.since and self.until and self.since > self.until:
            raise HarbingerError("H504", f"since {self.since} is after until {self.until}", hint="swap the two dates")
        unknown = [t for t in self.plover_types if t not in PLOVER_TYPES]
        if unknown:
            raise HarbingerError("H512", f"unknown PLOVER type {', '.join(map(repr, unknown))}", hint=f"use any of: {', '.join(PLOVER_TYPES)}")
        mode_sql, params = mode_filter(self.modes or self.mode, "e.mode")
        timing_sql, timing_params = timing_filter(self.timing, "e.timing")
        clauses = [mode_sql, timing_sql]
        params += timing_params
        simple = {
            "since": "e.event_date >= ?",
            "until": "e.event_date <= ?",
            "source": "(e.source_code = ? OR e.source_country = ?)",
            "target": "(e.target_code = ? OR e.target_country = ?)",
            "actor": "(e.source_code = ? OR e.source_country = ? OR e.target_code = ? OR e.target_country = ?)",
            "plover_type": "e.plover_type = ?",
            "quad_class": "e.quad_class = ?",
            "place_country": "e.place_country = ?",
            "text": f"contains(lower({SENTENCE_SQL}), lower(?))",
            "min_confidence": "e.confidence >= ?",
            "article_id": "(e.article_id = ? OR e.canonical_id = (SELECT canonical_id FROM articles WHERE id = ?))",
        }
        for field in fields(self):
            value = getattr(self, field.name)
            if value is None or value == "" or field.name not in simple:
                continue
            sql = simple[field.name]
            clauses.append(sql)
            params += [value] * sql.count("?")
        if self.geocoded is not None:
            clauses.append(("" if self.geocoded else "NOT ") + "(e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL)")
        if self.plover_types:
            clauses.append("e.plover_type IN (SELECT unnest(?))")
            params.append(list(self.plover_types))
        if self.dyad:
            clauses.append("(e.source_code = ? OR e.source_country = ?) AND (e.target_code = ? OR e.target_country = ?)")
            params += [self.dyad[0]] * 2 + [self.dyad[1]] * 2
        return " AND ".join(clauses), params


def require_events(store: Queryable) -> None:
    """Refuse (H511) a store without an events table, or with one from before the columns the filters read."""
    _, rows = store.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'events'")
    present = {name for (name,) in rows}
    missing = [name for name in REQUIRED_EVENT_COLUMNS if name not in present]
    if missing:
        what = f"an events table without {', '.join(missing)}" if present else "no events table"
        raise HarbingerError("H511", f"the store has {what}", hint="run 'harbinger run' on it once (that migrates it), then ask again")


def event_column_types(store: Queryable, columns: str = "summary") -> dict[str, str]:
    """The DuckDB type of each column of an event view (``VARCHAR``, ``DATE``, …), for typed exports of its rows."""
    _, rows = store.query(f"DESCRIBE SELECT {EVENT_VIEWS[columns]} FROM events e LEFT JOIN articles a ON a.id = e.article_id")
    return {name: kind for name, kind, *_ in rows}


JOINED = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
EVENTS_ONLY = "FROM events e"


def source_of(where: EventFilter) -> str:
    """The FROM clause ``where`` needs: the events alone unless its text filter reads an article's text.

    On 100,000 events the join is most of a filtered count's cost (35 ms against 2 ms), so it is made only
    when the text filter may read a sentence from an article (one stored before migration 006).
    """
    return JOINED if where.text and not getattr(where, "sentences_stored", False) else EVENTS_ONLY


def list_events(
    store: Queryable,
    where: EventFilter,
    limit: int | None = 50,
    offset: int = 0,
    order: str = "newest",
    columns: str = "summary",
):
    """``(total, columns, rows)`` for one page of events matching ``where`` (``limit=None``: all of them).

    ``columns`` names the view: ``summary`` (the API's list) or ``full`` (the CLI's: every events
    column, the evidence sentence, mentions and the article's date, URL and title).
    """
    _choice(order, tuple(ORDERS), "order", "H506")
    clause, params = where.where()
    base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {clause}"
    _, ((total,),) = store.query(f"SELECT count(*) {base}", params)
    page, paging = ("OFFSET ?", [offset]) if limit is None else ("LIMIT ? OFFSET ?", [max(0, limit), offset])
    # The page's ids first, then the sentences and copy counts of those rows only (not of every match).
    sql = f"""WITH page AS (SELECT e.id {base} ORDER BY {ORDERS[order]} {page})
        SELECT {EVENT_VIEWS[columns]} FROM page JOIN events e USING (id) LEFT JOIN articles a ON a.id = e.article_id
        ORDER BY {ORDERS[order]}"""
    names, rows = store.query(sql, params + paging)
    return total, names, rows


def event_timeline(store: Queryable, where: EventFilter, by: str = "day"):
    """Filtered events counted per period and QuadClass (periods without events are left out).

    More than :data:`~harbinger.analysis.series.MAX_POINTS` periods with events raises :class:`TooLarge`.
    """
    _choice(by, PERIODS, "period", "H501")
    clause, params = where.where()
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n}) AS {name}" for n, name in enumerate(QUAD_COLUMNS, 1))
    sql = f"""
        SELECT date_trunc('{by}', e.event_date)::DATE AS period, count(*) AS events, {quads},
               round(coalesce(sum(e.goldstein), 0), 3) AS goldstein_sum
        {source_of(where)}
        WHERE e.event_date IS NOT NULL AND {clause}
        GROUP BY 1 ORDER BY 1 LIMIT {MAX_POINTS + 1}"""
    columns, rows = store.query(sql, params)
    if len(rows) > MAX_POINTS:
        raise TooLarge(
            "H530",
            f"the timeline per {by} has more than {MAX_POINTS:,} periods with events",
            hint="narrow since/until" + (f", or count per {COARSER[by]}" if by in COARSER else ""),
        )
    return columns, rows


ARTICLE_COLUMNS = {
    # The API's page: each article with its near-duplicate group's copies and coded events.
    "summary": """a.id, a.date, a.title, a.url, a.source, a.dateline, a.words, a.canonical_id,
               (SELECT count(*) FROM articles c WHERE c.canonical_id = a.canonical_id) AS copies,
               (SELECT count(*) FROM events e WHERE e.canonical_id = a.canonical_id) AS events""",
    # The CLI's table: a headline even for untitled articles, and what the store holds for each.
    "store": """a.id, a.date, coalesce(a.title, left(a.text[a.body_start + 1:], 60)) AS title, a.dateline, a.words,
               CASE WHEN a.canonical_id = a.id THEN '' ELSE a.canonical_id END AS duplicate_of,
               array_to_string(a.flags, ',') AS flags,
               (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentences,
               (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities""",
}
ARTICLE_ORDERS = {"newest": "a.date DESC NULLS LAST, a.id", "oldest": "a.date ASC NULLS LAST, a.id"}


def list_articles(
    store: Queryable,
    since: date | None,
    until: date | None,
    text: str | None,
    limit: int,
    offset: int,
    order: str = "newest",
    columns: str = "summary",
):
    """``(total, columns, rows)`` for one page of articles dated ``since``..``until`` whose title or text contains ``text``.

    ``columns`` names the view: ``summary`` (the API's: copies and events per group) or ``store``
    (the CLI's: duplicate, flags, sentences and entities per article).
    """
    if since and until and since > until:
        raise HarbingerError("H504", f"since {since} is after until {until}", hint="swap the two dates")
    clauses, params = date_range("a.date", since, until)
    clauses.insert(0, "TRUE")
    if text:
        clauses.append("(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)))")
        params += [text, text]
    base = f"FROM articles a WHERE {' AND '.join(clauses)}"
    _, ((total,),) = store.query(f"SELECT count(*) {base}", params)
    sql = f"SELECT {ARTICLE_COLUMNS[columns]} {base} ORDER BY {ARTICLE_ORDERS[order]} LIMIT ? OFFSET ?"
    names, rows = store.query(sql, params + [max(0, limit), offset])
    return total, names, rows


def store_overview(store: Queryable) -> dict:
    """Counts for the stats endpoint: articles, events by mode/type/QuadClass, date range, geocoding."""
    _, ((articles, canonical),) = store.query("SELECT count(*), count(*) FILTER (WHERE canonical_id = id) FROM articles")
    _, ((events, dated, geocoded, first, last),) = store.query(
        """SELECT count(*), count(event_date), count(*) FILTER (WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL),
                  min(event_date), max(event_date) FROM events"""
    )

    def counts(column: str) -> dict[str, int]:
        _, rows = store.query(f"SELECT coalesce({column}::VARCHAR, 'unknown'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
        return {key: value for key, value in rows}

    _, ((quotes,),) = store.query("SELECT count(*) > 0 FROM annotations WHERE stage = 'quotes'")
    return {
        "articles": articles,
        "canonical_articles": canonical,
        "events": events,
        "dated_events": dated,
        "geocoded_events": geocoded,
        "first_event_date": first,
        "last_event_date": last,
        "events_by_mode": counts("mode"),
        "events_by_type": counts("plover_type"),
        "events_by_quad_class": counts("quad_class"),
        "quotes_available": bool(quotes),
    }
