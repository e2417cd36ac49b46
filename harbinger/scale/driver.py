"""The driver of a scaled-out run: plan partitions, hand them to workers, merge their parts into the store.

Every partition is submitted at once (earlier partitions first); parts are merged
strictly in input order, each in store transactions of at most ``batch_size``
articles or ``batch_words`` words, through the same :func:`harbinger.runner.store_batch`
a single-process run uses. Duplicates are therefore decided on the driver, over the
whole input and everything stored before, in the same order as one process would:
workers only precompute the MinHash signatures. The store ends identical to a
single-process run's on the same input.

A partition whose worker dies is retried on another worker; one that fails on
every try is reported (H702) with its file and record range and the run goes on.
A part already on disk from an interrupted run is used as it is, so running the
same command again resumes; parts are deleted once the run is done.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Callable

from harbinger.dedupe import DEFAULT_THRESHOLD, Deduper
from harbinger.errors import HarbingerError, Problem, Severity
from harbinger.models import Article
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, batched
from harbinger.readers import ReadOptions
from harbinger.runner import Progress, RunSummary, begin, check_inputs, check_options, recorded, store_batch
from harbinger.scale.cluster import connect
from harbinger.scale.partitions import Partition, plan
from harbinger.scale.parts import PartItem, read_part
from harbinger.scale.worker import PipelineSettings, code_partition, describe_pipeline, peak_rss
from harbinger.store import Store


def parts_folder(store: Store, override: str | Path | None = None) -> Path:
    """Where workers write parts: ``--parts``, else beside the store (``<db>.parts``). Workers on other
    machines must see the same folder (a shared file system) and the input files at the same paths."""
    return Path(override) if override else Path(f"{store.path}.parts")


def run_distributed(
    paths: list[str],
    store: Store,
    settings: PipelineSettings,
    read_options: ReadOptions | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_words: int = DEFAULT_BATCH_WORDS,
    parts: str | Path | None = None,
    command: str = "run",
    progress: Progress | None = None,
    on_connect: Callable[[object, int], None] | None = None,
) -> RunSummary:
    """Run ``paths`` on a Dask cluster into ``store``; raise :class:`RunInterrupted` on Ctrl-C."""
    read_options = read_options or ReadOptions()
    check_options(threshold, batch_size, batch_words)
    if (workers is None) == (scheduler is None) or (workers is not None and workers < 1):
        raise HarbingerError("H703", "give --workers N (N >= 1) or --scheduler ADDRESS, not both", hint="--workers 2 starts two local worker processes")
    if "-" in paths:
        raise HarbingerError("H703", "a scaled-out run reads files, not standard input", hint="save the input to a file, or run without --workers")
    summary = RunSummary(problems=check_inputs(paths))
    summary.missing_inputs = [problem.where for problem in summary.problems]
    present = [path for path in paths if path not in summary.missing_inputs]
    folder = parts_folder(store, parts)
    with connect(workers, scheduler, settings) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pipeline = next(iter(client.run(describe_pipeline).values()))
        work = plan(present, read_options, n_workers)
        summary.problems += work.problems
        summary.total = work.articles
        if on_connect:
            on_connect(client, n_workers)
        begin(store, summary, command, paths, pipeline["model"], pipeline["stages"])
        keys = [p.key(read_options, pipeline["fingerprint"]) for p in work.partitions]
        with recorded(store, summary) as start:
            futures = _submit(client, work.partitions, keys, read_options, folder)
            deduper = Deduper(threshold)
            deduper.seed(store.dedupe_seed())
            for partition, key in zip(work.partitions, keys):
                items = _part(partition, futures.get(partition.index), folder / f"{key}.parquet", summary)
                _merge(items, store, deduper, summary, batch_size, batch_words)
                summary.seconds = time.perf_counter() - start
                if progress:
                    progress(summary)
            summary.worker_rss = {str(w): rss for w, rss in client.run(peak_rss).items()}
    _remove_parts(folder, keys)
    return summary


def _submit(client, partitions: list[Partition], keys: list[str], options: ReadOptions, folder: Path) -> dict:
    """Futures for the partitions whose part is not on disk yet, earliest partitions first."""
    futures = {}
    for partition, key in zip(partitions, keys):
        path = folder / f"{key}.parquet"
        if path.exists():  # written whole by an earlier, interrupted run of the same input and pipeline
            continue
        futures[partition.index] = client.submit(
            code_partition, partition, options, str(path), key=f"harbinger-part-{key}", priority=-partition.index, retries=1, pure=False
        )
    return futures


def _part(partition: Partition, future, path: Path, summary: RunSummary) -> list[PartItem]:
    """The partition's items, waiting for its task if it is still running; [] (and H702) if it was lost."""
    if future is not None:
        try:
            future.result()
        except Exception as err:  # noqa: BLE001 - KilledWorker or the task's own error: report the partition, go on
            reason = f"{type(err).__name__}: {err}"
            summary.problems.append(Problem.make("H702", partition.label, partition=partition.label, records=partition.articles, reason=reason))
            summary.read += partition.articles
            summary.skipped += partition.articles
            return []
    items, seconds = read_part(path)
    for stage, spent in seconds.items():
        summary.timings.add(stage, spent)
    return items


def _merge(items: list[PartItem], store: Store, deduper: Deduper, summary: RunSummary, batch_size: int, batch_words: int) -> None:
    """Store a part's items through the single-process path, in its transactions, with the worker's annotations."""
    by_article: dict[int, PartItem] = {}
    articles: list[Article] = []
    for item in items:
        if item.article is None:
            for problem in item.problems:
                summary.problems.append(problem)
                summary.skipped += problem.severity is Severity.ERROR
            continue
        summary.read += 1
        by_article[id(item.article)] = item
        articles.append(item.article)

    def annotate(fresh: list[Article], summary: RunSummary) -> list[tuple[Article, dict]]:
        done = []
        for article in fresh:
            item = by_article[id(article)]
            if item.annotation is None:  # a stage failed on it in the worker: report that, as one process would
                summary.problems += item.problems or [
                    Problem.make("H201", article.origin or article.id, stage="?", article=article.id, reason="the worker's part holds no annotation")
                ]
                continue
            done.append((article, item.annotation))
        return done

    signatures = {id(a): by_article[id(a)].signature for a in articles}
    for batch in batched(articles, batch_size, weight=lambda a: a.word_count, max_weight=batch_words):
        store_batch(batch, store, annotate, deduper, summary, signatures)


def _remove_parts(folder: Path, keys: list[str]) -> None:
    for key in keys:
        (folder / f"{key}.parquet").unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty: parts of another input are still waiting there
        folder.rmdir()

