"""The readers, one per input format, registered by name.

Each reader takes a :class:`Source` and yields articles and problems record by
record, so one bad line never stops the good ones around it. Record formats
(JSON Lines, JSON arrays, CSV) are read as streams, one record at a time; the
others are read whole, up to the size cap.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from typing import Callable, Generator, Iterator

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import jsontext
from harbinger.readers.encoding import sniffable_text
from harbinger.readers.options import ReadOptions
from harbinger.readers.records import article_from_record, article_from_text
from harbinger.readers.source import (
    PieceDecoder,
    Source,
    iter_lines,
    open_text,
    prefixed,
    read_bytes,
    read_document,
    stream_lines,
)
from harbinger.registry import readers

Item = Article | Problem

# The reference format: "date YYYY-MM-DD" (the DCT), then the dateline and the story.
_SEED_HEADER = re.compile(r"\s*date\s+(?P<date>\S+)\s+")
# Names that promise one JSON value per line, whatever the first line looks like.
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
# CSV rows may end in a bare "\r" (old Mac files); lines are split only at "\n", so split after it too.
_AFTER_BARE_CR = re.compile(r"(?<=\r)(?!\n)")


def text_reader(read: Callable[[str, Source, ReadOptions], Iterator[Item]]) -> Callable[[Source, ReadOptions], Iterator[Item]]:
    """Wrap a reader of one whole decoded document: size, decoding and emptiness problems are reported first."""

    @functools.wraps(read)
    def reader(source: Source, opts: ReadOptions) -> Iterator[Item]:
        text, problems = read_document(source, opts)
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
def read_jsonl(source: Source, opts: ReadOptions) -> Iterator[Item]:
    opened = yield from open_text(source)
    if opened is None:
        return
    stream, pieces = opened
    first_line = 1
    if source.suffix not in JSON_LINES_SUFFIXES and jsontext.is_array_document(sniffable_text(source.head).lstrip()):
        items = jsontext.ArrayItems(stream.read, opts.max_bytes)
        if not (yield from _read_json_array(items, pieces, source.name, opts)):
            return
        # Anything after the array is read as JSON Lines: it was a JSON line, longer than the head, that is an array.
        stream, first_line = prefixed(items.rest, stream), items.newlines + 1
    # Only "\n" ends a JSON line: U+2028 and friends are legal inside JSON strings.
    for item in stream_lines(stream, pieces, source.name, opts, first=first_line):
        if isinstance(item, Problem):
            yield item
            continue
        number, line = item
        where = f"{source.name}:{number}"
        if line is None:
            yield _too_large(where, opts, "skipped; the other lines are read")
        elif line.strip():
            yield from _record_from_json(line.rstrip("\r\n"), where, opts)


def _read_json_array(items: jsontext.ArrayItems, pieces: PieceDecoder, name: str, opts: ReadOptions) -> Generator[Item, None, bool]:
    """Yield the array's records; return whether the array was read to its closing bracket."""
    number = 0
    try:
        for number, item in enumerate(items, start=1):
            where = f"{name}#{number}"
            if len(item) > opts.max_bytes:  # whole, within what was read at once: the items after it are found
                yield _too_large(where, opts, "skipped; the other items are read")
                continue
            text, problems = pieces.decode(item, where)
            yield from problems
            yield from _record_from_json(text, where, opts)
    except jsontext.ItemTooLarge:
        yield _too_large(f"{name}#{number + 1}", opts, "the rest of the array was not read")
        return False
    except jsontext.MalformedArray as err:
        yield Problem.make("H104", f"{name}#{number + 1}", reason=f"{err}; the rest of the array was not read")
        return False
    return True


def _too_large(where: str, opts: ReadOptions, outcome: str) -> Problem:
    return Problem.make("H119", where, limit=f"{opts.max_bytes:,}", max_chars=f"{opts.max_chars:,}", outcome=outcome)


def _record_from_json(text: str, where: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        record = jsontext.loads(text)
    except jsontext.TooDeep:
        yield Problem.make("H120", where, limit=jsontext.MAX_DEPTH)
        return
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
def read_csv(source: Source, opts: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(max(opts.max_chars * 4, 1 << 20))
    met: list[Problem] = []  # problems met while the csv module pulls lines, reported before the row they precede

    def lines() -> Iterator[str]:
        for item in iter_lines(source, opts):
            if isinstance(item, Problem):
                met.append(item)
                continue
            number, line = item
            if line is None:
                # A CSV row may span lines, so no row can be trusted past a line that was not read.
                met.append(_too_large(f"{source.name}:{number}", opts, "the rest of the file was not read"))
                return
            yield from _AFTER_BARE_CR.split(line) if "\r" in line else (line,)

    rows = csv.DictReader(lines(), dialect="excel-tab" if source.suffix == ".tsv" else "excel")
    try:
        columns = rows.fieldnames
    except csv.Error as err:
        yield from met
        yield Problem.make("H121", f"{source.name}:1", reason=str(err))
        return
    yield from met
    met.clear()
    if columns is None:  # no header line at all: the problems above said why
        return
    if opts.text_field not in columns:
        yield Problem.make("H106", f"{source.name}:1", field=opts.text_field, present=", ".join(columns) or "none")
        return
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as err:
            yield from met
            met.clear()
            yield Problem.make("H121", f"{source.name}:{rows.line_num}", reason=str(err))
            continue
        yield from met
        met.clear()
        # line_num is the physical line the row ended on: right for one-line rows, near enough for quoted ones.
        yield from _from_mapping({k: v for k, v in row.items() if k is not None}, f"{source.name}:{rows.line_num}", opts)
    yield from met


@readers.register("parquet")
def read_parquet(source: Source, opts: ReadOptions) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # A file on disk is read a row group at a time; stdin and gzip cannot seek, so they are read whole, capped.
    target: object = source.path
    if target is None:
        data = read_bytes(source, opts)
        if isinstance(data, Problem):
            yield data
            return
        target = io.BytesIO(data)
    try:
        table = pq.ParquetFile(target)
    except (pa.ArrowException, OSError) as err:
        yield Problem.make("H115", source.name, reason=str(err))
        return
    columns = table.schema_arrow.names
    if opts.text_field not in columns:
        yield Problem.make("H106", source.name, field=opts.text_field, present=", ".join(columns))
        return
    number, batches = 0, table.iter_batches(batch_size=1024)
    while True:
        try:
            batch = next(batches, None)
            records = [] if batch is None else batch.to_pylist()
        except (pa.ArrowException, OSError, ValueError) as err:  # a corrupt row group; a timestamp Python cannot hold
            yield Problem.make("H115", f"{source.name}#{number + 1}", reason=f"{err}; the rest of the file was not read")
            return
        if batch is None:
            return
        for record in records:
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
