"""The ``time`` scorer: time-expression spans (overlap match) and their values against gold.

Reads the seed gold's ``timexes`` (``span``, ``value``, ``also_ok``) and
Harbinger's hand-checked ``timex`` sets (``expected`` items with ``start``,
``end``, ``value``). A predicted span matches the gold span it overlaps most
(one to one); its value must equal the gold value exactly, or one of
``also_ok``.
"""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer

STAGE = "time"


def gold_timexes(gold: GoldDoc) -> list[dict]:
    """The gold expressions of one document as ``{start, end, values}``, whatever the format."""
    if gold.format == "seed":
        items = [{"start": t["span"][0], "end": t["span"][1], **t} for t in gold.gold.get("timexes", [])]
    else:
        items = gold.gold.get("expected", [])
    return [{"start": t["start"], "end": t["end"], "values": [t["value"], *t.get("also_ok", [])]} for t in items]


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of (gold, prediction) by greatest character overlap, each used at most once."""
    pairs, used = [], set()
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, predicted[best]))
    return pairs


@register_scorer("time", formats=("seed", "timex"))
def score_time(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    n_gold = n_pred = matched = exact = 0
    for gold, prediction in zip(golds, predictions):
        expected = gold_timexes(gold)
        predicted = prediction.get("timexes") or []
        pairs = match(expected, predicted)
        n_gold += len(expected)
        n_pred += len(predicted)
        matched += len(pairs)
        exact += sum(p["value"] in g["values"] for g, p in pairs)
    return [
        MetricRow(STAGE, "timex span (overlap)", tp=matched, fp=n_pred - matched, fn=n_gold - matched, n=n_gold),
        accuracy_row(STAGE, "timex value on matched spans", exact, matched),
        MetricRow(STAGE, "timex span + exact value", tp=exact, fp=n_pred - exact, fn=n_gold - exact, n=n_gold),
    ]
