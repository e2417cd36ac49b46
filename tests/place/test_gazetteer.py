"""The offline gazetteer: loading once, name folding, aliases, demonyms and regions."""

from __future__ import annotations

import pytest

from harbinger.place.gazetteer import fold, load_gazetteer


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
