"""The events stage (harbinger/events/stage.py): participants, evidence, ids, fallbacks and the seed article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.events.conftest import on_trigger

from harbinger.events.stage import Event
from harbinger.models import Article

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold" / "seed.gold.json"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The weather in Paris was pleasant on Sunday.",
        "The museum opened a new exhibition of paintings on Friday.",
        "Prices rose by three percent last year, the statistics office said.",
        "The film won two awards at the festival.",
        "She dropped out before the Democratic primary debate scheduled for November 20 in Atlanta.",
        "The candidates answered questions on the War in Afghanistan and police reform.",
        "The Pentagon declined to comment on the report.",
    ],
)
def test_code_events_plain_sentence_gives_no_event(nlp_events, code, text):
    assert code(nlp_events, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "plover", "source", "target"),
    [
        ("Russia attacked Ukraine on Monday.", "attacked", "ASSAULT", "Russia", "Ukraine"),
        ("Iran held talks with Russia in Tehran.", "held", "CONSULT", "Iran", "Russia"),
        ("Ukraine was attacked by Russia.", "attacked", "ASSAULT", "Russia", "Ukraine"),
        ("The European Union imposed sanctions against Belarus.", "imposed", "SANCTION", "The European Union", "Belarus"),  # 163: SANCTION per the PLOVER manual
        ("Thousands of protesters marched through the capital on Saturday.", "marched", "PROTEST", "protesters", None),
        ("Two soldiers were killed in an ambush near the border.", "killed", "ASSAULT", None, "Two soldiers"),
        # a group named by its nation is an actor; a thing a nation qualifies is not
        ("Kurdish villagers attacked the police station.", "attacked", "ASSAULT", "Kurdish villagers", None),
        # the embedded act's target is the threat's; a nation qualifying the object is the target
        ("Pakistan threatened to break off diplomatic relations with Senegal.", "threatened", "THREATEN", "Pakistan", "Senegal"),
        ("Iran threatened to shell Iraqi towns on Monday.", "threatened", "THREATEN", "Iran", "Iraqi towns"),
    ],
)
def test_code_events_participants(nlp_events, code, text, trigger, plover, source, target):
    events = on_trigger(code(nlp_events, text), trigger)
    assert events
    event = events[0]
    assert event["plover_type"] == plover
    assert (event["source"] or {}).get("text") == source
    assert (event["target"] or {}).get("text") == target


@pytest.mark.slow
def test_code_events_fields_and_fallbacks(nlp_events, code):
    text = "Russia attacked Ukraine on Monday."
    (event,) = code(nlp_events, text)
    assert set(event) == {f for f in Event.__dataclass_fields__} - {"dated"} | {"date", "date_from", "date_value", "date_precision", "timing"}
    assert text[event["evidence"]["trigger_start"] : event["evidence"]["trigger_end"]] == "attacked"
    assert text[event["source"]["start"] : event["source"]["end"]] == "Russia"
    assert event["source"]["code"] is None  # no actors stage in this pipeline
    assert (event["date"], event["date_from"], event["date_value"], event["date_precision"], event["timing"]) == ("2022-01-09", "dct", "2022-01-09", "day", "current")
    assert (event["place"], event["place_from"]) == (None, None)  # no place stage in this pipeline
    assert event["cameo_code"] == "190" and event["goldstein"] == -10.0 and event["quad_class"] == 4
    assert event["rule"]
    assert len(event["id"]) == 16


@pytest.mark.slow
def test_code_events_ids_are_stable(nlp_events):
    from datetime import date

    from harbinger.models import Article
    from harbinger.pipeline import process

    article = Article.create("Iran held talks with Russia in Tehran.", date(2022, 1, 9))
    first = [e.id for d in process(nlp_events, [article]) for e in d._.events]
    second = [e.id for d in process(nlp_events, [article]) for e in d._.events]
    assert first == second and len(set(first)) == len(first)


@pytest.mark.slow
def test_code_events_seed_not_events_are_not_coded(nlp_full, seed_article):
    from harbinger.pipeline import process

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    (doc,) = list(process(nlp_full, [seed_article]))
    for not_event in gold["not_events"]:
        start = seed_article.text.index(not_event["text"])
        end = start + len(not_event["text"])
        assert not [e for e in doc._.events if start <= e.evidence.trigger_start < end], not_event["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia said on Tuesday that Sudan must return the helicopter.", "Russia", "Sudan"),
        ("The Bush administration declared Tuesday that China must drop barriers to U.S. exports.", "The Bush administration", "China"),
    ],
)
def test_code_events_must_complement_is_a_demand(nlp_events, code, text, source, target):
    demands = [e for e in code(nlp_events, text) if e["rule"].startswith("frame:must")]
    assert [(e["plover_type"], e["source"]["text"], e["target"]["text"]) for e in demands] == [("REQUEST", source, target)]
    embedded = [e for e in code(nlp_events, text) if e not in demands]
    assert all(e["mode"] == "hypothetical" for e in embedded)


@pytest.mark.slow
def test_code_events_speaker_pronoun_takes_the_speaker(nlp_events, code):
    (event,) = [e for e in code(nlp_events, "Switzerland said today it had expelled two Russian diplomats.") if e["evidence"]["trigger_text"] == "expelled"]
    assert event["source"]["text"] == "Switzerland"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Minetest supports multiplayer servers with each client using their own language settings.",  # everyday verb, no political target
        "Solberg posted on Twitter asking for places to eat on the drive to Oslo.",
        "Two soldiers were killed when a storm hit their base.",  # no perpetrator in a disaster
        "Twenty people have been confirmed killed.",  # no political participant
    ],
)
def test_code_events_needs_political_participants(nlp_full, code, text):
    assert code(nlp_full, text) == []


@pytest.mark.slow
def test_code_events_pattern_object_is_no_target(nlp_full, code):
    (event,) = code(nlp_full, "The governor of Puerto Rico declared a state of emergency.")
    assert (event["cameo_code"], event["target"]) == ("1724", None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "source", "mode"),
    [
        ('"We did not attack civilians," the Ukrainian defence minister said.', "attack", "the Ukrainian defence minister", "negated"),
        ('"Russian troops attacked the village," a Ukrainian official said.', "attacked", "Russian troops", "reported"),
    ],
)
def test_code_events_quote_gives_speaker_and_mode(nlp_full, code, text, trigger, source, mode):
    (event,) = on_trigger(code(nlp_full, text), trigger)
    assert (event["source"]["text"], event["mode"]) == (source, mode)


@pytest.mark.slow
def test_code_events_member_takes_the_code_of_the_body_it_belongs_to(nlp_full, code):
    events = on_trigger(code(nlp_full, "A member of the Syrian parliament started a hunger strike on Sunday."), "strike")
    assert events and events[0]["source"]["code"][:3] == "SYR"
    assert events[0]["source"]["text"] == "A member of the Syrian parliament"


@pytest.mark.slow
def test_code_events_one_event_per_action(nlp_full, code):
    events = code(nlp_full, "British Defence Secretary Tom King promised to continue military aid to Mozambique.")
    assert [(e["source"]["code"], e["target"]["code"], e["plover_type"]) for e in events] == [("GBRGOVMIL", "MOZ", "AGREE")]


@pytest.mark.slow
@pytest.mark.parametrize(("required", "events", "candidates"), [(False, ["PROTEST"], []), (True, [], ["PROTEST"])])
def test_code_events_require_actor_code_holds_back_uncoded_events(required, events, candidates):
    from harbinger.annotation import doc_to_dict
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(config={"events": {"require_actor_code": required}})
    (doc,) = list(process(nlp, [Article.create("Some workers stopped work on Monday over a new bill.", date(2022, 1, 9))]))
    coded = doc_to_dict(nlp, doc)
    assert [e["plover_type"] for e in coded["events"]] == events
    assert [e["plover_type"] for e in coded["event_candidates"]] == candidates


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States on Thursday demanded that North Korea abandon its nuclear program.", "PRK"),
        ("Washington urged that Israel ease restrictions on Palestinian workers.", "ISR"),
    ],
)
def test_code_events_demand_clause_subject_is_the_target(nlp_full, code, text, target):
    demands = [e for e in code(nlp_full, text) if e["plover_type"] == "REQUEST"]
    assert demands and demands[0]["target"]["code"] == target


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretary of State Antony J. Blinken spoke today with Brazilian Foreign Minister Carlos Franca.", ("USAGOV", "BRAGOV", "040")),
        ("President Biden and President Macron discussed our work to strengthen NATO.", ("USAGOV", "FRAGOV", "040")),
        ("Secretary Blinken expressed strong support for Ukraine on Monday.", ("USAGOV", "UKR", "051")),
        ("Secretary Blinken reaffirmed the U.S. commitment to NATO.", ("USAGOV", "IGOWSTNAT", "030")),
    ],
)
def test_code_events_readout_phrasings(nlp_full, code, text, expected):
    events = code(nlp_full, text)
    assert [(e["source"]["code"], e["target"]["code"], e["cameo_code"]) for e in events][:1] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Evidence against Russia was presented by the US.", ("USA", "RUS", "ACCUSE")),
        ("The US fired missiles at Russia.", ("USA", "RUS", "ASSAULT")),
    ],
)
def test_code_events_passive_agents_and_aimed_force(nlp_full, code, text, expected):
    events = code(nlp_full, text)
    assert [(e["source"]["code"], e["target"]["code"], e["plover_type"]) for e in events] == [expected]
