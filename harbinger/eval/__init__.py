"""``harbinger eval``: run the pipeline on gold texts and score each stage that has a scorer.

A scorer is registered by name with the gold formats it understands and a
function from (gold docs, predictions) to :class:`MetricRow` values. The
scorers live in :mod:`harbinger.eval.scorers` (one module per stage measured),
so evaluation depends on the stages and never the other way round.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from harbinger.annotation import doc_to_dict
from harbinger.errors import HarbingerError
from harbinger.eval.gold import GoldDoc, load_gold
from harbinger.eval.metrics import COLUMNS, MetricRow, accuracy_row
from harbinger.eval.scorers import Scorer, load_scorer_modules, register_scorer
from harbinger.pipeline import process
from harbinger.registry import scorers

__all__ = [
    "COLUMNS",
    "GoldDoc",
    "MetricRow",
    "Scorer",
    "accuracy_row",
    "evaluate",
    "load_gold",
    "load_scorer_modules",
    "register_scorer",
]


def evaluate(gold_path: str | Path, nlp: Language, texts: str | Path | None = None, only: list[str] | None = None) -> list[MetricRow]:
    load_scorer_modules()
    golds = load_gold(gold_path, texts)
    problems: list = []
    predictions = {}
    for doc in process(nlp, [g.article for g in golds], problems=problems):
        predictions[doc._.article.id] = doc_to_dict(nlp, doc)
    if problems:
        raise HarbingerError("H406", f"the pipeline failed on gold texts: {'; '.join(map(str, problems))}")
    ordered = [predictions[g.article.id] for g in golds]
    chosen = [scorers.get(name) for name in only] if only else [s for _, s in scorers.items()]
    formats = {g.format for g in golds}
    rows: list[MetricRow] = []
    for scorer in chosen:
        if formats & set(scorer.formats):
            subset = [(g, p) for g, p in zip(golds, ordered) if g.format in scorer.formats]
            rows += scorer.score([g for g, _ in subset], [p for _, p in subset])
    return rows
