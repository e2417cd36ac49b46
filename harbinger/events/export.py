"""Write coded events in the tabular formats other event-data tools read: GDELT 2.0 events and mentions, ICEWS.

Every writer takes typed event records (rows of the ``events`` table joined
with their article and near-duplicate group, as
:func:`harbinger.store.event_export.stored_events` yields them) and a text
stream; none opens files. Column lists and field meanings are in
``docs/export-formats.md``; the JSON Schemas in ``harbinger/data/schemas/``
describe every record and the tests validate each export against them.

- ``gdelt``: the 61 columns of a GDELT 2.0 event file, in GDELT's order, tab
  separated, no header (``header=True`` adds one): decimal ids, FIPS 10-4
  country codes and GDELT-style ADM1 codes in the geo fields, mention counts
  from the duplicate groups; AvgTone is left empty (Harbinger measures no tone).
- ``gdelt-mentions``: GDELT 2.0's 16 mention columns, one row per stored copy
  of each event's story.
- ``icews``: the columns of an ICEWS event file, tab separated with a header.

PLOVER JSON Lines are :mod:`harbinger.events.plover`'s. Each column list has
its types (:func:`column_type`), from which the JSON Schema of a row is made
(:func:`row_schema`): what a reader of these files should expect.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Iterable, TextIO

from harbinger.events.tables import load_tables
from harbinger.ontology import NON_STATE_PREFIXES
from harbinger.place.gazetteer import Gazetteer, load_gazetteer

CODER = "harbinger"
GEO_PREFIXES = ("Actor1Geo", "Actor2Geo", "ActionGeo")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{n}{field}" for n in (1, 2) for field in ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    + ["NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{prefix}_{field}" for prefix in GEO_PREFIXES for field in GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
    "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
]  # fmt: skip
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
    "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip
FORMAT_COLUMNS = {"gdelt": GDELT_COLUMNS, "gdelt-mentions": GDELT_MENTION_COLUMNS, "icews": ICEWS_COLUMNS}
# CAMEO prefixes of actors that belong to no state: GDELT puts the organisation in KnownGroupCode.
GROUP_PREFIXES = (*NON_STATE_PREFIXES, "NGM")  # and non-governmental movements
# GDELT's geographic resolution: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world state.
_GEO_TYPES = {"country": (1, 1), "admin": (2, 5), "city": (3, 4), "facility": (3, 4)}


_INTEGER = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
    "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED", "EventTimeDate", "MentionTimeDate", "MentionType",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen",
    "Event ID", "Sentence Number",
}  # fmt: skip
_NUMBER = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long",
    "ActionGeo_Lat", "ActionGeo_Long", "MentionDocTone", "Intensity", "Latitude", "Longitude",
}  # fmt: skip


def column_type(name: str) -> str:
    """The JSON Schema type of a column's cells: integer, number or string (event codes are strings: "0831")."""
    return "integer" if name in _INTEGER else "number" if name in _NUMBER else "string"


def row_schema(fmt: str) -> dict:
    """JSON Schema of one row of a tabular export, read as {column: value} with empty cells as null."""
    columns = FORMAT_COLUMNS[fmt]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Harbinger {fmt} row",
        "type": "object",
        "properties": {name: {"type": [column_type(name), "null"]} for name in columns},
        "required": list(columns),
        "additionalProperties": False,
        "x-column-order": list(columns),
    }


def read_row(fmt: str, line: str) -> dict:
    """One line of a tabular export as {column: typed value}: what a reader built from the column list gets."""
    columns = FORMAT_COLUMNS[fmt]
    cells = line.rstrip("\n").split("\t")
    if len(cells) != len(columns):
        raise ValueError(f"{fmt} row has {len(cells)} cells, the format has {len(columns)} columns")
    convert = {"integer": int, "number": float, "string": str}
    return {name: convert[column_type(name)](cell) if cell != "" else None for name, cell in zip(columns, cells)}


def numeric_id(event_id: str) -> int:
    """A decimal GLOBALEVENTID from the 16-hex content hash: its first 60 bits, so it fits a signed 64-bit column."""
    return int(event_id[:15], 16)


@lru_cache(maxsize=1)
def actor_types() -> dict[str, str]:
    path = resources.files("harbinger") / "data" / "events" / "cameo_actor_types.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["code"]: row["name"] for row in rows}


def code_parts(code: str | None) -> tuple[str, str, list[str]]:
    """(country, known group, type codes) of a CAMEO actor code: "USAGOV" → ("USA", "", ["GOV"]),
    "IGOWSTNAT" → ("", "NAT", ["IGO"]); three-letter pieces after the first."""
    if not code:
        return "", "", []
    pieces = [code[i : i + 3] for i in range(0, len(code), 3)]
    if pieces[0] in GROUP_PREFIXES:
        return "", pieces[-1] if len(pieces) > 1 else "", [pieces[0]]
    types = set(actor_types())
    return pieces[0], "", [p for p in pieces[1:] if p in types]


def _day(record: dict) -> date | None:
    return record.get("event_date")


def _ymd(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def _stamp(value: datetime | date | None) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    return value.strftime("%Y%m%d000000") if value else ""


def _num(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _fraction(day: date) -> str:
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


def _full_name(record: dict, gaz: Gazetteer) -> str:
    """GDELT's FullName: the place, its first-level region and its country, comma-separated."""
    parts = [record.get("place_name") or record.get("place_text")]
    if record.get("place_kind") in ("city", "facility"):
        parts.append(gaz.admin_name(record.get("place_admin1")))
    if record.get("place_kind") != "country":
        country = gaz.countries.get(record.get("place_country") or "")
        parts.append(country.name if country else None)
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _action_geo(record: dict, gaz: Gazetteer) -> list[str]:
    kind = record.get("place_kind")
    country = record.get("place_country")
    if kind not in _GEO_TYPES or not country:
        return ["0", "", "", "", "", "", "", ""]
    us, other = _GEO_TYPES[kind]
    return [
        str(us if country == "USA" else other),
        _full_name(record, gaz),
        gaz.fips.get(country, ""),
        record.get("place_adm1_code") or "",
        "",
        _num(record.get("place_lat")),
        _num(record.get("place_lon")),
        _num(record.get("place_geonameid")) or gaz.fips.get(country, ""),
    ]


def _actor(record: dict, role: str) -> list[str]:
    code = record.get(f"{role}_code")
    country, group, types = code_parts(code)
    name = record.get(f"{role}_name") or record.get(f"{role}_text") or ""
    return [code or "", name.upper() if code else "", country, group, "", "", "", *(types + ["", "", ""])[:3]]


def gdelt_row(record: dict, gaz: Gazetteer | None = None) -> list[str]:
    """The 61 GDELT 2.0 event columns for one record."""
    gaz = gaz or load_gazetteer()
    day = _day(record)
    code = record["cameo_code"] or ""
    return [
        str(numeric_id(record["id"])),
        _ymd(day),
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        _fraction(day) if day else "",
        *_actor(record, "source"),
        *_actor(record, "target"),
        "1" if record.get("is_root") else "0",
        code,
        code[:3],
        code[:2],
        _num(record.get("quad_class")),
        f"{record['goldstein']:.1f}" if record.get("goldstein") is not None else "",
        str(record.get("num_mentions") or 1),
        str(max(len(record.get("sources") or []), 1)),
        str(record.get("num_articles") or 1),
        "",
        *["0", "", "", "", "", "", "", ""],  # Actor1Geo: Harbinger locates the action, not each actor
        *["0", "", "", "", "", "", "", ""],  # Actor2Geo
        *_action_geo(record, gaz),
        _stamp(record.get("article_stored_at")),
        record.get("article_url") or record.get("article_source") or "",
    ]


def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _write_tsv(rows: Iterable[list[str]], stream: TextIO, header: list[str] | None) -> int:
    if header:
        stream.write("\t".join(header) + "\n")
    count = 0
    for row in rows:
        stream.write("\t".join(_clean(cell) for cell in row) + "\n")
        count += 1
    return count


def write_gdelt(records: Iterable[dict], stream: TextIO, header: bool = False) -> int:
    gaz = load_gazetteer()
    return _write_tsv((gdelt_row(r, gaz) for r in records), stream, GDELT_COLUMNS if header else None)


def gdelt_mention_rows(record: dict, copies: list[dict]) -> list[list[str]]:
    """GDELT 2.0 mention rows: one per stored article of the event's story. Offsets are the canonical copy's;
    other copies' are -1, as GDELT writes for a mention it cannot place."""
    rows = []
    event_time = _stamp(_day(record))
    for copy in copies or [{"id": record["article_id"], "url": record.get("article_url"), "source": record.get("article_source"),
                            "length": record.get("article_length"), "stored_at": record.get("article_stored_at"), "date": record.get("article_date")}]:  # fmt: skip
        here = copy["id"] == record["article_id"]
        offset = lambda value: str(value) if here and value is not None else "-1"  # noqa: E731
        rows.append(
            [
                str(numeric_id(record["id"])),
                event_time,
                _stamp(copy.get("stored_at") or copy.get("date")),
                "1",  # WEB
                copy.get("source") or "",
                copy.get("url") or copy.get("source") or copy["id"],
                str(record.get("sentence_number") or "") if here else "-1",
                offset(record.get("source_start")),
                offset(record.get("target_start")),
                offset(record.get("trigger_start")),
                "1" if here else "0",
                str(round((record.get("confidence") or 0) * 100)),
                _num(copy.get("length")),
                "",
                "",
                "",
            ]
        )
    return rows


def write_gdelt_mentions(records: Iterable[dict], copies: dict[str, list[dict]], stream: TextIO, header: bool = False) -> int:
    rows = (row for r in records for row in gdelt_mention_rows(r, copies.get(r["canonical_id"], [])))
    return _write_tsv(rows, stream, GDELT_MENTION_COLUMNS if header else None)


def _sectors(record: dict, role: str) -> str:
    _, _, types = code_parts(record.get(f"{role}_code"))
    names = actor_types()
    return ",".join(names[t] for t in types if t in names)


def _country_name(iso3: str | None, gaz: Gazetteer) -> str:
    entry = gaz.countries.get(iso3 or "")
    return entry.name if entry else ""


def icews_row(record: dict, gaz: Gazetteer | None = None) -> list[str]:
    gaz = gaz or load_gazetteer()
    row = load_tables().codes.get(record["cameo_code"])
    day = _day(record)
    kind = record.get("place_kind")
    source_country, _, _ = code_parts(record.get("source_code"))
    target_country, _, _ = code_parts(record.get("target_code"))
    return [
        str(numeric_id(record["id"])),
        day.isoformat() if day else "",
        record.get("source_name") or record.get("source_text") or "",
        _sectors(record, "source"),
        _country_name(source_country, gaz),
        row.name if row else "",
        record["cameo_code"] or "",
        _num(record.get("goldstein")),
        record.get("target_name") or record.get("target_text") or "",
        _sectors(record, "target"),
        _country_name(target_country, gaz),
        record["article_id"],
        _num(record.get("sentence_number")),
        record.get("article_source") or "",
        (record.get("place_name") or "") if kind in ("city", "facility") else "",
        (record.get("place_name") or "") if record.get("place_feature_code") == "ADM2" else "",
        gaz.admin_name(record.get("place_admin1")) or ((record.get("place_name") or "") if kind == "admin" else ""),
        _country_name(record.get("place_country"), gaz),
        _num(record.get("place_lat")),
        _num(record.get("place_lon")),
    ]


def write_icews(records: Iterable[dict], stream: TextIO) -> int:
    gaz = load_gazetteer()
    return _write_tsv((icews_row(r, gaz) for r in records), stream, ICEWS_COLUMNS)
