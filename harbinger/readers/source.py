"""Open what the user named — files, folders, gzip, stdin — as streams, and decode them to text.

No input is read whole. A source is its first bytes (enough to sniff its format and
encoding) and a stream of its content, gunzipped as it is read. A document (a text,
seed or HTML file) is read up to ``ReadOptions.max_bytes`` and refused past it;
records (JSON lines, CSV lines) are read one line at a time under the same cap. So a
decompression bomb or a dump without line breaks costs megabytes, not gigabytes.

Decoding: a byte-order mark, else UTF-8, else a guessed encoding with a warning that
names it and how sure the guess is; binary and empty inputs are reported, never
guessed at. A UTF-8 file with a few lines in another encoding has just those lines
decoded with the encoding guessed from the first of them.
"""

from __future__ import annotations

import codecs
import gzip
import io
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Generator, Iterator

from harbinger.errors import HarbingerError, Problem
from harbinger.readers.encoding import Encoding, choose_encoding, is_utf8
from harbinger.readers.options import ReadOptions

GZIP_MAGIC = b"\x1f\x8b"
# What a folder walk reads; other files there (READMEs, licences, images) are skipped with a warning.
# A file named on the command line is read whatever its name.
NEWS_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".pq", ".html", ".htm"}
# Read before anything else: the format is sniffed and the encoding guessed from these bytes.
HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 1 << 20


class ReadFailed(Exception):
    """A source could not be read to its end (a corrupt gzip stream, an I/O error); the problem says where."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Source:
    """One input: the name used in messages, the format hint from its name, and its content as a stream."""

    name: str
    suffix: str  # ".jsonl", ".csv", … with any ".gz" removed; "" when unknown (stdin)
    head: bytes  # the first HEAD_BYTES of the content (gunzipped), to sniff the format and encoding
    stream: BinaryIO  # the whole content from its first byte, head included; a failed read raises ReadFailed
    path: Path | None = None  # the file itself when it is a plain file on disk, for readers that seek (Parquet)

    @property
    def is_whole(self) -> bool:
        """Whether ``head`` is all there is."""
        return len(self.head) < HEAD_BYTES


class _Guarded(io.RawIOBase):
    """A stream whose read errors become ReadFailed, with the problem ``failure`` makes from the reason."""

    def __init__(self, inner: BinaryIO, failure: Callable[[str], Problem]):
        self._inner, self._failure = inner, failure

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            # One read of the inner stream at a time: a corrupt gzip stream fails after the data before it is used.
            return self._inner.readinto1(buffer)
        except (OSError, EOFError, zlib.error) as err:
            raise ReadFailed(self._failure(getattr(err, "strerror", None) or str(err))) from err


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of it: the stream as if nothing had been read."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self._head:
            return self._rest.readinto1(buffer)
        size = min(len(buffer), len(self._head))
        buffer[:size] = self._head[:size]
        self._head = self._head[size:]
        return size


class _Transcoded(io.RawIOBase):
    """A stream in some encoding, read as UTF-8."""

    def __init__(self, inner: BinaryIO, codec: str):
        self._inner = inner
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            chunk = self._inner.read(CHUNK_BYTES)
            self._pending = memoryview(self._decoder.decode(chunk, final=not chunk).encode("utf-8"))
            if not chunk:
                break
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _buffered(raw: io.RawIOBase) -> BinaryIO:
    return io.BufferedReader(raw, buffer_size=CHUNK_BYTES)


def prefixed(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A stream of ``head`` and then ``rest``: the bytes a parser read ahead, put back."""
    return _buffered(_Prefixed(head, rest))


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def input_files(paths: list[str]) -> Iterator[str | Problem]:
    """The files behind each path, in reading order: '-' stays '-', a folder is walked recursively in sorted
    order (hidden entries left out; a file with a suffix news never has becomes an H117 problem)."""
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_file() or (path.exists() and not path.is_dir()):
            yield raw
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if _suffix(child) not in NEWS_SUFFIXES:
                    yield Problem.make("H117", str(child), suffix=_suffix(child) or "no suffix")
                    continue
                yield str(child)
        else:
            raise HarbingerError("H002", f"no such file or folder: {raw}", hint="check the path, or use '-' for stdin")


def iter_sources(paths: list[str]) -> Iterator[Source | Problem]:
    """Yield the sources behind each path (the files :func:`input_files` lists; '-' is stdin).

    A source's stream stays open until the next source is asked for, so read each one before moving on.
    """
    for item in input_files(paths):
        if isinstance(item, Problem):
            yield item
        elif item == "-":
            yield from _sources(sys.stdin.buffer, "<stdin>", "", None)
        else:
            yield from _open(Path(item))


def _open(path: Path) -> Iterator[Source | Problem]:
    try:
        file = path.open("rb")
    except OSError as err:
        yield Problem.make("H113", str(path), reason=err.strerror or str(err))
        return
    with file:
        yield from _sources(file, str(path), _suffix(path), path)


def _sources(raw: BinaryIO, name: str, suffix: str, path: Path | None) -> Iterator[Source | Problem]:
    try:
        stream = _buffered(_Guarded(raw, lambda reason: Problem.make("H113", name, reason=reason)))
        head = stream.read(HEAD_BYTES)
        if head.startswith(GZIP_MAGIC):
            unzipped = gzip.GzipFile(fileobj=prefixed(head, stream), mode="rb")
            stream, path = _buffered(_Guarded(unzipped, lambda reason: Problem.make("H116", name, reason=reason))), None
            head = stream.read(HEAD_BYTES)
    except ReadFailed as failed:
        yield failed.problem
        return
    yield Source(name, suffix, head, prefixed(head, stream), path)


def read_bytes(source: Source, opts: ReadOptions) -> bytes | Problem:
    """All of a source's content, or a problem if it is over ``opts.max_bytes`` (then no more than that is read)."""
    data = source.stream.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        return Problem.make("H118", source.name, limit=f"{opts.max_bytes:,}", max_chars=f"{opts.max_chars:,}")
    return data


def read_document(source: Source, opts: ReadOptions) -> tuple[str | None, list[Problem]]:
    """A whole source as text, or None with the problems saying why not."""
    data = read_bytes(source, opts)
    if isinstance(data, Problem):
        return None, [data]
    return decode(data, source.name)


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode a document: by its byte-order mark, as UTF-8, else by a guessed encoding with a warning."""
    if not data.strip():
        return None, [Problem.make("H101", name)]
    encoding = choose_encoding(data, whole=True)
    if encoding is None:
        return None, [Problem.make("H102", name)]
    return data.decode(encoding.codec, errors="replace"), _warnings(encoding, name)


def _warnings(encoding: Encoding, where: str) -> list[Problem]:
    return [] if encoding.note is None else [Problem.make("H103", where, encoding=encoding.note)]


def open_text(source: Source) -> Generator[Problem, None, tuple[BinaryIO, PieceDecoder] | None]:
    """The source's content as a stream to split into lines or records, and the decoder for those pieces.

    Yields the problems met first (empty, binary, UTF-16 or UTF-32); returns None if the source is not
    text. The stream is UTF-8 where the source is: UTF-16 and UTF-32 are transcoded, a UTF-8 byte-order
    mark is dropped, and any other encoding is left for :class:`PieceDecoder`, piece by piece.
    Use it as ``opened = yield from open_text(source)`` inside a reader.
    """
    if source.is_whole and not source.head.strip():
        yield Problem.make("H101", source.name)
        return None
    encoding = choose_encoding(source.head, whole=source.is_whole)
    if encoding is None:
        yield Problem.make("H102", source.name)
        return None
    if encoding.codec in ("utf-16", "utf-32"):
        yield from _warnings(encoding, source.name)
        return _buffered(_Transcoded(source.stream, encoding.codec)), PieceDecoder()
    if encoding.codec == "utf-8-sig":
        source.stream.read(len(codecs.BOM_UTF8))
    if encoding.codec.startswith("utf-8"):
        return source.stream, PieceDecoder()
    # Guess again from the lines that are not UTF-8 only, so UTF-8 lines mixed in do not sway the guess.
    lines = source.head.split(b"\n")[: None if source.is_whole else -1]
    others = b"\n".join(line for line in lines if not is_utf8(line, whole=True))
    return source.stream, PieceDecoder((others and choose_encoding(others, whole=True)) or encoding)


class PieceDecoder:
    """Decode the pieces (lines, records) of a stream one by one: as UTF-8 if they are, else with a fallback.

    The fallback is the encoding guessed from the start of the file, or, in a file that starts as UTF-8,
    from the first piece that is not. It is reported once (H103) at the first piece that needs it; in a
    UTF-8 dump with a few Latin-1 lines, the UTF-8 lines stay as they are.
    """

    def __init__(self, fallback: Encoding | None = None) -> None:
        self._fallback = fallback
        self._reported = False

    def decode(self, piece: bytes, where: str) -> tuple[str, list[Problem]]:
        try:
            return piece.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
        if self._fallback is None:
            self._fallback = choose_encoding(piece, whole=True)
        if self._fallback is None:  # this piece is binary junk: decode it anyway, for its parser to refuse
            return piece.decode("latin-1"), []
        problems = [] if self._reported else _warnings(self._fallback, where)
        self._reported = True
        return piece.decode(self._fallback.codec, errors="replace"), problems


def iter_lines(source: Source, opts: ReadOptions) -> Iterator[tuple[int, str | None] | Problem]:
    """The source's lines, decoded, with their line ends and numbered from 1, and the problems met on the way.

    Only "\\n" ends a line. A line over ``opts.max_bytes`` comes as ``(number, None)``: it is skipped
    without ever being held in memory whole.
    """
    opened = yield from open_text(source)
    if opened is not None:
        yield from stream_lines(*opened, source.name, opts)


def stream_lines(
    stream: BinaryIO, pieces: PieceDecoder, name: str, opts: ReadOptions, first: int = 1
) -> Iterator[tuple[int, str | None] | Problem]:
    """The lines of a stream from :func:`open_text`, as :func:`iter_lines` gives them, numbered from ``first``."""
    for number, line in enumerate(_raw_lines(stream, opts.max_bytes), start=first):
        if line is None:
            yield number, None
            continue
        text, problems = pieces.decode(line, f"{name}:{number}")
        yield from problems
        yield number, text


def _raw_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(CHUNK_BYTES)
            yield None
        else:
            yield line
