"""The place stage on the seed article: its output, its JSON, and place_for_token for events."""

from __future__ import annotations

from dataclasses import replace

import pytest

from harbinger.place import Place, place_for_token
from harbinger.place.lexicon import load_lexicon
from harbinger.place.stage import places_to_json
from tests.place.conftest import place_named


def _token(doc, text: str, start: int = 0):
    return next(t for t in doc if t.text == text and t.idx >= start)


def test_stage_fills_places_with_frozen_dataclasses(seed_doc):
    assert seed_doc._.places and all(isinstance(p, Place) for p in seed_doc._.places)
    with pytest.raises(AttributeError):
        seed_doc._.places[0].country = "XXX"


def test_stage_geocodes_seed_geneva_near_the_gold_point(seed_doc):
    geneva = place_named(seed_doc, "Geneva")
    assert geneva.country == "CHE"
    assert abs(geneva.lat - 46.2) < 0.1 and abs(geneva.lon - 6.14) < 0.1


def test_stage_keeps_seed_dateline_as_dateline(seed_doc):
    assert place_named(seed_doc, "WASHINGTON", role="dateline").country == "USA"


def test_places_to_json_has_the_documented_fields(seed_doc):
    row = places_to_json(seed_doc)[0]
    assert set(row) >= {
        "start", "end", "text", "country", "admin1", "lat", "lon", "kind", "role", "resolved_by", "confidence",
        "geonameid", "feature_code", "fips", "adm1_code",
    }


def test_place_for_token_follows_the_trigger_to_in_geneva(seed_doc):
    meet = _token(seed_doc, "meet")
    assert place_for_token(seed_doc, meet).text == "Geneva"


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Officials will meet in Geneva on Monday.", "meet", "Geneva"),
        ("The ministers held talks at the embassy in Vienna.", "held", "Vienna"),
        ("Police arrested a man in Reading, England, on Saturday.", "arrested", "Reading"),
        ("Blinken said Russia must withdraw its troops.", "said", None),
        ("Russia sent troops to the border.", "sent", None),
    ],
)
def test_place_for_token_finds_locative_phrases_only(annotate, text, trigger, expected):
    doc = annotate(text)
    place = place_for_token(doc, _token(doc, trigger))
    assert (place.text if place else None) == expected


def test_place_for_token_follows_only_the_lexicon_venue_prepositions(annotate):
    doc = annotate("The minister flew to Kyiv on Monday.")
    flew = _token(doc, "flew")
    assert place_for_token(doc, flew) is None  # "to" names a destination, not a venue
    with_to = replace(load_lexicon(), venue_prepositions=load_lexicon().venue_prepositions | {"to"})
    assert place_for_token(doc, flew, with_to).text == "Kyiv"


def test_place_for_token_never_returns_the_dateline(annotate):
    doc = annotate("Officials said talks would continue.", dateline="WASHINGTON")
    assert place_for_token(doc, _token(doc, "said")) is None
    assert place_for_token(doc, _token(doc, "continue")) is None
