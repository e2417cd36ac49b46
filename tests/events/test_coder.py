"""The coder (harbinger/events/coder.py): verb senses news means, event nouns behind light verbs, stances, and multi-word pattern nouns."""

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
        # a measure is no object noun: the pattern sees the aid it measures
        ("The World Bank will provide 10,000 tons of food aid to Yemen.", "provide", "AGREE", "0333"),
        # event nouns reached through a preposition, or modifying an effort noun
        ("Militias were engaged in ethnic cleansing against the Rohingya.", "cleansing", "ASSAULT", "203"),
        ("The Norwegian minister undertook a mediation mission between Ethiopia and Eritrea.", "mediation", "CONSULT", "045"),
        ("Kenya gave a warm welcome to the Ugandan president.", "welcome", "CONSULT", "043"),
        # the two-word event noun is more specific than the light verb's pattern on its last word
        ("Russian hackers launched a cyber attack on Estonian banks.", "attack", "COERCE", "170"),
        ("The United States speeded up the withdrawal of its troops from Panama.", "withdrawal", "RETREAT", "0874"),
        ("Greece announced a suspension of flights to Turkey on Monday.", "suspension", "SANCTION", "160"),
        ("The regime carried out mass killings of Kurds in the north.", "killings", "ASSAULT", "202"),
        # verbs whose dictionary pattern or block files them elsewhere
        ("Russian soldiers arrested several Chechens in Grozny.", "arrested", "COERCE", "173"),
        ("The opposition party is suing the government over the election.", "suing", "ACCUSE", "115"),
        # the weapon that acts names the attack
        ("A car bombing in Kabul killed three police officers.", "killed", "ASSAULT", "1832"),
        # a conditional show of force is a threat of military force (CAMEO 138), a planned meeting a CONSULT (036)
        ("If Russia attacks Estonia, NATO will reinforce its troops in Poland.", "reinforce", "THREATEN", "138"),
        ("U.S. officials told NBC News the U.S. is ready to propose talks with Russia.", "propose", "CONSULT", "036"),
        # verb + object senses CAMEO defines (lexicon object_codes)
        ("The Sudanese government received a team of inspectors from the African Union.", "received", "RETREAT", "0862"),
        ("Norway handed over 20 tons of medicine to the Red Cross in Yemen.", "handed", "AID", "073"),
        ("Turkey has strengthened its forces along the Syrian border.", "strengthened", "MOBILIZE", "154"),
        ("Jordan and Qatar upgraded their diplomatic ties on Monday.", "upgraded", "SUPPORT", "050"),
        # stances stated with a copula
        ("Hungary is opposed to Ukrainian membership of the alliance.", "opposed", "REJECT", "120"),
        ("The European Commission is critical of Poland's new judicial law.", "critical", "ACCUSE", "111"),
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


@pytest.mark.slow
def test_code_verb_quantity_object_is_no_pattern_noun(nlp_events, code):
    # "take part" is a pattern of the verb block "capture" shares; "part of a stronghold" is a quantity
    events = on_trigger(code(nlp_events, "Government troops captured part of the rebel stronghold near the border."), "captured")
    assert events and events[0]["plover_type"] != "AGREE"
