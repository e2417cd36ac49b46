"""Event-level dedupe across near-duplicate article groups: one story on 30 wires is one event with 30 sources.

Input events are the stage's event dicts plus three keys the caller adds:
``article_id``, ``canonical_id`` (the article's near-duplicate group, from
:mod:`harbinger.dedupe`) and optionally ``source_name``/``source_url``. Events
merge when they share the group and say the same thing: type, CAMEO code,
source and target actor (code, else lower-cased text), mode and date. The first
event seen is kept as the representative; pure function, no I/O.
"""

from __future__ import annotations

from typing import Iterable


def _actor_key(actor: dict | None) -> str:
    if not actor:
        return "-"
    return actor.get("code") or " ".join((actor.get("text") or "").lower().split())


def event_key(event: dict) -> tuple:
    return (
        event.get("canonical_id") or event.get("article_id"),
        event["plover_type"],
        event["cameo_code"],
        _actor_key(event.get("source")),
        _actor_key(event.get("target")),
        event["mode"],
        event.get("date"),
    )


def merge_duplicate_events(events: Iterable[dict]) -> list[dict]:
    """Merged events, in first-seen order, each with ``num_mentions``, ``num_articles``, ``sources``, ``article_ids``, ``event_ids``."""
    merged: dict[tuple, dict] = {}
    for event in events:
        key = event_key(event)
        row = merged.get(key)
        if row is None:
            row = merged[key] = {**event, "num_mentions": 0, "article_ids": [], "event_ids": [], "sources": []}
        row["num_mentions"] += 1
        row["event_ids"].append(event["id"])
        if event.get("article_id") and event["article_id"] not in row["article_ids"]:
            row["article_ids"].append(event["article_id"])
        for origin in (event.get("source_name"), event.get("source_url")):
            if origin and origin not in row["sources"]:
                row["sources"].append(origin)
        row["confidence"] = max(row["confidence"], event["confidence"])
    for row in merged.values():
        row["num_articles"] = len(row["article_ids"])
    return list(merged.values())
