"""Read news from files, folders and stdin into :class:`Article` values.

``read_paths`` picks a reader per input by its name (``.jsonl``, ``.csv``,
``.parquet``, ``.html``, ``.txt``, each optionally ``.gz``) or, for stdin and
unknown names, by sniffing the content (after any byte-order mark). It yields
articles and problems in input order; a bad record becomes a :class:`Problem` and
reading goes on, and an input that fails part-way (a corrupt gzip stream) keeps the
records read before the failure.
"""

from __future__ import annotations

from typing import Iterator

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import formats  # noqa: F401  (registers the readers)
from harbinger.readers.encoding import sniffable_text
from harbinger.readers.options import ReadOptions
from harbinger.readers.source import ReadFailed, Source, iter_sources
from harbinger.registry import readers

BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".html": "html",
    ".htm": "html",
}

__all__ = ["ReadOptions", "read_paths", "reader_for"]


def reader_for(source: Source) -> str:
    """The reader name for a source: from its suffix, else from its first bytes."""
    if source.suffix in BY_SUFFIX:
        return BY_SUFFIX[source.suffix]
    head = sniffable_text(source.head[:2048]).lstrip(" \t\r\n")
    if head.startswith("PAR1"):
        return "parquet"
    if head[:1] in ("{", "["):
        return "jsonl"
    if head[:1] == "<":
        return "html"
    if head.lower().startswith("date "):
        return "seed"
    return "text"


def read_paths(paths: list[str], opts: ReadOptions | None = None) -> Iterator[Article | Problem]:
    opts = opts or ReadOptions()
    for source in iter_sources(paths):
        if isinstance(source, Problem):
            yield source
            continue
        reader = readers.get(opts.reader or reader_for(source))
        try:
            yield from reader(source, opts)
        except ReadFailed as failed:
            yield failed.problem
