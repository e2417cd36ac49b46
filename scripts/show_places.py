"""Print every hand-checked place in tests/data/place_wikinews.jsonl in its context.

Each line shows the record id, the gold span in [brackets] with 40 characters
either side and the expected ISO alpha-3 country (None for a region that spans
several countries or a sea). With --predict, the place stage runs on each
paragraph and its answer follows, marked "ok" or "WRONG".

Annotation rules used for the file: every toponym in the paragraph counts,
including countries used as actors ("Turkey invades") and place names used as
modifiers ("United States President", "Ohio man"); toponyms inside the proper
name of an organisation, office, document or event ("University of Bristol",
"Vice President of the United States", "Iran Hostage Crisis") and demonyms
("Chinese officials") do not. Facilities (airports, parks, streets) count.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "place_wikinews.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(GOLD))
    parser.add_argument("--predict", action="store_true", help="run the place stage and show its answers")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = _predictions(records) if args.predict else {}
    wrong = total = 0
    for record in records:
        text = record["text"]
        print(f"# {record['id']} {record['date']} {record['title']}")
        for item in record["expected"]:
            start, end = item["start"], item["end"]
            assert text[start:end] == item["text"], (record["id"], item)
            left = text[max(0, start - 40) : start].replace("\n", " ")
            right = text[end : end + 40].replace("\n", " ")
            line = f"  …{left}[{text[start:end]}]{right}…  → {item['country']}"
            if args.predict:
                got = predicted[record["id"]].get((start, end))
                answer = "not found" if got is None else f"{got['country']} ({got['kind']}, {got['resolved_by']})"
                ok = got is not None and got["country"] == item["country"]
                wrong += not ok
                line += f"   got {answer} {'ok' if ok else 'WRONG'}"
            total += 1
            print(line)
    summary = f"{total} places in {len(records)} paragraphs"
    if args.predict:
        summary += f"; {total - wrong} right, {wrong} wrong ({(total - wrong) / total:.1%})"
    print(summary)


def _predictions(records: list[dict]) -> dict[str, dict[tuple[int, int], dict]]:
    from harbinger.models import Article
    from harbinger.pipeline import load_nlp, process
    from harbinger.place.stage import places_to_json

    nlp = load_nlp(stage_names=["place"])
    articles = [Article.create(r["text"], None, origin=r["id"]) for r in records]
    problems: list = []
    result = {record["id"]: {} for record in records}
    for doc in process(nlp, articles, problems=problems):
        result[doc._.article.origin] = {(p["start"], p["end"]): p for p in places_to_json(doc)}
    for problem in problems:
        print(f"stage failure: {problem}")
    return result


if __name__ == "__main__":
    main()
