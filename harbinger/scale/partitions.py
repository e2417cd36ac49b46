"""Split a run's input into partitions: runs of consecutive records of one file, of about equal words.

The driver reads every input once to plan (readers stream, so this costs time,
not memory): it counts each file's items (articles and bad records, in reading
order) and their words, and cuts files into ranges so that every worker gets
several partitions of similar size. A partition names its file by a content
hash, so the Parquet part a worker writes for it has the same name for the same
input and pipeline however often it is computed (a retried task overwrites it,
a re-run finds it done).
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass
from pathlib import Path

from harbinger.errors import Problem
from harbinger.files import file_sha256
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths
from harbinger.readers.source import input_files

# A partition holds at least this many words (below it scheduling costs more than it spreads)
# and at most this many (a part and its merge transaction stay small).
MIN_WORDS = 2_000
MAX_WORDS = 40_000
PARTITIONS_PER_WORKER = 8  # small enough that the last partitions even out the workers' finishing times


@dataclass(frozen=True)
class Partition:
    """Items ``first`` to ``stop`` (exclusive) of one input file, as :func:`read_paths` yields them."""

    index: int
    path: str
    file_hash: str
    first: int
    stop: int
    articles: int
    words: int

    @property
    def label(self) -> str:
        return f"{self.path}[{self.first}:{self.stop}]"

    def key(self, options: ReadOptions, fingerprint: str) -> str:
        """The part's name: the file's content, the range, the read options and the pipeline that codes it."""
        text = "\n".join(map(str, (self.file_hash, self.first, self.stop, astuple(options), fingerprint)))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@dataclass
class Plan:
    partitions: list[Partition]
    problems: list[Problem]  # folder entries that are not news files (H117), reported once by the driver
    articles: int
    words: int


def plan(paths: list[str], options: ReadOptions, workers: int) -> Plan:
    """Partitions of ``paths`` for ``workers`` workers, in reading order."""
    files, problems = [], []
    for item in input_files(paths):
        if isinstance(item, Problem):
            problems.append(item)
        elif Path(item).exists():
            files.append(item)
    counted = [(path, [_words(i) for i in read_paths([path], options)]) for path in files]
    total = sum(sum(words) for _, words in counted)
    target = min(MAX_WORDS, max(MIN_WORDS, total // max(1, workers * PARTITIONS_PER_WORKER)))
    partitions: list[Partition] = []
    for path, words in counted:
        digest = file_sha256(path)
        first, size = 0, 0
        for position, count in enumerate(words):
            size += count
            if size >= target:
                partitions.append(_partition(len(partitions), path, digest, words, first, position + 1))
                first, size = position + 1, 0
        if first < len(words) or not words:
            partitions.append(_partition(len(partitions), path, digest, words, first, len(words)))
    return Plan(partitions, problems, sum(p.articles for p in partitions), total)


def _words(item: Article | Problem) -> int:
    return item.word_count if isinstance(item, Article) else -1  # -1 marks a bad record: no article, no words


def _partition(index: int, path: str, digest: str, words: list[int], first: int, stop: int) -> Partition:
    span = words[first:stop]
    return Partition(index, path, digest, first, stop, sum(w >= 0 for w in span), sum(w for w in span if w > 0))
