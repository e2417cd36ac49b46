"""``recode`` redoes exactly what an older pipeline coded, stage by stage or whole, and resumes when stopped."""

from __future__ import annotations

import pytest

from harbinger.fingerprint import SPACY_LAYER, fingerprints_of
from harbinger.pipeline import load_nlp
from harbinger.recode import layers_for, local_coder, recode
from harbinger.runner import run
from harbinger.store import Store
from harbinger.store.checksum import table_checksums
from harbinger.store.layers import fingerprint_counts, outdated
from tests.conftest import corpus_lines

pytestmark = pytest.mark.slow

ALL = [SPACY_LAYER, "timexes", "places", "actors", "quotes", "events", "event_candidates"]


@pytest.fixture()
def stored(tmp_path, nlp_full):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(corpus_lines(6)) + "\n", encoding="utf-8")
    store = Store(tmp_path / "h.duckdb")
    run([str(source)], store, nlp_full)
    yield store
    store.close()


def _recode(store, nlp, layers, **kwargs):
    return recode(store, local_coder(nlp), fingerprints_of(nlp), layers, model="m", stages=list(nlp.pipe_names), **kwargs)


def test_nothing_to_do_when_the_pipeline_is_unchanged(stored, nlp_full):
    before = table_checksums(stored)
    summary = _recode(stored, nlp_full, ALL)
    assert (summary.outdated, summary.recoded) == (0, 0)
    assert table_checksums(stored) == before


def test_recode_after_a_dictionary_change_then_back_restores_the_store(stored, nlp_full, tmp_path):
    before = table_checksums(stored)
    table = tmp_path / "mine.csv"
    table.write_text("name,aliases,code,role,from,to\nDonald Trump,,ZZZGOV,,,\n", encoding="utf-8")
    mine = load_nlp(config={"actors": {"user_dictionaries": [str(table)]}})
    summary = _recode(stored, mine, ALL)
    assert summary.outdated == summary.recoded == 6
    assert {digest for layer, digest, _ in fingerprint_counts(stored) if layer == "actors"} == {fingerprints_of(mine)["actors"]}
    assert outdated(stored, fingerprints_of(nlp_full), ALL), "the default pipeline now sees every article as out of date"
    back = _recode(stored, nlp_full, ALL)
    assert back.recoded == 6
    assert table_checksums(stored) == before


def test_stages_replace_only_their_layers(stored, nlp_full, tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text("name,aliases,code,role,from,to\nDonald Trump,,ZZZGOV,,,\n", encoding="utf-8")
    mine = load_nlp(config={"actors": {"user_dictionaries": [str(table)]}})
    places_before = stored.db.execute("SELECT count(*), min(fingerprint) FROM places").fetchone()
    layers = layers_for(["actors"], ["time", "place", "actors", "quotes", "events"], {"actors": ["actors"]})
    summary = _recode(stored, mine, layers)
    assert summary.recoded == 6 and summary.layers == ["actors"]
    assert stored.db.execute("SELECT count(*), min(fingerprint) FROM places").fetchone() == places_before
    events = {digest for layer, digest, _ in fingerprint_counts(stored) if layer == "events"}
    assert events == {fingerprints_of(nlp_full)["events"]}, "events keep the fingerprint of the pipeline that wrote them"


def test_interrupted_recode_resumes_where_it_stopped(stored, nlp_full, tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text("name,aliases,code,role,from,to\nDonald Trump,,ZZZGOV,,,\n", encoding="utf-8")
    mine = load_nlp(config={"actors": {"user_dictionaries": [str(table)]}})

    def stop(summary):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _recode(stored, mine, ALL, batch_size=2, progress=stop)
    assert len(outdated(stored, fingerprints_of(mine), ALL)) == 4, "the first batch of 2 is recoded and kept"
    assert _recode(stored, mine, ALL).recoded == 4
    status = stored.db.execute("SELECT status FROM runs WHERE command = 'recode' ORDER BY started_at").fetchall()
    assert [s for (s,) in status] == ["interrupted", "done"]


def test_unknown_stage_is_refused():
    from harbinger.errors import HarbingerError

    with pytest.raises(HarbingerError) as raised:
        layers_for(["actor"], ["actors"], {"actors": ["actors"]})
    assert raised.value.code == "H001"
