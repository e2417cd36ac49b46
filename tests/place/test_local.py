"""Place v2 for local news: state abbreviations and "Town, ST", counties, points, places inside
organisation names, and roads, addresses and diseases that are not places."""

from __future__ import annotations

import pytest

from harbinger.place.gazetteer import load_gazetteer
from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, span, country, admin1",
    [
        ("A fire in Gainesville, Va., killed two people.", "Gainesville", "USA", "US-VA"),
        ("A fire in Gainesville, Va., killed two people.", "Va.", "USA", "US-VA"),
        ("Police in Lebanon, Pa. arrested a man.", "Lebanon", "USA", "US-PA"),
        ("Police in Lebanon, Pa. arrested a man.", "Pa.", "USA", "US-PA"),
        ("Officials in Columbia, SC, met on Monday.", "SC", "USA", "US-SC"),
        ("The S.C. governor spoke on Monday.", "S.C.", "USA", "US-SC"),
        ("Flooding hit Rapides Parish on Monday.", "Rapides Parish", "USA", "US-LA"),
        ("Georgia voters lined up before dawn in Atlanta.", "Georgia", "USA", "US-GA"),
    ],
)
def test_resolver_reads_states_abbreviations_and_counties(annotate, text, span, country, admin1):
    place = place_named(annotate(text), span)
    assert (place.country, place.admin1) == (country, admin1)


def test_gazetteer_abbreviation_alone_only_where_safe():
    gaz = load_gazetteer()
    assert gaz.alias("Calif.").admin1 == "US-CA"  # an AP abbreviation that is no other word
    assert gaz.alias("Pa.") is None and gaz.qualifier_area("Pa.").admin1 == "US-PA"  # "Pa." alone is also a word
    assert gaz.alias("TX") is None and gaz.qualifier_area("TX").admin1 == "US-TX"  # postal codes only after "Town,"


@pytest.mark.parametrize(
    "text, span, feature_code",
    [
        ("Officials in Virginia met on Monday.", "Virginia", "ADM1"),
        ("Talks were held in Kenya.", "Kenya", "PCLI"),
        ("Flooding hit DuPage County on Monday.", "DuPage County", "ADM2"),
        ("Talks were held in Nairobi.", "Nairobi", "PPLC"),
    ],
)
def test_resolver_gives_a_geonames_point_id_and_code(annotate, text, span, feature_code):
    place = place_named(annotate(text), span)
    assert place.lat is not None and place.geonameid is not None and place.feature_code == feature_code


def test_country_point_is_its_land_not_its_people():
    """GeoNames puts the United States near Kansas (39.76, -98.5), not at the population centre in Missouri/Illinois."""
    usa = load_gazetteer().countries["USA"]
    assert abs(usa.lat - 39.76) < 1.5 and abs(usa.lon - -98.5) < 1.5


@pytest.mark.parametrize(
    "text, span",
    [
        ("The Alexandria police said a man was arrested.", "Alexandria"),
        ("The Texas Department of State Health Services reported two cases.", "Texas"),
    ],
)
def test_finder_marks_places_inside_organisation_names(annotate, text, span):
    place = place_named(annotate(text), span)
    assert place.kind == "in_name" and place.country is not None and place.feature_code is not None


@pytest.mark.parametrize(
    "text, span",
    [
        ("Police were called to 6016 Dublin Road on Monday.", "Dublin"),
        ("A truck overturned on Interstate 64 near the bridge.", "Interstate 64"),
        ("Officials said Ebola had spread to two villages.", "Ebola"),
    ],
)
def test_finder_skips_addresses_roads_and_diseases(annotate, text, span):
    assert not [p for p in annotate(text)._.places if span in p.text]
