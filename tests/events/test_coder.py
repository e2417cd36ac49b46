"""The coder (harbinger/events/coder.py): verbs whose dictionary sense news rarely means, and multi-word pattern nouns."""

from __future__ import annotations

import pytest

from tests.events.conftest import on_trigger


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo"),
    [
        ("The prosecutor charged the former minister with corruption.", "charged", "COERCE", "173"),
        ("Amnesty charged that police tortured detainees.", "charged", "ACCUSE", "112"),
        ("Rebels in the Ivory Coast dismissed an appeal from the president to lay down their arms.", "dismissed", "REJECT", "120"),
        ("Human rights groups condemned the crackdown on protesters in Minsk.", "condemned", "ACCUSE", "111"),
        ("The European Union imposed sanctions against Belarus.", "imposed", "SANCTION", "163"),
        ("Turkish police prevented a demonstration by students in Ankara.", "prevented", "COERCE", "170"),
    ],
)
def test_code_verb_news_senses(nlp_events, code, text, trigger, plover, cameo):
    events = on_trigger(code(nlp_events, text), trigger)
    assert [(e["plover_type"], e["cameo_code"]) for e in events][:1] == [(plover, cameo)]


@pytest.mark.slow
def test_code_verb_multiword_member_needs_all_its_words(nlp_events, code):
    # "fire" is a member of the ceasefire synset only as "cease fire"
    events = code(nlp_events, "Jewish settlers set fire to the offices of the Palestinian administrators.")
    assert all(e["plover_type"] != "AGREE" for e in events)
