"""Flatten the events stage's JSON into rows of the ``events`` table.

The stage keeps TIMEX3-style date values ("2022-W02", "2021-12",
"2022-01-06/2022-01-08") and, decided by the time stage, the first calendar
day each covers (``day``) and how precise it is; the table stores both, the
day to bucket time series. Actor codes are compared at country level in the
series: ``country_of`` keeps the ISO prefix of a state actor and the whole
code of an international one (an IGO is its own "country").
"""

from __future__ import annotations

from datetime import date

import pyarrow as pa


# CAMEO prefixes of actors that belong to no state.
INTERNATIONAL_PREFIXES = {"IGO", "NGO", "IMG", "MNC", "INT"}



def country_of(code: str | None) -> str | None:
    if not code:
        return None
    return code if code[:3] in INTERNATIONAL_PREFIXES else code[:3]


def _part(event: dict, role: str, key: str):
    participant = event.get(role) or {}
    return participant.get(key)


def event_rows(article_id: str, canonical_id: str, events: list[dict]) -> list[dict]:
    rows = []
    for event in events:
        day = date.fromisoformat(event["day"]) if event.get("day") else None
        evidence = event.get("evidence") or {}
        place = event.get("place") or {}
        cameo = event.get("cameo_code")
        rows.append(
            {
                "id": event["id"],
                "article_id": article_id,
                "canonical_id": canonical_id,
                "event_date": day,
                "date_value": event.get("date"),
                "date_precision": event.get("date_precision"),
                "date_from": event.get("date_from"),
                "source_code": _part(event, "source", "code"),
                "source_country": country_of(_part(event, "source", "code")),
                "source_text": _part(event, "source", "text"),
                "source_start": _part(event, "source", "start"),
                "source_end": _part(event, "source", "end"),
                "target_code": _part(event, "target", "code"),
                "target_country": country_of(_part(event, "target", "code")),
                "target_text": _part(event, "target", "text"),
                "target_start": _part(event, "target", "start"),
                "target_end": _part(event, "target", "end"),
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
                "place_text": place.get("text"),
                "place_country": place.get("country"),
                "place_lat": place.get("lat"),
                "place_lon": place.get("lon"),
                "confidence": event.get("confidence"),
                "rule": event.get("rule"),
            }
        )
    return rows


EVENT_SCHEMA = pa.schema(
    [("id", pa.string()), ("article_id", pa.string()), ("canonical_id", pa.string()), ("event_date", pa.date32())]
    + [(name, pa.string()) for name in ("date_value", "date_precision", "date_from")]
    + [
        (f"{role}_{key}", pa.int32() if key in ("start", "end") else pa.string())
        for role in ("source", "target")
        for key in ("code", "country", "text", "start", "end")
    ]
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
        ("place_text", pa.string()),
        ("place_country", pa.string()),
        ("place_lat", pa.float64()),
        ("place_lon", pa.float64()),
        ("confidence", pa.float64()),
        ("rule", pa.string()),
    ]
)
