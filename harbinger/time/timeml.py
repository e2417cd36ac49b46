"""Write a document's time expressions as TimeML: its text with TIMEX3 tags, and the DCT as ``t0``.

The TempEval-3 scorer and other TimeML tools read ``.tml`` files; this
module turns an article and its :class:`~harbinger.time.stage.Timex` values
into one, so Harbinger can be scored against public TimeML gold with the
standard scripts. It only builds strings: writing files is the caller's job
(``scripts/write_timeml.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from harbinger.stages import layer
from harbinger.time.stage import DCT_TID, Timex

_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)


def _tag(attributes: dict[str, str], content: str) -> str:
    rendered = " ".join(f"{name}={quoteattr(value)}" for name, value in attributes.items())
    return f"<TIMEX3 {rendered}>{escape(content)}</TIMEX3>"


def dct_tag(dct: date) -> str:
    """The document creation time as TimeML writes it: ``t0``, CREATION_TIME."""
    attributes = {"tid": DCT_TID, "type": "DATE", "value": dct.isoformat(), "temporalFunction": "false", "functionInDocument": "CREATION_TIME"}
    return _tag(attributes, dct.isoformat())


def tagged_text(text: str, timexes: Iterable[Timex]) -> str:
    """``text`` escaped for XML with each expression wrapped in its TIMEX3 tag (offsets into ``text``)."""
    pieces, cursor = [], 0
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start < cursor:  # the finder never overlaps two expressions; refuse to nest tags if one did
            raise ValueError(f"time expressions overlap at offset {timex.start}")
        pieces.append(escape(text[cursor : timex.start]))
        pieces.append(_tag(timex.timex3(), text[timex.start : timex.end]))
        cursor = timex.end
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def timeml_document(text: str, timexes: Iterable[Timex], dct: date | None, doc_id: str, title: str | None = None) -> str:
    """A whole ``.tml`` document: DOCID, DCT (when known), TITLE (when known) and the tagged TEXT."""
    parts = [_HEADER, f"\n<DOCID>{escape(doc_id)}</DOCID>\n"]
    if dct is not None:
        parts.append(f"\n<DCT>{dct_tag(dct)}</DCT>\n")
    if title:
        parts.append(f"\n<TITLE>{escape(title)}</TITLE>\n")
    parts.append(f"\n<TEXT>{tagged_text(text, timexes)}</TEXT>\n\n</TimeML>\n")
    return "".join(parts)


def timeml_for_doc(doc, doc_id: str | None = None) -> str:
    """The ``.tml`` of an annotated spaCy ``Doc`` that went through the time stage."""
    article = doc._.article
    timexes = layer(doc, "time") or ()
    return timeml_document(doc.text, timexes, article.date if article else None, doc_id or (article.id if article else ""), article.title if article else None)
