"""``articles``, ``stats``, ``export`` and ``import``: look into a store, and move its tables in and out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from harbinger.cli.options import DEFAULT_DB, DbOption, FormatOption, date_option, err
from harbinger.errors import HarbingerError
from harbinger.output import Format, print_rows

if TYPE_CHECKING:
    from harbinger.store import Store


def articles(
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 20,
    search: Annotated[Optional[str], typer.Option(help="Only articles whose title or text contains this.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only articles dated on or before YYYY-MM-DD.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored articles."""
    from harbinger.analysis.events import list_articles
    from harbinger.store import Store

    first, last = date_option(since, "since"), date_option(until, "until")
    with Store(db, read_only=True) as store:
        _, columns, rows = list_articles(store, first, last, search, limit, 0, order="oldest", columns="store")
    print_rows(columns, rows, fmt, title=f"articles in {db}")


def stats(db: DbOption = Path(DEFAULT_DB), fmt: FormatOption = Format.table) -> None:
    """Counts of what the store holds: articles, events (by type, mode and timing), runs (by how they ended), fingerprints."""
    from harbinger.queries import store_stats
    from harbinger.store import Store

    with Store(db, read_only=True) as store:
        columns, rows = store_stats(store)
        rows = [(what, _number(value)) for what, value in rows] + _event_counts(store) + _run_counts(store) + _fingerprints(store)
    print_rows(columns, rows, fmt, title=f"{db}")


def _number(value: str | None) -> int | str | None:
    """A count as a number: store_stats casts every value to text so that dates and counts share one column."""
    return int(value) if value is not None and value.isdigit() else value


def _event_counts(store: Store) -> list[tuple[str, int]]:
    """Events in all, by PLOVER type, by mode and by timing (a store from before the timing column has no timing rows)."""
    _, found = store.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")
    columns = {name for (name,) in found}
    if not columns:
        return []
    rows = [("events", store.query("SELECT count(*) FROM events")[1][0][0])]
    for column in ("plover_type", "mode", "timing"):
        if column in columns:
            _, counts = store.query(f"SELECT coalesce({column}, 'unknown'), count(*) FROM events GROUP BY 1 ORDER BY 1")
            label = "type" if column == "plover_type" else column
            rows += [(f"events by {label}: {value}", count) for value, count in counts]
    return rows


def _fingerprints(store: Store) -> list[tuple[str, int]]:
    """Articles by the fingerprint of the pipeline (and of each stage) that coded them: what `recode` would redo."""
    _, found = store.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'fingerprint'")
    if not found:
        return []
    from harbinger.store.layers import fingerprint_counts

    return [(f"{'articles' if layer == 'pipeline' else layer} coded by {digest or 'no fingerprint (before fingerprints)'}", n)
            for layer, digest, n in fingerprint_counts(store)]  # fmt: skip


def _run_counts(store: Store) -> list[tuple[str, int]]:
    """Runs by how they ended: done, failed, interrupted, killed (or still running)."""
    _, counts = store.query("SELECT coalesce(status, 'unknown'), count(*) FROM runs GROUP BY 1 ORDER BY 1")
    return [(f"runs {status}", count) for status, count in counts]


def export(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f",
            help="jsonl, csv (one table), parquet (every table, a folder), plover, gdelt, gdelt-mentions or icews (coded events).",
        ),
    ] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="Output file or, for parquet, folder; '-' (the default) is standard output.")] = "-",
    table: Annotated[str, typer.Option(help="Table to export with jsonl/csv.")] = "articles",
    modes: Annotated[
        str, typer.Option(help="Event formats: modes to include, comma-separated: occurred (asserted, reported), all, or modes by name.")
    ] = "occurred",
    timing: Annotated[
        str,
        typer.Option(help="Event formats: current (news at the story's date), historical, future, or all; comma-separated."),
    ] = "current",
    header: Annotated[bool, typer.Option("--header", help="gdelt and gdelt-mentions: write a header row (GDELT's own files have none).")] = False,
) -> None:
    """Write store tables (JSON Lines, CSV, Parquet) or the coded events in PLOVER, GDELT 2.0 or ICEWS format."""
    import harbinger.exporters  # noqa: F401  (registers the exporters)
    from harbinger.exporters import ExportRequest
    from harbinger.registry import exporters
    from harbinger.store import Store
    from harbinger.store.event_export import ExportChoice

    exporter = exporters.get(fmt)
    target = None if out == "-" else Path(out)
    if target is None and not exporter.to_stdout:
        raise HarbingerError("H522", f"{fmt} writes a folder of files, not one stream", hint="give --out FOLDER")
    request = ExportRequest(target, table, ExportChoice.parse(modes, timing), header)
    with Store(db, read_only=True) as store:
        written = exporter.write(store, request)
    err.print(", ".join(f"{name}: {count:,} rows" for name, count in written.items()) + f" → {out if target else 'standard output'}", highlight=False)


def import_(
    folder: Annotated[Path, typer.Argument(help="Folder of <table>.parquet files written by 'export --format parquet'.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Merge a Parquet export into a store (rows already present are left as they are)."""
    from harbinger.store import Store

    with Store(db) as store:
        added = store.import_parquet(folder)
    err.print(", ".join(f"{name}: +{count:,}" for name, count in added.items()) + f" → {db}", highlight=False)
