"""One run: read → dedupe → annotate → store, batch by batch, with a summary at the end.

Articles already in the store are skipped before any work, exact copies are
counted and logged, near copies are stored in their group without being
annotated, and everything else goes through the pipeline. Each batch is
written in one transaction, so an interrupted run leaves whole batches and a
re-run finishes the rest.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from harbinger.annotation import doc_to_dict
from harbinger.dedupe import DEFAULT_THRESHOLD, Deduper, DedupeResult
from harbinger.errors import Problem, Severity
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
    words: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)
    status: str = "done"

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
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def counts(self) -> dict:
        return {
            "read": self.read,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "stored": self.stored,
            "already": self.already,
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


Progress = Callable[[RunSummary], None]


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
    summary = RunSummary()
    stage_names = [name for name in nlp.pipe_names]
    summary.run_id = store.start_run(command, paths, nlp.meta.get("name", "?"), stage_names)
    deduper = Deduper(threshold)
    deduper.seed(store.dedupe_seed())
    start = time.perf_counter()
    try:
        articles = _articles(read_paths(paths, read_options), summary)
        for batch in batched(articles, batch_size, weight=lambda a: a.word_count, max_weight=batch_words):
            _store_batch(batch, store, nlp, deduper, summary)
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary)
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - start
        store.finish_run(summary.run_id, summary.counts(), summary.problems, summary.status)
    return summary


def _articles(items: Iterable[Article | Problem], summary: RunSummary) -> Iterator[Article]:
    """Pass articles on; count them, and log problems in the summary."""
    for item in items:
        if isinstance(item, Problem):
            summary.problems.append(item)
            summary.skipped += item.severity is Severity.ERROR
            continue
        summary.read += 1
        yield item


def _store_batch(batch: list[Article], store: Store, nlp: Language, deduper: Deduper, summary: RunSummary) -> None:
    existing = store.existing_ids([a.id for a in batch])
    fresh, near, copies = [], [], []
    for article in batch:
        if article.id in existing:
            summary.already += 1
            continue
        verdict = deduper.check(article)
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
    for doc in process(nlp, [a for a, _ in fresh], batch_size=len(fresh) or 1, timings=summary.timings, problems=summary.problems):
        article = doc._.article
        annotated.append(StoredArticle(article, verdicts[article.id], doc_to_dict(nlp, doc)))
        summary.words += article.word_count
    summary.skipped += len(summary.problems) - failures_before
    summary.stored += store.write_batch(summary.run_id, annotated + near, copies)
