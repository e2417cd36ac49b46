"""An event's evidence: its sentence, the spans inside it, and how each part was resolved.

Reads the event row and whatever stage annotations the article has (``timexes``/``time``,
``places``/``place``, ``actors``). Their exact records belong to the stages that write them, so this
module only relies on each item having ``start``/``end`` character offsets (``text`` is taken from
the article when missing) and passes the rest through as a trace. Malformed items are skipped.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from harbinger.analysis.series import Queryable

# span kind -> stage names (as stored in annotations.stage) and the payload key they may nest under
STAGES = {
    "time": ("timexes", "time"),
    "place": ("places", "place"),
    "actor": ("actors",),
}
LABEL_KEYS = {"time": ("value", "type"), "place": ("country", "name", "code"), "actor": ("code", "actor", "label")}


def stage_items(payload: Any, keys: Iterable[str]) -> list[dict]:
    """The list of records in a stage payload: the payload itself, or the list under one of ``keys``."""
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except ValueError:
            return []
    if isinstance(payload, dict):
        payload = next((payload[k] for k in keys if isinstance(payload.get(k), list)), [])
    if not isinstance(payload, list):
        return []
    return [item for item in payload if _offsets(item) is not None]


def _offsets(item: Any) -> tuple[int, int] | None:
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        return None
    return (start, end) if 0 <= start <= end else None


def _label(kind: str, item: dict) -> str | None:
    for key in LABEL_KEYS[kind]:
        value = item.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
    return None


def load_annotations(store: Queryable, article_id: str) -> dict[str, list[dict]]:
    """Stage records of one article, per span kind."""
    wanted = [name for names in STAGES.values() for name in names]
    _, rows = store.query("SELECT stage, payload FROM annotations WHERE article_id = ? AND stage IN (SELECT unnest(?))", [article_id, wanted])
    by_stage = dict(rows)
    found: dict[str, list[dict]] = {}
    for kind, names in STAGES.items():
        found[kind] = [item for name in names if name in by_stage for item in stage_items(by_stage[name], names)]
    return found


def evidence_spans(text: str, event: dict, annotations: dict[str, list[dict]]) -> list[dict]:
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
    for kind, items in annotations.items():
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
