"""The ``harbinger`` command: thin sub-commands over library functions.

Each command parses its options, calls one function that returns plain data
and prints it with the shared ``--format`` option. The commands live in one
module per concern (``ingest``, ``store``, ``events``, ``evaluate``,
``analysis``, ``serve``); the options they share, with defaults taken from the
library, in ``options``. User errors print as one coded message (no traceback) and exit 2;
a run in which some records failed exits 1, so scripts can tell a clean run
from a partial one.
"""

from __future__ import annotations

import sys

import typer

from harbinger.cli import analysis, evaluate, events, ingest, serve, store
from harbinger.cli.options import err
from harbinger.errors import HarbingerError

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


def main() -> None:
    try:
        app()
    except HarbingerError as error:
        err.print(f"[red]error[/] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted: whole batches already written are kept; run again to finish")
        sys.exit(130)
