"""The named result types that flow between stages: articles and offset spans.

An :class:`Article` is what a reader produces. Its ``text`` is the document as
the source gave it, never rewritten, so every offset any stage reports slices
it exactly. ``body_start`` marks where the story begins after a header or
dateline that a reader recognised; stages do not analyse the text before it.
Ids are content hashes: the same text and date always give the same id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for identity: Unicode NFC, whitespace folded, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str, day: date | None) -> str:
    """A stable 16-hex-digit id from the normalised text and the document date."""
    key = f"{day.isoformat() if day else '-'}\n{normalise_text(text)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A piece of evidence: character offsets into the article text and the text itself."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Article:
    """One news article: the text every stage reads, and its document creation time."""

    id: str
    text: str
    date: date | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: Span | None = None
    body_start: int = 0
    origin: str = ""  # where it was read from: "path:line" or "path#record"
    flags: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def create(cls, text: str, day: date | None, *, body_start: int = 0, **fields) -> "Article":
        return cls(id=content_id(text[body_start:], day), text=text, date=day, body_start=body_start, **fields)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["flags"] = list(self.flags)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        """The article :meth:`to_dict` wrote (a worker's output, a stored row), with its id kept as written."""
        dateline = data.get("dateline")
        return cls(
            id=data["id"],
            text=data["text"],
            date=date.fromisoformat(data["date"]) if isinstance(data.get("date"), str) else data.get("date"),
            title=data.get("title"),
            source=data.get("source"),
            url=data.get("url"),
            dateline=Span(**dateline) if isinstance(dateline, dict) else dateline,
            body_start=data.get("body_start") or 0,
            origin=data.get("origin") or "",
            flags=tuple(data.get("flags") or ()),
        )
