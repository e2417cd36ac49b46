"""The options several commands share, declared once, with their defaults taken from the library.

A default is never typed here: it is the constant (``DEFAULT_MODEL``,
``DEFAULT_BATCH_SIZE``, …), the :class:`ReadOptions` field or the library
function's own default, so the CLI, the README's reference and the Python API
cannot disagree. Also here: turning the pipeline options into a loaded pipeline,
and ``err``, the console for progress, summaries and errors (stdout carries data).
``err`` reads no markup: what it prints holds paths, dates and messages from the
input, and a ``[/bold]`` in them must print as written, not end the run.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer
from rich.console import Console
from rich.text import Text

from harbinger.errors import HarbingerError
from harbinger.output import Format
from harbinger.readers.options import ReadOptions

# soft_wrap: a line longer than the terminal (or than 80 columns in a log file) stays one line.
err = Console(stderr=True, markup=False, highlight=False, soft_wrap=True)

DEFAULT_DB = "harbinger.duckdb"

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ModelOption = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline package to annotate with.")]
StagesOption = Annotated[
    Optional[str], typer.Option("--stages", help="Comma-separated Harbinger stages to run, in order (default: all).")
]
ActorsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--actors", help="User actor dictionary (CSV or YAML); repeatable, later files win over earlier ones."),
]

ThresholdOption = Annotated[float, typer.Option(help="MinHash Jaccard similarity at which articles are near duplicates.")]
WorkersOption = Annotated[
    Optional[int],
    typer.Option("--workers", help="Code on this many local Dask worker processes (default: in this process, no Dask)."),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option("--scheduler", help="Code on a running Dask cluster at this address (tcp://host:8786)."),
]
PartsOption = Annotated[
    Optional[Path],
    typer.Option("--parts", help="Folder for the workers' Parquet parts (default: <db>.parts); shared by every machine."),
]

# The reader options (ReadOptions fields), in the order --help lists them; their defaults are ReadOptions' own.
READ_OPTIONS: tuple[tuple[str, Any, typer.models.OptionInfo], ...] = (
    ("text_field", str, typer.Option("--text-field", help="Field holding the article text (JSON/CSV/Parquet).")),
    ("date_field", str, typer.Option("--date-field", help="Field holding the publication date.")),
    ("title_field", str, typer.Option("--title-field", help="Field holding the headline.")),
    ("url_field", str, typer.Option("--url-field", help="Field holding the URL.")),
    ("source_field", str, typer.Option("--source-field", help="Field holding the outlet name.")),
    (
        "reader",
        Optional[str],
        typer.Option("--reader", help="Force a reader (seed, text, jsonl, csv, parquet, html) instead of guessing."),
    ),
    ("max_chars", int, typer.Option("--max-chars", help="Reject articles longer than this many characters; a file, line or record over 16 times as many bytes is refused unread.")),
)


def default_of(function: Callable, parameter: str) -> Any:
    """The library function's own default for ``parameter``, so the option shows and uses the same value."""
    return inspect.signature(function).parameters[parameter].default


def with_read_options(command: Callable) -> Callable:
    """Give a command the reader options (``--text-field`` … ``--max-chars``) in place of its ``options`` parameter.

    The command receives them as one :class:`ReadOptions` (a forced reader already checked to
    exist), so every command that reads files declares them the same way.
    """
    defaults = {field.name: field.default for field in dataclasses.fields(ReadOptions)}
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = []
    for parameter in inspect.signature(command, eval_str=True).parameters.values():
        if parameter.name == "options":
            parameters += [
                inspect.Parameter(name, keyword, default=defaults[name], annotation=Annotated[kind, option])
                for name, kind, option in READ_OPTIONS
            ]
        else:
            parameters.append(parameter.replace(kind=keyword))

    @functools.wraps(command)
    def wrapper(**values: Any) -> Any:
        read = {name: values.pop(name) for name, _, _ in READ_OPTIONS}
        if read["reader"]:
            from harbinger.registry import readers

            readers.get(read["reader"])
        return command(**values, options=ReadOptions(**read))

    wrapper.__signature__ = inspect.Signature(parameters, return_annotation=None)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper


def print_problems(problems) -> None:
    """Each problem on stderr, warnings in yellow and errors in red."""
    for problem in problems:
        err.print(str(problem), style="yellow" if problem.severity.value == "warning" else "red")


def pipeline_settings(model: str, stages: str | None, actors: list[Path] | None = None):
    """What the ``--model``, ``--stages`` and ``--actors`` options ask for, checked, for this process or for workers."""
    from harbinger.scale.worker import PipelineSettings

    for path in actors or []:
        if not path.exists():
            raise HarbingerError("H005", f"no actor dictionary at {path}")
    config = {"actors": {"user_dictionaries": [str(p.resolve()) for p in actors]}} if actors else None
    names = None if stages is None else [s.strip() for s in stages.split(",") if s.strip()]
    return PipelineSettings(model, names, config)


def load_pipeline(model: str, stages: str | None, actors: list[Path] | None = None):
    """The spaCy pipeline the ``--model``, ``--stages`` and ``--actors`` options ask for."""
    from harbinger.pipeline import load_nlp

    settings = pipeline_settings(model, stages, actors)
    with err.status(Text(f"loading {model}…")):
        return load_nlp(settings.model, settings.stages, settings.config)


def date_option(value: str | None, name: str):
    """A ``--since``/``--until`` style option as a date (None when not given); a coded usage error when it is no date."""
    from harbinger.readers.dates import parse_date

    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise HarbingerError("H006", f"--{name} '{value}' is not a date", hint="use YYYY-MM-DD")
    return day
