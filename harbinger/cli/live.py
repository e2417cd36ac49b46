"""``watch`` and ``fetch``: keep ingesting from a folder or from feeds until Ctrl-C; a restart resumes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from harbinger.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    ModelOption,
    StagesOption,
    ThresholdOption,
    err,
    load_pipeline,
    print_problems,
    with_read_options,
)
from harbinger.dedupe import DEFAULT_THRESHOLD
from harbinger.live.http import DEFAULT_DELAY
from harbinger.live.watch import DEFAULT_INTERVAL, DEFAULT_SETTLE
from harbinger.pipeline import DEFAULT_MODEL
from harbinger.readers import ReadOptions

DEFAULT_FEED_INTERVAL = 900.0

OnceOption = Annotated[bool, typer.Option("--once", help="Do one round and exit (for cron jobs and tests).")]


@with_read_options
def watch(
    folder: Annotated[Path, typer.Argument(help="Folder to watch (its sub-folders too).")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    interval: Annotated[float, typer.Option(help="Seconds between scans of the folder.")] = DEFAULT_INTERVAL,
    settle: Annotated[float, typer.Option(help="A file is complete once unchanged for this many seconds.")] = DEFAULT_SETTLE,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    once: OnceOption = False,
    *,
    options: ReadOptions,
) -> None:
    """Code every news file that appears in FOLDER, once (by content hash), until Ctrl-C."""
    from harbinger.errors import HarbingerError
    from harbinger.live.watch import FolderWatch, ingest_ready
    from harbinger.runner import RunInterrupted, run
    from harbinger.store import Store

    if not folder.is_dir():
        raise HarbingerError("H704", f"the folder {folder} does not exist", hint="create it, or pass the folder news files are written to")
    with Store(db) as store:
        nlp = load_pipeline(model, stages, actors)
        watcher = FolderWatch(folder, settle)
        err.print(f"watching {folder} every {interval:g} s (Ctrl-C stops; a restart resumes) → {db}")
        try:
            while True:
                done = ingest_ready(watcher, store, lambda path: run([str(path)], store, nlp, options, threshold=threshold, command="watch"))
                print_problems(done.problems)
                for path in done.files:
                    err.print(f"coded {path}")
                if done.files:
                    err.print(f"{len(done.files)} file(s): stored {done.stored:,} articles, {done.events:,} events")
                if once:
                    break
                time.sleep(interval)
        except (KeyboardInterrupt, RunInterrupted):
            err.print("stopped; files coded so far are recorded, and the next start resumes")
            raise typer.Exit(130) from None


@with_read_options
def fetch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs, or files listing one URL per line.")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    stages: StagesOption = None,
    actors: ActorsOption = None,
    interval: Annotated[float, typer.Option(help="Seconds between rounds over the feeds.")] = DEFAULT_FEED_INTERVAL,
    delay: Annotated[float, typer.Option(help="At least this many seconds between two requests to one host.")] = DEFAULT_DELAY,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    once: OnceOption = False,
    *,
    options: ReadOptions,
) -> None:
    """Poll feeds, fetch each new article page once, and code it, until Ctrl-C."""
    from harbinger.live.feeds import feed_list, fetch_round
    from harbinger.live.http import PoliteClient
    from harbinger.runner import RunInterrupted
    from harbinger.store import Store

    urls = feed_list(feeds)
    failed = False
    with Store(db) as store:
        nlp = load_pipeline(model, stages, actors)
        client = PoliteClient(delay=delay)
        err.print(f"reading {len(urls)} feed(s) every {interval:g} s (Ctrl-C stops; a restart resumes) → {db}")
        try:
            while True:
                done = fetch_round(urls, store, nlp, client, options, threshold=threshold)
                print_problems(done.problems)
                err.print(f"{done.feeds} feed(s), {done.entries} entries, {done.new} new: stored {done.stored:,} articles, {done.events:,} events")
                failed = any(p.severity.value == "error" for p in done.problems)
                if once:
                    break
                time.sleep(interval)
        except (KeyboardInterrupt, RunInterrupted):
            err.print("stopped; articles stored so far are recorded, and the next start resumes")
            raise typer.Exit(130) from None
    raise typer.Exit(1 if failed else 0)
