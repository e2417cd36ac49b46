"""Escalation alerts: weeks in which a dyad behaves markedly worse than its own recent baseline.

Method (a rolling z-score, computed in one DuckDB query):

1. Take ``occurred`` events (asserted or reported) that are ``current`` (news at their story's
   date: an aside about a 1968 killing is not this week's conflict) with both actors known, at
   country level by default, and count per directed dyad and ISO week (Monday start): all
   events, conflict events (QuadClass 3 or 4) and the summed Goldstein value. Weeks without
   events after a dyad's first event are filled with zeros, up to the last week in the store.
2. For each dyad, week and metric, the baseline is the previous ``baseline_weeks`` weeks (the
   current week excluded): their mean and population standard deviation.
3. The score is ``(value - mean) / max(sd, floor)`` for conflict counts and
   ``(mean - value) / max(sd, floor)`` for summed Goldstein (lower is worse). The floor (1 event,
   5 Goldstein points) keeps a perfectly flat baseline from turning one event into an infinite score.
4. A week alerts on a metric when its score is at least ``threshold`` and the minimum-volume rule
   holds: the week has at least ``min_events`` occurred events for the dyad, and the baseline
   covers at least ``min_baseline_weeks`` weeks (so a dyad's first weeks never alert).

Each alert names the dyad, the week, the metric, its value, the baseline, the score, the threshold
and the evidence: the ids of that week's events that pushed the metric (conflict events, or
events with a negative Goldstein value), most hostile first.

Bounds: at most :data:`~harbinger.analysis.series.MAX_ROWS` alerts, and at most
:data:`MAX_CELLS` dyad-weeks scored. Only weeks from ``baseline_weeks`` before ``since`` to
``until`` are scored, which changes no score (a week's baseline reaches back no further), so
``since`` is how to alert over a long history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from harbinger.analysis.series import MAX_ROWS, OCCURRED, Queryable, TooLarge, actor_columns, check_rows, timing_filter
from harbinger.errors import HarbingerError

METRIC_FLOORS = {"conflict_events": 1.0, "goldstein_sum": 5.0}
# Dyad-weeks one request may score: 1,000 dyads over ten years. Each is two metric rows in a window query.
MAX_CELLS = 500_000


@dataclass(frozen=True)
class AlertSettings:
    threshold: float = 3.0
    baseline_weeks: int = 8
    min_baseline_weeks: int = 4
    min_events: int = 3
    max_evidence: int = 20

    def check(self) -> None:
        problems = []
        if not self.threshold > 0:
            problems.append("threshold must be above 0")
        if not 1 <= self.baseline_weeks <= 520:
            problems.append("baseline_weeks must be between 1 and 520")
        if not 1 <= self.min_baseline_weeks <= self.baseline_weeks:
            problems.append("min_baseline_weeks must be between 1 and baseline_weeks")
        if self.min_events < 1:
            problems.append("min_events must be at least 1")
        if not 1 <= self.max_evidence <= 1000:
            problems.append("max_evidence must be between 1 and 1000")
        if problems:
            raise HarbingerError("H505", "bad alert settings: " + "; ".join(problems))


ALERT_COLUMNS = [
    "source", "target", "week", "week_end", "metric", "value", "baseline_mean", "baseline_sd",
    "baseline_weeks", "events", "score", "threshold", "evidence_count", "evidence_ids",
]  # fmt: skip


def escalation_alerts(
    store: Queryable,
    since: date | None = None,
    until: date | None = None,
    level: str = "country",
    settings: AlertSettings = AlertSettings(),
    source: str | None = None,
    target: str | None = None,
    timing: str = "current",
    limit: int = MAX_ROWS,
) -> tuple[list[str], list[tuple]]:
    """The ``limit`` highest-scoring alerts for weeks starting on or after ``since``'s week (and up to ``until``).

    The baseline reaches back before ``since`` as far as it needs. ``timing="all"`` counts
    historical and future events in the weeks of their own dates too. More than :data:`MAX_CELLS`
    dyad-weeks to score, or a ``limit`` over ``MAX_ROWS``, raises :class:`TooLarge`.
    """
    settings.check()
    limit = check_rows(limit, "alerts")
    if since and until and since > until:
        raise HarbingerError("H504", f"since {since} is after until {until}", hint="swap the two dates")
    source_col, target_col = actor_columns(level)
    floors = " ".join(f"WHEN '{metric}' THEN {floor}" for metric, floor in METRIC_FLOORS.items())
    timing_sql, params = timing_filter(timing)
    clauses, params = [f"AND {timing_sql}"], [list(OCCURRED), *params]
    for column, value in ((source_col, source), (target_col, target)):
        if value:
            clauses.append(f"AND {column} = ?")
            params.append(value)
    # Weeks scored per dyad: from its first week, or baseline_weeks before since's week (a week's baseline needs no
    # more), to the store's last week or until's (greatest/least skip a missing since/until).
    first_week = f"date_trunc('week', ?::DATE)::DATE - INTERVAL {int(settings.baseline_weeks)} WEEK"
    window = [since, until]
    occurred = f"""
        WITH occurred AS (
            SELECT id, {source_col} AS source, {target_col} AS target,
                   date_trunc('week', event_date)::DATE AS week, goldstein, quad_class
            FROM events
            WHERE event_date IS NOT NULL AND mode IN (SELECT unnest(?))
              AND {source_col} IS NOT NULL AND {target_col} IS NOT NULL AND {source_col} <> {target_col}
              {' '.join(clauses)}
        ),
        dyads AS (
            SELECT source, target, greatest(min(week), {first_week})::DATE AS first,
                   least((SELECT max(week) FROM occurred), date_trunc('week', ?::DATE)::DATE) AS last
            FROM occurred GROUP BY ALL
        )"""
    count = f"{occurred} SELECT coalesce(sum(greatest(datediff('week', first, last) + 1, 0)), 0) FROM dyads"
    _, ((cells,),) = store.query(count, params + window)
    if cells > MAX_CELLS:
        raise TooLarge(
            "H531",
            f"alerts would score {cells:,} dyad-weeks, over the limit of {MAX_CELLS:,}",
            hint="pass since (only later weeks are then scored), a source or a target, or use level country",
        )
    sql = f"""{occurred},
        weekly AS (
            SELECT source, target, week, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict_events,
                   coalesce(sum(goldstein), 0) AS goldstein_sum
            FROM occurred GROUP BY ALL
        ),
        grid AS (
            SELECT source, target, unnest(generate_series(first::TIMESTAMP, last::TIMESTAMP, INTERVAL 1 WEEK))::DATE AS week
            FROM dyads WHERE first <= last
        ),
        filled AS (
            SELECT g.source, g.target, g.week, coalesce(w.events, 0) AS events,
                   coalesce(w.conflict_events, 0)::DOUBLE AS conflict_events, coalesce(w.goldstein_sum, 0)::DOUBLE AS goldstein_sum
            FROM grid g LEFT JOIN weekly w USING (source, target, week)
        ),
        metrics AS (
            SELECT source, target, week, events, 'conflict_events' AS metric, conflict_events AS value, 1 AS direction FROM filled
            UNION ALL
            SELECT source, target, week, events, 'goldstein_sum', goldstein_sum, -1 FROM filled
        ),
        scored AS (
            SELECT *,
                   avg(value) OVER baseline AS baseline_mean,
                   coalesce(stddev_pop(value) OVER baseline, 0) AS baseline_sd,
                   count(value) OVER baseline AS baseline_weeks
            FROM metrics
            WINDOW baseline AS (PARTITION BY source, target, metric ORDER BY week
                                ROWS BETWEEN {int(settings.baseline_weeks)} PRECEDING AND 1 PRECEDING)
        ),
        alerts AS (
            SELECT *, direction * (value - baseline_mean) / greatest(baseline_sd, CASE metric {floors} END) AS score
            FROM scored
            WHERE baseline_weeks >= ? AND events >= ?
              AND week >= coalesce(date_trunc('week', ?::DATE)::DATE, DATE '0001-01-01')
              AND week <= coalesce(?::DATE, DATE '9999-12-31')
        ),
        evidence AS (
            SELECT a.source, a.target, a.week, a.metric,
                   list(o.id ORDER BY o.goldstein NULLS LAST, o.id) AS ids
            FROM alerts a JOIN occurred o ON o.source = a.source AND o.target = a.target AND o.week = a.week
            WHERE a.score >= ?
              AND ((a.metric = 'conflict_events' AND o.quad_class IN (3, 4)) OR (a.metric = 'goldstein_sum' AND o.goldstein < 0))
            GROUP BY ALL
        )
        SELECT a.source, a.target, a.week, (a.week + 6) AS week_end, a.metric, round(a.value, 3) AS value,
               round(a.baseline_mean, 3) AS baseline_mean, round(a.baseline_sd, 3) AS baseline_sd,
               a.baseline_weeks, a.events, round(a.score, 3) AS score, ? AS threshold,
               len(coalesce(e.ids, [])) AS evidence_count, coalesce(e.ids, [])[1:{int(settings.max_evidence)}] AS evidence_ids
        FROM alerts a LEFT JOIN evidence e USING (source, target, week, metric)
        WHERE a.score >= ?
        ORDER BY a.score DESC, a.week DESC, a.source, a.target, a.metric
        LIMIT ?"""
    params += window + [settings.min_baseline_weeks, settings.min_events, since, until]
    params += [settings.threshold, settings.threshold, settings.threshold, limit]
    return store.query(sql, params)
