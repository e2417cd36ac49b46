"""Group exact and near-duplicate articles (wire copies, light edits) before annotation.

Exact duplicates share a content-hash id. A record is one occurrence of its
article: where it was read (:func:`occurrence`) tells a copy from the same
record read again, so a copy counts once however a corpus is batched or split
across runs, and a re-run counts nothing. Near duplicates are found with
MinHash LSH over character 5-gram shingles of the normalised text (datasketch; they
forgive small edits better than word n-grams): an article whose estimated
Jaccard similarity to an earlier one reaches the threshold joins that one's
group, and the first article seen stays canonical. Signatures can be seeded
from the store so groups span runs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from harbinger.models import Article, normalise_text

NUM_PERM = 128
SHINGLE = 5
# LSH only proposes candidates; above this its banding degenerates, so exact checks decide.
MAX_LSH_THRESHOLD = 0.9
DEFAULT_THRESHOLD = 0.8
SCHEME = "affine32"  # stored signatures are only comparable under the same hashing scheme


@dataclass(frozen=True)
class DedupeResult:
    kind: str  # "new", "exact" or "near"
    canonical_id: str
    similarity: float
    signature: bytes | None = None  # MinHash values of a new or near article, for the store


# An origin is "path:line", "path#record" or a bare path; "<stdin>:line" names no file.
_ORIGIN = re.compile(r"(?P<path>.*?)(?P<locator>[:#]\d+)?")


def occurrence(origin: str) -> str:
    """Where a record was read, spelt one way: its file as an absolute path, then its line or record number.

    ``data/x.jsonl:3`` and ``/work/data/x.jsonl:3`` (read from /work) are one record, so a re-run naming its
    input differently adds no copies.
    """
    match = _ORIGIN.fullmatch(origin)
    path, locator = match["path"], match["locator"] or ""
    if not path or path.startswith("<"):
        return origin
    return os.path.abspath(path) + locator


def signature(text: str) -> MinHash:
    folded = normalise_text(text).lower()
    grams = {folded[i : i + SHINGLE] for i in range(max(1, len(folded) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """A signature as the store keeps it (``articles.minhash``) and a worker ships it."""
    return minhash.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class Deduper:
    """Remembers what it has seen; ``check`` says whether an article is new, an exact or a near copy."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, MAX_LSH_THRESHOLD), num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._canonical: dict[str, str] = {}

    def seed(self, known: Iterable[tuple[str, str, bytes | None]]) -> None:
        """Load (article id, canonical id, signature) triples from earlier runs."""
        for article_id, canonical_id, data in known:
            self._canonical[article_id] = canonical_id
            if data is not None and article_id == canonical_id:
                self._remember(article_id, signature_from_bytes(data))

    def check(self, article: Article, known: bytes | None = None) -> DedupeResult:
        """The verdict on ``article``; ``known`` is its signature when already worked out (by a worker)."""
        if article.id in self._canonical:
            return DedupeResult("exact", self._canonical[article.id], 1.0)
        minhash = signature(article.body) if known is None else signature_from_bytes(known)
        data = signature_bytes(minhash)
        best_id, best = None, 0.0
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity > best or (similarity == best and best_id is not None and candidate < best_id):
                best_id, best = candidate, similarity
        if best_id is not None and best >= self.threshold:
            self._canonical[article.id] = best_id
            return DedupeResult("near", best_id, round(best, 4), data)
        self._canonical[article.id] = article.id
        self._remember(article.id, minhash)
        return DedupeResult("new", article.id, 1.0, data)

    def _remember(self, article_id: str, minhash: MinHash) -> None:
        self._signatures[article_id] = minhash
        self._lsh.insert(article_id, minhash)
