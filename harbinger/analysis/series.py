"""Dyad time series: per day, week or month, how many events one actor directed at another, of what kind.

A dyad is a directed (source, target) pair, at country level (``source_country``) or by full actor
code (``source_code``). Each period row counts events per QuadClass and PLOVER type and sums and
averages their Goldstein values. Only ``asserted`` and ``reported`` events count as things that
happened (the default ``occurred`` series); planned, conditional, hypothetical, denied and negated
events are each available as their own series, so a threatened attack never inflates the conflict
count. Likewise only ``current`` events count by default: a story's aside about a killing in 1968
(``historical``) or a summit next year (``future``) is not news of its week, and would stretch a
series back to 1968 (``timing="all"`` counts them too). Events are coded once per near-duplicate
group; ``mentions`` adds up how many stored articles (wire copies included) carry each event. Empty
periods are filled with zeros, so a chart or a baseline sees quiet weeks as quiet.

Every answer is bounded, for the CLI and the API alike: a zero-filled series has at most
:data:`MAX_POINTS` periods, and a range the user gives spans at most :data:`MAX_YEARS` years (a
``since`` or ``until`` left out stands for the first or last matching event, not for the calendar's
end); a list of dyads has at most :data:`MAX_ROWS` rows. A request past a bound raises
:class:`TooLarge` before the store does the work.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol, Sequence

from harbinger.errors import HarbingerError
from harbinger.ontology import MODES, OCCURRED, PLOVER_TYPES

MODE_CHOICES = ("occurred", "all", *MODES)
# An event's timing relative to its story's date (harbinger/events/rows.py); stores from before the column read as current.
TIMINGS = ("current", "historical", "future")
TIMING_CHOICES = (*TIMINGS, "all")
PERIODS = ("day", "week", "month")
LEVELS = ("country", "code")
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
# Bounds on one answer. 5,000 periods are 13 years by day, 96 by week; a point is about 400 bytes of JSON.
MAX_POINTS = 5_000
MAX_YEARS = 50
MAX_ROWS = 1_000
COARSER = {"day": "week", "week": "month"}


class TooLarge(HarbingerError):
    """A request whose answer would pass one of the size bounds (the API answers it with 400, not 422)."""


class Queryable(Protocol):
    def query(self, sql: str, params: Sequence | None = None) -> tuple[list[str], list[tuple]]: ...


def _choice(value: str, allowed: Sequence[str], name: str, code: str) -> str:
    if value not in allowed:
        raise HarbingerError(code, f"unknown {name} '{value}'", hint=f"use one of: {', '.join(allowed)}")
    return value


def date_range(column: str, since: date | None, until: date | None) -> tuple[list[str], list]:
    """SQL clauses (and their parameters) keeping ``column`` between ``since`` and ``until``, both inclusive."""
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return clauses, params


def mode_filter(mode: str | Sequence[str], column: str = "mode") -> tuple[str, list]:
    """SQL condition (and its parameters) selecting the events of one series: occurred, all or one mode.

    Several choices (``("planned", "conditional")``) select the events of any of them.
    """
    choices = [mode] if isinstance(mode, str) else list(mode)
    for choice in choices:
        _choice(choice, MODE_CHOICES, "mode", "H502")
    if not choices or "all" in choices:
        return "TRUE", []
    modes = sorted({m for choice in choices for m in (OCCURRED if choice == "occurred" else (choice,))})
    return f"{column} IN (SELECT unnest(?))", [modes]


def timing_filter(timing: str, column: str = "timing") -> tuple[str, list]:
    """SQL condition (and its parameters) keeping events of one timing (NULL, from older stores, is current), or all."""
    _choice(timing, TIMING_CHOICES, "timing", "H513")
    if timing == "all":
        return "TRUE", []
    return f"coalesce({column}, 'current') = ?", [timing]


def period_start(day: date, by: str) -> date:
    """The first day of ``day``'s period, as DuckDB's ``date_trunc`` gives it (weeks start on Monday)."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if by == "month" else day


def count_periods(first: date, last: date, by: str) -> int:
    """How many periods a zero-filled series from ``first`` to ``last`` (both inclusive) has."""
    first, last = period_start(first, by), period_start(last, by)
    if by == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first).days // (7 if by == "week" else 1) + 1


def check_span(first: date, last: date, by: str, asked: bool = True) -> None:
    """Refuse (:class:`TooLarge`) a zero-filled ``first``..``last`` per ``by`` over the point bound, or over the
    year bound when the user ``asked`` for one of its ends (the data's own extent may span more years)."""
    if asked and (last - first).days > 366 * MAX_YEARS:
        raise TooLarge("H508", f"the series from {first} to {last} spans more than {MAX_YEARS} years", hint="narrow the date range")
    periods = count_periods(first, last, by)
    if periods > MAX_POINTS:
        coarser = f", or count per {COARSER[by]}" if by in COARSER else ""
        raise TooLarge(
            "H530",
            f"the series from {first} to {last} per {by} has {periods:,} periods, over the limit of {MAX_POINTS:,}",
            hint=f"narrow since/until (a missing end defaults to the first or last event){coarser}",
        )


def check_rows(limit: int, what: str) -> int:
    """``limit`` itself if it is within :data:`MAX_ROWS`, else :class:`TooLarge`."""
    if limit > MAX_ROWS:
        raise TooLarge("H532", f"{limit:,} {what} asked for, over the limit of {MAX_ROWS:,}", hint=f"ask for at most {MAX_ROWS:,}")
    return max(0, limit)


def actor_columns(level: str) -> tuple[str, str]:
    _choice(level, LEVELS, "level", "H503")
    return ("source_country", "target_country") if level == "country" else ("source_code", "target_code")


def dyad_series(
    store: Queryable,
    source: str | None = None,
    target: str | None = None,
    by: str = "week",
    level: str = "country",
    mode: str = "occurred",
    since: date | None = None,
    until: date | None = None,
    timing: str = "current",
) -> tuple[list[str], list[tuple]]:
    """One row per period from ``since`` (default: the first matching event) to ``until`` (default: the last),
    zero-filled.

    ``source``/``target`` left out means every actor on that side; both left out gives the whole
    store's timeline. ``timing`` keeps ``current`` events (the default), one other timing or ``all``.
    More than :data:`MAX_POINTS` periods, or a given range over :data:`MAX_YEARS` years, raises :class:`TooLarge`.
    """
    _choice(by, PERIODS, "period", "H501")
    source_col, target_col = actor_columns(level)
    if since and until and since > until:
        raise HarbingerError("H504", f"since {since} is after until {until}", hint="swap the two dates")
    mode_sql, params = mode_filter(mode, "e.mode")
    timing_sql, timing_params = timing_filter(timing, "e.timing")
    clauses = ["e.event_date IS NOT NULL", mode_sql, timing_sql]
    params += timing_params
    for column, value in ((source_col, source), (target_col, target)):
        if value:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    dated, dated_params = date_range("e.event_date", since, until)
    clauses += dated
    params += dated_params
    first, last = since, until
    if first is None or last is None:
        extent = f"SELECT min(e.event_date), max(e.event_date) FROM events e WHERE {' AND '.join(clauses)}"
        _, ((first_event, last_event),) = store.query(extent, params)
        first, last = first or first_event, last or last_event
    if first is not None and last is not None:
        check_span(first, last, by, asked=since is not None or until is not None)
    quads = ", ".join(f"count(e.id) FILTER (WHERE e.quad_class = {n}) AS {name}" for n, name in enumerate(QUAD_COLUMNS, 1))
    plovers = ", ".join(f"count(e.id) FILTER (WHERE e.plover_type = '{t}') AS {t.lower()}" for t in PLOVER_TYPES)
    sql = f"""
        WITH copies AS (SELECT canonical_id, count(*) AS copies FROM articles GROUP BY canonical_id),
        picked AS (
            SELECT e.*, date_trunc('{by}', e.event_date)::DATE AS period, coalesce(c.copies, 1) AS copies
            FROM events e LEFT JOIN copies c ON c.canonical_id = e.canonical_id
            WHERE {' AND '.join(clauses)}
        ),
        span AS (SELECT date_trunc('{by}', ?::DATE)::DATE AS first, date_trunc('{by}', ?::DATE)::DATE AS last),
        periods AS (
            SELECT unnest(generate_series(first::TIMESTAMP, last::TIMESTAMP, INTERVAL 1 {by}))::DATE AS period
            FROM span WHERE first IS NOT NULL AND last IS NOT NULL
        )
        SELECT p.period, ? AS source, ? AS target, ? AS series,
               count(e.id) AS events, coalesce(sum(e.copies), 0)::BIGINT AS mentions,
               round(avg(e.goldstein), 3) AS goldstein_mean, round(coalesce(sum(e.goldstein), 0), 3) AS goldstein_sum,
               {quads}, {plovers}
        FROM periods p LEFT JOIN picked e ON e.period = p.period
        GROUP BY p.period ORDER BY p.period"""
    params += [first, last, source or "*", target or "*", mode]
    return store.query(sql, params)


def top_dyads(
    store: Queryable, level: str = "country", mode: str = "occurred", limit: int = 20, timing: str = "current"
) -> tuple[list[str], list[tuple]]:
    """The busiest dyads (both sides known, not self-directed), with event and conflict counts and date range.

    ``limit`` above :data:`MAX_ROWS` raises :class:`TooLarge`.
    """
    limit = check_rows(limit, "dyads")
    source_col, target_col = actor_columns(level)
    mode_sql, params = mode_filter(mode)
    timing_sql, timing_params = timing_filter(timing)
    mode_sql, params = f"{mode_sql} AND {timing_sql}", params + timing_params
    sql = f"""
        SELECT {source_col} AS source, {target_col} AS target, count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict_events,
               round(avg(goldstein), 3) AS goldstein_mean, min(event_date) AS first_date, max(event_date) AS last_date
        FROM events
        WHERE {mode_sql} AND {source_col} IS NOT NULL AND {target_col} IS NOT NULL AND {source_col} <> {target_col}
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?"""
    return store.query(sql, params + [limit])
