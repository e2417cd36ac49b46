"""Write events as PLOVER-style JSON Lines or a GDELT-like TSV.

Both take event dicts (the stage's output, each with the ``article_id`` of the
article it came from, and optionally the mention counts that
:func:`harbinger.store.event_export.stored_events` fills in) and article dicts
(``Article.to_dict()``), and write to a text stream. Pure: no files opened, so
the store and the CLI decide where the output goes. Columns are listed in
``harbinger/events/README.md``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Iterable, TextIO

from harbinger.events.tables import load_tables
from harbinger.time.values import calendar_day

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
    "PLOVERType",
    "Mode",
    "Confidence",
    "ArticleID",
]

def event_day(value: str | None, fallback: str | None) -> date | None:
    """The first day an event date names (a day, the Monday of an ISO week, the 1st of a month, 1 January), else the fallback's.

    Events carry this day as ``day`` (the time stage decides it); this reads it back from the value for events
    stored before they did.
    """
    for candidate in (value, fallback):
        found = calendar_day(candidate) if candidate else None
        if found:
            return found[0]
    return None


def _articles_by_id(articles: Iterable[dict]) -> dict[str, dict]:
    return {a["id"]: a for a in articles}


def _country(code: str | None) -> str:
    if not code or code.startswith(("IGO", "NGO")):
        return ""
    return code[:3]


def _place_field(place: dict | None, *names: str) -> str:
    if not place:
        return ""
    for name in names:
        value = place.get(name)
        if value not in (None, ""):
            return str(value)
    return ""


def plover_record(event: dict, article: dict | None) -> dict:
    """One event in the PLOVER JSON layout (id, date, actor, recipient, event, mode, context, text offsets, location)."""
    tables = load_tables()
    row = tables.codes.get(event["cameo_code"])
    source, target = event.get("source") or {}, event.get("target") or {}
    evidence = event["evidence"]
    text = (article or {}).get("text") or ""
    return {
        "id": event["id"],
        "date": event.get("date"),
        "event": event["plover_type"],
        "mode": event["mode"],
        "context": [row.plover_context] if row and row.plover_context else [],
        "actor": source.get("text"),
        "actor_code": source.get("code"),
        "recipient": target.get("text"),
        "recipient_code": target.get("code"),
        "text": text[evidence["sentence_start"] : evidence["sentence_end"]] if text else None,
        "offsets": {
            "sentence": [evidence["sentence_start"], evidence["sentence_end"]],
            "trigger": [evidence["trigger_start"], evidence["trigger_end"]],
            "actor": [source["start"], source["end"]] if source else None,
            "recipient": [target["start"], target["end"]] if target else None,
        },
        "location": event.get("place"),
        "cameo": event["cameo_code"],
        "goldstein": event["goldstein"],
        "quad_class": event["quad_class"],
        "mode_cue": event.get("mode_cue"),
        "date_from": event.get("date_from"),
        "confidence": event["confidence"],
        "rule": event["rule"],
        "article_id": event.get("article_id"),
        "url": (article or {}).get("url"),
        "num_mentions": event.get("num_mentions", 1),
        "sources": event.get("sources") or [s for s in [(article or {}).get("source")] if s],
    }


def write_plover_jsonl(events: Iterable[dict], articles: Iterable[dict], stream: TextIO) -> int:
    by_id = _articles_by_id(articles)
    count = 0
    for event in events:
        stream.write(json.dumps(plover_record(event, by_id.get(event.get("article_id"))), ensure_ascii=False) + "\n")
        count += 1
    return count


def gdelt_row(event: dict, article: dict | None) -> list[str]:
    article = article or {}
    source, target = event.get("source") or {}, event.get("target") or {}
    day = date.fromisoformat(event["day"]) if event.get("day") else event_day(event.get("date"), article.get("date"))
    added = event_day(article.get("date"), None)
    place = event.get("place")
    code = event["cameo_code"]
    sources = event.get("sources") or ([article["source"]] if article.get("source") else [])
    return [
        event["id"],
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        source.get("code") or "",
        source.get("text") or "",
        _country(source.get("code")),
        target.get("code") or "",
        target.get("text") or "",
        _country(target.get("code")),
        "1" if event.get("is_root_event", True) else "0",
        code,
        code[:3],
        code[:2],
        str(event["quad_class"]),
        f"{event['goldstein']:.1f}",
        str(event.get("num_mentions", 1)),
        str(len(sources)),
        str(event.get("num_articles", 1)),
        _place_field(place, "name", "text"),
        _place_field(place, "country", "country_code"),
        _place_field(place, "lat"),
        _place_field(place, "lon"),
        added.strftime("%Y%m%d") if added else "",
        article.get("url") or article.get("source") or "",
        event["plover_type"],
        event["mode"],
        f"{event['confidence']:.2f}",
        event.get("article_id") or "",
    ]


def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt_tsv(events: Iterable[dict], articles: Iterable[dict], stream: TextIO, header: bool = True) -> int:
    by_id = _articles_by_id(articles)
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for event in events:
        stream.write("\t".join(_clean(c) for c in gdelt_row(event, by_id.get(event.get("article_id")))) + "\n")
        count += 1
    return count
