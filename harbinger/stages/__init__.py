"""The registry of Harbinger's own pipeline stages: what each adds to a document and what it needs first.

A stage is a spaCy component (``Language.factory``) that reads what earlier
stages put on the ``Doc`` and adds typed extension attributes of its own. A
:class:`StageSpec` names the component, the attribute holding its layer, the
stages it needs before it (``requires``) and those whose layers it reads when
they run (``reads``), and how its layer becomes JSON. The pipeline's order is
data: :func:`harbinger.pipeline.load_nlp` refuses an order that breaks either
list. Other stages read a layer only through :func:`layer`, which returns the
stage's typed values, or None when that stage did not run. A stage whose
output analysts query as rows owns a :class:`StageTable`: the store writes
it, and everything downstream reads those typed columns, never the JSON.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal, overload

from spacy.language import Language
from spacy.tokens import Doc

from harbinger.registry import stages

if TYPE_CHECKING:
    from harbinger.actors.stage import ActorMention
    from harbinger.events.stage import Event
    from harbinger.place.models import Place
    from harbinger.quotes.models import Quote
    from harbinger.time.stage import Timex

# Stages run in this order when the user names none.
DEFAULT_STAGES: list[str] = ["time", "place", "actors", "quotes", "events"]

# Modules that register stages when imported.
STAGE_MODULES: list[str] = ["harbinger.time", "harbinger.place", "harbinger.actors", "harbinger.events", "harbinger.quotes"]


@dataclass(frozen=True)
class StageTable:
    """A store table a stage owns: its name, its Arrow schema, and how the stage's JSON layer becomes rows.

    ``to_rows(article_id, canonical_id, layer_json)`` returns one dict per row with exactly the schema's
    columns. The store creates the table in a numbered migration; a test checks the two agree.
    """

    name: str
    schema: Any  # a pyarrow.Schema
    to_rows: Callable[[str, str, list[dict]], list[dict]]


@dataclass(frozen=True)
class StageSpec:
    name: str  # the name users write: "time", "actors"
    factory: str  # the spaCy factory that builds the component
    attr: str  # the Doc extension holding its layer (doc._.<attr>); None there means the stage did not run
    to_json: Callable[[Doc], list[dict]]
    requires: tuple[str, ...] = ()  # stages that must run before it
    reads: tuple[str, ...] = ()  # stages whose layers it uses when they run: those must then run before it
    config: dict = field(default_factory=dict)
    # further Doc extensions it fills, each with its JSON (events' held-back candidates): (attr, to_json)
    extra_layers: tuple[tuple[str, Callable[[Doc], list[dict]]], ...] = ()
    table: StageTable | None = None  # the store table its layer fills, if any


def register_stage(spec: StageSpec) -> StageSpec:
    """Register a stage; its factory must declare (spaCy's ``assigns``) the attribute the spec names."""
    attrs = [spec.attr, *(attr for attr, _ in spec.extra_layers)]
    if Language.has_factory(spec.factory):
        assigns = Language.get_factory_meta(spec.factory).assigns
        missing = [attr for attr in attrs if f"doc._.{attr}" not in assigns]
        if missing:
            raise ValueError(f"stage '{spec.name}': factory '{spec.factory}' does not declare assigns=['doc._.{missing[0]}']")
    for attr in attrs:
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)
    stages.register(spec.name, func=spec)
    return spec


def stage_tables() -> list[tuple[str, StageTable]]:
    """(layer attribute, table) for every registered stage that owns a store table."""
    load_stage_modules()
    return [(spec.attr, spec.table) for _, spec in stages.items() if isinstance(spec, StageSpec) and spec.table is not None]


def load_stage_modules() -> None:
    """Import every module that registers a stage, so the registry knows them all."""
    for module in STAGE_MODULES:
        importlib.import_module(module)


def order_problem(names: list[str]) -> str | None:
    """Why stages cannot run in this order (a stage before one it needs or reads), or None if they can."""
    seen: list[str] = []
    for name in names:
        spec: StageSpec = stages.get(name)
        missing = [need for need in spec.requires if need not in seen]
        if missing:
            return f"stage '{name}' needs {', '.join(missing)} before it"
        late = [used for used in spec.reads if used in names and used not in seen]
        if late:
            return f"stage '{name}' reads the output of {', '.join(late)}, so {'it' if len(late) == 1 else 'they'} must run before it"
        seen.append(name)
    return None


@overload
def layer(doc: Doc, name: Literal["time"]) -> tuple[Timex, ...] | None: ...
@overload
def layer(doc: Doc, name: Literal["place"]) -> tuple[Place, ...] | None: ...
@overload
def layer(doc: Doc, name: Literal["actors"]) -> tuple[ActorMention, ...] | None: ...
@overload
def layer(doc: Doc, name: Literal["quotes"]) -> tuple[Quote, ...] | None: ...
@overload
def layer(doc: Doc, name: Literal["events"]) -> list[Event] | None: ...
@overload
def layer(doc: Doc, name: str) -> Any: ...
def layer(doc, name):
    """The values stage ``name`` put on ``doc``, or None when that stage did not run on it."""
    attr = stages.get(name).attr
    return doc._.get(attr) if Doc.has_extension(attr) else None
