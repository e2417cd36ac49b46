"""The Parquet part a worker writes for one partition, and how the driver reads it back.

One row per item of the partition, in reading order: an article (its fields,
its annotation as JSON unless the worker skipped it as a copy of an earlier
item of the same partition, its MinHash signature) or a bad record (the
reader's problem). Problems a stage raised on an article ride on that
article's row, so the driver reports them only if it stores the article. The
part is written to a temporary name and renamed, so a reader never sees half a
part and a retried task replaces it whole; the Parquet footer carries the
seconds each stage took.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from harbinger.errors import Problem, Severity
from harbinger.models import Article

SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("article", pa.string()),  # Article.to_dict() as JSON; null for a bad record
        ("annotation", pa.string()),  # annotation.doc_to_dict() as JSON; null when not annotated
        ("signature", pa.binary()),  # MinHash values (dedupe.signature), null for a bad record
        ("problems", pa.string()),  # JSON list of Problem.to_dict(): the reader's, or a stage's on this article
    ]
)


@dataclass
class PartItem:
    seq: int
    article: Article | None
    annotation: dict | None
    signature: bytes | None
    problems: list[Problem] = field(default_factory=list)


def write_part(path: Path, items: list[PartItem], stage_seconds: dict[str, float]) -> None:
    rows = {
        "seq": [i.seq for i in items],
        "article": [json.dumps(i.article.to_dict(), ensure_ascii=False) if i.article else None for i in items],
        "annotation": [json.dumps(i.annotation, ensure_ascii=False) if i.annotation is not None else None for i in items],
        "signature": [i.signature for i in items],
        "problems": [json.dumps([p.to_dict() for p in i.problems], ensure_ascii=False) for i in items],
    }
    table = pa.Table.from_pydict(rows, schema=SCHEMA).replace_schema_metadata({"stage_seconds": json.dumps(stage_seconds)})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)


def read_part(path: Path) -> tuple[list[PartItem], dict[str, float]]:
    table = pq.read_table(path)
    metadata = table.schema.metadata or {}
    seconds = json.loads(metadata.get(b"stage_seconds", b"{}"))
    items = []
    for row in table.to_pylist():
        items.append(
            PartItem(
                seq=row["seq"],
                article=Article.from_dict(json.loads(row["article"])) if row["article"] else None,
                annotation=json.loads(row["annotation"]) if row["annotation"] else None,
                signature=row["signature"],
                problems=[_problem(p) for p in json.loads(row["problems"] or "[]")],
            )
        )
    return sorted(items, key=lambda item: item.seq), seconds


def _problem(data: dict) -> Problem:
    return Problem(code=data["code"], where=data["where"], message=data["message"], severity=Severity(data["severity"]))
