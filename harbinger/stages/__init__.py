"""The registry of Harbinger's own pipeline stages and what each adds to a document.

A stage is a spaCy component (``Language.factory``) that reads what earlier
stages put on the ``Doc`` and adds one typed extension attribute of its own.
A :class:`StageSpec` names the component, the attribute, the stages it needs
before it and how its output becomes JSON, so the pipeline's order is data
and the CLI, store and ``code`` output never change when a stage is added.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc

from harbinger.registry import stages

# Stages run in this order when the user names none.
DEFAULT_STAGES: list[str] = ["time", "place", "actors", "quotes", "events"]

# Modules that register stages (and their scorers) when imported.
STAGE_MODULES: list[str] = ["harbinger.time", "harbinger.place", "harbinger.actors", "harbinger.events", "harbinger.quotes"]


@dataclass(frozen=True)
class StageSpec:
    name: str  # the name users write: "time", "actors"
    factory: str  # the spaCy factory that builds the component
    attr: str  # the Doc extension it fills (doc._.<attr>)
    to_json: Callable[[Doc], list[dict]]
    requires: tuple[str, ...] = ()
    config: dict = field(default_factory=dict)


def register_stage(spec: StageSpec) -> StageSpec:
    if not Doc.has_extension(spec.attr):
        Doc.set_extension(spec.attr, default=None)
    stages.register(spec.name, func=spec)
    return spec


def load_stage_modules() -> None:
    """Import every module that registers a stage, so the registry knows them all."""
    for module in STAGE_MODULES:
        importlib.import_module(module)
