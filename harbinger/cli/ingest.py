"""``run`` and ``code``: read articles and push them through the pipeline, into the store or to stdout.

``run`` checks its options, its input paths and the store's lock before it loads
the model, so a typo costs no wait. Its progress is a live bar on a terminal and,
when stderr goes to a log, a plain line every few seconds.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterator

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from harbinger.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    FormatOption,
    ModelOption,
    PartsOption,
    SchedulerOption,
    StagesOption,
    ThresholdOption,
    WorkersOption,
    err,
    load_pipeline,
    pipeline_settings,
    print_problems,
    with_read_options,
)
from harbinger.dedupe import DEFAULT_THRESHOLD
from harbinger.output import Format, json_default, print_rows
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, DEFAULT_MODEL
from harbinger.readers import ReadOptions

if TYPE_CHECKING:
    from harbinger.errors import Problem
    from harbinger.runner import RunSummary

PLAIN_PROGRESS_SECONDS = 5.0


@with_read_options
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    batch_size: Annotated[
        int, typer.Option(help="At most this many articles per batch (and per store transaction).")
    ] = DEFAULT_BATCH_SIZE,
    batch_words: Annotated[
        int, typer.Option(help="Close a batch once it holds this many words (bounds peak memory).")
    ] = DEFAULT_BATCH_WORDS,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    parts: PartsOption = None,
    *,
    options: ReadOptions,
    fmt: FormatOption = Format.table,
) -> None:
    """Read, deduplicate, annotate and store articles; print a summary."""
    from harbinger.runner import RunInterrupted, check_inputs, check_options
    from harbinger.runner import run as run_articles
    from harbinger.store import Store

    check_options(threshold, batch_size, batch_words)
    check_scale_options(workers, scheduler, paths)
    check_inputs(paths)
    with Store(db) as store:
        try:
            with _progress(paths, options) as show:
                if workers in (None, 1) and scheduler is None:
                    nlp = load_pipeline(model, stages, actors)
                    summary = run_articles(
                        paths, store, nlp, options, threshold=threshold, batch_size=batch_size, batch_words=batch_words, progress=show
                    )
                else:
                    from harbinger.scale.driver import run_distributed

                    settings = pipeline_settings(model, stages, actors)
                    err.print(f"starting Dask workers (each loads {model} once)…")
                    summary = run_distributed(
                        paths, store, settings, options, workers=workers, scheduler=scheduler, threshold=threshold,
                        batch_size=batch_size, batch_words=batch_words, parts=parts, progress=show, on_connect=_cluster_ready,
                    )
        except RunInterrupted as stop:
            print_problems(stop.summary.problems)
            err.print(f"interrupted: {stop.summary.stored:,} articles stored; run the same command again to finish")
            raise typer.Exit(130) from None
    print_problems(summary.problems)
    counts = summary.to_dict()
    if fmt is Format.table:
        err.print(
            f"read {summary.read:,}, duplicates {summary.duplicates:,} (exact {summary.exact:,}, near {summary.near:,}), "
            f"already stored {summary.already:,}, skipped {summary.skipped:,}, stored {summary.stored:,}, "
            f"events coded {summary.events:,} in {summary.seconds:.1f} s ({summary.words_per_second:,.0f} words/s) → {db}"
        )
    else:
        columns = [k for k in counts if k not in ("problems", "stage_seconds")]
        print_rows(columns, [[counts[c] for c in columns]], fmt)
    raise typer.Exit(0 if summary.complete else 1)


def check_scale_options(workers: int | None, scheduler: str | None, paths: list[str]) -> None:
    """H703 for --workers below 1, --workers with --scheduler, or either on standard input."""
    from harbinger.errors import HarbingerError

    if workers is not None and workers < 1:
        raise HarbingerError("H703", f"--workers {workers} is below 1", hint="--workers 2 codes on two local worker processes")
    if workers is not None and scheduler is not None:
        raise HarbingerError("H703", "--workers and --scheduler cannot be used together", hint="--workers starts a local cluster; --scheduler uses a running one")
    if (scheduler is not None or (workers or 1) > 1) and "-" in paths:
        raise HarbingerError("H703", "a scaled-out run reads files, not standard input", hint="save the input to a file, or run without --workers")


def _cluster_ready(client, workers: int) -> None:
    link = getattr(client, "dashboard_link", None) if _has_dashboard() else None
    err.print(f"coding on {workers} Dask worker{'s' if workers != 1 else ''}" + (f"; dashboard: {link}" if link else ""))


def _has_dashboard() -> bool:
    from harbinger.scale.cluster import has_dashboard

    return has_dashboard()


@contextlib.contextmanager
def _progress(paths: list[str], options: ReadOptions) -> Iterator[Callable[[RunSummary], None]]:
    """The run's progress callback: a live bar on a terminal, plain lines in a log."""
    if not err.is_terminal:
        yield PlainProgress(_BackgroundCount(paths, options))
        return
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("reading…")

        def show(summary: RunSummary) -> None:
            of = f" of {summary.total:,}" if summary.total else ""
            bar.update(
                task,
                description=f"read {summary.read:,}{of}  stored {summary.stored:,}  duplicates {summary.duplicates:,}  "
                f"skipped {summary.skipped:,}  {summary.words_per_second:,.0f} words/s",
            )

        yield show


def progress_line(summary: RunSummary, total: int | None) -> str:
    """One line of progress for a log: articles read (of how many, when known), speed and, with a total, the ETA."""
    read = f"read {summary.read:,} of {total:,} articles" if total else f"read {summary.read:,} articles"
    parts = [read, f"stored {summary.stored:,}", f"{summary.words_per_second:,.0f} words/s"]
    if total and summary.read and summary.seconds:
        left = max(total - summary.read, 0) * summary.seconds / summary.read
        parts.append(f"ETA {timedelta(seconds=round(left))}")
    return "progress: " + ", ".join(parts)


class PlainProgress:
    """Progress when stderr is not a terminal: a :func:`progress_line` at most every ``interval`` seconds."""

    def __init__(
        self, total: Callable[[], int | None] = lambda: None, interval: float | None = None, clock: Callable[[], float] = time.monotonic
    ):
        self.total = total
        self.interval = PLAIN_PROGRESS_SECONDS if interval is None else interval
        self.clock = clock
        self.last = clock()

    def __call__(self, summary: RunSummary) -> None:
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            err.print(progress_line(summary, summary.total or self.total()))


class _BackgroundCount:
    """How many articles the inputs hold, for the ETA: read a second time in a daemon thread (readers stream,
    so that costs time, not memory). None until known, and for standard input, which can be read only once."""

    def __init__(self, paths: list[str], options: ReadOptions):
        self.value: int | None = None
        threading.Thread(target=self._count, args=(paths, options), daemon=True).start()

    def _count(self, paths: list[str], options: ReadOptions) -> None:
        from harbinger.runner import count_articles

        # Only the ETA depends on it: an input that cannot be read is the run's to report, not the counter's.
        with contextlib.suppress(Exception):
            self.value = count_articles(paths, options)

    def __call__(self) -> int | None:
        return self.value


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
    print_problems(problems)
    nlp = load_pipeline(model, stages, actors)
    results = [doc_to_dict(nlp, doc, with_tokens=tokens) for doc in process(nlp, articles, problems=problems)]
    if len(results) == 1:
        sys.stdout.write(json.dumps(results[0], ensure_ascii=False, indent=2, default=json_default) + "\n")
    else:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, default=json_default) + "\n")
    raise typer.Exit(1 if any(p.severity.value == "error" for p in problems) or not results else 0)
