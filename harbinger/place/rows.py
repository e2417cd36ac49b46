"""The place stage's table: one typed row per place the stage found, and the Arrow schema the store and the API read.

The stage's JSON (``Place.to_dict``) is flattened once, here, into the columns
of ``PLACE_SCHEMA``; ``idx`` is the place's position in the stage's layer (text
order), which with the article id keys the row. The GeoNames codes
(``geonameid``, ``feature_code``, ``fips``, ``adm1_code``) are read when the
layer carries them, so stores written before the stage had them still load.
"""

from __future__ import annotations

import pyarrow as pa

from harbinger.stages import StageTable

CODES = ("geonameid", "feature_code", "fips", "adm1_code")


def place_rows(article_id: str, canonical_id: str, places: list[dict]) -> list[dict]:
    return [
        {
            "article_id": article_id,
            "canonical_id": canonical_id,
            "idx": idx,
            "start": place["start"],
            "end": place["end"],
            "text": place["text"],
            "name": place.get("name"),
            "country": place.get("country"),
            "admin1": place.get("admin1"),
            "kind": place.get("kind"),
            "role": place.get("role"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "resolved_by": place.get("resolved_by"),
            "confidence": place.get("confidence"),
            **{key: place.get(key) for key in CODES},
        }
        for idx, place in enumerate(places)
    ]


PLACE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("canonical_id", pa.string()),
        ("idx", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("resolved_by", pa.string()),
        ("confidence", pa.float64()),
        ("geonameid", pa.int32()),
        ("feature_code", pa.string()),
        ("fips", pa.string()),
        ("adm1_code", pa.string()),
    ]
)

PLACES_TABLE = StageTable("places", PLACE_SCHEMA, place_rows)
