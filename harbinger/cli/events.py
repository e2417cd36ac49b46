"""``events``: list and filter a store's coded events, as a table to read or as JSON Lines, CSV or Parquet to keep.

The filters are :class:`~harbinger.analysis.events.EventFilter`'s, so the command and the API's
``/api/events`` select the same events. By default only events that happened (``occurred``:
asserted or reported) and are news at their story's date (``current``) are listed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from harbinger.analysis.events import ORDERS, EventFilter
from harbinger.cli.options import DEFAULT_DB, DbOption, date_option, err
from harbinger.errors import HarbingerError

FORMATS = ("table", "jsonl", "csv", "parquet")
TABLE_LIMIT = 50  # a table is for reading: a screenful or two unless --limit says otherwise
EVIDENCE_CHARS = 120  # of the evidence sentence, around its trigger
TABLE_WIDTH = 140  # when the table does not go to a terminal
DUCKDB_TO_ARROW = {
    "VARCHAR": "string", "DATE": "date32", "DOUBLE": "float64", "FLOAT": "float32",
    "INTEGER": "int32", "BIGINT": "int64", "BOOLEAN": "bool_",
}  # fmt: skip


def _choices(values: list[str] | None, normalise) -> tuple[str, ...]:
    """Repeated options and comma lists as one tuple: ``--type ASSAULT,coerce --type SANCTION``."""
    return tuple(normalise(part.strip()) for value in values or () for part in value.split(",") if part.strip())


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    sides = [side.strip().upper() for side in value.split(":")]
    if len(sides) != 2 or not all(sides):
        raise HarbingerError("H515", f"--dyad '{value}' is not SOURCE:TARGET", hint="join the two actors with a colon: --dyad USA:RUS")
    return sides[0], sides[1]


def _upper(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def _one_of(value: str, allowed: tuple[str, ...], name: str, code: str) -> str:
    if value not in allowed:
        raise HarbingerError(code, f"--{name} '{value}' is not one of {', '.join(allowed)}", hint=f"use one of: {', '.join(allowed)}")
    return value


def events(
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[Optional[str], typer.Option(help="Only events dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only events dated on or before YYYY-MM-DD.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code (RUSMIL) or country (RUS) on either side.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Source actor: code or country.")] = None,
    target: Annotated[Optional[str], typer.Option(help="Target actor: code or country.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE:TARGET, each side a code or country (USA:RUS).")] = None,
    type_: Annotated[
        Optional[list[str]], typer.Option("--type", metavar="<type,…>", help="PLOVER type (ASSAULT); repeatable or a comma list.")
    ] = None,
    mode: Annotated[
        Optional[list[str]],
        typer.Option(metavar="<mode,…>", help="'occurred' (asserted + reported; the default), 'all' or modes; repeatable or a comma list."),
    ] = None,
    min_confidence: Annotated[Optional[float], typer.Option(help="Only events coded with at least this confidence (0–1).")] = None,
    text: Annotated[Optional[str], typer.Option(help="Only events whose evidence sentence contains this (any case).")] = None,
    timing: Annotated[
        str, typer.Option(help="'current' (news at the story's date), 'historical', 'future' or 'all'.")
    ] = EventFilter.timing,
    limit: Annotated[
        Optional[int], typer.Option(min=1, help=f"At most this many events (default: {TABLE_LIMIT} in a table, all in a file format).")
    ] = None,
    order: Annotated[str, typer.Option(help=f"{', '.join(ORDERS)}.")] = "newest",
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"{', '.join(FORMATS)}.")] = "table",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' is standard output.")] = "-",
) -> None:
    """List coded events with their evidence sentence, filtered by date, actors, type, mode, confidence and text."""
    from harbinger.analysis.events import list_events, require_events
    from harbinger.store import Store

    _one_of(fmt, FORMATS, "format", "H509")
    _one_of(order, tuple(ORDERS), "order", "H506")
    if fmt == "parquet" and output == "-":
        raise HarbingerError("H522", "Parquet is binary: it cannot go to standard output", hint="pass -o FILE.parquet, or use --format jsonl or csv")
    where = EventFilter(
        since=date_option(since, "since"), until=date_option(until, "until"),
        actor=_upper(actor), source=_upper(source), target=_upper(target), dyad=_dyad(dyad),
        plover_types=_choices(type_, str.upper), modes=_choices(mode, str.lower) or ("occurred",),
        min_confidence=min_confidence, text=text or None, timing=timing,
    )  # fmt: skip
    where.where()  # checks types, modes, timing and dates before the store is opened
    if limit is None and fmt == "table":
        limit = TABLE_LIMIT
    with Store(db, read_only=True) as store:
        require_events(store)
        total, columns, rows = list_events(store, where, limit, order=order, columns="full")
        types = _column_types(store) if fmt == "parquet" else {}
        hint = _nothing_found(store, where) if not total else None
    if fmt == "parquet":
        _write_parquet(columns, rows, types, Path(output))
    else:
        from harbinger.exporters import text_output

        with text_output(None if output == "-" else Path(output)) as out:
            if fmt == "table":
                if rows:
                    _print_table(columns, rows, out, output == "-")
            else:
                from harbinger.output import Format, print_rows

                print_rows(columns, rows, Format(fmt), out=out)
    if hint:
        err.print(hint, highlight=False)
    elif len(rows) < total:
        err.print(f"showing {len(rows):,} of {total:,} matching events ({order}); --limit shows more", highlight=False)
    elif output != "-":
        err.print(f"wrote {len(rows):,} events → {output}", highlight=False)


def _nothing_found(store, where: EventFilter) -> str:
    """One line saying what the store holds and, when one exists, the loosening that would find something."""
    from harbinger.analysis.events import list_events

    in_store = list_events(store, EventFilter(timing="all"), limit=0)[0]
    if not in_store:
        return "no events match: the store holds no events (run 'harbinger run' on some articles first)"
    loosen = []
    if where.timing != "all":
        loosen.append(("--timing all", dict(timing="all")))
    if "all" not in where.modes:
        loosen.append(("--mode all", dict(modes=("all",))))
    if len(loosen) == 2:
        loosen.append(("--mode all --timing all", dict(timing="all", modes=("all",))))
    for flags, change in loosen:
        found = list_events(store, dataclasses.replace(where, **change), limit=0)[0]
        if found:
            return f"no events match; {in_store:,} events in the store, {found:,} of them with {flags}"
    return f"no events match; {in_store:,} events in the store: loosen the filters"


def _column_types(store) -> dict:
    import pyarrow as pa

    from harbinger.analysis.events import event_column_types

    kinds = event_column_types(store, "full")
    return {name: getattr(pa, DUCKDB_TO_ARROW[kind])() for name, kind in kinds.items() if kind in DUCKDB_TO_ARROW}


def _write_parquet(columns: list[str], rows: list[tuple], types: dict, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = [pa.array([row[i] for row in rows], type=types.get(name)) for i, name in enumerate(columns)]
    try:
        pq.write_table(pa.Table.from_arrays(arrays, names=columns), path)
    except OSError as error:
        raise HarbingerError("H523", f"cannot write {path}: {error}", hint="check the folder exists and is writable") from error


def _window(sentence: str, start: int | None, end: int | None, limit: int) -> tuple[int, int]:
    """The slice of ``sentence`` to show: all of it, or about ``limit`` characters around the trigger, cut at spaces."""
    if len(sentence) <= limit:
        return 0, len(sentence)
    middle = (start + end) // 2 if start is not None and end is not None else 0
    first = max(0, min(middle - limit // 2, len(sentence) - limit))
    last = first + limit
    if first:
        space = sentence.find(" ", first, start if start is not None else last)
        first = space + 1 if space != -1 else first
    if last < len(sentence):
        space = sentence.rfind(" ", end if end is not None else first, last)
        last = space if space != -1 else last
    return first, last


def _evidence(record: dict):
    """The evidence sentence around its trigger (in bold), shortened to about :data:`EVIDENCE_CHARS` with ellipses."""
    from rich.text import Text

    sentence = (record["sentence"] or "").replace("\n", " ")
    start = end = None
    if None not in (record["trigger_start"], record["trigger_end"], record["sentence_start"]):
        start = record["trigger_start"] - record["sentence_start"]
        end = record["trigger_end"] - record["sentence_start"]
    first, last = _window(sentence, start, end, EVIDENCE_CHARS)
    lead = "…" if first else ""
    text = Text(lead + sentence[first:last] + ("…" if last < len(sentence) else ""))
    if start is not None and first <= start and end <= last:
        text.stylize("bold", start - first + len(lead), end - first + len(lead))
    return text


def _side(record: dict, role: str) -> tuple[str, str]:
    """A participant's code and, when the store has one, the name it resolved to (or the words that named it)."""
    code = record[f"{role}_code"] or "—"
    return code, record[f"{role}_name"] or record[f"{role}_text"] or ""


def _place(record: dict) -> str:
    """``Kyiv, UKR``; a country by its name alone."""
    name, country = record["place_name"] or record["place_text"], record["place_country"]
    if record["place_kind"] == "country" or not country:
        return name or country or ""
    return f"{name}, {country}" if name else country


def _print_table(columns: list[str], rows: list[tuple], out: TextIO, to_stdout: bool, width: int | None = None) -> None:
    """One event per row, its facts stacked in narrow columns so the evidence keeps the width (100–140 columns)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source → target", max_width=24, overflow="fold")
    table.add_column("type cameo\nmode conf", no_wrap=True)
    table.add_column("place", max_width=14, overflow="fold")
    table.add_column("evidence", ratio=1, overflow="fold")
    for row in rows:
        record = dict(zip(columns, row))
        (source, source_name), (target, target_name) = _side(record, "source"), _side(record, "target")
        who = Text(f"{source} → {target}")
        if source_name or target_name:
            who.append(f"\n{source_name or '—'} → {target_name or '—'}", style="dim")
        what = Text(f"{record['plover_type']} {record['cameo_code'] or ''}\n{record['mode']}")
        if record["confidence"] is not None:
            what.append(f" {record['confidence']:.2f}")
        if (record["timing"] or "current") != "current":
            what.append(f"\n{record['timing']}", style="yellow")
        when = record["event_date"].isoformat() if record["event_date"] else "—"
        table.add_row(when, who, what, _place(record), _evidence(record))
    terminal = to_stdout and out.isatty()
    Console(file=out, width=width or (None if terminal else TABLE_WIDTH), highlight=False).print(table)
