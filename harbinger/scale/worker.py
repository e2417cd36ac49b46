"""What runs on a Dask worker: the pipeline, loaded once per worker process, and the task that codes a partition.

:class:`PipelinePlugin` loads the spaCy pipeline with Harbinger's stages when a
worker starts (and again when a nanny restarts a worker that died), so a task
never pays for loading it. :func:`code_partition` reads its partition, annotates
each article (a copy of an article earlier in the same partition is not
annotated twice), and writes the partition's Parquet part.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from harbinger.dedupe import signature, signature_bytes
from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WORDS, Timings, batched
from harbinger.readers import ReadOptions, read_paths
from harbinger.runner import annotate_articles
from harbinger.scale.partitions import Partition
from harbinger.scale.parts import PartItem, write_part

PLUGIN_NAME = "harbinger-pipeline"
# Fault injection for the tests of a worker that dies: a worker process exits at once when an article it
# is about to annotate contains this text. Unset in normal use.
KILL_SWITCH = "HARBINGER_TEST_EXIT_ON_TEXT"


@dataclass(frozen=True)
class PipelineSettings:
    model: str
    stages: list[str] | None
    config: dict | None


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process; tasks find it with :func:`pipeline`."""

    name = PLUGIN_NAME

    def __init__(self, settings: PipelineSettings):
        self.settings = settings
        self.nlp = None

    def setup(self, worker) -> None:
        from harbinger.pipeline import load_nlp

        self.nlp = load_nlp(self.settings.model, self.settings.stages, self.settings.config)


def pipeline(worker=None):
    """The worker's loaded pipeline (inside a task, or given the worker as ``client.run`` passes it)."""
    return (worker or get_worker()).plugins[PLUGIN_NAME].nlp


def describe_pipeline(dask_worker) -> dict:
    """The worker's model, stages and fingerprints (run on each worker through ``client.run``)."""
    from harbinger.fingerprint import fingerprints_of, pipeline_fingerprint

    from harbinger.pipeline import harbinger_stages

    nlp = pipeline(dask_worker)
    prints = fingerprints_of(nlp)
    specs = harbinger_stages(nlp)
    return {
        "model": nlp.meta.get("name", "?"),
        "stages": list(nlp.pipe_names),
        "stage_names": [s.name for s in specs],
        "layers": {s.name: [s.attr, *(a for a, _ in s.extra_layers)] for s in specs},
        "fingerprints": prints,
        "fingerprint": pipeline_fingerprint(prints),
    }


def peak_rss() -> int:
    """This process's peak resident memory in bytes (VmHWM: exec does not carry it over, unlike ru_maxrss)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


@dataclass(frozen=True)
class PartDone:
    index: int
    path: str
    seconds: float
    worker_pid: int


def code_partition(partition: Partition, options: ReadOptions, part_path: str) -> PartDone:
    """Read, annotate and write one partition's part (the task each worker runs for ``run``)."""
    start = time.perf_counter()
    items = list(islice(read_paths([partition.path], options), partition.first, partition.stop))
    _code_and_write(items, Path(part_path))
    return PartDone(partition.index, part_path, time.perf_counter() - start, os.getpid())


def code_articles(articles: list[dict], part_path: str) -> PartDone:
    """Annotate stored articles (``Article.to_dict()`` values) and write their part (the task for ``recode``)."""
    start = time.perf_counter()
    _code_and_write([Article.from_dict(a) for a in articles], Path(part_path))
    return PartDone(-1, part_path, time.perf_counter() - start, os.getpid())


def _code_and_write(items: list[Article | Problem], path: Path) -> None:
    """Annotate the articles among ``items`` (a copy of an earlier item's article only once) and write the part."""
    nlp = pipeline()
    parts: list[PartItem] = []
    first_of: set[str] = set()
    to_annotate: list[Article] = []
    for seq, item in enumerate(items):
        if isinstance(item, Problem):
            parts.append(PartItem(seq, None, None, None, [item]))
            continue
        parts.append(PartItem(seq, item, None, signature_bytes(signature(item.body))))
        if item.id not in first_of:
            first_of.add(item.id)
            to_annotate.append(item)
    by_article = {id(part.article): part for part in parts if part.article is not None}
    timings = Timings()
    trigger = os.environ.get(KILL_SWITCH)
    for batch in batched(to_annotate, DEFAULT_BATCH_SIZE, weight=lambda a: a.word_count, max_weight=DEFAULT_BATCH_WORDS):
        if trigger and any(trigger in article.text for article in batch):
            os._exit(70)
        problems: list[Problem] = []
        for article, annotation in annotate_articles(nlp, batch, timings, problems):
            by_article[id(article)].annotation = annotation
        for problem in problems:  # a stage failed on an article (H201): it rides on that article's row
            owner = next((a for a in batch if problem.where == (a.origin or a.id)), None)
            (by_article[id(owner)].problems if owner else parts[0].problems).append(problem)
    write_part(path, parts, dict(timings.seconds))
