"""The foundation's scorers: document date, dateline, and the shape of sentences and entities."""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer


@register_scorer("dct", formats=("seed",))
def score_dct(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    correct = sum(p["article"]["date"] == g.gold.get("dct") for g, p in zip(golds, predictions))
    return [accuracy_row("read", "document date (DCT)", correct, len(golds))]


@register_scorer("dateline", formats=("seed",))
def score_dateline(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    tp = fp = fn = 0
    for gold, pred in zip(golds, predictions):
        expected = (gold.gold.get("dateline") or {}).get("place")
        found = (pred["article"].get("dateline") or {}).get("text")
        if expected and found and expected.casefold() == found.casefold():
            tp += 1
        else:
            fp += bool(found)
            fn += bool(expected)
    return [MetricRow("read", "dateline place", tp=tp, fp=fp, fn=fn, n=len(golds))]


def _slices_exactly(text: str, span: dict) -> bool:
    return 0 <= span["start"] < span["end"] <= len(text) and text[span["start"] : span["end"]] == span["text"]


@register_scorer("shape", formats=("seed", "plover", "cameo"))
def score_shape(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    """Structural checks every later stage relies on: offsets slice the text and sentences tile the body in order."""
    sent_ok = sent_total = ent_ok = ent_total = 0
    for gold, pred in zip(golds, predictions):
        text = gold.article.text
        previous_end = gold.article.body_start
        for sent in pred["sentences"]:
            sent_total += 1
            sent_ok += _slices_exactly(text, sent) and sent["start"] >= previous_end
            previous_end = sent["end"]
        bounds = [(s["start"], s["end"]) for s in pred["sentences"]]
        for ent in pred["entities"]:
            ent_total += 1
            ent_ok += _slices_exactly(text, ent) and any(a <= ent["start"] and ent["end"] <= b for a, b in bounds)
    return [
        accuracy_row("annotate", "sentence offsets valid", sent_ok, sent_total),
        accuracy_row("annotate", "entity offsets valid", ent_ok, ent_total),
    ]
