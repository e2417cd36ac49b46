"""Print each hand-checked attribution of a "quotes" gold file in context, optionally beside Harbinger's prediction.

Usage: python scripts/show_quotes.py [tests/data/quotes_wikinews.jsonl] [--predict] [--id wn003]
In the paragraph, [[content]], {{cue}} and <<speaker>> mark the gold spans.

The set (tests/data/quotes_wikinews.jsonl) holds 82 paragraphs of the bundled Wikinews sample (CC BY 2.5,
each record keeps its url), one per ninth article, every attribution in each paragraph checked by hand.
Conventions: content is the text inside the quotation marks (a split quote runs from its first quoted
word to its last) or the reported clause without "that" and final punctuation; mixed = a reported clause
or phrase holding quoted words; the speaker is the whole noun phrase with appositions, without relative
clauses; "speaker_name" names who a pronoun stands for. "annotated" says whether a paragraph was marked
after seeing a draft of the stage's output ("after-draft") or without it ("blind").
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_wikinews.jsonl"


def marked(text: str, item: dict) -> str:
    inserts = []
    for key, (left, right) in (("content", ("[[", "]]")), ("cue", ("{{", "}}")), ("speaker", ("<<", ">>"))):
        if item.get(key):
            start, end = item[key]
            inserts += [(start, 1, left), (end, 0, right)]
    out, last = [], 0
    for pos, _, mark in sorted(inserts, key=lambda m: (m[0], m[1])):
        out.append(text[last:pos])
        out.append(mark)
        last = pos
    out.append(text[last:])
    return "".join(out)


def predictions(records: list[dict]) -> dict[str, list[dict]]:
    from harbinger.annotation import doc_to_dict
    from harbinger.eval.gold import _jsonl_doc
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(stage_names=["time", "actors", "quotes"])
    golds = [_jsonl_doc(r, r["id"]) for r in records]
    return {g.gold["id"]: doc_to_dict(nlp, doc)["quotes"] for g, doc in zip(golds, process(nlp, [g.article for g in golds]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--predict", action="store_true", help="run the pipeline and show its quotes too")
    parser.add_argument("--id", help="only this record")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.id:
        records = [r for r in records if r["id"] == args.id]
    predicted = predictions(records) if args.predict else {}
    total = 0
    for record in records:
        text = record["text"]
        print(f"=== {record['id']}  {record['date']}  {record['title']}  ({len(record['expected'])} attributions)")
        for n, item in enumerate(record["expected"], start=1):
            total += 1
            print(f"  gold {n} [{item['kind']}] speaker={item['speaker_text']!r} ({item.get('speaker_name')}) cue={text[slice(*item['cue'])] if item['cue'] else None!r}")
            print(textwrap.indent(textwrap.fill(marked(text, item), 110), "      "))
        for q in predicted.get(record["id"], []):
            speaker = q["speaker"] or {}
            cue = (q["cue"] or {}).get("text")
            print(f"  pred [{q['kind']}] speaker={speaker.get('text')!r} ({speaker.get('name')}) cue={cue!r} content={q['content']['text'][:90]!r}")
    print(f"{len(records)} paragraphs, {total} attributions")


if __name__ == "__main__":
    main()
