"""Options shared by every reader: field names, size limit, and 'today' for the future-date check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# spaCy's own default Doc limit; a longer "article" is almost always a mis-split dump.
DEFAULT_MAX_CHARS = 1_000_000


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
