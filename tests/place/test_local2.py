"""Rules added after reading the errors of place_blind_local2 (US government local news, second draw): a state that
shares its name with a country after "Town,", towns named after countries, small towns in a state the story
names, towns the tagger mislabels, offices before a county, surnames after a title, and regions' data."""

from __future__ import annotations

import pytest

from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, span, country, admin1",
    [
        # a town of the state: "Georgia" is the US state, and so is the town's container
        ("He was shot by two police officers in Macon, Georgia, in 1962.", "Georgia", "USA", "US-GA"),
        # a town neither list has, and a facility: a state news writes after a town ("Ga."), not the country
        ("He was a black farmer in Alston, Georgia, who was killed in 1948.", "Alston", "USA", "US-GA"),
        ("He was a black farmer in Alston, Georgia, who was killed in 1948.", "Georgia", "USA", "US-GA"),
        ("He served as a Drill Sergeant at Fort Benning, Georgia. He returned to Europe in 2001.", "Georgia", "USA", "US-GA"),
        # a town of the country: the country
        ("The talks were held in Batumi, Georgia, on Monday.", "Georgia", "GEO", None),
        # Niger State (Nigeria) has no abbreviation news writes after a town: the country
        ("He led the attack on the army base in Inates, Niger, in 2019.", "Niger", "NER", None),
    ],
)
def test_state_named_like_a_country_after_a_town(annotate, text, span, country, admin1):
    place = place_named(annotate(text), span)
    assert (place.country, place.admin1) == (country, admin1)


def test_town_named_after_a_country_stays_in_the_state_it_is_qualified_by(annotate):
    place = place_named(annotate("A Norfolk Southern train derailed in East Palestine, Ohio, on Friday."), "East Palestine")
    assert (place.country, place.admin1, place.kind) == ("USA", "US-OH", "city")


def test_capitalised_region_noun_ending_another_name_does_not_make_the_country_a_region(annotate):
    place = place_named(annotate("He is a leader operating in the Menaka Region of Mali."), "Mali")
    assert (place.country, place.kind) == ("MLI", "country")


def test_small_town_in_a_state_the_story_names_beats_a_bigger_namesake(annotate):
    doc = annotate("Lowndes County, Alabama, has failing wastewater systems. In the Lowndes County community of Hayneville, "
                   "EPA has awarded a loan.")
    assert (place_named(doc, "Hayneville").country, place_named(doc, "Hayneville").admin1) == ("USA", "US-AL")
    # Yorktown, Indiana is bigger; the story is about Texas
    doc = annotate("Officials in Texas said a fire in Yorktown destroyed two homes.")
    assert place_named(doc, "Yorktown").admin1 == "US-TX"


@pytest.mark.parametrize(
    "text, span, admin1",
    [
        # tagged ORG, and not tagged at all: towns of the towns list that the state after them has
        ("She was Of Counsel at Elliott Greenleaf in Blue Bell, Pennsylvania from 2016 to 2017.", "Blue Bell", "US-PA"),
        ("She is the director of the Parrish Art Museum in Water Mill, New York. She was a curator.", "Water Mill", "US-NY"),
        # an office before "of" ("the Chair of Charlotte County", tagged ORG as one)
        ("The President called the Mayors of Fort Myers and the Chair of Charlotte County, Florida on Monday.", "Charlotte County", "US-FL"),
    ],
)
def test_towns_and_counties_the_tagger_mislabels(annotate, text, span, admin1):
    place = place_named(annotate(text), span)
    assert (place.country, place.admin1) == ("USA", admin1)


def test_town_name_after_a_person_title_is_a_surname(annotate):
    doc = annotate("Secretary Austin met Mayor Anderson in Columbia, South Carolina, on Monday.")
    assert [p.text for p in doc._.places if p.role == "mention"] == ["Columbia", "South Carolina"]


@pytest.mark.parametrize(
    "text, span, country, kind",
    [
        ("An attack targeted a residence in Erbil, the Kurdistan Region's capital city.", "Kurdistan Region", "IRQ", "admin"),
        ("The center will treat people across the Lower Mekong Region.", "Lower Mekong Region", None, "region"),
        ("He shaped U.S. policies in the Maghreb region.", "Maghreb", None, "region"),
        ("Personnel may travel to the northern bank of the Napo River in Sucumbíos.", "Napo River", None, "region"),
        ("The agenda is rebuilding the U.S manufacturing base.", "U.S", "USA", "country"),
    ],
)
def test_regions_and_spellings_from_the_data(annotate, text, span, country, kind):
    place = place_named(annotate(text), span)
    assert (place.country, place.kind) == (country, kind)
