"""Files: a file's content hash, and writing a file whole or not at all (into a temporary file beside it,
renamed over it when the writer finishes)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MiB chunks (inputs can be larger than memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


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
