"""Print every expected time expression of a timex gold file in its context, with its value, for a human to check.

    python scripts/show_timexes.py [tests/data/timex_wikinews.jsonl] [--compare]

With --compare the ``time`` stage runs on each paragraph too, and every gold
expression shows what Harbinger found for it (a "!" marks a difference); the
expressions it found that the gold lacks are listed after each record.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "timex_wikinews.jsonl"
WIDTH = 50


def context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - WIDTH) : start].replace("\n", " ")
    right = text[end : end + WIDTH].replace("\n", " ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def predictions(records: list[dict]) -> list[list[dict]]:
    from harbinger.models import Article
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(stage_names=["time"])
    articles = [Article.create(r["text"], date.fromisoformat(r["date"])) for r in records]
    return [[vars(t) for t in doc._.timexes] for doc in process(nlp, articles)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--compare", action="store_true", help="run the time stage and show its answer beside the gold")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = predictions(records) if args.compare else [None] * len(records)
    for record, predicted in zip(records, found):
        day = date.fromisoformat(record["date"])
        print(f"== {record['id']}  DCT {record['date']} ({day:%A})  {record['title']}")
        used = set()
        for item in record["expected"]:
            assert record["text"][item["start"] : item["end"]] == item["text"], f"offsets do not slice {item}"
            also = f" (also ok: {', '.join(item['also_ok'])})" if item.get("also_ok") else ""
            line = f"  {item['value']:<20}{also} {context(record['text'], item['start'], item['end'])}"
            if predicted is not None:
                hit = next((i for i, p in enumerate(predicted) if i not in used and p["start"] < item["end"] and item["start"] < p["end"]), None)
                if hit is None:
                    line += "\n      ! harbinger: missed"
                else:
                    used.add(hit)
                    p = predicted[hit]
                    ok = p["value"] in [item["value"], *item.get("also_ok", [])]
                    line += f"\n      {' ' if ok else '!'} harbinger: {p['text']!r} = {p['value']} ({p['resolved_by']})"
            print(line)
        for i, p in enumerate(predicted or []):
            if i not in used:
                print(f"  ! extra: {p['value']} {context(record['text'], p['start'], p['end'])}")


if __name__ == "__main__":
    main()
