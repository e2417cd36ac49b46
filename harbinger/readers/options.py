"""Options shared by every reader: field names, size limits, and 'today' for the future-date check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# spaCy's own default Doc limit; a longer "article" is almost always a mis-split dump.
DEFAULT_MAX_CHARS = 1_000_000
# Bytes a reader may hold for one document or record per character an article may have: a
# character is up to 4 bytes in UTF-8 and up to 12 JSON-escaped ("\ud83d\ude00"), and an
# HTML page carries markup besides its text. Past that, a file is a decompression bomb or
# an unsplit dump, refused while it is read rather than after it has filled memory.
BYTES_PER_CHAR = 16


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    date_field: str = "date"
    title_field: str = "title"
    url_field: str = "url"
    source_field: str = "source"
    max_chars: int = DEFAULT_MAX_CHARS
    today: date = field(default_factory=date.today)
    reader: str | None = None  # force one reader for every input instead of guessing by name

    @property
    def max_bytes(self) -> int:
        """The most bytes read for one document (a text, seed or HTML file) or one record (a JSON or CSV line)."""
        return BYTES_PER_CHAR * self.max_chars
