"""Named exporters: each writes what a store holds to a file, a folder or standard output in one format.

An exporter is registered by name in :data:`harbinger.registry.exporters`, so
``harbinger export --format NAME`` looks it up (an unknown name lists the known
ones) and ``harbinger stages`` lists it. It is called with the open store and an
:class:`ExportRequest` (where to write, which table, which events, whether to
write a header) and returns the rows written per table. Event formats (plover,
gdelt, gdelt-mentions, icews) hold by default only events that happened and are
news at their story's date; ``--modes`` and ``--timing`` widen that.

A file is written whole or not at all: into a temporary file beside the target,
renamed over it only when every row is written. Another package can add an
exporter through the ``harbinger_exporters`` entry point.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, TextIO

from harbinger.errors import HarbingerError
from harbinger.events.export import write_gdelt, write_gdelt_mentions, write_icews
from harbinger.events.plover import write_plover
from harbinger.files import replaced_when_done
from harbinger.registry import exporters
from harbinger.store import Store, table_names
from harbinger.store.event_export import ExportChoice, group_copies, stored_events


WRITE_HINT = "choose a folder you can write to (it is created when missing)"


@dataclass(frozen=True)
class ExportRequest:
    out: Path | None  # None: standard output
    table: str = "articles"
    choice: ExportChoice = field(default_factory=ExportChoice)
    header: bool = False


ExportFunction = Callable[[Store, ExportRequest], dict[str, int]]


@dataclass(frozen=True)
class Exporter:
    name: str
    writes: str  # what it writes, as `harbinger stages` shows it
    write: ExportFunction
    to_stdout: bool = True  # whether it can write to standard output


def register_exporter(name: str, writes: str, to_stdout: bool = True) -> Callable[[ExportFunction], ExportFunction]:
    def wrap(func: ExportFunction) -> ExportFunction:
        exporters.register(name, func=Exporter(name, writes, func, to_stdout))
        return func

    return wrap


@contextmanager
def text_output(out: Path | None) -> Iterator[TextIO]:
    """A text stream for ``out`` (standard output for None), renamed into place only when the writer finishes."""
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = _file_target(out)
    try:
        with replaced_when_done(target) as stream:
            yield stream
    except OSError as err:  # no room for the temporary file, or the disk filled while writing
        raise HarbingerError("H523", f"cannot write {target}: {err.strerror}", hint=WRITE_HINT) from err


def _file_target(out: Path) -> Path:
    if out.is_dir():
        raise HarbingerError("H521", f"{out} is a folder; this format writes one file", hint="give a file path, e.g. out/events.tsv")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise HarbingerError("H523", f"cannot create the folder {out.parent}: {err.strerror}", hint=WRITE_HINT) from err
    return out


def _table_file(store: Store, request: ExportRequest, fmt: str) -> dict[str, int]:
    if request.out is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"export.{fmt}"
            count = store.export_table(request.table, str(path), fmt)
            sys.stdout.write(path.read_text(encoding="utf-8"))
            return {request.table: count}
    target = _file_target(request.out)
    temporary = target.with_name(f".{target.name}.part")
    try:
        count = store.export_table(request.table, str(temporary), fmt)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return {request.table: count}


@register_exporter("jsonl", writes="one table, JSON Lines")
def export_jsonl(store: Store, request: ExportRequest) -> dict[str, int]:
    return _table_file(store, request, "jsonl")


@register_exporter("csv", writes="one table, CSV")
def export_csv(store: Store, request: ExportRequest) -> dict[str, int]:
    return _table_file(store, request, "csv")


@register_exporter("parquet", writes="every table, a folder of <table>.parquet", to_stdout=False)
def export_parquet(store: Store, request: ExportRequest) -> dict[str, int]:
    out = request.out
    if out.exists() and not out.is_dir():
        raise HarbingerError("H521", f"{out} is a file; parquet writes a folder of <table>.parquet", hint="give a folder path")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in table_names():
        temporary = out / f".{name}.parquet.part"
        try:
            written[name] = store.export_table(name, str(temporary), "parquet")
            os.replace(temporary, out / f"{name}.parquet")
        finally:
            temporary.unlink(missing_ok=True)
    return written


@register_exporter("plover", writes="coded events, PLOVER JSON Lines")
def export_plover(store: Store, request: ExportRequest) -> dict[str, int]:
    with text_output(request.out) as stream:
        return {"events": write_plover(lambda: stored_events(store, request.choice), stream)}


@register_exporter("gdelt", writes="coded events, the 61 GDELT 2.0 event columns (TSV)")
def export_gdelt(store: Store, request: ExportRequest) -> dict[str, int]:
    with text_output(request.out) as stream:
        return {"events": write_gdelt(stored_events(store, request.choice), stream, request.header)}


@register_exporter("gdelt-mentions", writes="coded events' mentions, the 16 GDELT 2.0 mention columns (TSV)")
def export_gdelt_mentions(store: Store, request: ExportRequest) -> dict[str, int]:
    records = list(stored_events(store, request.choice))
    copies = group_copies(store, sorted({r["canonical_id"] for r in records}))
    with text_output(request.out) as stream:
        return {"mentions": write_gdelt_mentions(records, copies, stream, request.header)}


@register_exporter("icews", writes="coded events, ICEWS-style TSV with a header")
def export_icews(store: Store, request: ExportRequest) -> dict[str, int]:
    with text_output(request.out) as stream:
        return {"events": write_icews(stored_events(store, request.choice), stream)}
