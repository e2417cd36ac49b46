"""The scorer registry: each scorer names the gold formats it reads and turns (gold, predictions) into metric rows.

Scorers live here, beside the rest of ``harbinger eval``, not in the stages
they measure: a stage never imports the evaluation code. Each module in
:data:`SCORER_MODULES` registers its scorers when imported;
:func:`load_scorer_modules` imports them all (as
:func:`harbinger.stages.load_stage_modules` does for stages). Adding a scorer
is one module with a ``@register_scorer`` function and one line in that list.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow
from harbinger.registry import scorers

# Modules that register scorers when imported.
SCORER_MODULES: list[str] = [
    "harbinger.eval.scorers.foundation",
    "harbinger.eval.scorers.time",
    "harbinger.eval.scorers.place",
    "harbinger.eval.scorers.actors",
    "harbinger.eval.scorers.actor_mentions",
    "harbinger.eval.scorers.quotes",
    "harbinger.eval.scorers.events",
    "harbinger.eval.scorers.event_sentences",
]


@dataclass(frozen=True)
class Scorer:
    name: str
    formats: tuple[str, ...]
    score: Callable[[list[GoldDoc], list[dict]], list[MetricRow]]


def register_scorer(name: str, formats: tuple[str, ...]):
    def wrap(func: Callable[[list[GoldDoc], list[dict]], list[MetricRow]]):
        scorers.register(name, func=Scorer(name, formats, func))
        return func

    return wrap


def load_scorer_modules() -> None:
    """Import every module that registers a scorer, so the registry knows them all."""
    for module in SCORER_MODULES:
        importlib.import_module(module)
