"""The read-only JSON API over a store (the ``serve`` command lives in :mod:`harbinger.cli.serve`).

``create_app`` is imported on first use, so the CLI does not pay for FastAPI unless it serves.
"""

__all__ = ["THREADS", "create_app"]

# Worker threads for the (sync) endpoints. They spend their time in DuckDB, which spreads each query over the
# CPUs itself, and cached answers need no thread. More threads would not answer faster, but each thread that has
# queried DuckDB keeps some 15 MB of allocations (measured on the demo store: 8 threads 1.7x idle RSS, 2 threads 1.4x).
THREADS = 4


def __getattr__(name: str):
    if name == "create_app":
        from harbinger.api.app import create_app

        return create_app
    raise AttributeError(f"module 'harbinger.api' has no attribute '{name}'")
