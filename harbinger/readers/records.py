"""Build an :class:`Article` from one structured record (a JSON object, CSV row or Parquet row)."""

from __future__ import annotations

from typing import Mapping

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers.dateline import find_dateline
from harbinger.readers.dates import check_date
from harbinger.readers.options import ReadOptions


def _optional(record: Mapping, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_text(
    text: str, raw_date: object, where: str, opts: ReadOptions, *, body_start: int = 0, **fields: str | None
) -> tuple[Article | None, list[Problem]]:
    """Check size and date, find a dateline, and make the article (or say why not)."""
    if len(text) > opts.max_chars:
        return None, [Problem.make("H107", where, size=f"{len(text):,}", limit=f"{opts.max_chars:,}")]
    day, flags, problems = check_date(raw_date, where, opts.today)
    dateline, body_start = find_dateline(text, body_start)
    article = Article.create(text, day, body_start=body_start, dateline=dateline, origin=where, flags=flags, **fields)
    return article, problems


def article_from_record(record: Mapping, where: str, opts: ReadOptions) -> tuple[Article | None, list[Problem]]:
    text = record.get(opts.text_field)
    if not isinstance(text, str) or not text.strip():
        present = ", ".join(sorted(map(str, record))) or "none"
        return None, [Problem.make("H105", where, field=opts.text_field, present=present)]
    return article_from_text(
        text,
        record.get(opts.date_field),
        where,
        opts,
        title=_optional(record, opts.title_field),
        url=_optional(record, opts.url_field),
        source=_optional(record, opts.source_field),
    )
