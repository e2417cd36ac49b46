"""``serve``: the read-only JSON API and the dashboard over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from harbinger.api import THREADS
from harbinger.cli.options import DEFAULT_DB, DbOption

WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default; anything else exposes the store).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        Optional[list[str]],
        typer.Option(help="Also answer requests whose Host header names this (repeatable); localhost, 127.0.0.1, ::1 and --host always are."),
    ] = None,
    threads: Annotated[int, typer.Option(min=1, max=256, help="Worker threads answering API requests.")] = THREADS,
) -> None:
    """Serve the read-only JSON API (/api, schema at /docs) and the dashboard (/) from a store."""
    import uvicorn

    from harbinger.api import create_app
    from harbinger.api.security import LOOPBACK_HOSTS

    bound = () if host in WILDCARD_ADDRESSES else (host,)
    application = create_app(db, allowed_hosts=(*LOOPBACK_HOSTS, *bound, *(allow_host or ())), threads=threads)
    typer.echo(f"Harbinger dashboard on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)
