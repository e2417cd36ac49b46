"""The ``harbinger`` command: thin sub-commands over library functions.

Each command parses its options, calls one function that returns plain data
and prints it with the shared ``--format`` option. The commands live in one
module per concern (``ingest``, ``store``, ``events``, ``evaluate``,
``analysis``, ``serve``); the options they share, with defaults taken from the
library, in ``options``.

Exit codes: 0 clean; 1 the data or the environment failed — a coded error about
a file, a store or an installation, or a run that is partial (some records
failed, some input was missing); 2 the command line is wrong — a coded usage
error (:data:`USAGE_CODES`) or one click reports; 130 interrupted (Ctrl-C). A
coded error prints as its message and hint, without a traceback.
"""

from __future__ import annotations

import sys

import typer
from rich.text import Text

from harbinger.cli import actors, analysis, evaluate, events, ingest, live, recode, serve, store
from harbinger.cli.options import err
from harbinger.errors import HarbingerError

# Coded errors that mean the command line itself is wrong (an option's value or a combination): exit 2,
# as click's own usage errors do. Every other coded error is about data, files or setup: exit 1.
USAGE_CODES = frozenset(
    {
        "H001", "H004", "H006", "H007", "H008",  # unknown name, stage order, date, run option range, stage settings
        "H304",  # --table names no table
        "H703",  # --workers/--scheduler misused
        "H501", "H502", "H503", "H504", "H505", "H506", "H508", "H509", "H512", "H513", "H515",  # query options
        "H521", "H522",  # --out unusable for the format
    }
)  # fmt: skip

app = typer.Typer(
    name="harbinger",
    help="Turn dated news articles into political event data with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Registration order is the order `harbinger --help` lists them.
app.command()(ingest.run)
app.command()(ingest.code)
app.command()(recode.recode)
app.command()(live.watch)
app.command()(live.fetch)
app.command()(store.articles)
app.command()(events.events)
app.command()(store.stats)
app.command()(store.export)
app.command(name="import")(store.import_)
app.command(name="eval")(evaluate.eval_)
app.command(name="stages")(evaluate.list_stages)
app.command()(analysis.series)
app.command()(analysis.alerts)
app.command()(serve.serve)
app.add_typer(actors.app, name="actors")


def exit_code(error: HarbingerError) -> int:
    return 2 if error.code in USAGE_CODES else 1


def main() -> None:
    # Typer itself turns Ctrl-C into exit 130; `run` first says how far it got.
    try:
        app()
    except HarbingerError as error:
        err.print(Text.assemble(("error", "red"), f" {error}"))
        sys.exit(exit_code(error))
