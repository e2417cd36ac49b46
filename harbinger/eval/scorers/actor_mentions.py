"""The ``actor_mentions`` scorer: each hand-labelled actor mention, coded at country level and in full.

Gold (``gold_format`` "actor_mentions", e.g. ``tests/data/actors_blind1.jsonl``): each record's
``expected`` lists every actor mention of its paragraph with offsets, ``code``, ``country`` and
``kind`` (titled, name_alone, name, group, pronoun, anaphor; pronouns and anaphors carry their
referent's code). The prediction is the document dict, whose ``actors`` list holds the mentions.

For each gold mention the predicted mention is the one holding the gold span's head
(:func:`~harbinger.eval.scorers.actors.head_position`); a titled mention whose title has a post-modifier
("Secretary of State Marco Rubio": the heuristic head is "Secretary") may also be matched by a
mention holding its last word, the name. Among several, a coded mention is preferred, then one
covering the whole span, then the tightest. A gold mention with no predicted mention, or one without
a code, counts as wrong. Country level compares the first three letters of the codes; international
and non-governmental codes (``IGO…``, ``NGO…``) are compared whole, since their first letters name
no country.
"""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer
from harbinger.eval.scorers.actors import head_position

STAGE = "actors"
WHOLE_CODE_PREFIXES = ("IGO", "NGO")

# (label, which gold mentions) for each pair of rows; kinds as the gold sets write them.
SUBSETS: list[tuple[str, frozenset[str] | None]] = [
    ("all", None),
    ("people named alone", frozenset({"name_alone"})),
    ("pronouns and anaphors", frozenset({"pronoun", "anaphor"})),
    ("anaphors", frozenset({"anaphor"})),
]


def country_key(code: str | None) -> str | None:
    """What country-level accuracy compares: the first three letters, or an IGO/NGO code whole."""
    if not code:
        return None
    return code if code.startswith(WHOLE_CODE_PREFIXES) else code[:3]


def _last_word_position(text: str, start: int, end: int) -> int:
    stop = end
    while stop > start + 1 and not text[stop - 1].isalnum():
        stop -= 1
    return stop - 1


def predicted_mention(mentions: list[dict], gold: dict, text: str) -> dict | None:
    """The predicted mention that codes a gold mention: the one holding its head, else none."""
    start, end = gold["start"], gold["end"]
    heads = [head_position(text, start, end)]
    if gold.get("kind") == "titled":
        heads.append(_last_word_position(text, start, end))
    for head in dict.fromkeys(heads):
        holding = [m for m in mentions if m["start"] <= head < m["end"]]
        if holding:

            def rank(m: dict):
                covers = m["start"] <= start and end <= m["end"]
                return (m.get("code") is not None, covers, -(m["end"] - m["start"]))

            return max(holding, key=rank)
    return None


def judge(gold: dict, mention: dict | None) -> tuple[bool, bool]:
    """(country right, full code right) for one gold mention."""
    predicted = (mention or {}).get("code")
    if not predicted:
        return False, False
    return country_key(predicted) == country_key(gold["code"]), predicted == gold["code"]


@register_scorer("actor_mentions", formats=("actor_mentions",))
def score_actor_mentions(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    tallies = {label: {"n": 0, "country": 0, "full": 0, "missing": 0} for label, _ in SUBSETS}
    for gold, prediction in zip(golds, predictions):
        text = gold.article.text
        mentions = prediction.get("actors") or []
        for expected in gold.gold["expected"]:
            mention = predicted_mention(mentions, expected, text)
            country_ok, full_ok = judge(expected, mention)
            for label, kinds in SUBSETS:
                if kinds is not None and expected.get("kind") not in kinds:
                    continue
                tally = tallies[label]
                tally["n"] += 1
                tally["country"] += country_ok
                tally["full"] += full_ok
                tally["missing"] += mention is None
    rows: list[MetricRow] = []
    for label, _ in SUBSETS:
        tally = tallies[label]
        if not tally["n"]:
            continue
        note = f"{tally['missing']} with no predicted mention at the head" if tally["missing"] else ""
        rows.append(accuracy_row(STAGE, f"actor mentions ({label}): country", tally["country"], tally["n"], note))
        rows.append(accuracy_row(STAGE, f"actor mentions ({label}): full code", tally["full"], tally["n"], note))
    return rows
