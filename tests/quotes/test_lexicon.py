"""The cue lexicon as data: every cue has a PARC class and a stance, each verb one class, loaded once."""

from __future__ import annotations

import json

import pytest

from harbinger.errors import HarbingerError
from harbinger.quotes.lexicon import CUE_CLASSES, DATA, STANCES, load_lexicon


def test_load_lexicon_is_cached_per_process():
    assert load_lexicon() is load_lexicon()


def test_lexicon_covers_every_cue_class_and_stance():
    lexicon = load_lexicon()
    entries = [*lexicon.verbs.values(), *lexicon.evidence_verbs.values(), *lexicon.nominal.values(), *lexicon.light_verbs.values()]
    assert {e.cue_class for e in entries} == set(CUE_CLASSES)
    assert {e.stance for e in entries} == STANCES


@pytest.mark.parametrize(
    "lemma, cue_class, stance",
    [("say", "speech", "asserts"), ("believe", "belief", "asserts"), ("doubt", "belief", "doubts"), ("plan", "intention", "asserts"),
     ("urge", "demand", "demands"), ("condemn", "judgement", "asserts"), ("deny", "speech", "denies")],
)  # fmt: skip
def test_lexicon_verb_entries(lemma, cue_class, stance):
    entry = load_lexicon().verbs[lemma]
    assert (entry.cue_class, entry.stance) == (cue_class, stance)


def test_lexicon_refuses_a_verb_in_two_classes(tmp_path):
    cues = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    cues["classes"]["belief"]["verbs"]["say"] = {"act": "assert", "stance": "asserts"}
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(cues), encoding="utf-8")
    with pytest.raises(HarbingerError, match="both speech and belief"):
        load_lexicon(cues_path=str(path))
