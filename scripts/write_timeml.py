"""Write one TimeML ``.tml`` file per article, with Harbinger's TIMEX3 tags, for the TempEval-3 scorer.

    python scripts/write_timeml.py INPUT [INPUT ...] --out DIR

INPUT is anything ``harbinger run`` reads (JSON Lines, text, a folder). Each
article goes through spaCy and the ``time`` stage only, and lands in
``DIR/<article id>.tml`` with its date as the DCT (``t0``). Records the
readers refuse are counted and skipped.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from harbinger.models import Article
from harbinger.pipeline import load_nlp, process
from harbinger.readers import read_paths
from harbinger.time.timeml import timeml_for_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True, type=Path, help="folder for the .tml files (created if missing)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    found = list(read_paths(args.inputs))
    articles = [item for item in found if isinstance(item, Article)]
    nlp = load_nlp(stage_names=["time"])
    written = 0
    for doc in process(nlp, articles):
        (args.out / f"{doc._.article.id}.tml").write_text(timeml_for_doc(doc), encoding="utf-8")
        written += 1
    print(f"read {len(found)}, skipped {len(found) - len(articles)}, wrote {written} .tml files to {args.out}")


if __name__ == "__main__":
    main()
