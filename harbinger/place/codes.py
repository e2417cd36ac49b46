"""FIPS 10-4 country codes and GDELT-style ADM1 codes, for exporters that write GDELT's formats.

Reads ``countries.tsv`` (ISO alpha-3 → FIPS 10-4, from GeoNames) and ``admin1.tsv`` (ISO 3166-2 →
GeoNames admin1) of a place data folder once per process and folder; the rest of the gazetteer is
not loaded, so an exporter reading stored output pays only for these two small files.
:func:`adm1_for` takes a place in its dict form (``Place.to_dict()`` or stored JSON): the place's own
``adm1_code`` when the resolver set one, else one worked out from its ``country`` and ``admin1``, so
output written before places carried codes gets them too.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from harbinger.place.lexicon import DEFAULT_DIR, read_rows


def _folder(data_dir: str | None) -> Path:
    return Path(data_dir) if data_dir else DEFAULT_DIR


@lru_cache(maxsize=4)
def _country_fips(data_dir: str | None) -> dict[str, str]:
    return {row["iso3"]: row["fips"] for row in read_rows(_folder(data_dir) / "countries.tsv") if row.get("fips")}


@lru_cache(maxsize=4)
def _region_gn_admin1(data_dir: str | None) -> dict[str, str]:
    return {row["code"]: row["gn_admin1"] for row in read_rows(_folder(data_dir) / "admin1.tsv") if row.get("gn_admin1")}


def fips_for_iso3(iso3: str | None, data_dir: str | None = None) -> str | None:
    """The FIPS 10-4 code of a country given by ISO alpha-3 ("DEU" → "GM"), None if GeoNames has none."""
    return _country_fips(data_dir).get(iso3) if iso3 else None


def adm1_for(place: dict, data_dir: str | None = None) -> str | None:
    """GDELT's ADM1 code of a place dict: FIPS country + GeoNames admin1 ("USDC"), the FIPS code alone for a
    country or a demonym ("UP"), None when its first-level region is unknown."""
    if place.get("adm1_code"):
        return place["adm1_code"]
    fips = place.get("fips") or fips_for_iso3(place.get("country"), data_dir)
    if not fips:
        return None
    if place.get("kind") == "country" or place.get("role") == "demonym":
        return fips
    gn_admin1 = _region_gn_admin1(data_dir).get(place.get("admin1") or "")
    return fips + gn_admin1 if gn_admin1 else None
