"""The actor_mentions scorer on hand-made predictions (no pipeline): a right, a wrong and a missing mention."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harbinger.eval.gold import _jsonl_doc, load_gold
from harbinger.eval.scorers.actor_mentions import country_key, predicted_mention, score_actor_mentions

ROOT = Path(__file__).resolve().parents[3]

TEXT = "Secretary of State Marco Rubio met Ukraine's envoy. The ministry said Kyiv and NATO agreed, and it welcomed Putin."


def _span(fragment: str, kind: str, code: str) -> dict:
    start = TEXT.index(f" {fragment} ") + 1 if fragment == "it" else TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment, "code": code, "kind": kind}


def _gold(expected: list[dict]):
    record = {"id": "T-1", "gold_format": "actor_mentions", "date": "2026-01-05", "text": TEXT, "expected": expected}
    return _jsonl_doc(record, "test")


def _predicted(fragment: str, code: str | None, kind: str = "name") -> dict:
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment, "code": code, "kind": kind, "chain": None}


def _rows(golds, predictions):
    return {row.metric: row for row in score_actor_mentions(golds, predictions)}


def test_counts_right_wrong_and_missing_mentions():
    gold = _gold([
        _span("Secretary of State Marco Rubio", "titled", "USAGOV"),  # right (matched by the name)
        _span("Putin", "name_alone", "RUSGOV"),  # right country, wrong sector
        _span("The ministry", "anaphor", "UKRGOV"),  # missing: nothing predicted there
        _span("it", "anaphor", "IGOWSTNAT"),  # wrong: coded as a country
        _span("NATO", "name", "IGOWSTNAT"),  # right
    ])
    predictions = [{"actors": [
        _predicted("Marco Rubio", "USAGOV"),
        _predicted("Putin", "RUS"),
        _predicted("Kyiv", "UKR"),
        _predicted("NATO", "IGOWSTNAT"),
        {**_span("it", "pronoun", "UKR"), "chain": 0},
    ]}]
    rows = _rows([gold], predictions)

    overall = rows["actor mentions (all): country"]
    assert (overall.n, overall.tp) == (5, 3)
    assert "1 with no predicted mention" in overall.note
    assert rows["actor mentions (all): full code"].tp == 2
    alone = rows["actor mentions (people named alone): country"]
    assert (alone.n, alone.tp, rows["actor mentions (people named alone): full code"].tp) == (1, 1, 0)
    both = rows["actor mentions (pronouns and anaphors): country"]
    assert (both.n, both.tp) == (2, 0)
    anaphors = rows["actor mentions (anaphors): full code"]
    assert (anaphors.n, anaphors.tp, anaphors.fn) == (2, 0, 2)


def test_head_decides_which_prediction_codes_a_span():
    gold = _span("Secretary of State Marco Rubio", "titled", "USAGOV")
    wide = _predicted("Secretary of State Marco Rubio", "USAGOV")
    state = _predicted("State", "USA")  # inside the span but not at its head nor its name
    assert predicted_mention([state], gold, TEXT) is None
    assert predicted_mention([state, wide], gold, TEXT) is wide
    # A mention elsewhere in the text never codes the span.
    assert predicted_mention([_predicted("Kyiv", "UKR")], _span("Ukraine", "name", "UKR"), TEXT) is None


def test_uncoded_prediction_counts_as_wrong():
    gold = _gold([_span("Putin", "name_alone", "RUSGOV")])
    rows = _rows([gold], [{"actors": [_predicted("Putin", None)]}])
    assert rows["actor mentions (all): country"].tp == 0
    assert rows["actor mentions (all): country"].note == ""


@pytest.mark.parametrize(("code", "key"), [("USAGOV", "USA"), ("RUS", "RUS"), ("IGOWSTNAT", "IGOWSTNAT"), ("NGOHLHIRC", "NGOHLHIRC"), (None, None)])
def test_country_key_keeps_igo_codes_whole(code, key):
    assert country_key(code) == key


def test_blind_set_loads_with_valid_offsets_and_targets():
    path = ROOT / "tests" / "data" / "actors_blind1.jsonl"
    golds = load_gold(path)
    assert golds and all(g.format == "actor_mentions" for g in golds)
    kinds: dict[str, int] = {}
    for gold in golds:
        for mention in gold.gold["expected"]:
            assert gold.article.text[mention["start"] : mention["end"]] == mention["text"]
            kinds[mention["kind"]] = kinds.get(mention["kind"], 0) + 1
    assert sum(kinds.values()) >= 200
    assert kinds["name_alone"] >= 40
    assert kinds["pronoun"] + kinds["anaphor"] >= 50
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["id"] for r in records}) == len(records)


DATA = ROOT / "tests" / "data"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "country", "full_code", "anaphors"),
    [
        # measured 2026-12-06 with the default pipeline. Set 1 scored unseen 0.545 / 0.504 / 0.357 (country, full code,
        # anaphors by country), then its errors were read and fixed (institutions named whole, former office holders as
        # ELI, family-name-first surnames, cartels): 0.659 / 0.612 / 0.452. Set 2 was then scored once, unseen:
        # 0.783 / 0.728 / 0.750; its errors not read.
        ("actors_blind1.jsonl", 0.64, 0.59, 0.43),
        ("actors_blind2.jsonl", 0.76, 0.70, 0.72),
    ],
)
def test_actor_mentions_floors(nlp_full, name, country, full_code, anaphors):
    from harbinger.annotation import doc_to_dict
    from harbinger.pipeline import process

    golds = load_gold(DATA / name)
    predictions = [doc_to_dict(nlp_full, doc) for doc in process(nlp_full, [g.article for g in golds])]
    rows = {row.metric: row for row in score_actor_mentions(golds, predictions)}
    assert rows["actor mentions (all): country"].f1 >= country
    assert rows["actor mentions (all): full code"].f1 >= full_code
    assert rows["actor mentions (anaphors): country"].f1 >= anaphors
