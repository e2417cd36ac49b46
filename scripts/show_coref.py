"""Show each hand-checked pronoun in context with its gold referent and what the actors stage linked it to.

    python scripts/show_coref.py [tests/data/coref_wikinews.jsonl] [--wrong]

Prints the 300 characters before each pronoun (marked [[like this]]), the gold
referent, the predicted antecedent with its resolution trace, and the accuracy.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from harbinger.annotation import doc_to_dict
from harbinger.eval.scorers.actors import pronoun_antecedent, pronoun_correct
from harbinger.eval.gold import load_gold
from harbinger.pipeline import load_nlp, process

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=ROOT / "tests" / "data" / "coref_wikinews.jsonl")
    parser.add_argument("--wrong", action="store_true", help="show only the pronouns resolved wrongly")
    args = parser.parse_args()
    golds = load_gold(args.gold)
    nlp = load_nlp(stage_names=["actors"])
    correct = total = 0
    for gold, doc in zip(golds, process(nlp, [g.article for g in golds])):
        mentions = doc_to_dict(nlp, doc)["actors"]
        text = gold.article.text
        for expected in gold.gold["expected"]:
            total += 1
            right = pronoun_correct(expected, mentions)
            correct += right
            if args.wrong and right:
                continue
            start, end = expected["pronoun"]["start"], expected["pronoun"]["end"]
            context = text[max(0, start - 300) : start].replace("\n", " ")
            antecedent = pronoun_antecedent(mentions, start, end)
            pronoun = next((m for m in mentions if m["start"] == start and m["kind"] == "pronoun"), None)
            print(f"{'OK ' if right else 'BAD'} {gold.gold.get('id')}  {gold.gold.get('title')}")
            print(f"    …{context}[[{text[start:end]}]]{text[end:end + 60]}…")
            print(f"    gold: {expected['referent']}")
            found = f"{antecedent['text']!r} ({antecedent['code']})" if antecedent else "unresolved"
            print(f"    predicted: {found}  {pronoun['resolved_by'] if pronoun else 'not a mention'}\n")
    print(f"pronoun accuracy: {correct}/{total} = {correct / total:.2%}")


if __name__ == "__main__":
    main()
