"""One run: read → dedupe → annotate → store, batch by batch, with a summary at the end.

Options and input paths are checked before anything is read (:func:`check_options`,
:func:`check_inputs`), so the CLI reports a typo before it loads a model; a
missing path among good ones is a warning and the good ones are read. A record
already recorded from the same place (same article id, same :func:`occurrence`)
is skipped before any work; any other record with the id of an article seen
before, in this run or an earlier one, is an exact copy, so the duplicates a
corpus yields do not depend on batch size or on how it is split across runs.
Near copies are stored in their group without being annotated, and everything
else goes through the pipeline. Each batch is written in one transaction, so an
interrupted run leaves whole batches and a re-run finishes the rest. The run's
row in the store ends ``done``, ``failed`` (with the error) or ``interrupted``;
a row a killed process left ``running`` is marked ``killed`` by the next run.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from harbinger.annotation import doc_to_dict
from harbinger.dedupe import DEFAULT_THRESHOLD, Deduper, DedupeResult, occurrence
from harbinger.errors import HarbingerError, Problem, Severity
from harbinger.models import Article
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, Timings, batched, process
from harbinger.readers import ReadOptions, read_paths
from harbinger.store import Store, StoredArticle


@dataclass
class RunSummary:
    run_id: str = ""
    read: int = 0
    exact: int = 0
    near: int = 0
    skipped: int = 0
    already: int = 0
    stored: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    missing_inputs: list[str] = field(default_factory=list)  # paths that did not exist (each also an H009 warning)
    timings: Timings = field(default_factory=Timings)
    total: int | None = None  # articles the input holds, when known before the run ends (a scaled-out run plans it)
    worker_rss: dict[str, int] = field(default_factory=dict)  # peak resident bytes of each Dask worker
    status: str = "running"
    error: str | None = None

    @property
    def duplicates(self) -> int:
        return self.exact + self.near

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def complete(self) -> bool:
        """Every input was there and every record was stored or accounted for (no record failed)."""
        return self.status == "done" and not self.errors and not self.missing_inputs

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def counts(self) -> dict:
        return {
            "read": self.read,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "stored": self.stored,
            "already": self.already,
            "events": self.events,
            "warnings": self.warnings,
            "words": self.words,
            "seconds": round(self.seconds, 3),
        }

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "status": self.status,
            **self.counts(),
            "exact_duplicates": self.exact,
            "near_duplicates": self.near,
            "errors": self.errors,
            "words_per_second": round(self.words_per_second, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.timings.seconds.items()},
            "problems": [p.to_dict() for p in self.problems],
        }


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run: its whole batches are stored and its row says 'interrupted'; ``summary`` says how far it got."""

    def __init__(self, summary: RunSummary):
        super().__init__(f"interrupted after {summary.stored} articles stored")
        self.summary = summary


Progress = Callable[[RunSummary], None]
# Annotates the articles of a batch that are new to the store: (article, annotation) pairs, in order; an
# article it could not annotate is left out, with a problem added to the summary.
Annotate = Callable[[list[Article], RunSummary], list[tuple[Article, dict]]]


def annotate_articles(nlp: Language, articles: list[Article], timings: Timings, problems: list[Problem]) -> list[tuple[Article, dict]]:
    """(article, annotation) for each article the pipeline could annotate, as one batch; failures go to ``problems``."""
    docs = process(nlp, articles, batch_size=len(articles) or 1, timings=timings, problems=problems)
    return [(doc._.article, doc_to_dict(nlp, doc)) for doc in docs]


def annotate_with(nlp: Language) -> Annotate:
    """Annotation in this process, with the loaded pipeline."""

    def annotate(articles: list[Article], summary: RunSummary) -> list[tuple[Article, dict]]:
        return annotate_articles(nlp, articles, summary.timings, summary.problems)

    return annotate


def check_options(threshold: float, batch_size: int, batch_words: int) -> None:
    """Raise H007 naming every run option out of range, before anything is read or loaded."""
    wrong = []
    if not 0.0 < threshold <= 1.0:
        wrong.append(f"--threshold {threshold:g} is not above 0 and at most 1")
    if batch_size < 1:
        wrong.append(f"--batch-size {batch_size} is below 1")
    if batch_words < 1:
        wrong.append(f"--batch-words {batch_words} is below 1")
    if wrong:
        raise HarbingerError(
            "H007", "; ".join(wrong), hint="--threshold is a Jaccard similarity in (0, 1]; batch limits count articles and words"
        )


def check_inputs(paths: list[str]) -> list[Problem]:
    """H009 warnings for the paths that do not exist; raise H002 if none does ('-', standard input, always does)."""
    missing = [path for path in paths if path != "-" and not Path(path).exists()]
    if len(missing) == len(paths):
        named = ", ".join(paths) or "no path was given"
        raise HarbingerError("H002", f"no input to read: {named}", hint="check the paths, or pass '-' to read standard input")
    return [Problem.make("H009", path) for path in missing]


def count_articles(paths: list[str], read_options: ReadOptions | None = None) -> int | None:
    """How many articles reading ``paths`` yields (what a run's ``read`` will reach), or None for standard input."""
    if "-" in paths:
        return None
    present = [path for path in paths if Path(path).exists()]
    return sum(isinstance(item, Article) for item in read_paths(present, read_options))


def run(
    paths: list[str],
    store: Store,
    nlp: Language,
    read_options: ReadOptions | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_words: int = DEFAULT_BATCH_WORDS,
    command: str = "run",
    progress: Progress | None = None,
) -> RunSummary:
    """Read, deduplicate, annotate and store ``paths``; raise :class:`RunInterrupted` on Ctrl-C."""
    check_options(threshold, batch_size, batch_words)
    summary = RunSummary(problems=check_inputs(paths))
    summary.missing_inputs = [problem.where for problem in summary.problems]
    present = [path for path in paths if path not in summary.missing_inputs]
    return run_items(
        read_paths(present, read_options), store, nlp, inputs=paths, threshold=threshold, batch_size=batch_size,
        batch_words=batch_words, command=command, progress=progress, summary=summary,
    )  # fmt: skip


def run_items(
    items: Iterable[Article | Problem],
    store: Store,
    nlp: Language,
    *,
    inputs: list[str],
    threshold: float = DEFAULT_THRESHOLD,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_words: int = DEFAULT_BATCH_WORDS,
    command: str = "run",
    progress: Progress | None = None,
    summary: RunSummary | None = None,
) -> RunSummary:
    """Deduplicate, annotate and store articles from any source (files, a watched folder, feeds) as one run."""
    check_options(threshold, batch_size, batch_words)
    summary = summary or RunSummary()
    begin(store, summary, command, inputs, nlp.meta.get("name", "?"), list(nlp.pipe_names))
    with recorded(store, summary) as start:
        deduper = Deduper(threshold)
        deduper.seed(store.dedupe_seed())
        articles = articles_of(items, summary)
        annotate = annotate_with(nlp)
        for batch in batched(articles, batch_size, weight=lambda a: a.word_count, max_weight=batch_words):
            store_batch(batch, store, annotate, deduper, summary)
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary)
    return summary


@contextlib.contextmanager
def recorded(store: Store, summary: RunSummary) -> Iterator[float]:
    """The body of a run, timed from its start (the value yielded); how it ends goes into its ``runs`` row.

    Ctrl-C becomes :class:`RunInterrupted` (status 'interrupted'); any other error is recorded as 'failed'
    and raised again.
    """
    start = time.perf_counter()
    try:
        yield start
    except KeyboardInterrupt:
        finish(store, summary, start, "interrupted")
        raise RunInterrupted(summary) from None
    except BaseException as error:
        finish(store, summary, start, "failed", f"{type(error).__name__}: {error}")
        raise
    finish(store, summary, start, "done")


def begin(store: Store, summary: RunSummary, command: str, inputs: list[str], model: str, stages: list[str]) -> None:
    """Mark runs a killed process left 'running' (an H308 warning each) and record this run as started."""
    for run_id, earlier, started in store.mark_killed_runs():
        summary.problems.append(Problem.make("H308", store.path, run_id=run_id, command=earlier, started=f"{started:%Y-%m-%d %H:%M} UTC"))
    summary.run_id = store.start_run(command, inputs, model, stages)


def finish(store: Store, summary: RunSummary, start: float, status: str, error: str | None = None) -> None:
    """Record how the run ended (its counts, problems and status) in the store's ``runs`` row."""
    summary.seconds = time.perf_counter() - start
    summary.status, summary.error = status, error
    if status == "done":
        summary.events = store.run_events(summary.run_id)
        store.finish_run(summary.run_id, summary.counts(), summary.problems, status)
        return
    # The run is already going down with its own error: one from recording it must not hide that one.
    # If recording fails the row stays 'running', and the next run marks it 'killed'.
    with contextlib.suppress(Exception):
        summary.events = store.run_events(summary.run_id)
        store.finish_run(summary.run_id, summary.counts(), summary.problems, status, error)


def articles_of(items: Iterable[Article | Problem], summary: RunSummary) -> Iterator[Article]:
    """Pass articles on; count them, and log problems in the summary."""
    for item in items:
        if isinstance(item, Problem):
            summary.problems.append(item)
            summary.skipped += item.severity is Severity.ERROR
            continue
        summary.read += 1
        yield item


def store_batch(
    batch: list[Article], store: Store, annotate: Annotate, deduper: Deduper, summary: RunSummary, signatures: dict[int, bytes] | None = None
) -> None:
    """Deduplicate a batch against everything seen, annotate what is new and write it all in one transaction.

    ``signatures`` holds MinHash signatures already worked out (by a worker), by the article's ``id()``.
    """
    recorded = store.recorded_occurrences([a.id for a in batch])
    fresh, near, copies = [], [], []
    for article in batch:
        places = recorded.setdefault(article.id, set())
        place = occurrence(article.origin)
        if place in places:
            summary.already += 1
            continue
        places.add(place)
        verdict = deduper.check(article, (signatures or {}).get(id(article)))
        if verdict.kind == "exact":
            summary.exact += 1
            copies.append((article, verdict))
        elif verdict.kind == "near":
            summary.near += 1
            near.append(StoredArticle(article, verdict, None))
            copies.append((article, verdict))
        else:
            fresh.append((article, verdict))
    verdicts: dict[str, DedupeResult] = {a.id: v for a, v in fresh}
    failures_before = len(summary.problems)
    annotated = []
    for article, annotation in annotate([a for a, _ in fresh], summary):
        annotated.append(StoredArticle(article, verdicts[article.id], annotation))
        summary.words += article.word_count
    summary.skipped += len(summary.problems) - failures_before
    summary.stored += store.write_batch(summary.run_id, annotated + near, copies)
