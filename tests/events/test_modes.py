"""Modes (harbinger/events/modes.py), through the real pipeline: each mode, its cue, and conditions that are no events."""

from __future__ import annotations

import pytest

from tests.events.conftest import on_trigger


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "mode", "cue"),
    [
        ("Russia attacked Ukraine on Monday.", "attacked", "asserted", None),
        ("U.S. officials told NBC News that Russian troops attacked the village.", "attacked", "reported", "officials told"),
        ("According to diplomatic sources, Russian troops attacked the village.", "attacked", "reported", "According to"),
        ("Russian and U.S. diplomats are due to meet in Geneva on Monday.", "meet", "planned", "due"),
        ("The two governments are scheduled to hold talks with Iran next week.", "hold", "planned", "scheduled"),
        ("President Biden will meet Chinese President Xi Jinping next week.", "meet", "planned", "will"),
        ("If Russia attacks Ukraine, the United States will impose sanctions on Moscow.", "impose", "conditional", "If Russia attacks Ukraine"),
        ("Russia could invade Ukraine.", "invade", "hypothetical", "could"),
        ("Will Russia invade Ukraine?", "invade", "hypothetical", "?"),
        ("The Kremlin denied that Russian troops attacked the village.", "attacked", "denied", "denied"),
        ("Iran will not negotiate with the United States.", "negotiate", "negated", "not"),
        ("Iran refused to negotiate with the United States.", "negotiate", "negated", "refused"),
        # "would" in what someone said or announced in the past is that moment's future, not a hypothetical
        ("Turkey announced it would close its border with Syria.", "close", "planned", "would"),
        ("Turkey would close its border with Syria.", "close", "hypothetical", "would"),
        # a plan only anonymous officials vouch for is reported (its code stays an intent: 036)
        ("U.S. officials told NBC News the U.S. is ready to propose talks with Russia.", "propose", "reported", "officials told"),
        # a refusal covers every verb coordinated under it
        ("Germany ruled out cutting aid to Kenya and expelling Kenyan diplomats.", "expelling", "negated", "ruled"),
    ],
)
def test_mode_of_each_mode(nlp_events, code, text, trigger, mode, cue):
    events = on_trigger(code(nlp_events, text), trigger)
    assert events, f"no event on '{trigger}'"
    assert events[0]["mode"] == mode
    if cue is None:
        assert events[0]["mode_cue"] is None
    else:
        assert cue in events[0]["mode_cue"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("If Russia attacks Ukraine, the United States will impose sanctions on Moscow.", "attacks"),
        ("NATO will send more troops to Poland if Russia invades Ukraine.", "invades"),
        ("Unless Iran halts enrichment, the European Union will impose new sanctions.", "halts"),
    ],
)
def test_mode_of_condition_clause_is_no_event(nlp_events, code, text, condition):
    assert all(e["evidence"]["trigger_text"] != condition for e in code(nlp_events, text))


@pytest.mark.slow
def test_mode_of_conditional_threat_becomes_threaten(nlp_events, code):
    (event,) = [e for e in code(nlp_events, "If Russia attacks Ukraine, the United States will impose sanctions on Moscow.")]
    assert event["plover_type"] == "THREATEN"
    assert event["cameo_code"].startswith("13")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Thunberg promised protests every week until Sweden joined the Paris Agreement.", "joined"),  # until a promise is kept
        ("Iran will keep enriching uranium until the United States lifts its sanctions.", "lifts"),
    ],
)
def test_mode_of_temporal_clause_of_a_promise_is_hypothetical(nlp_events, code, text, trigger):
    events = on_trigger(code(nlp_events, text), trigger)
    assert events and all(e["mode"] == "hypothetical" for e in events)


@pytest.mark.slow
def test_mode_of_temporal_clause_of_a_past_fact_is_asserted(nlp_events, code):
    events = [e for e in code(nlp_events, "Fighting continued until Russia withdrew its troops from the city.") if e["evidence"]["trigger_text"] == "withdrew"]
    assert events and events[0]["mode"] == "asserted"
