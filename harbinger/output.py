"""Print rows the same way for every command: ``--format table|json|jsonl|csv``.

Values keep their types in JSON (a count is a number, not a string); tables show
every value as plain text, so a ``[/bold]`` in a title or a path is printed, not read as markup.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from enum import Enum
from typing import Any, Sequence, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def json_default(value: Any) -> Any:
    plain = _plain(value)
    if plain is value:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    return plain


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: Format, title: str | None = None, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    records = [dict(zip(columns, map(_plain, row))) for row in rows]
    if fmt is Format.json:
        out.write(json.dumps(records, ensure_ascii=False, indent=2, default=json_default) + "\n")
    elif fmt is Format.jsonl:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=json_default) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([[record[c] for c in columns] for record in records])
    else:
        table = Table(title=None if title is None else Text(title), show_lines=False)
        for column in columns:
            table.add_column(Text(str(column)), overflow="fold")
        for record in records:
            table.add_row(*(Text("" if record[c] is None else str(record[c])) for c in columns))
        Console(file=out, width=max(140, Console().width), markup=False, highlight=False).print(table)
