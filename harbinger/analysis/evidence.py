"""An event's evidence: its sentence, the spans inside it, and how each part was resolved.

Reads the event's typed row (the ``events`` table), the article's places from the place stage's
``places`` table, and, for the stages that own no table (time, actors), their JSON layer in
``annotations`` under the attribute the stage registered. Each record keeps its stage's own fields
and is passed through as a trace; only its ``start``/``end`` offsets are relied on (``text`` is taken
from the article when missing or different), and records without usable offsets are skipped.
"""

from __future__ import annotations

import json
from typing import Any

from harbinger.analysis.series import Queryable
from harbinger.registry import stages
from harbinger.stages import load_stage_modules

# span kind -> the stage whose JSON layer holds its records (places come from the places table)
LAYER_STAGES = {"time": "time", "actor": "actors"}
# span kind -> the field of its record that labels the span: a time value, an actor code, a country
LABELS = {"time": "value", "place": "country", "actor": "code"}


def _offsets(item: Any) -> tuple[int, int] | None:
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        return None
    return (start, end) if 0 <= start <= end else None


def _label(kind: str, item: dict) -> str | None:
    value = item.get(LABELS[kind])
    return None if value is None or isinstance(value, (bool, dict, list)) else str(value)


def load_stage_records(store: Queryable, article_id: str) -> dict[str, list[dict]]:
    """One article's time, place and actor records, per span kind, in text order."""
    load_stage_modules()
    kinds = {stages.get(stage).attr: kind for kind, stage in LAYER_STAGES.items()}
    found: dict[str, list[dict]] = {kind: [] for kind in LABELS}
    _, rows = store.query(
        "SELECT stage, payload FROM annotations WHERE article_id = ? AND stage IN (SELECT unnest(?))", [article_id, list(kinds)]
    )
    for attr, payload in rows:
        found[kinds[attr]] = [item for item in json.loads(payload) if _offsets(item) is not None]
    places = "SELECT * EXCLUDE (article_id, canonical_id, idx) FROM places WHERE article_id = ? ORDER BY idx"
    columns, rows = store.query(places, [article_id])
    found["place"] = [dict(zip(columns, row)) for row in rows]
    return found


def evidence_spans(text: str, event: dict, records: dict[str, list[dict]]) -> list[dict]:
    """Spans inside the event's sentence, ordered by position: the event's own parts, then stage spans."""
    lo, hi = event["sentence_start"], event["sentence_end"]
    spans, seen = [], set()

    def add(kind: str, start: Any, end: Any, label: Any = None, given: Any = None) -> None:
        if not isinstance(start, int) or not isinstance(end, int) or not lo <= start < end <= hi or end > len(text):
            return
        if (kind, start, end) in seen:
            return
        seen.add((kind, start, end))
        span_text = given if isinstance(given, str) and given == text[start:end] else text[start:end]
        spans.append({"kind": kind, "start": start, "end": end, "text": span_text, "label": None if label is None else str(label)})

    add("trigger", event.get("trigger_start"), event.get("trigger_end"), event.get("plover_type"))
    add("source", event.get("source_start"), event.get("source_end"), event.get("source_code"))
    add("target", event.get("target_start"), event.get("target_end"), event.get("target_code"))
    for kind, items in records.items():
        for item in items:
            offsets = _offsets(item)
            if offsets is not None:
                add(kind, *offsets, _label(kind, item), item.get("text"))
    return sorted(spans, key=lambda s: (s["start"], -s["end"], s["kind"]))


def find_trace(items: list[dict], start: int | None, end: int | None, text: str | None = None, lo: int = 0, hi: int = 1 << 62) -> dict | None:
    """The stage record covering ``start..end`` (or, without offsets, the first in the sentence with this text)."""
    located = [(item, _offsets(item)) for item in items if _offsets(item) is not None]
    if start is not None and end is not None:
        return next((item for item, (a, b) in located if a <= start and end <= b), None)
    return next((item for item, (a, b) in located if text and item.get("text") == text and lo <= a and b <= hi), None)
