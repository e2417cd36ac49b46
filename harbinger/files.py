"""Writing a file whole or not at all: into a temporary file beside it, renamed over it when the writer finishes."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO


@contextmanager
def replaced_when_done(target: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``target`` only if the ``with`` block ends without an error.

    Raises ``OSError`` when no temporary file can be made in ``target``'s folder; a failed block leaves
    ``target`` as it was and no temporary file behind.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
