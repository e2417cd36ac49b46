"""JSON Schemas of Harbinger's outputs, made from the types that write them (never written by hand).

- ``plover``: :class:`harbinger.events.plover.PloverRecord` (pydantic's schema of the record model);
- ``gdelt``, ``gdelt-mentions``, ``icews``: one row of each tab-separated export, read as
  {column: value} (:func:`harbinger.events.export.row_schema`);
- every table a stage owns (``events``, ``quotes``, ``places``): one row as the ``jsonl`` export writes
  it, from the stage's Arrow schema.

``scripts/export_schemas.py --write`` saves them in ``harbinger/data/schemas/``; a test checks the saved
files match and validates every export against them.
"""

from __future__ import annotations

import pyarrow as pa

from harbinger.events.export import FORMAT_COLUMNS, row_schema
from harbinger.events.plover import plover_schema
from harbinger.stages import stage_tables

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _arrow_type(kind: pa.DataType) -> dict:
    if pa.types.is_integer(kind):
        return {"type": ["integer", "null"]}
    if pa.types.is_floating(kind):
        return {"type": ["number", "null"]}
    if pa.types.is_boolean(kind):
        return {"type": ["boolean", "null"]}
    if pa.types.is_date(kind):
        return {"type": ["string", "null"], "format": "date"}
    if pa.types.is_timestamp(kind):
        return {"type": ["string", "null"], "format": "date-time"}
    if pa.types.is_list(kind):
        return {"type": ["array", "null"], "items": _arrow_type(kind.value_type)}
    return {"type": ["string", "null"]}


def table_schema(name: str, schema: pa.Schema) -> dict:
    """JSON Schema of one row of a stage table as JSON Lines."""
    return {
        "$schema": _DRAFT,
        "title": f"Harbinger {name} table row",
        "type": "object",
        "properties": {field.name: _arrow_type(field.type) for field in schema},
        "required": list(schema.names),
        "additionalProperties": False,
    }


def output_schemas() -> dict[str, dict]:
    """Every output's schema by file stem: plover, gdelt, gdelt-mentions, icews and one per stage table."""
    schemas = {"plover": {"$schema": _DRAFT, **plover_schema()}}
    schemas.update({fmt: row_schema(fmt) for fmt in FORMAT_COLUMNS})
    schemas.update({f"{table.name}-table": table_schema(table.name, table.schema) for _, table in stage_tables()})
    return schemas
