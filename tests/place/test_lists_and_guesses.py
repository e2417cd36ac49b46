"""Rules added after the local-news tuning set (tests/data/place_blind_local.jsonl) was read: lists of regions,
legal descriptors, qualifiers that are the next item of a list, guesses only where the story is about one
country, and a point for every place with a country."""

from __future__ import annotations

import pytest

from harbinger.place.gazetteer import load_gazetteer
from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, span, admin1",
    [
        # a list of parishes, counties or boroughs: the one state that has them all, not a same-named city abroad
        ("Aid is available in the parishes of Ascension, Orleans, St. James, and St. John the Baptist.", "Orleans", "US-LA"),
        ("Aid is available in the parishes of Ascension, Orleans, St. James, and St. John the Baptist.", "St. James", "US-LA"),
        ("Aid is available in the parishes of Ascension, Orleans, St. James, and St. John the Baptist.", "St. John the Baptist", "US-LA"),
        ("Aid is available in the counties of Clinton, Dutchess, Hamilton, Ontario, and Putnam.", "Ontario", "US-NY"),
        ("Aid is available in the counties of Butts, Henry, Meriwether, Spalding, and Troup.", "Spalding", "US-GA"),
    ],
)
def test_list_of_regions_is_decided_together(annotate, text, span, admin1):
    place = place_named(annotate(text), span)
    assert (place.country, place.admin1, place.feature_code) == ("USA", admin1, "ADM2")
    assert place.lat is not None


def test_list_of_regions_named_after_their_cities(annotate):
    doc = annotate("Fighting continued in the Donetsk and Luhansk oblasts on Monday.")
    assert [(p.text, p.kind, p.admin1) for p in doc._.places] == [("Donetsk", "admin", "UA-14"), ("Luhansk", "admin", "UA-09")]


def test_united_states_is_no_list_of_states(annotate):
    place = place_named(annotate("On Friday, United States Senator Bernie Sanders spoke."), "United States")
    assert place.country == "USA"


@pytest.mark.parametrize(
    "text, span, country, admin1",
    [
        ("A major disaster exists in the State of Louisiana.", "Louisiana", "USA", "US-LA"),
        ("A major disaster exists in the State of New York.", "New York", "USA", "US-NY"),
        ("A major disaster exists in the Commonwealth of Puerto Rico.", "Puerto Rico", "PRI", None),
    ],
)
def test_legal_descriptor_is_left_out_of_the_place(annotate, text, span, country, admin1):
    doc = annotate(text)
    place = place_named(doc, span)
    assert (place.country, place.admin1) == (country, admin1)
    assert not any(p.text in ("Commonwealth", "State") for p in doc._.places)


def test_descriptor_alone_is_no_place(annotate):
    doc = annotate("Storms hit the City and County of Honolulu and Maui County.")
    assert "City and County" not in [p.text for p in doc._.places]


def test_qualifier_that_is_the_next_city_of_a_list(annotate):
    doc = annotate("The Deputy Secretary will travel to Brussels, Ankara, Jakarta, Phnom Penh, and Bangkok.")
    assert place_named(doc, "Brussels").country == "BEL"
    assert place_named(doc, "Jakarta").country == "IDN"


def test_alias_yields_to_a_qualifier_in_another_country(annotate):
    place = place_named(annotate("The victim was from Odessa, Texas."), "Odessa")
    assert (place.country, place.admin1) == ("USA", "US-TX")


def test_country_is_part_of_no_other_place(annotate):
    doc = annotate("We condemn the annexation by Russia of Ukraine's Donetsk region.")
    assert place_named(doc, "Russia").country == "RUS"


def test_postal_code_after_a_county(annotate):
    place = place_named(annotate("The company will build generators in Allegheny County, PA, next year."), "PA")
    assert (place.country, place.admin1) == ("USA", "US-PA")


def test_unlisted_town_with_its_state_in_one_entity(annotate):
    place = place_named(annotate("The plant is in Whitewater, Wisconsin, near the lake."), "Whitewater")
    assert (place.country, place.admin1) == ("USA", "US-WI")
    assert place.lat is not None


def test_name_placed_in_a_state(annotate):
    text = "Restoring the shoreline around the Detroit River in Michigan, the St. Louis River in Minnesota and Wisconsin."
    place = place_named(annotate(text), "St. Louis River")
    assert (place.country, place.admin1, place.resolved_by) == ("USA", "US-MN", "qualifier")


def test_region_inside_an_organisation_name_is_in_name(annotate):
    doc = annotate("A report in The New England Journal of Medicine said so.")
    assert all(p.kind == "in_name" for p in doc._.places if p.text == "New England")


def test_degrees_are_not_places(annotate):
    doc = annotate("She received her J.D. from the University of Michigan and her B.A. in 1991.")
    assert not any(p.text in ("J.D.", "B.A.") for p in doc._.places)


def test_guess_only_where_one_country_dominates_and_with_a_point(annotate):
    guessed = annotate("Officials in Texas and Houston said a fire broke out at the Harmon Hall on Monday.")
    place = place_named(guessed, "Harmon Hall")
    if place.country is not None:  # a guess into the story's country carries that container's point
        assert place.country == "USA" and place.lat is not None and place.resolved_by == "context:document"
    spread = annotate("Ministers from France and Germany met at the Harmon Hall on Monday.")
    assert place_named(spread, "Harmon Hall").country is None


def test_every_place_with_a_country_has_a_point(annotate):
    doc = annotate("Fighting spread in Darfur and Abkhazia, and aid reached Tigray and the Donbas.")
    assert all(p.lat is not None for p in doc._.places if p.country)
    assert place_named(doc, "Tigray").admin1 == "ET-TI"


def test_gazetteer_counties_read_st_as_saint():
    gaz = load_gazetteer()
    assert [e.admin1 for e in gaz.counties("St. Tammany Parish")] == ["US-LA"]
