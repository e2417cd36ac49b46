"""The offline gazetteer: loading once, name folding, aliases, demonyms and regions."""

from __future__ import annotations

import pytest

from harbinger.place.gazetteer import Gazetteer, fold, load_gazetteer
from harbinger.place.lexicon import DEFAULT_DIR


def test_load_gazetteer_is_loaded_once_per_process():
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    "name, key",
    [("Zürich", "zurich"), ("the Netherlands", "netherlands"), ("Guinea-Bissau", "guinea bissau"), ("  São  Paulo ", "sao paulo")],
)
def test_fold_strips_accents_case_and_leading_article(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(
    "alias, kind, country, name",
    [
        ("U.S.", "country", "USA", "United States"),
        ("Britain", "country", "GBR", "United Kingdom"),
        ("Kiev", "city", "UKR", "Kyiv"),
        ("Kyiv", "city", "UKR", "Kyiv"),
        ("England", "admin", "GBR", None),
        ("Ivory Coast", "country", "CIV", None),
    ],
)
def test_alias_points_to_one_entry(alias, kind, country, name):
    entry = load_gazetteer().alias(alias)
    assert (entry.kind, entry.country) == (kind, country)
    if name:
        assert entry.name == name


@pytest.mark.parametrize(
    "form, country",
    [("Ukrainian", "UKR"), ("Russians", "RUS"), ("Poles", "POL"), ("Swiss", "CHE"), ("South Korean", "KOR"), ("Arab", None)],
)
def test_demonym_country_includes_plurals_and_skips_shared_forms(form, country):
    assert load_gazetteer().demonym_country(form) == country


@pytest.mark.parametrize(
    "name, members, country",
    [("Baltic states", {"EST", "LVA", "LTU"}, None), ("Eastern Europe", {"POL", "UKR"}, None), ("Siberia", {"RUS"}, "RUS")],
)
def test_region_lookup_gives_members_and_a_country_only_when_single(name, members, country):
    (entry,) = load_gazetteer().lookup("region", name)
    assert members <= set(entry.members)
    assert entry.country == country


def test_cities_marks_alternate_names():
    found = {(e.name, e.country, main) for e, main in load_gazetteer().cities("Kiev")}
    assert ("Kyiv", "UKR", False) in found


def test_capital_flag_marks_one_city_per_name():
    capitals = [e for e, _ in load_gazetteer().cities("Washington") if e.capital]
    assert [(e.country, e.admin1) for e in capitals] == [("USA", "US-DC")]


@pytest.mark.parametrize(
    "name, country",
    [("New Zealand", "NZL"), ("U.S.", "USA"), ("Ukrainian", "UKR"), ("Mumbai", "IND"), ("Reading", None), ("Mosque", None)],
)
def test_country_named_needs_a_country_alias_demonym_or_big_city(name, country):
    assert load_gazetteer().country_named(name) == country


def test_fold_treats_every_apostrophe_and_the_okina_alike():
    assert fold("Nukuʻalofa") == fold("Nuku'alofa") == fold("Nuku’alofa") == fold("Nukualofa")


def test_admin_regions_are_found_without_their_romanised_type_word():
    gazetteer = load_gazetteer()
    assert [e.admin1 for e in gazetteer.lookup("admin", "Sichuan")] == ["CN-SC"]


def test_landmarks_give_the_city_they_stand_in():
    gazetteer = load_gazetteer()
    assert gazetteer.landmark("the Kremlin").country == "RUS"
    assert gazetteer.landmark("White House").admin1 == "US-DC"
    assert gazetteer.landmark("Casablanca") is None


@pytest.mark.parametrize(
    "kind, name, country, feature_code, adm1_code",
    [
        ("country", "Germany", "DEU", "PCLI", "GM"),
        ("admin", "District of Columbia", "USA", "ADM1", "USDC"),
        ("admin", "Kent", "GBR", "ADM2", "UKENG"),  # a county: its first-level region's code
        ("city", "Kharkiv", "UKR", "PPL", "UP07"),
    ],
)
def test_entries_carry_feature_and_adm1_codes(kind, name, country, feature_code, adm1_code):
    entries = [e for e in load_gazetteer().lookup(kind, name) if e.country == country]
    assert [(e.feature_code, e.adm1_code) for e in entries] == [(feature_code, adm1_code)]


def test_towns_carry_their_geonames_id_and_adm1_code():
    (town,) = [t for t in load_gazetteer().towns("Otranto") if t.country == "ITA"]
    assert (town.geonameid, town.feature_code, town.adm1_code) == (3171785, "PPL", "IT13")


def test_a_folder_without_the_geonames_columns_still_loads(tmp_path):
    for path in DEFAULT_DIR.iterdir():
        if path.suffix == ".tsv":  # towns.tsv.gz is optional
            lines = path.read_text(encoding="utf-8").splitlines()
            header = next(line for line in lines if not line.startswith("#")).split("\t")
            dropped = [i for i, column in enumerate(header) if column in ("fips", "geonameid", "gn_admin1", "feature_code")]
            if path.name == "cities.tsv":
                dropped = [header.index("gn_admin1")]  # cities had their GeoNames id from the start
            kept = [line if line.startswith("#") else "\t".join(c for i, c in enumerate(line.split("\t")) if i not in dropped) for line in lines]
            (tmp_path / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    gazetteer = Gazetteer(tmp_path)
    (germany,) = gazetteer.lookup("country", "Germany")
    assert (germany.geonameid, germany.feature_code, germany.adm1_code) == (None, "PCLI", "")
    assert gazetteer.fips == {}
    assert {e.adm1_code for e, _ in gazetteer.cities("Kharkiv")} == {""}
