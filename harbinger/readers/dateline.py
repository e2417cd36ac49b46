"""Find a wire-style dateline ("WASHINGTON —", "KYIV, Ukraine (AP) —") at the start of a story.

The dateline tells where the reporter filed from, not where events happened, so
it becomes a field of the article and the story body starts after it.
"""

from __future__ import annotations

import re

from harbinger.models import Span

# An upper-case place (optionally ", Region"), an optional (AGENCY), then a dash.
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})     # WASHINGTON, NEW YORK, ST. LOUIS
        (?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?       # , Ukraine / , Calif.
        (?:\s*\([A-Za-z .&]{1,30}\))?                             # (AP) (Reuters)
        \s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)


def find_dateline(text: str, start: int) -> tuple[Span | None, int]:
    """Return the dateline place span and the offset where the body begins (``start`` if none)."""
    match = _DATELINE.match(text, start)
    if not match:
        return None, start
    return Span.of(text, match.start("place"), match.end("place")), match.end()
