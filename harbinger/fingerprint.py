"""What produced a stored output: a fingerprint per stage of the pipeline that coded an article.

A stage's output changes when the English model changes, when the stage's code or
settings change, or when the data it reads changes (Harbinger's packaged
dictionaries, a user's actor files, the office-holder table a user installed with
``harbinger actors update``). The fingerprint hashes all of those, so the store can
tell which articles were coded by an older pipeline and ``harbinger recode`` can
redo exactly those. It is a short hex digest; :func:`describe` says what went in.

The spaCy layer (sentences, entities) is fingerprinted as the pseudo-stage
``spacy``: the model name and version and spaCy's own version.
"""

from __future__ import annotations

import functools
import hashlib
import json
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # the store imports this module for pipeline_fingerprint, without loading spaCy
    from spacy.language import Language

SPACY_LAYER = "spacy"
DIGEST_CHARS = 16


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:DIGEST_CHARS]


def _tree_hash(root: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """A hash of every file under ``root`` (names and bytes), in a stable order; '' when it does not exist."""
    if not root.exists():
        return ""
    h = hashlib.sha256()
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        if suffixes and path.suffix not in suffixes:
            continue
        if "__pycache__" in path.parts:
            continue
        h.update(str(path.relative_to(root) if path != root else path.name).encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()


HARBINGER_ROOT = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def _package_hash(package: str, suffixes: tuple[str, ...] | None) -> str:
    """A folder of the harbinger package, named as a dotted module path ("harbinger.events")."""
    return _tree_hash(HARBINGER_ROOT.joinpath(*package.split(".")[1:]), suffixes)


def data_hash() -> str:
    """Harbinger's packaged dictionaries, lexicons and gazetteer (``harbinger/data``)."""
    return _package_hash("harbinger.data", None)


def code_hash(package: str) -> str:
    """The Python source of a stage's package (``harbinger.events``): a code change is a new version."""
    return _package_hash(package, (".py",))


def user_data_hash() -> str:
    """The office-holder table a user installed (``harbinger actors update``), if any."""
    from harbinger.actors.officeholders import user_data_dir

    return _tree_hash(user_data_dir() / "actors")


def model_id(nlp: Language) -> str:
    import spacy

    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')} (spaCy {spacy.__version__})"


def _files_in(config: dict) -> list[str]:
    """Hashes of the files a stage's settings name (user actor dictionaries), so editing one changes the stage."""
    found = []
    for value in config.values():
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, str) and item and Path(item).is_file():
                found.append(_tree_hash(Path(item)))
    return found


def stage_fingerprints(nlp: Language) -> dict[str, str]:
    """Layer name → fingerprint, for the spaCy layer and every Harbinger layer this pipeline writes."""
    from harbinger.pipeline import harbinger_stages

    model = model_id(nlp)
    prints = {SPACY_LAYER: _digest([SPACY_LAYER, model])}
    # A stage reads the layers of the stages before it, so its fingerprint includes theirs: recoding the
    # actors after a dictionary change recodes the events built on them too.
    earlier = [prints[SPACY_LAYER], data_hash(), user_data_hash()]
    for spec in harbinger_stages(nlp):
        config = {k: v for k, v in nlp.get_pipe_config(spec.name).items() if k != "factory"}
        package = spec.to_json.__module__.rsplit(".", 1)[0]
        digest = _digest(
            [spec.name, *earlier, code_hash(package), json.dumps(config, sort_keys=True, default=str), *_files_in(config)]
        )
        earlier.append(digest)
        for attr in (spec.attr, *(attr for attr, _ in spec.extra_layers)):
            prints[attr] = digest
    return prints


def pipeline_fingerprint(prints: dict[str, str]) -> str:
    """One digest for a whole pipeline's layers: what ``stats`` counts articles by."""
    return _digest(f"{layer}={digest}" for layer, digest in sorted(prints.items()))


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fingerprints_of(nlp: Language) -> dict[str, str]:
    """:func:`stage_fingerprints`, worked out once per loaded pipeline."""
    if nlp not in _CACHE:
        _CACHE[nlp] = stage_fingerprints(nlp)
    return _CACHE[nlp]


def describe(nlp: Language) -> dict[str, str]:
    """What the fingerprints are made of, for ``harbinger stats`` and run records."""
    return {"model": model_id(nlp), "data": data_hash()[:DIGEST_CHARS], "user_data": user_data_hash()[:DIGEST_CHARS] or "none"}
