"""The ``actors`` scorer: actor codes and coreference against the seed gold, actor codes against PLOVER records.

Seed: each gold actor is found when a predicted mention overlaps its span and
has its code; the gold Blinken chain is compared with the predicted chain that
shares most mentions with it (mention-level precision and recall). PLOVER:
each ``source_text``/``target_text`` is located in the text and the mention
covering it is compared with ``expected`` at country level (first three
letters) and on the full code. Hand-checked pronouns (``gold_format``
"coref_pronoun", ``tests/data/coref_wikinews.jsonl``): a pronoun is right when
its chain holds an earlier mention naming the gold referent.
"""

from __future__ import annotations

import re

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer
from harbinger.ontology import NON_STATE_PREFIXES

# The PLOVER gold records write three countries with non-ISO letters; compare them as the ISO codes they mean.
GOLD_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
GENERIC_CODES = set(NON_STATE_PREFIXES)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mentions(prediction: dict) -> list[dict]:
    return prediction.get("actors") or []


# Where an English noun phrase's head ends: before a post-modifier ("Red Cross operating in Iraq").
POST_MODIFIER = re.compile(r",|\(|\s(?:of|in|at|on|from|near|operating|based|who|which|that)\s")


def head_position(text: str, start: int, end: int) -> int:
    """Offset of the last character of the gold span's head word (a text heuristic: the scorer has no parse)."""
    cut = POST_MODIFIER.search(text, start, end)
    stop = cut.start() if cut else end
    while stop > start + 1 and not text[stop - 1].isalnum():
        stop -= 1
    return stop - 1


def best_mention(mentions: list[dict], start: int, end: int, text: str | None = None) -> dict | None:
    """The mention that codes a span: coded, holding the span's head, covering it, then the tightest."""
    found = [m for m in mentions if _overlaps((m["start"], m["end"]), (start, end))]
    if not found:
        return None
    head = head_position(text, start, end) if text else end - 1

    def rank(m: dict):
        covers = m["start"] <= start and end <= m["end"]
        return (m["code"] is not None, m["start"] <= head < m["end"], covers, m["kind"] != "pronoun", -(m["end"] - m["start"]))

    return max(found, key=rank)


def pronoun_antecedent(mentions: list[dict], start: int, end: int) -> dict | None:
    """The first named mention in the chain of the pronoun at [start, end), or None if it is unresolved."""
    pronoun = next((m for m in mentions if m["start"] == start and m["end"] == end and m["kind"] == "pronoun"), None)
    if pronoun is None or pronoun["chain"] is None:
        return None
    return next((m for m in mentions if m["chain"] == pronoun["chain"] and m["kind"] != "pronoun"), None)


def pronoun_correct(expected: dict, mentions: list[dict]) -> bool:
    """Right when the pronoun's chain holds an earlier mention naming the referent (left unresolved when it has none)."""
    pronoun = expected["pronoun"]
    antecedent = pronoun_antecedent(mentions, pronoun["start"], pronoun["end"])
    if expected["referent"] is None:
        return antecedent is None
    if antecedent is None:
        return False
    chain = [m for m in mentions if m["chain"] == antecedent["chain"] and m["kind"] != "pronoun" and m["start"] < pronoun["start"]]
    wanted = [t.casefold() for t in expected["antecedent_texts"]]
    return any(w in m["text"].casefold() or m["text"].casefold() in w for m in chain for w in wanted)


@register_scorer("actors", formats=("seed", "plover", "coref_pronoun"))
def score_actors(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    rows: list[MetricRow] = []
    seed = [(g, p) for g, p in zip(golds, predictions) if g.format == "seed"]
    plover = [(g, p) for g, p in zip(golds, predictions) if g.format == "plover"]
    if seed:
        rows += _score_seed(seed)
    if plover:
        rows += _score_plover(plover)
    pronouns = [(g, p) for g, p in zip(golds, predictions) if g.format == "coref_pronoun"]
    if pronouns:
        correct = total = 0
        for gold, prediction in pronouns:
            for expected in gold.gold["expected"]:
                total += 1
                correct += pronoun_correct(expected, _mentions(prediction))
        rows.append(accuracy_row("actors", "pronoun antecedents (hand-checked)", correct, total))
    return rows


def _score_seed(pairs) -> list[MetricRow]:
    found = wrong = total = 0
    chain_tp = chain_fp = chain_fn = 0
    missed = []
    for gold, prediction in pairs:
        mentions = _mentions(prediction)
        for actor in gold.gold.get("actors", []):
            total += 1
            start, end = actor["span"]
            overlapping = [m for m in mentions if _overlaps((m["start"], m["end"]), (start, end))]
            if any(m["code"] == actor["code"] for m in overlapping):
                found += 1
            else:
                wrong += any(m["code"] for m in overlapping)
                missed.append(actor["mention"])
        for chain in gold.gold.get("coreference", []):
            gold_spans = [tuple(s) for s in chain["mentions"]]
            by_chain: dict[int, list[tuple[int, int]]] = {}
            for m in mentions:
                if m["chain"] is not None:
                    by_chain.setdefault(m["chain"], []).append((m["start"], m["end"]))
            best = max(by_chain.values(), key=lambda spans: _matched(spans, gold_spans), default=[])
            tp = _matched(best, gold_spans)
            chain_tp += tp
            chain_fp += len(best) - tp
            chain_fn += len(gold_spans) - tp
    note = f"missed: {', '.join(missed)}" if missed else ""
    return [
        MetricRow("actors", "seed actors (span overlap + code)", tp=found, fp=wrong, fn=total - found, n=total, note=note),
        MetricRow("actors", "seed coreference chain mentions", tp=chain_tp, fp=chain_fp, fn=chain_fn, n=chain_tp + chain_fn),
    ]


def _matched(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    used: set[int] = set()
    count = 0
    for span in predicted:
        for k, other in enumerate(gold):
            if k not in used and _overlaps(span, other):
                used.add(k)
                count += 1
                break
    return count


def normalise_gold_code(code: str) -> str:
    code = re.sub(r"[a-z]+$", "", code).replace("*", "")
    return GOLD_CODE_ALIASES.get(code[:3], code[:3]) + code[3:]


def _score_plover(pairs) -> list[MetricRow]:
    tallies = {role: {"n": 0, "country": 0, "full": 0, "unlocated": 0} for role in ("source", "target")}
    for gold, prediction in pairs:
        text = gold.article.text
        mentions = _mentions(prediction)
        for expected in gold.gold["expected"]:
            for role in ("source", "target"):
                code, span_text = expected.get(role), expected.get(f"{role}_text")
                if not code or not span_text:
                    continue
                tally = tallies[role]
                tally["n"] += 1
                start = text.find(span_text)
                if start < 0:
                    start = text.lower().find(span_text.lower())
                if start < 0:
                    tally["unlocated"] += 1
                    continue
                mention = best_mention(mentions, start, start + len(span_text), text)
                predicted = (mention or {}).get("code") or ""
                want = normalise_gold_code(code)
                if predicted[:3] == want[:3]:
                    tally["country"] += 1
                    generic = want in GENERIC_CODES
                    tally["full"] += predicted == want or generic or (len(want) == 3 and "***" in code)
    rows = []
    for role, tally in tallies.items():
        note = f"{tally['unlocated']} gold spans not found verbatim in the text" if tally["unlocated"] else ""
        rows.append(accuracy_row("actors", f"plover {role} country-level", tally["country"], tally["n"], note))
        rows.append(accuracy_row("actors", f"plover {role} full code", tally["full"], tally["n"], "generic IGO/NGO gold codes match any code under them"))
    return rows
