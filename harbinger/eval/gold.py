"""Load gold files into :class:`GoldDoc` values: the article to code and what it should give.

Formats (detected from content): the hand-made seed gold (one JSON object with
``doc``, ``dct``, ``events``, …), PLOVER gold-standard records and CAMEO manual
examples (JSON Lines with ``text`` and ``expected``). Gold texts become
articles through the same readers users run, so header and dateline handling
are measured too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from harbinger.errors import HarbingerError, Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths
from harbinger.readers.dates import parse_date


@dataclass(frozen=True)
class GoldDoc:
    format: str  # "seed", "plover", "cameo", or a hand-checked set's own "gold_format" (e.g. "timex")
    article: Article
    gold: dict  # the record as the gold file gives it


def load_gold(path: str | Path, texts: str | Path | None = None) -> list[GoldDoc]:
    path = Path(path)
    if not path.exists():
        raise HarbingerError("H401", f"no gold file at {path}")
    raw = path.read_text(encoding="utf-8")
    if raw.lstrip().startswith("{") and "\n{" not in raw.strip():
        return [_seed_doc(json.loads(raw), path, texts)]
    docs = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise HarbingerError("H402", f"{path}:{number}: malformed gold record: {err.msg}") from err
        docs.append(_jsonl_doc(record, f"{path}:{number}"))
    return docs


def _seed_doc(gold: dict, path: Path, texts: str | Path | None) -> GoldDoc:
    name = gold.get("doc")
    if not name:
        raise HarbingerError("H403", f"{path}: seed gold has no 'doc' naming its article")
    folders = [Path(texts)] if texts else []
    folders += [path.parent, path.parent.parent / "seed", path.parent.parent / "samples"]
    for folder in folders:
        candidate = folder / name
        if candidate.exists():
            items = list(read_paths([str(candidate)], ReadOptions(reader="seed")))
            problems = [i for i in items if isinstance(i, Problem)]
            articles = [i for i in items if isinstance(i, Article)]
            if not articles:
                raise HarbingerError("H404", f"could not read gold article {candidate}: {'; '.join(map(str, problems))}")
            return GoldDoc("seed", articles[0], gold)
    raise HarbingerError(
        "H405", f"gold article '{name}' not found", hint=f"looked in {', '.join(map(str, folders))}; pass --texts DIR"
    )


def _jsonl_doc(record: dict, where: str) -> GoldDoc:
    if "text" not in record or "expected" not in record:
        raise HarbingerError("H402", f"{where}: gold record needs 'text' and 'expected'")
    # Harbinger's own hand-checked sets name their format; the third-party files are told apart by their fields.
    kind = record.get("gold_format") or ("cameo" if "cameo_code" in record else "plover")
    day = None if record.get("date_is_placeholder") else parse_date(record.get("date"))
    article = Article.create(
        record["text"], day, title=record.get("title"), url=record.get("url"), origin=f"{where} {record.get('id', '')}".strip()
    )
    return GoldDoc(kind, article, record)
