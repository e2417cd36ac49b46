"""``recode``: code stored articles again with the current pipeline, where an older one coded them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from harbinger.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    FormatOption,
    ModelOption,
    PartsOption,
    SchedulerOption,
    WorkersOption,
    err,
    load_pipeline,
    pipeline_settings,
    print_problems,
)
from harbinger.dedupe import DEFAULT_THRESHOLD
from harbinger.output import Format, print_rows
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, DEFAULT_MODEL


def recode(
    db: DbOption = Path(DEFAULT_DB),
    stages: Annotated[
        Optional[str], typer.Option("--stages", help="Only replace these stages' outputs (comma-separated; default: every layer, spaCy's too).")
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    batch_size: Annotated[int, typer.Option(help="At most this many articles per store transaction.")] = DEFAULT_BATCH_SIZE,
    batch_words: Annotated[int, typer.Option(help="Close a batch once it holds this many words.")] = DEFAULT_BATCH_WORDS,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    parts: PartsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Code stored articles again where their fingerprint differs from the current pipeline's (no source is read)."""
    from harbinger.cli.ingest import check_scale_options
    from harbinger.recode import dask_coder, layers_for, local_coder
    from harbinger.recode import recode as recode_store
    from harbinger.runner import check_options
    from harbinger.store import Store

    check_options(DEFAULT_THRESHOLD, batch_size, batch_words)  # recode does not deduplicate: only the batch limits matter
    check_scale_options(workers, scheduler, [])
    names = None if stages is None else [s.strip() for s in stages.split(",") if s.strip()]
    with Store(db) as store:
        try:
            if workers in (None, 1) and scheduler is None:
                from harbinger.fingerprint import fingerprints_of
                from harbinger.pipeline import harbinger_stages

                nlp = load_pipeline(model, None, actors)
                specs = harbinger_stages(nlp)
                layer_of = {s.name: [s.attr, *(a for a, _ in s.extra_layers)] for s in specs}
                layers = layers_for(names, [s.name for s in specs], layer_of)
                summary = recode_store(store, local_coder(nlp), fingerprints_of(nlp), layers, model=nlp.meta.get("name", "?"),
                                       stages=list(nlp.pipe_names), batch_size=batch_size, batch_words=batch_words, progress=_show)  # fmt: skip
            else:
                from harbinger.scale.cluster import connect
                from harbinger.scale.driver import parts_folder
                from harbinger.scale.worker import describe_pipeline

                settings = pipeline_settings(model, None, actors)
                err.print(f"starting Dask workers (each loads {model} once)…")
                with connect(workers, scheduler, settings) as client:
                    info = next(iter(client.run(describe_pipeline).values()))
                    layers = layers_for(names, info["stage_names"], info["layers"])
                    folder = parts_folder(store, parts)
                    folder.mkdir(parents=True, exist_ok=True)
                    n = len(client.scheduler_info()["workers"])  # a store batch is split among the workers
                    summary = recode_store(store, dask_coder(client, folder), info["fingerprints"], layers, model=info["model"],
                                           stages=info["stages"], batch_size=batch_size * n, batch_words=batch_words * n, progress=_show)  # fmt: skip
        except KeyboardInterrupt:
            err.print("interrupted: the batches recoded so far are stored; run the same command again to finish")
            raise typer.Exit(130) from None
    print_problems(summary.problems)
    counts = summary.to_dict()
    if fmt is Format.table:
        err.print(
            f"out of date {summary.outdated:,}, recoded {summary.recoded:,} ({summary.words_per_second:,.0f} words/s, {summary.seconds:.1f} s); "
            f"events {summary.events_before:,} → {summary.events_after:,}; layers {', '.join(summary.layers) or 'none'} → {db}"
        )
    else:
        print_rows(list(counts), [list(counts.values())], fmt)
    raise typer.Exit(1 if summary.problems else 0)


def _show(summary) -> None:
    if not err.is_terminal:
        return
    err.print(f"recoded {summary.recoded:,} of {summary.outdated:,} ({summary.words_per_second:,.0f} words/s)", end="\r")
