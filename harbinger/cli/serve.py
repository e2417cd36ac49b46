"""``serve``: the read-only JSON API and the dashboard over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from harbinger.cli.options import DEFAULT_DB, DbOption


def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default; anything else exposes the store).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the read-only JSON API (/api, schema at /docs) and the dashboard (/) from a store."""
    import uvicorn

    from harbinger.api import create_app

    application = create_app(db)
    typer.echo(f"Harbinger dashboard on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
