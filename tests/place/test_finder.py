"""Finding place spans: entities, datelines, demonyms, regions and names the tagger mislabels."""

from __future__ import annotations

import pytest

from harbinger.place.models import CONTEXT_SOURCES
from tests.place.conftest import place_named


@pytest.mark.parametrize(
    "text, span, role",
    [
        ("Tens of thousands of troops massed on the Ukrainian border.", "Ukrainian", "demonym"),
        ("Russian troops crossed the river.", "Russian", "demonym"),
        ("The Russians said nothing.", "Russians", "demonym"),
        ("South Korean officials met on Tuesday.", "South Korean", "demonym"),
    ],
)
def test_finder_marks_demonyms(annotate, text, span, role):
    assert place_named(annotate(text), span).role == role


@pytest.mark.parametrize(
    "text, span",
    [
        ("The U.S. may reduce troops in Poland and the Baltic states.", "Baltic states"),
        ("He ruled out reducing troops in Eastern Europe.", "Eastern Europe"),
        ("Tensions rose in the Middle East.", "Middle East"),
    ],
)
def test_finder_finds_region_phrases_without_leading_article(annotate, text, span):
    place = place_named(annotate(text), span)
    assert place.kind == "region"


def test_finder_adds_the_dateline_with_its_own_role(annotate):
    doc = annotate("Officials met on Monday.", dateline="GENEVA")
    place = place_named(doc, "GENEVA", role="dateline")
    assert (place.start, place.end) == (0, 6)


@pytest.mark.parametrize(
    "text, span",
    [
        ("On Tuesday, the United States Democratic Party held primary elections.", "United States"),
        ("A hurricane warning was in effect for Bermuda.", "Bermuda"),
    ],
)
def test_finder_recovers_places_the_tagger_mislabels(annotate, text, span):
    assert place_named(annotate(text), span).country is not None


def test_finder_spans_slice_the_article_text(annotate):
    doc = annotate("Talks in Geneva and Vienna followed visits to Kyiv, Ukraine, and the Baltic states.", dateline="WASHINGTON")
    text = doc._.article.text
    assert doc._.places
    for place in doc._.places:
        assert text[place.start : place.end] == place.text


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("The planet is 110 light-years from Earth.", "Earth"),
        ("National Security Advisor John Bolton resigned. Bolton said he had offered to resign.", "Bolton"),
    ],
)
def test_finder_skips_names_that_are_not_places_here(annotate, text, not_a_place):
    assert not_a_place not in [p.text for p in annotate(text)._.places]


@pytest.mark.parametrize(
    "text, span, country",
    [
        ("A man was stabbed in Reading, England. Police named a Reading resident as the suspect.", "Reading", "GBR"),
        ("The bus hit a bridge on Wellhouse Lane, Winchester, on Tuesday.", "Winchester", "GBR"),
        ("His phone was last active in Seongbuk-gu, north of the river in Seoul.", "Seongbuk-gu", "KOR"),
        ("The transition began after the 2020 US Presidential Election on November 3.", "US", "USA"),
        ("The 2020 US Presidential Election was held on November 3.", "US", "USA"),
    ],
)
def test_finder_recovers_names_a_cue_vouches_for(annotate, text, span, country):
    places = [p for p in annotate(text)._.places if p.text == span]
    assert places and all(p.country == country for p in places)


@pytest.mark.parametrize(
    "text, facility, country",
    [
        ("She was treated at Hartford Hospital in Connecticut.", "Hartford Hospital", "USA"),
        ("The bus hit a bridge on Wellhouse Lane, Winchester, on Tuesday.", "Wellhouse Lane", "GBR"),
    ],
)
def test_finder_takes_hospitals_and_streets_as_facilities(annotate, text, facility, country):
    assert place_named(annotate(text), facility).country == country


def test_finder_repeats_the_bare_feature_word_of_a_named_place(annotate):
    doc = annotate("He crossed the English Channel on a hoverboard. It was his second attempt to cross the Channel.")
    echo = [p for p in doc._.places if p.text == "Channel"]
    assert echo and echo[0].resolved_by.startswith("echo:") and echo[0].kind == "region"


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("He was born in Jackson, Mississippi. Later Judge Jackson ruled on the case.", (57, 64)),
        ("Voters in the electoral district of Groom went to the polls. Reading the results took hours.", (61, 68)),
    ],
)
def test_finder_does_not_repeat_a_place_name_inside_another_name(annotate, text, not_a_place):
    assert not_a_place not in [(p.start, p.end) for p in annotate(text)._.places]


def test_finder_keeps_country_cues_out_of_the_places(annotate):
    doc = annotate("He dropped out ahead of the Democratic primary debate in Georgia.")
    assert "Democratic primary" not in [p.text for p in doc._.places]


def test_finder_leaves_the_country_of_cues_and_headline_names_to_the_resolver(nlp_place, place_component):
    from harbinger.models import Article
    from harbinger.pipeline import process

    article = Article.create("He dropped out ahead of the Democratic primary in Georgia.", None, title="Vote shocks New Zealand")
    (doc,) = process(nlp_place, [article])
    context = [m for m in place_component.finder(doc) if m.source in CONTEXT_SOURCES]
    assert [(m.text, m.source) for m in context] == [("Democratic primary", "cue"), ("New Zealand", "headline")]


def test_finder_records_the_name_an_echo_repeats(annotate, place_component):
    doc = annotate("He crossed the English Channel on a hoverboard. It was his second attempt to cross the Channel.")
    echoes = [(m.text, m.repeats) for m in place_component.finder(doc) if m.source == "echo"]
    assert echoes == [("Channel", "English Channel")]


def test_finder_leaves_an_organisation_named_center_alone_without_a_locative(annotate):
    doc = annotate("The Pew Research Center published a survey of voters on Tuesday.")
    assert "Pew Research Center" not in [p.text for p in doc._.places]


def test_finder_splits_a_town_and_state_tagged_as_one_entity(annotate):
    doc = annotate("She grew up in Durham, North Carolina, and studied law.")
    assert place_named(doc, "Durham").country == "USA"
    assert place_named(doc, "North Carolina").admin1 == "US-NC"


def test_finder_takes_the_name_after_the_capital_as_a_place(annotate):
    doc = annotate("The war began when the rebels seized the capital, Sanaa, in September.")
    assert place_named(doc, "Sanaa").country == "YEM"


def test_finder_takes_later_items_of_a_list_of_places_whatever_their_tag(annotate):
    doc = annotate("Fire crews were sent from Dolgellau, Harlech, Barmouth and Tywyn in north Wales.")
    assert {p.text for p in doc._.places} >= {"Dolgellau", "Harlech", "Barmouth"}
    assert place_named(doc, "Harlech").country == "GBR"


@pytest.mark.parametrize(
    "text, whole",
    [
        ("The crew launched from Kennedy Space Center in Florida on Saturday.", "Kennedy Space Center"),
        ("One truck driver was from West Palm Beach, Florida.", "West Palm Beach"),
    ],
)
def test_finder_keeps_place_names_that_open_with_a_place_whole(annotate, text, whole):
    assert whole in [p.text for p in annotate(text)._.places]


@pytest.mark.parametrize(
    "text, place, country",
    [
        # places of worship, venues and landmarks as facilities
        ("Worshippers gathered at the Blue Mosque in Istanbul on Friday.", "Blue Mosque", "TUR"),
        ("The concert was held at Rogers Arena in Vancouver.", "Rogers Arena", "CAN"),
        ("Reporters waited outside the Kremlin for the decision.", "Kremlin", "RUS"),
        ("A statement from the White House said talks would go on.", "White House", "USA"),
        # places the tagger runs into names, titles and the words after them
        ("Mayor of Koszalin Piotr Jedlinski declared a day of mourning.", "Koszalin", "POL"),
        ("Police arrested a 36-year-old Cheltenham man on Tuesday.", "Cheltenham", "GBR"),
        ("Met Éireann issued warnings for County Galway, County Mayo and County Cork.", "County Mayo", "IRL"),
        # places opening a sentence, before a possession only a place has, after an office
        ("Nigeria previously announced it planned to join the trade area.", "Nigeria", "NGA"),
        ("Chelyabinsk's governor promised compensation to every victim.", "Chelyabinsk", "RUS"),
        ("Coalition forces are there at the invitation of the Government of Iraq.", "Iraq", "IRQ"),
        ("Today, Chief Executive of Hong Kong Carrie Lam delivered her policy speech.", "Hong Kong", "HKG"),
    ],
)
def test_finder_finds_places_the_small_model_mislabels_or_runs_together(annotate, text, place, country):
    assert place_named(annotate(text), place).country == country
