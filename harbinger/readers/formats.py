"""The readers, one per input format, registered by name.

Each reader takes a :class:`Source` and yields articles and problems record by
record, so one bad line never stops the good ones around it.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from typing import Callable, Iterator

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers.options import ReadOptions
from harbinger.readers.records import article_from_record, article_from_text
from harbinger.readers.source import Source, decode
from harbinger.registry import readers

Item = Article | Problem

# The reference format: "date YYYY-MM-DD" (the DCT), then the dateline and the story.
_SEED_HEADER = re.compile(r"\s*date\s+(?P<date>\S+)\s+")


def text_reader(read: Callable[[str, Source, ReadOptions], Iterator[Item]]) -> Callable[[Source, ReadOptions], Iterator[Item]]:
    """Wrap a reader of decoded text: decoding problems are reported and undecodable sources skipped."""

    @functools.wraps(read)
    def reader(source: Source, opts: ReadOptions) -> Iterator[Item]:
        text, problems = decode(source)
        yield from problems
        if text is not None:
            yield from read(text, source, opts)

    return reader


def _emit(article: Article | None, problems: list[Problem]) -> Iterator[Item]:
    yield from problems
    if article:
        yield article


@readers.register("seed")
@text_reader
def read_seed(text: str, source: Source, opts: ReadOptions) -> Iterator[Item]:
    header = _SEED_HEADER.match(text)
    if not header:
        yield Problem.make("H111", f"{source.name}:1")
        return
    yield from _emit(*article_from_text(text, header["date"], source.name, opts, body_start=header.end()))


@readers.register("text")
@text_reader
def read_plain_text(text: str, source: Source, opts: ReadOptions) -> Iterator[Item]:
    """A bare story with no metadata: kept, flagged as undated."""
    body_start = len(text) - len(text.lstrip())
    yield from _emit(*article_from_text(text, None, source.name, opts, body_start=body_start))


@readers.register("jsonl")
@text_reader
def read_jsonl(text: str, source: Source, opts: ReadOptions) -> Iterator[Item]:
    if text.lstrip().startswith("["):
        yield from _read_json_array(text, source.name, opts)
        return
    # Only "\n" ends a JSON line: U+2028 and friends are legal inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield from _record_from_json(line.rstrip("\r"), f"{source.name}:{number}", opts)


def _read_json_array(text: str, name: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as err:
        yield Problem.make("H104", f"{name}:{err.lineno}", reason=err.msg)
        return
    for number, record in enumerate(records, start=1):
        yield from _from_mapping(record, f"{name}#{number}", opts)


def _record_from_json(line: str, where: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield Problem.make("H104", where, reason=f"{err.msg} at column {err.colno}")
        return
    yield from _from_mapping(record, where, opts)


def _from_mapping(record: object, where: str, opts: ReadOptions) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield Problem.make("H112", where, kind=type(record).__name__)
        return
    yield from _emit(*article_from_record(record, where, opts))


@readers.register("csv")
@text_reader
def read_csv(text: str, source: Source, opts: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(max(opts.max_chars * 4, 1 << 20))
    dialect = "excel-tab" if source.suffix == ".tsv" else "excel"
    rows = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = rows.fieldnames or []
    if opts.text_field not in columns:
        yield Problem.make("H106", f"{source.name}:1", field=opts.text_field, present=", ".join(columns) or "none")
        return
    for row in rows:
        # line_num is the physical line the row ended on: right for one-line rows, near enough for quoted ones.
        yield from _from_mapping({k: v for k, v in row.items() if k is not None}, f"{source.name}:{rows.line_num}", opts)


@readers.register("parquet")
def read_parquet(source: Source, opts: ReadOptions) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(io.BytesIO(source.data))
    except (pa.ArrowException, OSError) as err:
        yield Problem.make("H115", source.name, reason=str(err))
        return
    columns = table.schema_arrow.names
    if opts.text_field not in columns:
        yield Problem.make("H106", source.name, field=opts.text_field, present=", ".join(columns))
        return
    number = 0
    for batch in table.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            number += 1
            yield from _from_mapping(record, f"{source.name}#{number}", opts)


@readers.register("html")
@text_reader
def read_html(html: str, source: Source, opts: ReadOptions) -> Iterator[Item]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield Problem.make("H114", source.name)
        return
    yield from _emit(
        *article_from_text(
            text,
            getattr(extracted, "date", None),
            source.name,
            opts,
            title=getattr(extracted, "title", None),
            url=getattr(extracted, "url", None),
            source=getattr(extracted, "sitename", None),
        )
    )
