"""The events stage's table: one typed row per event, and the Arrow schema the store, the API and the exporters read.

The stage's JSON (``Event.to_dict``) is flattened once, here, into the columns of
``EVENT_SCHEMA``; nothing downstream reads event JSON keys. Dates are the time
stage's decision (first calendar day, precision, where it came from, and
whether the event is ``current``, ``historical`` or ``future`` for its story);
places the place stage's (with ``place_from``: venue, sentence or story);
participants the actors stage's (code, resolved name, country, sector,
Wikidata item). Participant "countries" keep the whole code of an
international actor (an IGO is its own "country" in dyad series).
"""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from harbinger.ontology import NON_STATE_PREFIXES
from harbinger.stages import StageTable

# CAMEO prefixes of actors that belong to no state.
INTERNATIONAL_PREFIXES = {*NON_STATE_PREFIXES, "INT"}  # and "international" groups (INTREB)
PARTICIPANT_FIELDS = ("code", "country", "text", "name", "sector", "wikidata", "start", "end")
PLACE_FIELDS = ("text", "name", "country", "admin1", "kind", "lat", "lon", "geonameid", "feature_code", "adm1_code", "start", "end")
_INTS = {"start", "end", "geonameid"}
_FLOATS = {"lat", "lon"}


def country_of(code: str | None) -> str | None:
    if not code:
        return None
    return code if code[:3] in INTERNATIONAL_PREFIXES else code[:3]


def _participant(event: dict, role: str) -> dict:
    part = event.get(role) or {}
    values = {f"{role}_{key}": part.get(key) for key in PARTICIPANT_FIELDS}
    values[f"{role}_country"] = country_of(part.get("code"))
    return values


def _place(event: dict) -> dict:
    place = event.get("place") or {}
    return {f"place_{key}": place.get(key) for key in PLACE_FIELDS}


def event_rows(article_id: str, canonical_id: str, events: list[dict]) -> list[dict]:
    rows = []
    for event in events:
        evidence = event.get("evidence") or {}
        cameo = event.get("cameo_code")
        rows.append(
            {
                "id": event["id"],
                "article_id": article_id,
                "canonical_id": canonical_id,
                "event_date": date.fromisoformat(event["date"]) if event.get("date") else None,
                "date_value": event.get("date_value"),
                "date_precision": event.get("date_precision"),
                "date_from": event.get("date_from"),
                "timing": event.get("timing") or "current",
                **_participant(event, "source"),
                **_participant(event, "target"),
                "plover_type": event["plover_type"],
                "cameo_code": cameo,
                "cameo_root": cameo[:2] if cameo else None,
                "goldstein": event.get("goldstein"),
                "quad_class": event.get("quad_class"),
                "mode": event["mode"],
                "mode_cue": event.get("mode_cue"),
                "sentence_start": evidence.get("sentence_start"),
                "sentence_end": evidence.get("sentence_end"),
                "trigger_start": evidence.get("trigger_start"),
                "trigger_end": evidence.get("trigger_end"),
                "trigger_text": evidence.get("trigger_text"),
                "sentence_text": evidence.get("sentence_text"),
                **_place(event),
                "place_from": event.get("place_from"),
                "confidence": event.get("confidence"),
                "rule": event.get("rule"),
            }
        )
    return rows


def _column(name: str, key: str) -> tuple[str, pa.DataType]:
    return f"{name}_{key}", pa.int32() if key in _INTS else pa.float64() if key in _FLOATS else pa.string()


EVENT_SCHEMA = pa.schema(
    [("id", pa.string()), ("article_id", pa.string()), ("canonical_id", pa.string()), ("event_date", pa.date32())]
    + [(name, pa.string()) for name in ("date_value", "date_precision", "date_from", "timing")]
    + [_column(role, key) for role in ("source", "target") for key in PARTICIPANT_FIELDS]
    + [
        ("plover_type", pa.string()),
        ("cameo_code", pa.string()),
        ("cameo_root", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int32()),
        ("mode", pa.string()),
        ("mode_cue", pa.string()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("trigger_text", pa.string()),
        ("sentence_text", pa.string()),
    ]
    + [_column("place", key) for key in PLACE_FIELDS]
    + [("place_from", pa.string()), ("confidence", pa.float64()), ("rule", pa.string())]
)

EVENTS_TABLE = StageTable("events", EVENT_SCHEMA, event_rows)
