"""The ``time`` scorer: time-expression spans, types and values against gold, as TempEval-3 reports them.

Reads the seed gold's ``timexes`` (``span``, ``value``, ``also_ok``) and
Harbinger's hand-checked ``timex`` sets (``expected`` items with ``start``,
``end``, ``value``, optionally ``type`` and ``also_ok``). TempEval-3 scores a
tagger on four figures, and so do we:

- strict span F1: a prediction counts only with exactly the gold span's offsets;
- relaxed span F1: a prediction overlapping a gold span counts (each paired one to one, by greatest overlap);
- type accuracy on the relaxed pairs whose gold names a type (gold without ``type`` is left out of it);
- value F1: a relaxed pair whose value equals the gold value (or one of ``also_ok``) is a hit, counted
  against all gold and all predicted expressions, so a missed or a spurious span costs value F1 too.

The value accuracy on matched spans stays as a row because it separates normalisation errors from span errors.
"""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer

STAGE = "time"


def gold_timexes(gold: GoldDoc) -> list[dict]:
    """The gold expressions of one document as ``{start, end, values, type}``, whatever the format."""
    if gold.format == "seed":
        items = [{"start": t["span"][0], "end": t["span"][1], **t} for t in gold.gold.get("timexes", [])]
    else:
        items = gold.gold.get("expected", [])
    return [
        {"start": t["start"], "end": t["end"], "values": [t["value"], *t.get("also_ok", [])], "type": t.get("type")}
        for t in items
    ]


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
    n_gold = n_pred = matched = strict = exact = typed = type_right = 0
    for gold, prediction in zip(golds, predictions):
        expected = gold_timexes(gold)
        predicted = prediction.get("timexes") or []
        pairs = match(expected, predicted)
        n_gold += len(expected)
        n_pred += len(predicted)
        matched += len(pairs)
        strict += len({(g["start"], g["end"]) for g in expected} & {(p["start"], p["end"]) for p in predicted})
        exact += sum(p["value"] in g["values"] for g, p in pairs)
        typed_pairs = [(g, p) for g, p in pairs if g["type"]]
        typed += len(typed_pairs)
        type_right += sum(p.get("type") == g["type"] for g, p in typed_pairs)
    return [
        MetricRow(STAGE, "timex span (strict)", tp=strict, fp=n_pred - strict, fn=n_gold - strict, n=n_gold, note="TempEval-3 strict"),
        MetricRow(STAGE, "timex span (overlap)", tp=matched, fp=n_pred - matched, fn=n_gold - matched, n=n_gold, note="TempEval-3 relaxed"),
        accuracy_row(STAGE, "timex type on matched spans", type_right, typed, note="gold with a type only"),
        accuracy_row(STAGE, "timex value on matched spans", exact, matched),
        MetricRow(STAGE, "timex span + exact value", tp=exact, fp=n_pred - exact, fn=n_gold - exact, n=n_gold, note="TempEval-3 value F1"),
    ]
