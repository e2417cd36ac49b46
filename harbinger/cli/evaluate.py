"""``eval`` and ``stages``: how well the pipeline does on gold texts, and every registered name it knows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from harbinger.cli.options import ActorsOption, FormatOption, ModelOption, StagesOption, err, load_pipeline
from harbinger.output import Format, print_rows
from harbinger.pipeline import DEFAULT_MODEL


def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file: the seed gold JSON, PLOVER or CAMEO JSON Lines.")],
    texts: Annotated[Optional[Path], typer.Option(help="Folder holding the article the seed gold names.")] = None,
    scorer: Annotated[Optional[list[str]], typer.Option(help="Only these scorers (repeatable).")] = None,
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Run the pipeline on gold texts and print precision, recall and F1 per stage."""
    from harbinger.eval import COLUMNS, evaluate

    nlp = load_pipeline(model, stages, actors)
    with err.status(f"coding the gold texts of {gold.name} and scoring…"):
        rows = evaluate(gold, nlp, texts=texts, only=scorer)
    records = [r.to_dict() for r in rows]
    print_rows(COLUMNS, [[rec[c] for c in COLUMNS] for rec in records], fmt, title=f"evaluation on {gold.name}")


def list_stages(fmt: FormatOption = Format.table) -> None:
    """List the registered readers, stages, exporters and scorers."""
    import harbinger.exporters  # noqa: F401  (registers the exporters)
    import harbinger.readers  # noqa: F401  (registers the readers)
    from harbinger.eval.scorers import load_scorer_modules
    from harbinger.registry import exporters, readers, scorers, stages
    from harbinger.stages import DEFAULT_STAGES, load_stage_modules

    load_stage_modules()
    load_scorer_modules()
    rows = [("reader", name, "") for name in readers.names()]
    rows += [("stage", name, "default" if name in DEFAULT_STAGES else "") for name in stages.names()]
    rows += [("exporter", name, exporter.writes) for name, exporter in exporters.items()]
    rows += [("scorer", name, ", ".join(s.formats)) for name, s in scorers.items()]
    print_rows(["kind", "name", "notes"], rows, fmt)
