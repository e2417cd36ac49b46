"""Fingerprint what the default pipeline makes of the bundled sample corpus, layer by layer.

A refactoring that must not change behaviour is checked against this: the
fingerprint of every (article, layer) pair is stored in
``tests/data/corpus_snapshot.json`` and ``tests/test_corpus_snapshot.py``
recomputes it. A change that is meant to alter output regenerates the file
with ``--write`` and says so in its commit; ``--dump DIR`` writes the full
JSON per layer so two versions can be diffed with ordinary tools.

    python scripts/corpus_snapshot.py --write
    python scripts/corpus_snapshot.py --dump out/snapshot
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "corpus_snapshot.json"
CORPUS = [ROOT / "data" / "samples" / "000_da7157861fa62668.txt", ROOT / "data" / "samples" / "wikinews_en.jsonl.gz"]


def _canonical(value) -> str:
    from harbinger.output import json_default

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=json_default)


def corpus_layers(paths: list[Path] = CORPUS) -> dict[str, dict[str, object]]:
    """Every article's output, keyed by article id, then by layer name (article, sentences, entities, each stage)."""
    from harbinger.annotation import doc_to_dict
    from harbinger.errors import Problem
    from harbinger.pipeline import load_nlp, process
    from harbinger.readers import read_paths

    # read by paths relative to the checkout, so each article's origin ("data/samples/...:12") is the same in any clone
    with contextlib.chdir(ROOT):
        items = list(read_paths([str(p.relative_to(ROOT)) for p in paths]))
    articles = [item for item in items if not isinstance(item, Problem)]
    nlp = load_nlp()
    problems: list = []
    # Outputs only: the pipeline fingerprints change with any code edit, which is what this snapshot must not flag.
    layers = {doc._.article.id: _outputs(doc_to_dict(nlp, doc)) for doc in process(nlp, articles, problems=problems)}
    if problems:
        raise SystemExit("the pipeline failed on the sample corpus: " + "; ".join(map(str, problems)))
    return layers


def _outputs(annotation: dict) -> dict:
    return {name: value for name, value in annotation.items() if name != "fingerprints"}


def fingerprints(layers: dict[str, dict[str, object]]) -> dict[str, dict[str, str]]:
    return {
        article: {name: hashlib.sha256(_canonical(value).encode("utf-8")).hexdigest()[:16] for name, value in sorted(parts.items())}
        for article, parts in sorted(layers.items())
    }


def differences(expected: dict[str, dict[str, str]], found: dict[str, dict[str, str]]) -> list[str]:
    """One line per article or layer whose fingerprint differs, is missing or is new."""
    lines = []
    for article in sorted(set(expected) | set(found)):
        old, new = expected.get(article), found.get(article)
        if old is None or new is None:
            lines.append(f"{article}: {'new' if old is None else 'missing'} article")
            continue
        for layer in sorted(set(old) | set(new)):
            if old.get(layer) != new.get(layer):
                lines.append(f"{article}: layer '{layer}' differs")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"store the fingerprints in {SNAPSHOT.relative_to(ROOT)}")
    parser.add_argument("--dump", type=Path, help="write each layer's full JSON (one file per layer, one line per article) here")
    args = parser.parse_args(argv)
    layers = corpus_layers()
    found = fingerprints(layers)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        names = sorted({name for parts in layers.values() for name in parts})
        for name in names:
            with open(args.dump / f"{name}.jsonl", "w", encoding="utf-8") as out:
                for article in sorted(layers):
                    out.write(_canonical({"article_id": article, name: layers[article].get(name)}) + "\n")
    if args.write:
        SNAPSHOT.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(found)} articles' fingerprints to {SNAPSHOT}")
        return 0
    if not SNAPSHOT.exists():
        print(f"no snapshot at {SNAPSHOT}; run with --write first", file=sys.stderr)
        return 2
    diff = differences(json.loads(SNAPSHOT.read_text(encoding="utf-8")), found)
    print("\n".join(diff) if diff else f"identical: {len(found)} articles")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
