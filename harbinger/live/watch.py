"""``harbinger watch FOLDER``: code each news file that appears in a folder, once.

A file is taken when it is complete: its size and modification time have not
changed for ``settle`` seconds (and it does not carry a partial-download suffix
such as ``.part``). Files are known by the SHA-256 of their bytes, so a file
renamed or copied again is not coded twice, and a file rewritten with new
content is. Each file is one run in the store; its hash is recorded once the run
is done, so a watch stopped half-way through a file codes the rest of it on the
next start (a run skips records it already stored).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from harbinger.errors import HarbingerError, Problem
from harbinger.files import file_sha256
from harbinger.readers.source import input_files
from harbinger.store import Store
from harbinger.store.ingested import record, seen

PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart")
DEFAULT_SETTLE = 2.0
DEFAULT_INTERVAL = 5.0


def file_key(path: Path) -> str:
    return f"file:{file_sha256(path)}"


@dataclass
class FolderWatch:
    """Finds the complete, not yet ingested news files of a folder, scan after scan."""

    folder: Path
    settle: float = DEFAULT_SETTLE
    clock: Callable[[], float] = time.time
    _last: dict[str, tuple[int, int]] = field(default_factory=dict)
    _warned: set[str] = field(default_factory=set)

    def scan(self) -> tuple[list[Path], list[Problem]]:
        """(complete files in reading order, new problems about the folder's other entries)."""
        if not self.folder.is_dir():
            raise HarbingerError("H704", f"the watched folder {self.folder} does not exist (or is no longer a folder)",
                                 hint="create or mount it again, then start `harbinger watch` again; what was coded is kept")  # fmt: skip
        ready, problems = [], []
        try:
            listed = list(input_files([str(self.folder)]))
        except (OSError, HarbingerError) as err:
            raise HarbingerError("H704", f"the watched folder {self.folder} went away: {err}", hint="mount it again and restart") from None
        now = self.clock()
        for item in listed:
            if isinstance(item, Problem):
                if not item.where.endswith(PARTIAL_SUFFIXES) and item.where not in self._warned:
                    self._warned.add(item.where)
                    problems.append(item)
                continue
            try:
                stat = Path(item).stat()
            except FileNotFoundError:  # gone between listing and looking: it was a temporary file
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            before = self._last.get(item)
            self._last[item] = signature
            if stat.st_size and now - stat.st_mtime_ns / 1e9 >= self.settle and before in (None, signature):
                ready.append(Path(item))
        return ready, problems


@dataclass
class WatchRound:
    files: list[Path] = field(default_factory=list)
    stored: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)


def ingest_ready(watch: FolderWatch, store: Store, run_file: Callable[[Path], object]) -> WatchRound:
    """One scan: run every complete file not ingested before (``run_file`` returns a RunSummary) and record it."""
    done = WatchRound()
    ready, done.problems = watch.scan()
    keys = {path: file_key(path) for path in ready}
    known = seen(store, list(keys.values()))
    for path, key in keys.items():
        if key in known:
            continue
        summary = run_file(path)
        done.files.append(path)
        done.stored += summary.stored
        done.events += summary.events
        done.problems += summary.problems
        record(store, key, "file", str(path), "stored" if summary.stored else "no new articles", run_id=summary.run_id)
    return done
