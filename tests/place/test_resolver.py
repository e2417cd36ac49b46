"""Resolving places: ambiguous names, context, qualifiers, demonyms and regions."""

from __future__ import annotations

import pytest

from harbinger.place.models import PlaceMention
from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, span, country, kind",
    [
        ("The summit was held in Paris on Friday.", "Paris", "FRA", "city"),
        ("A tornado hit Paris, Texas, on Friday.", "Paris", "USA", "city"),
        ("Officials from Georgia met counterparts in Armenia.", "Georgia", "GEO", "country"),
        ("Voters in Atlanta and Savannah went to the polls as Georgia counted ballots.", "Georgia", "USA", "admin"),
        ("The governor of Washington state signed the bill.", "Washington", "USA", "admin"),
        ("Wendy Sherman will meet Russian officials in Geneva on Monday.", "Geneva", "CHE", "city"),
        ("Troops withdrew from Kiev.", "Kiev", "UKR", "city"),
        ("A bomb exploded in Koszalin, North Poland.", "North Poland", "POL", "region"),
        ("He was born in Chicago, Illinois.", "Chicago", "USA", "city"),
        ("The sheriff of Santa Barbara County spoke on Monday.", "Santa Barbara County", "USA", "admin"),
        ("The pipeline would end in Otranto, Italy.", "Otranto", "ITA", "city"),  # a small town, in the country its qualifier names
        ("Gas fields in the Eastern Mediterranean were discussed.", "Eastern Mediterranean", None, "region"),
    ],
)
def test_resolver_disambiguates_names(annotate, text, span, country, kind):
    place = place_named(annotate(text), span)
    assert (place.country, place.kind) == (country, kind)


@pytest.mark.parametrize("dateline, country, admin1", [("WASHINGTON", "USA", "US-DC"), ("PARIS", "FRA", None), ("GENEVA", "CHE", "CH-GE")])
def test_resolver_geocodes_datelines_as_cities(annotate, dateline, country, admin1):
    place = place_named(annotate("Officials said on Sunday that talks would continue.", dateline=dateline), dateline, role="dateline")
    assert (place.country, place.admin1, place.kind) == (country, admin1, "city")
    assert place.lat is not None and place.lon is not None


def test_resolver_gives_demonyms_their_countrys_point(annotate):
    doc = annotate("Russian troops massed on Ukraine's border. Russia denied it.")
    demonym, country = place_named(doc, "Russian"), place_named(doc, "Russia")
    assert (demonym.country, demonym.role, demonym.lat, demonym.lon) == ("RUS", "demonym", country.lat, country.lon)


@pytest.mark.parametrize("text, span", [("Troops stayed in the Baltic states.", "Baltic states"), ("NATO reinforced Eastern Europe.", "Eastern Europe")])
def test_resolver_leaves_multi_country_regions_without_country(annotate, text, span):
    place = place_named(annotate(text), span)
    assert (place.country, place.kind, place.resolved_by) == (None, "region", "region")


@pytest.mark.parametrize(
    "text, facility, country, resolved_by, has_point",
    [
        ("A necklace was stolen from Blenheim Palace in Oxfordshire, England.", "Blenheim Palace", "GBR", "qualifier", True),
        ("Fire broke out in India on Monday at the Hotel Arpit Palace.", "Hotel Arpit Palace", "IND", "context:document", True),
    ],
)
def test_resolver_places_a_facility_by_its_town_else_the_story_country(annotate, text, facility, country, resolved_by, has_point):
    """A facility takes the point of the place it is in; one only guessed into the story's country takes that
    country's point (or its main state's), with a low confidence."""
    place = place_named(annotate(text), facility)
    assert (place.country, place.resolved_by, place.lat is not None) == (country, resolved_by, has_point)


def test_resolver_records_why_and_how_sure(annotate):
    place = place_named(annotate("The summit was held in Paris on Friday."), "Paris")
    assert place.resolved_by.startswith("gazetteer:")
    assert 0.5 <= place.confidence <= 1.0


@pytest.mark.parametrize(
    "text, country",
    [
        ("He dropped out ahead of the Democratic primary debate scheduled for November 20 in Georgia.", "USA"),
        ("Protesters gathered outside the parliament in Georgia on Friday.", "GEO"),
    ],
)
def test_resolver_lets_a_country_cue_tip_an_ambiguous_name(annotate, text, country):
    assert place_named(annotate(text), "Georgia").country == country


@pytest.mark.parametrize(
    "context, country",
    [((), "GEO"), (("Democratic primary", "cue"), "USA"), (("U.S.", "headline"), "USA"), (("Ukrainian", "headline"), "GEO")],
)
def test_resolver_decides_the_country_of_cues_and_headline_names(place_component, context, country):
    mentions = [PlaceMention(0, 7, "Georgia", "entity", "GPE")]
    if context:
        mentions.append(PlaceMention(0, 0, context[0], context[1]))
    (place,) = place_component.resolver(mentions)
    assert (place.text, place.country) == ("Georgia", country)


def test_resolver_gives_a_repeat_the_answer_of_the_first_mention(annotate):
    doc = annotate("Voters in the Australian electoral district of Groom go to the polls. Groom is located in the state of Queensland.")
    grooms = [p for p in doc._.places if p.text == "Groom"]
    assert [p.country for p in grooms] == ["AUS", "AUS"]
    assert grooms[1].resolved_by.startswith("echo:")


@pytest.mark.parametrize(
    "text, facility, country, resolved_by",
    [
        ("The strike hit Kabul International Airport before dawn.", "Kabul International Airport", "AFG", "facility-name"),
        ("He was treated at the Kuwait Friendship Hospital, officials in Dhaka said.", "Kuwait Friendship Hospital", "BGD", "context:document"),
        ("Engineers at the German Aerospace Center tested the probe.", "German Aerospace Center", "DEU", "facility-name"),
    ],
)
def test_resolver_places_a_facility_by_the_name_it_starts_with(annotate, text, facility, country, resolved_by):
    place = place_named(annotate(text), facility)
    assert (place.country, place.resolved_by) == (country, resolved_by)


def test_resolver_places_a_landmark_at_its_city(annotate):
    place = place_named(annotate("Protesters marched to the White House on Sunday."), "White House")
    assert (place.country, place.kind, place.resolved_by, place.admin1) == ("USA", "facility", "landmark", "US-DC")
    assert place.lat == pytest.approx(38.9, abs=0.1)


def test_resolver_reads_the_country_a_headline_names_for_places_the_body_leaves_open(nlp_place):
    from harbinger.models import Article
    from harbinger.pipeline import process

    text = "Police said two men entered the Masjid Umar Mosque during prayers."
    (doc,) = process(nlp_place, [Article.create(text, None, title="Mosque attack shocks New Zealand")])
    place = place_named(doc, "Masjid Umar Mosque")
    assert (place.country, place.resolved_by) == ("NZL", "context:document")
    (bare,) = process(nlp_place, [Article.create(text, None)])
    assert place_named(bare, "Masjid Umar Mosque").country is None


def test_resolver_reads_a_province_without_its_type_word(annotate):
    place = place_named(annotate("Factories in Guangdong Province reopened on Monday."), "Guangdong Province")
    assert (place.country, place.admin1) == ("CHN", "CN-GD")


def test_resolver_finds_a_small_town_only_where_the_story_is(annotate):
    doc = annotate("Crews came from Dolgellau after the storm hit north Wales.")
    assert (place_named(doc, "Dolgellau").country, place_named(doc, "Dolgellau").resolved_by) == ("GBR", "gazetteer:town-context")
    lone = place_named(annotate("Crews came from Dolgellau after the storm."), "Dolgellau")
    assert lone.resolved_by != "gazetteer:town-context"


def test_resolver_reads_a_county_named_before_its_name(annotate):
    doc = annotate("Met Éireann issued an orange warning for County Galway, County Mayo and County Cork.")
    for name in ("County Galway", "County Cork"):  # tagged FAC and GPE by the small model
        assert (place_named(doc, name).country, place_named(doc, name).kind) == ("IRL", "admin")


@pytest.mark.parametrize(
    "text, place, country",
    [
        # a facility inside the place that owns it or that it is part of
        ("The match was played at Wynnum's Grenada Street ground in Brisbane.", "Grenada Street", "AUS"),
        ("Trump spoke on the South Lawn of the White House on Thursday.", "South Lawn", "USA"),
        ("She graduated from Quebec's Westmount High School in 1981.", "Westmount High School", "CAN"),
        # the owner decides between same-named places
        ("They played a free concert in London's Hyde Park in 1969.", "Hyde Park", "GBR"),
        # a small town abroad yields to the same-named town where the story is
        ("Palm Beach County in Florida issued an evacuation order as the hurricane neared Miami.", "Palm Beach County", "USA"),
        # two places the tagger joined with "and"
        ("The pipeline would end the energy isolation of Crete and Cyprus.", "Crete", "GRC"),
        # islands, regions and landmarks the gazetteer lists under other names
        ("The statues that dot Easter Island were built near fresh water.", "Easter Island", "CHL"),
        ("Farm incomes fell across the Midwest this year.", "Midwest", "USA"),
        ("Erdoğan pledged to convert Hagia Sophia into a mosque.", "Hagia Sophia", "TUR"),
    ],
)
def test_resolver_country_of_owned_joined_and_listed_places(annotate, text, place, country):
    assert place_named(annotate(text), place).country == country
