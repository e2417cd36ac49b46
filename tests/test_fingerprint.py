"""Fingerprints name what coded a layer: stable for one pipeline, changed by settings and user files, chained."""

from __future__ import annotations

import pytest

from harbinger.fingerprint import SPACY_LAYER, pipeline_fingerprint, stage_fingerprints
from harbinger.pipeline import load_nlp

pytestmark = pytest.mark.slow


def test_fingerprints_are_stable_and_cover_every_layer(nlp_full):
    prints = stage_fingerprints(nlp_full)
    assert prints == stage_fingerprints(nlp_full)
    assert {SPACY_LAYER, "timexes", "places", "actors", "quotes", "events"} <= set(prints)
    assert len(pipeline_fingerprint(prints)) == 16


def test_a_user_actor_file_changes_actors_and_the_stages_after_it(nlp_full, tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text("name,aliases,code,role,from,to\nJane Roe,,USAGOV,,,\n", encoding="utf-8")
    before = stage_fingerprints(nlp_full)
    mine = stage_fingerprints(load_nlp(config={"actors": {"user_dictionaries": [str(table)]}}))
    assert mine[SPACY_LAYER] == before[SPACY_LAYER] and mine["timexes"] == before["timexes"] and mine["places"] == before["places"]
    assert mine["actors"] != before["actors"] and mine["events"] != before["events"]
    table.write_text("name,aliases,code,role,from,to\nJane Roe,,USAMIL,,,\n", encoding="utf-8")
    edited = stage_fingerprints(load_nlp(config={"actors": {"user_dictionaries": [str(table)]}}))
    assert edited["actors"] != mine["actors"], "editing the file is a new fingerprint"
