"""``harbinger recode``: code stored articles again after a model, dictionary or stage change.

Sources are not read again: the articles come from the store. Which articles are
out of date is decided by fingerprints (:mod:`harbinger.fingerprint`): every
annotated article whose layers an older pipeline wrote, or, with ``stages``,
whose layers of those stages it wrote. Each batch is annotated by the current
pipeline (in this process or on Dask workers) and its layers are replaced in one
transaction, so an interrupted recode resumes where it stopped when run again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from harbinger.errors import HarbingerError, Problem
from harbinger.fingerprint import SPACY_LAYER
from harbinger.models import Article
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, Timings, batched
from harbinger.store import Store
from harbinger.store.layers import canonical_ids, load_articles, outdated, replace_layers


@dataclass
class RecodeSummary:
    run_id: str = ""
    outdated: int = 0
    recoded: int = 0
    words: int = 0
    seconds: float = 0.0
    events_before: int = 0
    events_after: int = 0
    layers: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "outdated": self.outdated,
            "recoded": self.recoded,
            "failed": len(self.problems),
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "words_per_second": round(self.words_per_second, 1),
            "events_before": self.events_before,
            "events_after": self.events_after,
            "layers": ",".join(self.layers),
        }


# Annotates a batch of stored articles: (article, annotation) pairs; failures go into the problem list.
Coder = Callable[[list[Article], list[Problem], Timings], list[tuple[Article, dict]]]


def layers_for(stage_names: Sequence[str] | None, pipeline_stages: Sequence[str], layer_of: dict[str, list[str]]) -> list[str]:
    """The layers a recode replaces: everything (spaCy's too) by default, else the named stages' layers."""
    if stage_names is None:
        return [SPACY_LAYER] + [layer for name in pipeline_stages for layer in layer_of[name]]
    unknown = [name for name in stage_names if name not in pipeline_stages]
    if unknown:
        raise HarbingerError("H001", f"--stages names {', '.join(unknown)}, which the pipeline does not run", hint=f"stages: {', '.join(pipeline_stages)}")
    return [layer for name in stage_names for layer in layer_of[name]]


def recode(
    store: Store,
    coder: Coder,
    prints: dict[str, str],
    layers: list[str],
    *,
    model: str,
    stages: list[str],
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_words: int = DEFAULT_BATCH_WORDS,
    progress: Callable[[RecodeSummary], None] | None = None,
) -> RecodeSummary:
    """Recode every article whose ``layers`` an older pipeline wrote, batch by batch."""
    summary = RecodeSummary(layers=layers)
    todo = outdated(store, prints, layers)
    summary.outdated = len(todo)
    summary.events_before = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    summary.run_id = store.start_run("recode", [f"layers={','.join(layers)}"], model, stages)
    start = time.perf_counter()
    status, error = "done", None
    try:
        for batch in batched(todo, batch_size, weight=lambda row: row[1] or 0, max_weight=batch_words):
            ids = [article_id for article_id, _ in batch]
            articles = load_articles(store, ids)
            canonical = canonical_ids(store, ids)
            coded = coder(articles, summary.problems, summary.timings)
            replace_layers(store, [(a, canonical[a.id], annotation) for a, annotation in coded], layers)
            summary.recoded += len(coded)
            summary.words += sum(a.word_count for a, _ in coded)
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary)
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    except BaseException as err:
        status, error = "failed", f"{type(err).__name__}: {err}"
        raise
    finally:
        summary.seconds = time.perf_counter() - start
        summary.events_after = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
        counts = {"read": summary.outdated, "duplicates": 0, "skipped": len(summary.problems), "stored": summary.recoded,
                  "already": 0, "warnings": 0, "words": summary.words, "seconds": round(summary.seconds, 3), "events": summary.events_after}  # fmt: skip
        store.finish_run(summary.run_id, counts, summary.problems, status, error)
    return summary


def local_coder(nlp) -> Coder:
    """Annotate in this process with a loaded pipeline."""
    from harbinger.runner import annotate_articles

    return lambda articles, problems, timings: annotate_articles(nlp, articles, timings, problems)


def dask_coder(client, folder: Path) -> Coder:
    """Annotate on the cluster's workers: the batch is split among them, each writes a part, the driver reads it."""
    from harbinger.scale.parts import read_part
    from harbinger.scale.worker import code_articles

    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def code(articles: list[Article], problems: list[Problem], timings: Timings) -> list[tuple[Article, dict]]:
        share = -(-len(articles) // workers)
        chunks = [articles[i : i + share] for i in range(0, len(articles), share)]
        futures = [
            client.submit(code_articles, [a.to_dict() for a in chunk], str(folder / f"recode-{chunk[0].id}-{len(chunk)}.parquet"), retries=1, pure=False)
            for chunk in chunks
        ]
        coded = []
        for chunk, future in zip(chunks, futures):
            try:
                path = future.result().path
            except Exception as err:  # noqa: BLE001 - the batch's articles stay as they were; reported, the recode goes on
                label = f"{chunk[0].id}..{chunk[-1].id}"
                problems.append(Problem.make("H702", label, partition=label, records=len(chunk), reason=f"{type(err).__name__}: {err}"))
                continue
            items, seconds = read_part(Path(path))
            Path(path).unlink(missing_ok=True)
            for stage, spent in seconds.items():
                timings.add(stage, spent)
            for item in items:
                problems += item.problems
                if item.annotation is not None:
                    coded.append((item.article, item.annotation))
        return coded

    return code
