"""Connect to a Dask cluster: a LocalCluster of N worker processes, or a running scheduler at an address.

Local workers are processes (spaCy holds the GIL) with one thread each, watched
by a nanny that restarts a worker that dies; the tasks it was running are tried
again elsewhere. The pipeline plugin is registered on every worker, present and
future, so a restarted worker loads the pipeline before it takes a task.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
from typing import Iterator

from harbinger.errors import HarbingerError
from harbinger.scale.worker import PipelinePlugin, PipelineSettings

CONNECT_TIMEOUT = "15s"
ALLOWED_FAILURES = 2


def has_dashboard() -> bool:
    """Dask serves its dashboard only when bokeh is installed (Harbinger does not require it)."""
    return importlib.util.find_spec("bokeh") is not None


@contextlib.contextmanager
def connect(workers: int | None, scheduler: str | None, settings: PipelineSettings) -> Iterator:
    """A ``distributed.Client`` with the pipeline loaded on every worker; the local cluster closes on exit."""
    import dask
    from distributed import Client, LocalCluster

    # A task whose worker dies is tried on another worker; after this many deaths its partition is reported lost.
    dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES})
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0" if has_dashboard() else None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        where = scheduler or "a local cluster"
        raise HarbingerError("H701", f"cannot reach the Dask scheduler at {where}: {err}",
                             hint="start one with `dask scheduler` (and `dask worker ADDRESS`), or use --workers N") from None
    try:
        if scheduler and not client.scheduler_info().get("workers"):
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                raise HarbingerError("H701", f"the scheduler at {scheduler} has no workers", hint="start workers with `dask worker ADDRESS`") from None
        client.register_plugin(PipelinePlugin(settings), name=PipelinePlugin.name)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
