"""PLOVER JSON Lines: the record type, its JSON Schema, and the writer.

Field names follow the PLOVER manual's JSON tables (Open Event Data Alliance,
Draft 0.8, 2021; CC BY-SA 4.0): ``id``, ``date``, ``event``, ``mode``,
``context``, ``quad_code``, ``event_scale``, ``actor``/``recipient`` (lists of
entity objects), ``event_loc`` (the location object), ``event_text``, ``text``,
``text_info``, ``cite_info``, ``coder``. ``event_type`` repeats the one event
type as POLECAT spells it; ``story_id``/``sentence_id`` name the evidence;
Harbinger's own fields (its mode, the TIMEX value, offsets, confidence, rule,
mention counts) sit under ``harbinger``. The models below are the single
definition: the writer builds them, and ``PloverRecord.model_json_schema()`` is
the schema shipped in ``harbinger/data/schemas/plover.schema.json``.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable, Optional, TextIO

from pydantic import BaseModel, ConfigDict, Field

from harbinger.events.export import CODER, code_parts
from harbinger.events.tables import load_tables
from harbinger.place.gazetteer import Gazetteer, load_gazetteer

CODEBOOK = "PLOVER 2021 (CAMEO to PLOVER table of 17 September 2021)"
# PLOVER's location resolution: 1 country, 2 province, 3 district, 4 city, 5 below a city.
_RESOLUTION = {"country": 1, "city": 4, "facility": 5, "ADM1": 2, "ADM2": 3}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Entity(_Model):
    """An actor or recipient: the manual's entity object, with Harbinger's resolved name, code and offsets."""

    code: Optional[str] = Field(description="3-letter top-level code: the country (ISO alpha-3) or the organisation (NAT, UNO)")
    sector: Optional[str] = Field(description="CAMEO sector after the country: GOV, MIL, REB ...")
    entity_text: str = Field(description="the words in the article")
    identifier_id: Optional[str] = Field(description="Wikidata item, when the office-holder table named the person")
    identifier_text: Optional[str] = Field(description="the resolved name")
    country: Optional[str] = Field(description="ISO 3166 alpha-3 of the actor's state; null for organisations and the unresolved")
    cameo_code: Optional[str] = Field(description="the whole CAMEO actor code (USAGOV, IGOWSTNAT)")
    start: int = Field(description="character offset of the words in the article text")
    end: int


class Location(_Model):
    """The manual's location object (after Mordecai's GeoNames fields), with offsets and how it was found."""

    extracted_place: str
    resolved_place: Optional[str]
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    city: Optional[str]
    district: Optional[str]
    province: Optional[str]
    country: Optional[str]
    country_code: Optional[str] = Field(description="ISO 3166 alpha-3, as the actors' countries")
    feature_class: Optional[str]
    feature_code: Optional[str]
    resolution: Optional[int] = Field(description="1 country, 2 province, 3 district, 4 city, 5 below a city")
    start: int
    end: int
    place_from: str = Field(description="venue (the parse ties it to the trigger), sentence (nearest in the sentence) or story (most named)")


class TextInfo(_Model):
    sequence: int = Field(description="the sentence's number in the article, from 1")
    start: int
    end: int


class CiteInfo(_Model):
    corpus: str = Field(description="Harbinger's article id")
    url: Optional[str]
    title: Optional[str]
    publication: Optional[str]
    language: str
    coder: str
    codebook: str


class HarbingerFields(_Model):
    mode: str = Field(description="asserted, reported, planned, conditional, hypothetical, denied or negated")
    mode_cue: Optional[str]
    cameo_code: str
    date_value: Optional[str] = Field(description="TIMEX3 value of the expression that dated the event, or the article date")
    date_precision: str = Field(description="day, week, month, year or unknown")
    date_from: Optional[str] = Field(description="time (a time expression) or dct (the article date)")
    timing: str = Field(description="current, historical or future, relative to the story's date")
    trigger: list[int] = Field(description="character offsets of the trigger word")
    confidence: float
    rule: str
    canonical_id: str = Field(description="the near-duplicate group the event was coded once for")
    num_mentions: int
    num_articles: int
    sources: list[str]


class PloverRecord(_Model):
    id: str
    date: Optional[str] = Field(description="YYYY-MM-DD: the first day of the event's date")
    event: list[str]
    event_type: str
    mode: list[str] = Field(description="PLOVER's mode of the event type (arrest, kill ...), from the CAMEO to PLOVER table")
    context: list[str]
    quad_code: int
    event_scale: float = Field(description="Goldstein scale value of the CAMEO code")
    actor: list[Entity]
    recipient: list[Entity]
    event_loc: Optional[Location]
    event_text: list[str]
    text: str
    text_info: TextInfo
    cite_info: CiteInfo
    story_id: str
    sentence_id: str
    coder: str
    harbinger: HarbingerFields


def _entity(record: dict, role: str) -> list[Entity]:
    if record.get(f"{role}_start") is None:
        return []
    code = record.get(f"{role}_code")
    country, group, types = code_parts(code)
    return [
        Entity(
            code=country or group or None,
            sector=types[0] if types else None,
            entity_text=record.get(f"{role}_text") or "",
            identifier_id=record.get(f"{role}_wikidata"),
            identifier_text=record.get(f"{role}_name"),
            country=country or None,
            cameo_code=code,
            start=record[f"{role}_start"],
            end=record[f"{role}_end"],
        )
    ]


def _feature_class(feature_code: str) -> str | None:
    if feature_code.startswith("PPL"):
        return "P"
    if feature_code.startswith(("ADM", "PCL")):
        return "A"
    return "L" if feature_code in ("CONT", "RGN") else None


def _location(record: dict, gaz: Gazetteer) -> Location | None:
    if record.get("place_start") is None:
        return None
    kind = record.get("place_kind")
    feature = record.get("place_feature_code") or ""
    country = gaz.countries.get(record.get("place_country") or "")
    name = record.get("place_name")
    return Location(
        extracted_place=record.get("place_text") or "",
        resolved_place=name,
        geonameid=record.get("place_geonameid"),
        lat=record.get("place_lat"),
        lon=record.get("place_lon"),
        city=name if kind == "city" else None,
        district=name if feature == "ADM2" else None,
        province=name if feature == "ADM1" else gaz.admin_name(record.get("place_admin1")),
        country=country.name if country else None,
        country_code=record.get("place_country"),
        feature_class=_feature_class(feature),
        feature_code=feature or None,
        resolution=_RESOLUTION.get(kind) or _RESOLUTION.get(feature),
        start=record["place_start"],
        end=record["place_end"],
        place_from=record.get("place_from") or "",
    )


def plover_record(record: dict, gaz: Gazetteer | None = None) -> PloverRecord:
    """One stored event (a typed record from :func:`harbinger.store.event_export.stored_events`) as a PLOVER record."""
    gaz = gaz or load_gazetteer()
    row = load_tables().codes.get(record["cameo_code"])
    day = record.get("event_date")
    return PloverRecord(
        id=record["id"],
        date=day.isoformat() if day else None,
        event=[record["plover_type"]],
        event_type=record["plover_type"],
        mode=[row.plover_mode] if row and row.plover_mode else [],
        context=[row.plover_context] if row and row.plover_context else [],
        quad_code=record["quad_class"],
        event_scale=record["goldstein"],
        actor=_entity(record, "source"),
        recipient=_entity(record, "target"),
        event_loc=_location(record, gaz),
        event_text=[record.get("trigger_text") or ""],
        text=record.get("sentence") or "",
        text_info=TextInfo(sequence=record["sentence_number"], start=record["sentence_start"], end=record["sentence_end"]),
        cite_info=CiteInfo(
            corpus=record["article_id"],
            url=record.get("article_url"),
            title=record.get("article_title"),
            publication=record.get("article_source"),
            language="en",
            coder=CODER,
            codebook=CODEBOOK,
        ),
        story_id=record["article_id"],
        sentence_id=f"{record['article_id']}:{record['sentence_number']}",
        coder=CODER,
        harbinger=HarbingerFields(
            mode=record["mode"],
            mode_cue=record.get("mode_cue"),
            cameo_code=record["cameo_code"],
            date_value=record.get("date_value"),
            date_precision=record.get("date_precision") or "unknown",
            date_from=record.get("date_from"),
            timing=record.get("timing") or "current",
            trigger=[record["trigger_start"], record["trigger_end"]],
            confidence=record["confidence"],
            rule=record.get("rule") or "",
            canonical_id=record["canonical_id"],
            num_mentions=record.get("num_mentions") or 1,
            num_articles=record.get("num_articles") or 1,
            sources=list(record.get("sources") or []),
        ),
    )


def plover_schema() -> dict:
    return PloverRecord.model_json_schema()


def _filled_paths(value, path: str = "") -> set[str]:
    """The paths of the leaves that hold a value (not null, not an empty list) in a JSON-like value."""
    if isinstance(value, dict):
        return set().union(*(_filled_paths(v, f"{path}.{k}") for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(_filled_paths(v, f"{path}[]") for v in value)) if value else set()
    return set() if value is None else {path}


def write_plover(records: Callable[[], Iterable[dict]], stream: TextIO) -> int:
    """Write every record as one JSON line. ``records`` is called twice (two passes over the store).

    Readers that infer a schema from the first lines (polars reads 100) fail when a field is null in all
    of them and filled further down. So the first pass picks, in order, each record that fills a field no
    earlier pick filled (a few dozen at most); they are written first, the rest follow in order.
    """
    gaz = load_gazetteer()
    covered: set[str] = set()
    first: dict[str, dict] = {}
    for record in records():
        data = plover_record(record, gaz).model_dump(mode="json")
        new = _filled_paths(data) - covered
        if new:
            covered |= new
            first[data["id"]] = data
    for data in first.values():
        stream.write(json.dumps(data, ensure_ascii=False) + "\n")
    count = len(first)
    for record in records():
        if record["id"] not in first:
            stream.write(plover_record(record, gaz).model_dump_json() + "\n")
            count += 1
    return count
