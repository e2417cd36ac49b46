"""The pipeline: masked headers keep offsets, stages plug in by name and in order, a failing stage loses one article only."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from harbinger.errors import HarbingerError
from harbinger.models import Article
from harbinger.pipeline import Timings, load_nlp, make_doc, process
from harbinger.stages import StageSpec, layer, register_stage


@Language.component("test_token_counter", assigns=["doc._.test_counts"])
def token_counter(doc):
    doc._.test_counts = [{"tokens": len(doc)}]
    return doc


@Language.component("test_exploder", assigns=["doc._.test_explode"])
def exploder(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("cannot handle this article")
    return doc


register_stage(StageSpec("test-count", "test_token_counter", "test_counts", lambda doc: doc._.test_counts))
register_stage(StageSpec("test-explode", "test_exploder", "test_explode", lambda doc: [], requires=("test-count",)))


def test_make_doc_keeps_offsets_of_the_raw_text(nlp_base, seed_article):
    doc = make_doc(nlp_base, seed_article)
    assert len(doc.text) == len(seed_article.text)
    assert doc.text[seed_article.body_start :] == seed_article.body
    assert doc.text[: seed_article.body_start].strip() == ""


def test_load_nlp_appends_stages_in_order():
    nlp = load_nlp(stage_names=["test-count", "test-explode"])
    assert nlp.pipe_names[-2:] == ["test-count", "test-explode"]


def test_load_nlp_refuses_wrong_order():
    with pytest.raises(HarbingerError, match="needs test-count"):
        load_nlp(stage_names=["test-explode"])


def test_load_nlp_refuses_a_stage_after_one_that_reads_it():
    with pytest.raises(HarbingerError, match="'events' reads the output of quotes"):
        load_nlp(stage_names=["events", "quotes"])


def test_register_stage_refuses_a_factory_that_does_not_declare_its_layer():
    Language.component("test_silent", func=lambda doc: doc)
    with pytest.raises(ValueError, match="does not declare assigns"):
        register_stage(StageSpec("test-silent", "test_silent", "test_silent", lambda doc: []))


def test_layer_is_none_for_a_stage_that_did_not_run():
    nlp = load_nlp(stage_names=["test-count"])
    (doc,) = list(process(nlp, [Article.create("Calm day.", date(2020, 1, 1))]))
    assert layer(doc, "test-count") == [{"tokens": len(doc)}]
    assert layer(doc, "test-explode") is None


def test_load_nlp_unknown_stage_lists_known():
    with pytest.raises(HarbingerError, match="test-count"):
        load_nlp(stage_names=["nonsense"])


def test_load_nlp_missing_model_is_clear():
    with pytest.raises(HarbingerError, match="not installed"):
        load_nlp("en_no_such_model_xx", stage_names=[])


def test_process_isolates_an_article_a_stage_fails_on():
    nlp = load_nlp(stage_names=["test-count", "test-explode"])
    articles = [Article.create(t, date(2020, 1, 1), origin=f"mem:{i}") for i, t in enumerate(["Calm day.", "BOOM went the stage.", "Another calm day."])]
    problems, timings = [], Timings()
    docs = list(process(nlp, articles, problems=problems, timings=timings))
    assert [d._.article.origin for d in docs] == ["mem:0", "mem:2"]
    assert [p.code for p in problems] == ["H201"] and problems[0].where == "mem:1"
    assert {"tokenizer", "parser", "test-count"} <= set(timings.seconds)


def test_load_nlp_corrects_the_lemmatizers_known_errors():
    nlp = load_nlp(stage_names=[])
    doc = nlp("Protesters staged a sit-in while workers were staging a strike.")
    assert [t.lemma_ for t in doc if t.lower_ in ("staged", "staging")] == ["stage", "stage"]
