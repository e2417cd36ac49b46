"""GeoNames ids, feature codes, FIPS 10-4 and GDELT ADM1 codes: on resolved places and from harbinger.place.codes."""

from __future__ import annotations

import pytest

from harbinger.place.codes import adm1_for, fips_for_iso3
from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, dateline, span, geonameid, feature_code, fips, adm1_code",
    [
        ("Officials said on Sunday that talks would continue.", "WASHINGTON", "WASHINGTON", 4140963, "PPLC", "US", "USDC"),
        ("Troops withdrew from Kiev.", None, "Kiev", 703448, "PPLC", "UP", "UP12"),
        ("A tornado hit Paris, Texas, on Friday.", None, "Paris", 4717560, "PPL", "US", "USTX"),
        ("The pipeline would end in Otranto, Italy.", None, "Otranto", 3171785, "PPL", "IT", "IT13"),  # a small town
        ("Officials from Germany met counterparts in Armenia.", None, "Germany", 2921044, "PCLI", "GM", "GM"),
        ("Ukrainian troops held the line.", None, "Ukrainian", 690791, "PCLI", "UP", "UP"),  # a demonym: its country
        ("The governor of Washington state signed the bill.", None, "Washington", 5815135, "ADM1", "US", "USWA"),
        ("Reporters waited outside the White House.", None, "White House", 4140963, None, "US", "USDC"),  # a landmark: its city
        ("Leaders from Asia gathered on Monday.", None, "Asia", 6255147, "CONT", None, None),
        ("Troops stayed in the Baltic states.", None, "Baltic states", None, "RGN", None, None),
        ("A bomb exploded in Koszalin, North Poland.", None, "North Poland", None, "RGN", "PL", "PL"),  # a part of a country
    ],
)
def test_resolver_gives_places_geonames_and_gdelt_codes(annotate, text, dateline, span, geonameid, feature_code, fips, adm1_code):
    place = place_named(annotate(text, dateline=dateline), span)
    assert (place.geonameid, place.feature_code, place.fips, place.adm1_code) == (geonameid, feature_code, fips, adm1_code)


def test_resolver_gives_a_place_known_only_by_its_country_that_country_fips_and_no_adm1(annotate):
    place = place_named(annotate("Fire broke out in India on Monday at the Hotel Arpit Palace."), "Hotel Arpit Palace")
    assert (place.resolved_by, place.geonameid, place.feature_code, place.fips, place.adm1_code) == ("context:document", None, None, "IN", None)


def test_place_to_dict_carries_the_codes(annotate):
    row = place_named(annotate("Troops withdrew from Kiev."), "Kiev").to_dict()
    assert {key: row[key] for key in ("geonameid", "feature_code", "fips", "adm1_code")} == {
        "geonameid": 703448, "feature_code": "PPLC", "fips": "UP", "adm1_code": "UP12",
    }


@pytest.mark.parametrize(
    "iso3, fips",
    [("DEU", "GM"), ("UKR", "UP"), ("USA", "US"), ("GBR", "UK"), ("CHE", "SZ"), ("ALA", None), ("XXX", None), (None, None)],
)
def test_fips_for_iso3_gives_geonames_fips_code(iso3, fips):
    assert fips_for_iso3(iso3) == fips


def test_adm1_for_takes_the_resolver_code(annotate):
    row = place_named(annotate("Troops withdrew from Kiev."), "Kiev").to_dict()
    assert adm1_for(row) == "UP12"


@pytest.mark.parametrize(
    "place, adm1_code",
    [
        ({"country": "USA", "admin1": "US-DC", "kind": "city", "role": "mention"}, "USDC"),
        ({"country": "GBR", "admin1": "GB-ENG", "kind": "admin", "role": "mention"}, "UKENG"),
        ({"country": "UKR", "admin1": None, "kind": "country", "role": "mention"}, "UP"),
        ({"country": "UKR", "admin1": None, "kind": "country", "role": "demonym"}, "UP"),
        ({"country": "UKR", "admin1": None, "kind": "city", "role": "mention"}, None),  # GeoNames' Ukrainian codes are not ISO's
        ({"country": None, "admin1": None, "kind": "region", "role": "mention"}, None),
    ],
)
def test_adm1_for_works_out_codes_for_output_written_without_them(place, adm1_code):
    assert adm1_for(place) == adm1_code
