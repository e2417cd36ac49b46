"""Open what the user named — files, folders, gzip, stdin — and decode it to text.

Decoding tries UTF-8 first and falls back to the best detected encoding with a
warning; binary and empty inputs are reported, never guessed at.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import charset_normalizer

from harbinger.errors import HarbingerError, Problem

GZIP_MAGIC = b"\x1f\x8b"
# What a folder walk reads; other files there (READMEs, licences, images) are skipped with a warning.
# A file named on the command line is read whatever its name.
NEWS_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".pq", ".html", ".htm"}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Source:
    """The raw bytes of one input, with the name used in messages and the format hint from its name."""

    name: str
    data: bytes
    suffix: str  # ".jsonl", ".csv", … with any ".gz" removed; "" when unknown (stdin)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def iter_sources(paths: list[str]) -> Iterator[Source | Problem]:
    """Yield the sources behind each path: '-' is stdin, a folder is walked recursively in sorted order."""
    for raw in paths:
        if raw == "-":
            yield _unzip(Source("<stdin>", sys.stdin.buffer.read(), ""))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if _suffix(child) not in NEWS_SUFFIXES:
                    yield Problem.make("H117", str(child), suffix=_suffix(child) or "no suffix")
                    continue
                yield from _open(child)
        elif path.exists():
            yield from _open(path)
        else:
            raise HarbingerError("H002", f"no such file or folder: {raw}", hint="check the path, or use '-' for stdin")


def _open(path: Path) -> Iterator[Source | Problem]:
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Problem.make("H113", str(path), reason=err.strerror or str(err))
        return
    yield _unzip(Source(str(path), data, _suffix(path)))


def _unzip(source: Source) -> Source | Problem:
    if not source.data.startswith(GZIP_MAGIC):
        return source
    try:
        return Source(source.name, gzip.decompress(source.data), source.suffix)
    except (OSError, EOFError, zlib.error) as err:
        return Problem.make("H116", source.name, reason=str(err))


def decode(source: Source) -> tuple[str | None, list[Problem]]:
    """Decode bytes to text: UTF-8 (BOM allowed), else a detected encoding with a warning."""
    data = source.data
    if not data.strip():
        return None, [Problem.make("H101", source.name)]
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16"), [Problem.make("H103", source.name, encoding="UTF-16")]
    # Valid UTF-8 is text even with a stray NUL: the record holding it fails alone, its
    # neighbours are kept. Real binaries (images, archives, PDFs) are almost never valid UTF-8.
    text = _utf8(data)
    if text is not None:
        return text, []
    if b"\x00" in data[:8192]:
        return None, [Problem.make("H102", source.name)]
    best = charset_normalizer.from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    if sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > 0.1 * min(len(text), 4096):
        return None, [Problem.make("H102", source.name)]
    return text, [Problem.make("H103", source.name, encoding=encoding)]


def _utf8(data: bytes) -> str | None:
    """The text if the bytes are valid UTF-8 (a BOM is allowed), else None so the caller can detect."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
