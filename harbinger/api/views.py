"""Aggregates the dashboard draws from the filtered events: the busiest dyads, and the map's countries and clusters.

Each function takes a :class:`~harbinger.api.filters.ViewFilter` (the dashboard's one filter state), so
every view answers for the same events. Answers are bounded: at most ``limit`` dyads, one row per
country, and at most :data:`MAX_CLUSTERS` clusters (events are binned on a grid of ``cell`` degrees;
the busiest cells are kept when there are more).
"""

from __future__ import annotations

from harbinger.analysis.series import Queryable, actor_columns
from harbinger.api.filters import ViewFilter
from harbinger.api.queries import source_of

MAX_CLUSTERS = 2_000


def filtered_dyads(store: Queryable, where: ViewFilter, level: str = "country", limit: int = 20) -> tuple[list[str], list[tuple]]:
    """The busiest directed dyads among the filtered events (both sides known, not self-directed)."""
    source_col, target_col = (f"e.{column}" for column in actor_columns(level))
    clause, params = where.where()
    sql = f"""
        SELECT {source_col} AS source, {target_col} AS target, count(*) AS events,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict_events,
               round(avg(e.goldstein), 3) AS goldstein_mean, min(e.event_date) AS first_date, max(e.event_date) AS last_date
        {source_of(where)}
        WHERE {clause} AND {source_col} IS NOT NULL AND {target_col} IS NOT NULL AND {source_col} <> {target_col}
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?"""
    return store.query(sql, params + [limit])


def map_summary(store: Queryable, where: ViewFilter, cell: float) -> tuple[list[dict], list[dict], int]:
    """In one scan of the filtered events: per place country the events, conflict events and mean Goldstein (the
    choropleth), and the geocoded events binned on a ``cell``-degree grid: each cell's centre of mass, count, worst
    QuadClass, most named place, (approximate) number of places and box. Returns ``(countries, clusters, cells)``:
    only the :data:`MAX_CLUSTERS` busiest cells are listed, ``cells`` says how many there were."""
    clause, params = where.where()
    sql = f"""
        SELECT e.place_country AS country, floor(e.place_lon / ?) AS gx, floor(e.place_lat / ?) AS gy,
               grouping(e.place_country) AS by_cell, count(*) AS events,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict_events, round(avg(e.goldstein), 3) AS goldstein_mean,
               round(avg(e.place_lat), 4) AS lat, round(avg(e.place_lon), 4) AS lon, max(e.quad_class) AS worst_quad_class,
               mode(coalesce(e.place_name, e.place_text)) AS place, approx_count_distinct(coalesce(e.place_name, e.place_text)) AS places
        {source_of(where)}
        WHERE {clause} AND (e.place_country IS NOT NULL OR e.place_lat IS NOT NULL)
        GROUP BY GROUPING SETS ((e.place_country), (gx, gy))"""
    columns, rows = store.query(sql, [cell, cell] + params)
    records = [dict(zip(columns, row)) for row in rows]
    countries = [
        {key: r[key] for key in ("country", "events", "conflict_events", "goldstein_mean")}
        for r in records if not r["by_cell"] and r["country"] is not None
    ]
    cells = [r for r in records if r["by_cell"] and r["gx"] is not None and r["gy"] is not None]
    cells.sort(key=lambda r: (-r["events"], r["lat"], r["lon"]))
    clusters = [
        {"lat": r["lat"], "lon": r["lon"], "events": r["events"], "worst_quad_class": r["worst_quad_class"], "place": r["place"],
         "places": r["places"], "west": max(r["gx"] * cell, -180), "south": max(r["gy"] * cell, -90),
         "east": min((r["gx"] + 1) * cell, 180), "north": min((r["gy"] + 1) * cell, 90)}
        for r in cells[:MAX_CLUSTERS]
    ]  # fmt: skip
    countries.sort(key=lambda r: (-r["events"], r["country"]))
    return countries, clusters, len(cells)
