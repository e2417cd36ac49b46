"""A story page's data: the article, every span the stages found in it with a readable reason, its events and copies.

Events, actors, times and quotes are coded once per near-duplicate group, on the canonical
article, so a copy's page shows its canonical article's text and spans and says it is a copy. Spans
come from the stages' own records: actors and times from their JSON layers in ``annotations``,
places from the ``places`` table, quotes from the ``quotes`` table, events (trigger, source and
target) from the ``events`` table. Every span carries offsets into ``article.text`` and a ``why``
sentence from :mod:`harbinger.api.explain`.
"""

from __future__ import annotations

from harbinger.analysis.evidence import load_stage_records
from harbinger.analysis.series import Queryable
from harbinger.api import explain

# At most this many spans per kind on one page (a very long text could hold thousands).
MAX_SPANS_PER_KIND = 2_000


def _span(kind: str, start, end, text: str, label, why: str, ref: str | None = None) -> dict | None:
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    return {"kind": kind, "start": start, "end": end, "text": text[start:end], "label": None if label is None else str(label), "why": why, "ref": ref}


def _article(store: Queryable, article_id: str) -> dict | None:
    columns, rows = store.query(
        "SELECT id, date, title, source, url, dateline, origin, words, canonical_id, similarity, text, body_start FROM articles WHERE id = ?",
        [article_id],
    )
    return dict(zip(columns, rows[0])) if rows else None


def _copies(store: Queryable, canonical_id: str) -> list[dict]:
    columns, rows = store.query(
        """SELECT id, date, title, source, url, round(similarity, 3) AS similarity, 'near' AS kind, origin
           FROM articles WHERE canonical_id = ? AND id <> canonical_id
           UNION ALL
           SELECT d.article_id, NULL, NULL, NULL, NULL, round(d.similarity, 3), d.kind, d.origin
           FROM duplicates d WHERE d.canonical_id = ? AND d.kind = 'exact'
           ORDER BY id, origin LIMIT 500""",
        [canonical_id, canonical_id],
    )
    return [dict(zip(columns, row)) for row in rows]


def _events(store: Queryable, canonical_id: str) -> list[dict]:
    columns, rows = store.query(
        f"""SELECT id, event_date, date_value, date_from, timing, source_code, source_text, source_start, source_end, source_name,
                   target_code, target_text, target_start, target_end, target_name, plover_type, cameo_code, goldstein, quad_class,
                   mode, mode_cue, trigger_start, trigger_end, sentence_start, sentence_end, place_name, place_country, confidence, rule
            FROM events WHERE canonical_id = ? ORDER BY sentence_start, trigger_start, id LIMIT {MAX_SPANS_PER_KIND}""",
        [canonical_id],
    )
    return [dict(zip(columns, row)) for row in rows]


def _quotes(store: Queryable, article_id: str) -> list[dict]:
    columns, rows = store.query(
        f"""SELECT id, kind, content_start, content_end, content_text, cue_text, act, speaker_text, speaker_name, speaker_code
            FROM quotes WHERE article_id = ? ORDER BY content_start, id LIMIT {MAX_SPANS_PER_KIND}""",
        [article_id],
    )
    return [dict(zip(columns, row)) for row in rows]


def story(store: Queryable, article_id: str) -> dict | None:
    """The story page of ``article_id`` (None if no such article)."""
    asked = _article(store, article_id)
    if asked is None:
        return None
    shown = asked if asked["canonical_id"] == asked["id"] else (_article(store, asked["canonical_id"]) or asked)
    text = shown["text"]
    records = load_stage_records(store, shown["id"])
    spans: list[dict | None] = []
    for item in records["actor"][:MAX_SPANS_PER_KIND]:
        spans.append(_span("actor", item["start"], item["end"], text, item.get("code"), explain.actor_trace(item)))
    for item in records["time"][:MAX_SPANS_PER_KIND]:
        spans.append(_span("time", item["start"], item["end"], text, item.get("value"), explain.time_trace(item)))
    for item in records["place"][:MAX_SPANS_PER_KIND]:
        spans.append(_span("place", item["start"], item["end"], text, item.get("country"), explain.place_trace(item)))
    for quote in _quotes(store, shown["id"]):
        record = {"speaker": {"name": quote["speaker_name"], "text": quote["speaker_text"]}, "cue": {"text": quote["cue_text"]},
                  "act": quote["act"], "kind": quote["kind"], "content": {"text": quote["content_text"]}}  # fmt: skip
        spans.append(_span("quote", quote["content_start"], quote["content_end"], text, quote["speaker_code"], explain.quote_trace(record), quote["id"]))
    events = _events(store, shown["canonical_id"])
    for event in events:
        event["why"] = explain.event_trace(event)
        spans.append(_span("trigger", event["trigger_start"], event["trigger_end"], text, event["plover_type"], event["why"], event["id"]))
    spans = sorted((s for s in spans if s is not None), key=lambda s: (s["start"], -s["end"], s["kind"]))
    article = {key: shown[key] for key in ("id", "date", "title", "source", "url", "dateline", "origin", "words", "text", "body_start")}
    return {
        "article": article,
        "asked": asked["id"],
        "copy_of": None if asked["id"] == shown["id"] else shown["id"],
        "copies": _copies(store, shown["canonical_id"]),
        "spans": spans,
        "events": events,
    }
