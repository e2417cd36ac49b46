"""The ``quotes`` scorer: quotes, speakers, venues, claims and denial links against the seed gold and the Wikinews set.

Seed: each gold quote is found when a predicted quote's content overlaps it
and its speaker resolves to the gold speaker (so "he" must reach Blinken);
direct and mixed predictions that match no gold quote count as false
positives (the seed lists its reported speech as claims). Claims match by
span overlap and need the gold stance; the denial link must point at the
claim matched to the gold claim it disputes.

"quotes" (``tests/data/quotes_wikinews.jsonl``): predictions are paired with
gold attributions by content overlap (one to one, largest overlap first);
content, cue and speaker are then scored exact (offsets equal once edge
punctuation and quotation marks are trimmed) and by overlap, as P/R/F1 over
all gold and predicted attributions.
"""

from __future__ import annotations

import re

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer

EDGE = " \t\r\n,;:.!?\"'“”‘’«»—–-()"
WORD = re.compile(r"[\w.]+")


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _trim(text: str, span) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _pair(gold_spans: list, pred_spans: list) -> dict[int, int]:
    """Gold index -> prediction index, one to one, largest overlap first."""
    pairs = sorted(
        ((_overlap(g, p), gi, pi) for gi, g in enumerate(gold_spans) for pi, p in enumerate(pred_spans) if _overlap(g, p) > 0),
        reverse=True,
    )
    used_g, used_p, matched = set(), set(), {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched[gi] = pi
    return matched


def _words(name: str | None) -> set[str]:
    return {w.lower().strip(".") for w in WORD.findall(re.sub(r"\(.*?\)", "", name or ""))} - {""}


def same_person(predicted: str | None, gold: str | None) -> bool:
    """Names agree when one's words contain the other's ("Blinken" ~ "Antony Blinken")."""
    p, g = _words(predicted), _words(gold)
    return bool(p and g) and (p <= g or g <= p)


def _venue_key(text: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (text or "").casefold()).strip()


@register_scorer("quotes", formats=("seed", "quotes"))
def score_quotes(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    seed = [(g, p) for g, p in zip(golds, predictions) if g.format == "seed"]
    own = [(g, p) for g, p in zip(golds, predictions) if g.format == "quotes"]
    return (_score_seed(seed) if seed else []) + (_score_own(own) if own else [])


def _score_seed(pairs) -> list[MetricRow]:
    tp = fp = fn = 0
    venue_ok = venue_n = 0
    claim_tp = claim_fp = claim_fn = 0
    link_ok = link_n = 0
    missed = []
    for gold, prediction in pairs:
        quotes = prediction.get("quotes") or []
        shown = [q for q in quotes if q["kind"] in {"direct", "mixed"}]
        gold_quotes = gold.gold.get("quotes", [])
        matched = _pair([tuple(q["span"]) for q in gold_quotes], [(q["content"]["start"], q["content"]["end"]) for q in shown])
        for gi, expected in enumerate(gold_quotes):
            found = shown[matched[gi]] if gi in matched else None
            ok = found is not None and same_person((found.get("speaker") or {}).get("name"), expected["speaker"])
            tp += ok
            fn += not ok
            fp += found is not None and not ok
            if not ok:
                missed.append(f"{expected['span'][0]}")
            if expected.get("venue"):
                venue_n += 1
                got = _venue_key(((found or {}).get("venue") or {}).get("text"))
                want = _venue_key(expected["venue"])
                venue_ok += bool(got) and (got == want or want in got)
        fp += len(shown) - len(matched)
        claims = [q["claim"] for q in quotes if q.get("claim")]
        gold_claims = gold.gold.get("claims", [])
        claim_match = _pair([tuple(c["text_span"]) for c in gold_claims], [(c["text"]["start"], c["text"]["end"]) for c in claims])
        pred_id_of = {gold_claims[gi]["id"]: claims[pi]["id"] for gi, pi in claim_match.items()}
        for gi, expected in enumerate(gold_claims):
            found = claims[claim_match[gi]] if gi in claim_match else None
            ok = found is not None and found["stance"] == expected["stance"] and same_person((found.get("holder") or {}).get("name"), expected["source"])
            claim_tp += ok
            claim_fn += not ok
            claim_fp += found is not None and not ok
            if expected.get("relates_to"):
                link_n += 1
                link_ok += found is not None and found.get("relates_to") is not None and found["relates_to"] == pred_id_of.get(expected["relates_to"])
        claim_fp += len(claims) - len(claim_match)
    note = f"missed gold quotes at {', '.join(missed)}" if missed else ""
    return [
        MetricRow("quotes", "seed quotes (content overlap + speaker)", tp=tp, fp=fp, fn=fn, n=tp + fn, note=note),
        accuracy_row("quotes", "seed quote venues", venue_ok, venue_n),
        MetricRow("quotes", "seed claims (overlap + holder + stance)", tp=claim_tp, fp=claim_fp, fn=claim_fn, n=claim_tp + claim_fn),
        accuracy_row("quotes", "seed denial links", link_ok, link_n),
    ]


def _score_own(pairs) -> list[MetricRow]:
    tallies: dict[str, list[int]] = {}  # metric -> [tp, n_pred, n_gold]
    kind_ok = kind_n = name_ok = name_n = 0

    def add(metric: str, ok: bool) -> None:
        tallies.setdefault(metric, [0, 0, 0])[0] += ok

    for gold, prediction in pairs:
        text = gold.article.text
        quotes = prediction.get("quotes") or []
        expected = gold.gold["expected"]
        matched = _pair([tuple(e["content"]) for e in expected], [(q["content"]["start"], q["content"]["end"]) for q in quotes])
        for metric in ("content", "cue", "speaker"):
            for mode in ("exact", "overlap"):
                row = tallies.setdefault(f"{metric} {mode}", [0, 0, 0])
                row[1] += sum(1 for q in quotes if q.get(metric))
                row[2] += sum(1 for e in expected if e.get(metric))
        for gi, pi in matched.items():
            want, got = expected[gi], quotes[pi]
            for metric in ("content", "cue", "speaker"):
                if not want.get(metric) or not got.get(metric):
                    continue
                g = tuple(want[metric])
                p = (got[metric]["start"], got[metric]["end"])
                add(f"{metric} exact", _trim(text, g) == _trim(text, p))
                add(f"{metric} overlap", _overlap(g, p) > 0)
            kind_n += 1
            kind_ok += want["kind"] == got["kind"]
            if want.get("speaker_name"):
                name_n += 1
                name_ok += same_person((got.get("speaker") or {}).get("name"), want["speaker_name"])
    rows = [
        MetricRow("quotes", f"wikinews {metric}", tp=tp, fp=n_pred - tp, fn=n_gold - tp, n=n_gold)
        for metric, (tp, n_pred, n_gold) in tallies.items()
    ]
    rows.append(accuracy_row("quotes", "wikinews kind (matched attributions)", kind_ok, kind_n))
    rows.append(accuracy_row("quotes", "wikinews speaker name (matched, pronouns resolved)", name_ok, name_n))
    return rows
