"""``run`` and ``code``: read articles and push them through the pipeline, into the store or to stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from harbinger.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    FormatOption,
    ModelOption,
    StagesOption,
    err,
    load_pipeline,
    with_read_options,
)
from harbinger.dedupe import DEFAULT_THRESHOLD
from harbinger.output import Format, json_default, print_rows
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, DEFAULT_MODEL
from harbinger.readers import ReadOptions


@with_read_options
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    threshold: Annotated[
        float, typer.Option(help="MinHash Jaccard similarity at which articles are near duplicates.")
    ] = DEFAULT_THRESHOLD,
    batch_size: Annotated[
        int, typer.Option(help="At most this many articles per batch (and per store transaction).")
    ] = DEFAULT_BATCH_SIZE,
    batch_words: Annotated[
        int, typer.Option(help="Close a batch once it holds this many words (bounds peak memory).")
    ] = DEFAULT_BATCH_WORDS,
    *,
    options: ReadOptions,
    fmt: FormatOption = Format.table,
) -> None:
    """Read, deduplicate, annotate and store articles; print a summary."""
    from harbinger.runner import run as run_articles
    from harbinger.store import Store

    nlp = load_pipeline(model, stages, actors)
    with Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("reading…")

        def show(summary) -> None:
            bar.update(
                task,
                description=f"read {summary.read:,}  stored {summary.stored:,}  duplicates {summary.duplicates:,}  "
                f"skipped {summary.skipped:,}  {summary.words_per_second:,.0f} words/s",
            )

        summary = run_articles(
            paths, store, nlp, options, threshold=threshold, batch_size=batch_size, batch_words=batch_words, progress=show
        )
    for problem in summary.problems:
        err.print(f"[yellow]{problem}[/]" if problem.severity.value == "warning" else f"[red]{problem}[/]", highlight=False)
    counts = summary.to_dict()
    if fmt is Format.table:
        err.print(
            f"read {summary.read:,}, duplicates {summary.duplicates:,} (exact {summary.exact}, near {summary.near}), "
            f"already stored {summary.already:,}, skipped {summary.skipped:,}, stored {summary.stored:,} "
            f"in {summary.seconds:.1f} s ({summary.words_per_second:,.0f} words/s) → {db}",
            highlight=False,
        )
    else:
        columns = [k for k in counts if k not in ("problems", "stage_seconds")]
        print_rows(columns, [[counts[c] for c in columns]], fmt)
    raise typer.Exit(1 if summary.errors else 0)


@with_read_options
def code(
    path: Annotated[str, typer.Argument(help="An article file ('-' for stdin).")],
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Include tokens with tags and the dependency parse.")] = False,
    *,
    options: ReadOptions,
) -> None:
    """Annotate articles without a store and print everything as JSON (one line per article if several)."""
    from harbinger.annotation import doc_to_dict
    from harbinger.errors import Problem
    from harbinger.pipeline import process
    from harbinger.readers import read_paths

    items = list(read_paths([path], options))
    problems = [i for i in items if isinstance(i, Problem)]
    articles = [i for i in items if not isinstance(i, Problem)]
    for problem in problems:
        err.print(str(problem), highlight=False)
    nlp = load_pipeline(model, stages, actors)
    results = [doc_to_dict(nlp, doc, with_tokens=tokens) for doc in process(nlp, articles, problems=problems)]
    if len(results) == 1:
        sys.stdout.write(json.dumps(results[0], ensure_ascii=False, indent=2, default=json_default) + "\n")
    else:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, default=json_default) + "\n")
    raise typer.Exit(1 if any(p.severity.value == "error" for p in problems) or not results else 0)
