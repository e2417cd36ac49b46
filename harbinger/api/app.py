"""The read-only JSON API and the dashboard, served from one DuckDB store.

``create_app(db)`` opens the store read-only once; each request works on its own cursor (DuckDB
connections are not shared across threads) in a pool of ``threads`` worker threads, and repeated
queries are answered from a bounded response cache (:mod:`harbinger.api.cache`). Endpoints live
under ``/api``; the dashboard's static page is at ``/`` and its scripts under ``/static``; the
OpenAPI schema is at ``/docs``. Only requests for an allowed host are served, and every response
carries security headers (:mod:`harbinger.api.security`). Bad parameters answer 422 with a message
saying which parameter and why, and a request whose answer would pass a size bound answers 400
with its code; no request reaches a 500 through its parameters, because every user value is a
bound SQL parameter or a checked choice.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Iterable, Optional

import anyio.to_thread
import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from harbinger.analysis import AlertSettings, dyad_series, escalation_alerts
from harbinger.analysis.events import list_articles, store_overview
from harbinger.analysis.evidence import evidence_spans, find_trace, load_stage_records
from harbinger.analysis.series import PLOVER_TYPES, QUAD_COLUMNS, TooLarge
from harbinger.api import THREADS, explain
from harbinger.api import models as m
from harbinger.api.cache import CachedStore, ResponseCache
from harbinger.api.filters import ActorParam, ViewFilter, view_filter
from harbinger.api.queries import event_page, with_store
from harbinger.analysis.events import event_timeline
from harbinger.api.security import CONTENT_SECURITY_POLICY, LOOPBACK_HOSTS, Guard
from harbinger.api.snapshots import Cursor, ServedStore
from harbinger.api.story import story
from harbinger.api.views import MAX_CLUSTERS, filtered_dyads, map_summary
from harbinger.errors import HarbingerError
from harbinger.events.rows import PLACE_FIELDS
from harbinger.quotes import ATTR as QUOTES_LAYER
from harbinger.time import DateFrom

log = logging.getLogger("harbinger.api")

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
SinceParam = Annotated[Optional[date], Query(description="On or after this day (YYYY-MM-DD).")]
UntilParam = Annotated[Optional[date], Query(description="On or before this day (YYYY-MM-DD).")]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1–{MAX_LIMIT}.")]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def _records(columns: list[str], rows: list[tuple]) -> list[dict]:
    return [dict(zip(columns, row)) for row in rows]


def _span(row: dict, part: str) -> dict | None:
    start = row[f"{part}_start"]
    return None if start is None else {"start": start, "end": row[f"{part}_end"], "text": row[f"{part}_text"]}


def _quote(row: dict) -> dict:
    """A row of the quotes table as the API's :class:`~harbinger.api.models.Quote`."""
    speaker = _span(row, "speaker")
    if speaker is not None:
        speaker.update(name=row["speaker_name"], code=row["speaker_code"], resolved_by=row["speaker_resolved_by"] or [])
    claim = None
    if row["claim_id"] is not None:
        claim = {"id": row["claim_id"], "stance": row["claim_stance"], "relates_to": row["claim_relates_to"], "why": row["claim_why"] or []}
    return {
        "id": row["id"], "article_id": row["article_id"], "kind": row["kind"],
        "start": row["content_start"], "end": row["content_end"], "text": row["content_text"], "segments": row["segments"] or [],
        "cue": _span(row, "cue"), "act": row["act"], "speaker": speaker, "venue": _span(row, "venue"),
        "date": row["date"], "date_from": row["date_from"], "found_by": row["found_by"], "confidence": row["confidence"], "claim": claim,
    }  # fmt: skip


def _bad_request(error: HarbingerError) -> JSONResponse:
    """A coded answer: 400 for a request past a size bound, 422 for parameters that do not fit together."""
    detail = {"loc": ["query"], "msg": str(error.args[0]), "type": error.code}
    if error.hint:
        detail["hint"] = error.hint
    return JSONResponse(status_code=400 if isinstance(error, TooLarge) else 422, content={"detail": [detail]})


async def reader(request: Request) -> Cursor:
    """A cursor of its own over the snapshot :class:`~harbinger.api.cache.CachedStore` leased to this request, which
    closes it once the answer is sent (made on the event loop: a cursor costs microseconds, a thread hop more)."""
    return request.scope["harbinger.lease"].cursor()


Reader = Annotated[Cursor, Depends(reader)]


def stored_filter(view: Reader, where: Annotated[ViewFilter, Depends(view_filter)]) -> ViewFilter:
    return with_store(view, where)


Filters = Annotated[ViewFilter, Depends(stored_filter)]


def create_app(db: str | Path, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS, threads: int = THREADS) -> FastAPI:
    """The API over ``db``, answering requests for ``allowed_hosts`` only, with ``threads`` worker threads."""
    served = ServedStore(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        await served.close()

    app = FastAPI(
        title="Harbinger",
        version="0.1.0",
        summary="Read-only access to coded political events, dyad series and escalation alerts.",
        lifespan=lifespan,
        docs_url=None,  # served below from the bundled Swagger UI instead of a CDN
        redoc_url=None,
    )
    app.state.cache = ResponseCache()
    app.add_middleware(CachedStore, served=served, cache=app.state.cache)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)

    @app.exception_handler(HarbingerError)
    async def harbinger_error(request: Request, error: HarbingerError) -> JSONResponse:
        return _bad_request(error)

    @app.exception_handler(duckdb.Error)
    async def store_error(request: Request, error: duckdb.Error) -> JSONResponse:
        log.error("the store failed on %s: %s", request.url.path, error)
        detail = {"loc": [], "msg": "the store could not answer this request", "type": "H536", "hint": "retry, or narrow the request"}
        return JSONResponse(status_code=503, content={"detail": [detail]})

    @app.get("/api/health", response_model=m.Health, tags=["store"])
    async def health(request: Request) -> m.Health:
        """The store's file name (never its path) and the schema version of the file open now."""
        return m.Health(status="ok", db=served.name, schema_version=request.scope["harbinger.lease"].snapshot.schema_version)

    @app.get("/api/stats", response_model=m.Stats, tags=["store"])
    def stats(view: Reader) -> m.Stats:
        return m.Stats(**store_overview(view))

    @app.get("/api/articles", response_model=m.Page[m.ArticleSummary], tags=["articles"])
    def articles(view: Reader, since: SinceParam = None, until: UntilParam = None,
                 q: Annotated[Optional[str], Query(min_length=1, max_length=200, description="Text the title or body contains.")] = None,
                 limit: LimitParam = 50, offset: OffsetParam = 0):  # fmt: skip
        total, columns, rows = list_articles(view, since, until, q, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": _records(columns, rows)}

    @app.get("/api/articles/{article_id}", response_model=m.ArticleDetail, tags=["articles"])
    def article(view: Reader, article_id: str):
        columns, rows = view.query(
            """SELECT a.id, a.date, a.title, a.url, a.source, a.dateline, a.words, a.canonical_id, a.text, a.body_start,
                      (SELECT count(*) FROM articles c WHERE c.canonical_id = a.canonical_id) AS copies,
                      (SELECT list(e.id ORDER BY e.sentence_start, e.id) FROM events e WHERE e.canonical_id = a.canonical_id) AS event_ids
               FROM articles a WHERE a.id = ?""",
            [article_id],
        )
        if not rows:
            raise HTTPException(404, f"no article with id '{article_id}'")
        record = _records(columns, rows)[0]
        record["event_ids"] = record["event_ids"] or []
        record["events"] = len(record["event_ids"])
        return record

    @app.get("/api/events", response_model=m.Page[m.EventSummary], tags=["events"])
    def events(view: Reader, where: Filters, limit: LimitParam = 50, offset: OffsetParam = 0, order: m.EventOrder = m.EventOrder.newest):
        total, columns, rows = event_page(view, where, limit, offset, order.value)
        return {"total": total, "limit": limit, "offset": offset, "items": _records(columns, rows)}

    @app.get("/api/timeline", tags=["events"])
    def timeline(view: Reader, where: Filters, by: m.Period = m.Period.day) -> list[dict]:
        """Events matching the same filters as /api/events, counted per period and QuadClass."""
        return _records(*event_timeline(view, where, by.value))

    @app.get("/api/events/{event_id}", response_model=m.EventDetail, tags=["events"])
    def event(view: Reader, event_id: str):
        columns, rows = view.query(
            """WITH e AS (SELECT * FROM events WHERE id = ?)
               SELECT e.*, a.text AS article_text, a.title AS article_title, a.date AS article_date, a.url AS article_url,
                      greatest(len(c.ids), 1) AS mentions, c.ids AS copies
               FROM e LEFT JOIN articles a ON a.id = e.article_id
               LEFT JOIN (SELECT list(id ORDER BY id) AS ids FROM articles WHERE canonical_id = (SELECT canonical_id FROM e)) c ON TRUE""",
            [event_id],
        )
        if not rows:
            raise HTTPException(404, f"no event with id '{event_id}'")
        row = _records(columns, rows)[0]
        return _event_detail(row, load_stage_records(view, row["article_id"]))

    @app.get("/api/quotes", response_model=m.QuotePage, tags=["articles"])
    def quotes(view: Reader, article_id: Annotated[Optional[str], Query(max_length=64)] = None,
               q: Annotated[Optional[str], Query(min_length=1, max_length=200, description="Text the quote contains.")] = None,
               limit: LimitParam = 50, offset: OffsetParam = 0):  # fmt: skip
        """Quotes from the quotes stage's table, in text order per article; ``available`` is false (and the list empty)
        when the quotes stage never ran on this store."""
        _, ((available,),) = view.query("SELECT count(*) > 0 FROM annotations WHERE stage = ?", [QUOTES_LAYER])
        clauses, params = ["TRUE"], []
        if article_id:
            clauses.append("q.article_id = ?")
            params.append(article_id)
        if q:
            clauses.append("contains(lower(q.content_text), lower(?))")
            params.append(q)
        base = f"FROM quotes q WHERE {' AND '.join(clauses)}"
        _, ((total,),) = view.query(f"SELECT count(*) {base}", params)
        page = "ORDER BY q.article_id, q.content_start, q.id LIMIT ? OFFSET ?"
        columns, rows = view.query(f"SELECT q.* {base} {page}", params + [limit, offset])
        items = [_quote(row) for row in _records(columns, rows)]
        return {"total": total, "limit": limit, "offset": offset, "items": items, "available": bool(available)}

    @app.get("/api/series", response_model=m.Series, tags=["analysis"])
    def series(view: Reader, source: ActorParam = None, target: ActorParam = None, by: m.Period = m.Period.week,
               level: m.Level = m.Level.country, mode: m.SeriesMode = m.SeriesMode.occurred,
               since: SinceParam = None, until: UntilParam = None):  # fmt: skip
        """A dyad's time series (source/target omitted = any actor on that side), zero-filled between first and last period
        (at most 5,000 periods; a missing since/until defaults to the first/last matching event)."""
        columns, rows = dyad_series(view, source, target, by.value, level.value, mode.value, since, until)
        points = []
        for record in _records(columns, rows):
            points.append(
                {
                    "period": record["period"],
                    "events": record["events"],
                    "mentions": record["mentions"],
                    "goldstein_mean": record["goldstein_mean"],
                    "goldstein_sum": record["goldstein_sum"],
                    "quad_class": {name: record[name] for name in QUAD_COLUMNS},
                    "plover": {name: record[name.lower()] for name in PLOVER_TYPES},
                }
            )
        return {"source": source or "*", "target": target or "*", "by": by.value, "level": level.value, "mode": mode.value, "points": points}

    @app.get("/api/dyads", response_model=list[m.Dyad], tags=["analysis"])
    def dyads(request: Request, view: Reader, where: Filters, level: m.Level = m.Level.country,
              limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20):  # fmt: skip
        """The busiest directed dyads among the events matching the /api/events filters (occurred events unless
        mode or modes says otherwise)."""
        if "mode" not in request.query_params and "modes" not in request.query_params:
            where = replace(where, mode="occurred")
        return _records(*filtered_dyads(view, where, level.value, limit))

    @app.get("/api/dyad_view", response_model=m.DyadView, tags=["analysis"])
    def dyad_view(view: Reader, where: Filters, by: m.Period = m.Period.week, level: m.Level = m.Level.country,
                  limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 30):  # fmt: skip
        """The dashboard's dyad panel in one answer: the busiest dyads among the filtered events, the chosen dyad (the
        filter's source and target, or else the busiest) and its filtered events per period and QuadClass (as /api/timeline).
        Its alert weeks are /api/alerts for that source and target: they do not depend on the other filters."""
        dyads = _records(*filtered_dyads(view, where, level.value, limit))
        chosen = (where.source, where.target) if where.source and where.target else (dyads[0]["source"], dyads[0]["target"]) if dyads else None
        if chosen is None:
            return {"dyads": dyads, "source": None, "target": None, "points": []}
        points = _records(*event_timeline(view, replace(where, source=chosen[0], target=chosen[1]), by.value))
        return {"dyads": dyads, "source": chosen[0], "target": chosen[1], "points": points}

    @app.get("/api/map", response_model=m.MapSummary, tags=["events"])
    def event_map(view: Reader, where: Filters,
                  cell: Annotated[float, Query(ge=0.25, le=45, description="Cluster grid size in degrees.")] = 2.0):  # fmt: skip
        """The filtered events by place country (the choropleth) and as clusters on a ``cell``-degree grid (at most
        2,000, busiest first; ``clusters_total`` says how many cells there were)."""
        countries, clusters, total = map_summary(view, where, cell)
        return {"countries": countries, "clusters": clusters, "clusters_total": total, "clusters_max": MAX_CLUSTERS, "cell": cell}

    @app.get("/api/stories/{article_id}", response_model=m.Story, tags=["articles"])
    def story_page(view: Reader, article_id: str):
        """A story: the article (its canonical copy's text when it is a near duplicate), every span the stages found
        in it with why it resolved as it did, its events and its near-duplicate copies."""
        found = story(view, article_id)
        if found is None:
            raise HTTPException(404, f"no article with id '{article_id}'")
        return found

    @app.get("/api/alerts", response_model=list[m.Alert], tags=["analysis"])
    def alerts(view: Reader, since: SinceParam = None, until: UntilParam = None, level: m.Level = m.Level.country,
               source: ActorParam = None, target: ActorParam = None,
               threshold: Annotated[float, Query(gt=0, le=100, description="Minimum z-score.")] = 3.0,
               baseline_weeks: Annotated[int, Query(ge=1, le=520, description="Weeks in the rolling baseline.")] = 8,
               min_baseline_weeks: Annotated[int, Query(ge=1, le=520, description="Weeks of history needed before a dyad can alert.")] = 4,
               min_events: Annotated[int, Query(ge=1, le=10_000, description="Occurred events the dyad needs that week.")] = 3,
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100):  # fmt: skip
        """Escalation alerts (rolling z-score of weekly conflict counts and summed Goldstein; see harbinger/api/README.md)."""
        settings = AlertSettings(threshold=threshold, baseline_weeks=baseline_weeks, min_baseline_weeks=min_baseline_weeks, min_events=min_events)
        rows = _records(*escalation_alerts(view, since, until, level.value, settings, source, target, limit=limit))
        return [{**row, "why": explain.alert_reason(row)} for row in rows]

    static = resources.files("harbinger.dashboard").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    docs_page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Harbinger API",
        swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
        swagger_favicon_url="data:,",
    ).body
    docs_policy = _docs_policy(docs_page.decode())

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page, headers={"Content-Security-Policy": docs_policy})

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    return app


def _docs_policy(page: str) -> str:
    """The dashboard's Content-Security-Policy, plus what Swagger UI's page needs: its one inline script (allowed by
    its hash, not wholesale) and the inline styles its components set."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    )
    policy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {hashes}")
    return policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def _event_detail(row: dict, records: dict[str, list[dict]]) -> dict:
    text = row["article_text"] or ""
    lo, hi = row["sentence_start"], row["sentence_end"]
    summary = {key: row.get(key) for key in m.EventSummary.model_fields}
    summary["sentence"] = text[lo:hi]
    timexes_in_sentence = [t for t in records["time"] if lo <= t["start"] and t["end"] <= hi]
    date_trace = next((t for t in timexes_in_sentence if t.get("value") == row["date_value"]), None)
    if date_trace is None and row["date_from"] == DateFrom.TIME.value and timexes_in_sentence:
        date_trace = timexes_in_sentence[0]

    def actor(side: str) -> dict:
        start, end = row[f"{side}_start"], row[f"{side}_end"]
        return {
            "text": row[f"{side}_text"], "code": row[f"{side}_code"], "country": row[f"{side}_country"], "name": row[f"{side}_name"],
            "sector": row[f"{side}_sector"], "wikidata": row[f"{side}_wikidata"], "start": start, "end": end,
            "trace": find_trace(records["actor"], start, end, row[f"{side}_text"], lo, hi),
        }  # fmt: skip

    place = {key: row[f"place_{key}"] for key in PLACE_FIELDS}
    place["source"] = row["place_from"]
    place["trace"] = find_trace(records["place"], row["place_start"], row["place_end"], row["place_text"], lo, hi)

    resolution = {side: actor(side) for side in ("source", "target")}
    return {
        "event": summary,
        "explanation": _explanation(row, resolution, date_trace, place),
        "article": {"id": row["article_id"], "date": row["article_date"], "title": row["article_title"], "url": row["article_url"]},
        "sentence": {"kind": "sentence", "start": lo, "end": hi, "text": text[lo:hi]},
        "spans": evidence_spans(text, row, records),
        "resolution": {
            "source": resolution["source"],
            "target": resolution["target"],
            "date": {"event_date": row["event_date"], "value": row["date_value"], "precision": row["date_precision"],
                     "source": row["date_from"], "timing": row["timing"], "trace": date_trace},
            "place": place,
            "mode": {"mode": row["mode"], "cue": row["mode_cue"]},
            "cameo_code": row["cameo_code"], "cameo_root": row["cameo_root"], "rule": row["rule"], "confidence": row["confidence"],
        },  # fmt: skip
        "copies": row["copies"] or [],
    }


def _explanation(row: dict, actors: dict, date_trace: dict | None, place: dict) -> dict[str, str]:
    """The event's resolution in words (:mod:`harbinger.api.explain`), from each stage's record or, without one,
    from the event row itself."""
    said = {"event": explain.event_trace(row)}
    for side, resolved in actors.items():
        record = resolved["trace"] or {"text": resolved["text"], "code": resolved["code"], "name": resolved["name"]}
        said[side] = explain.actor_trace(record) if record.get("text") else "not found in the sentence"
    if date_trace:
        said["date"] = explain.time_trace(date_trace) + f"; the event is dated {row['date_value']} ({row['timing'] or 'current'})"
    else:
        said["date"] = f"{row['date_value'] or 'no date'} from the article's date ({row['timing'] or 'current'})"
    where = place["trace"] or ({"text": place["text"], "name": place["name"], "country": place["country"], "kind": place["kind"]} if place["text"] else None)
    if where is None:
        said["place"] = "no place"
    else:
        said["place"] = explain.place_trace(where) + (f"; found by {place['source']}" if place["source"] else "")
    return said
