"""Named exporters: each writes what a store holds to a file or folder in one format.

An exporter is registered by name in :data:`harbinger.registry.exporters`, so
``harbinger export --format NAME`` looks it up (an unknown name lists the known
ones) and ``harbinger stages`` lists it. It is called with the open store, the
output path and the table the user chose, and returns the rows written per
table; formats that write every table (parquet) or the coded events (plover,
gdelt) ignore the table. Another package can add one through the
``harbinger_exporters`` entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from harbinger.events.export import write_gdelt_tsv, write_plover_jsonl
from harbinger.registry import exporters
from harbinger.store import TABLES, Store
from harbinger.store.event_export import stored_events

ExportFunction = Callable[[Store, Path, str], dict[str, int]]


@dataclass(frozen=True)
class Exporter:
    name: str
    writes: str  # what it writes, as `harbinger stages` shows it
    write: ExportFunction


def register_exporter(name: str, writes: str) -> Callable[[ExportFunction], ExportFunction]:
    def wrap(func: ExportFunction) -> ExportFunction:
        exporters.register(name, func=Exporter(name, writes, func))
        return func

    return wrap


@register_exporter("jsonl", writes="one table, JSON Lines")
def export_jsonl(store: Store, out: Path, table: str) -> dict[str, int]:
    return {table: store.export_table(table, str(out), "jsonl")}


@register_exporter("csv", writes="one table, CSV")
def export_csv(store: Store, out: Path, table: str) -> dict[str, int]:
    return {table: store.export_table(table, str(out), "csv")}


@register_exporter("parquet", writes="every table, a folder of <table>.parquet")
def export_parquet(store: Store, out: Path, table: str) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    return {name: store.export_table(name, str(out / f"{name}.parquet"), "parquet") for name in TABLES}


@register_exporter("plover", writes="coded events, PLOVER JSON Lines")
def export_plover(store: Store, out: Path, table: str) -> dict[str, int]:
    return {"events": _write_events(store, out, write_plover_jsonl)}


@register_exporter("gdelt", writes="coded events, GDELT-style TSV")
def export_gdelt(store: Store, out: Path, table: str) -> dict[str, int]:
    return {"events": _write_events(store, out, write_gdelt_tsv)}


def _write_events(store: Store, out: Path, writer: Callable[[list[dict], list[dict], TextIO], int]) -> int:
    pairs = list(stored_events(store))
    events = [event for event, _ in pairs]
    articles = list({article["id"]: article for _, article in pairs}.values())
    with out.open("w", encoding="utf-8", newline="") as stream:
        return writer(events, articles, stream)
