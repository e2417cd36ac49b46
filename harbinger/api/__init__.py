"""The read-only JSON API over a store (the ``serve`` command lives in :mod:`harbinger.cli.serve`).

``create_app`` is imported on first use, so the CLI does not pay for FastAPI unless it serves.
"""

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from harbinger.api.app import create_app

        return create_app
    raise AttributeError(f"module 'harbinger.api' has no attribute '{name}'")
