"""Where an event happened (harbinger/place/event_place.py through the events stage): venue, sentence or story."""

from __future__ import annotations

import pytest

from tests.events.conftest import on_trigger

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text,trigger,place,place_from",
    [
        ("Foreign ministers of Russia and France met in Geneva on Monday.", "met", "Geneva", "venue"),
        ("Taliban fighters attacked Kabul on Sunday.", "attacked", "Kabul", "sentence"),
        ("Police in Nairobi fired tear gas at protesters on Friday.", "fired", "Nairobi", "sentence"),
        (
            "Protests spread across Sudan last week. Soldiers arrested dozens of opposition leaders on Sunday.",
            "arrested",
            "Sudan",
            "story",
        ),
    ],
)
def test_every_event_gets_the_nearest_place_and_says_how(nlp_full, code, text, trigger, place, place_from):
    (event, *_) = on_trigger(code(nlp_full, text), trigger)
    assert (event["place"]["text"], event["place_from"]) == (place, place_from)
    assert text[event["place"]["start"] : event["place"]["end"]] == place


def test_the_sources_own_words_are_not_its_place(nlp_full, code):
    text = "Russia's foreign minister accused Ukraine of provocations on Monday."
    (event, *_) = on_trigger(code(nlp_full, text), "accused")
    assert (event["place"]["text"], event["place_from"]) == ("Ukraine", "sentence")
