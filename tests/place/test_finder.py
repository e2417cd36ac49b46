"""Finding place spans: entities, datelines, demonyms, regions and names the tagger mislabels."""

from __future__ import annotations

import pytest

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
