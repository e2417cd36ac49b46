"""The ``quotes`` scorer: quotes, speakers, venues, claims and denial links against the seed gold and the Wikinews set.

Seed: each gold quote is found when a predicted quote's content overlaps it
and its speaker resolves to the gold speaker (so "he" must reach Blinken);
direct and mixed predictions that match no gold quote count as false
positives (the seed lists its reported speech as claims). Claims match by
span overlap and need the gold stance; the denial link must point at the
claim matched to the gold claim it disputes.

"quotes" (``tests/data/quotes_wikinews.jsonl`` and later sets): predictions
are paired with gold attributions by content overlap (one to one, largest
overlap first); content, cue and speaker are then scored exact (offsets equal
once edge punctuation and quotation marks are trimmed) and by overlap, as
P/R/F1 over all gold and predicted attributions. A record marked
``"convention": "parc"`` has PARC 3.0 content spans (with "that", "to" and the
quotation marks): it is scored against the stage's ``content`` and its rows
are named "parc …"; a record without one has the older bare-proposition spans,
scored against the stage's ``proposition``, in rows named "wikinews …". When
gold items carry ``cue_class``, each class gets content, speaker and cue rows
(a prediction counts for a class when it carries that class too), and the
matched attributions' classes are scored.

PARC gold gives a quote that a cue interrupts ("“A,” he said, “B.”") one
entry per contiguous piece, so there a prediction with several segments is
scored as one attribution per segment, each with the same cue and speaker
(the Wikinews set labels such a quote once, first piece to last). The blind
PARC set classes cues by form where the stage classes them by meaning: a noun
cue is "nominal" and "according to" or "in my judgment" is "prepositional"
whatever they mean, so a prediction found by a nominal cue or a verbless
source phrase is scored in those classes. PARC also labels the attributions
nested inside a direct quote ("“… I urge my colleagues to act,” Cruz said");
the Wikinews set does not, so for its records a prediction whose cue lies in
another prediction's direct quote is left out of the scoring.
"""

from __future__ import annotations

import re

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer

EDGE = " \t\r\n,;:.!?\"'“”‘’«»—–-()"
CLASS_ORDER = ["speech", "belief", "intention", "demand", "judgement", "evidence", "nominal", "prepositional"]
FORM_CLASSES = {"nominal": "nominal", "source-phrase": "prepositional"}  # found_by -> the form class PARC gold uses
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


def _content(quote: dict, convention: str | None) -> dict:
    """The predicted content span in the gold's convention: PARC spans or the bare proposition."""
    if convention == "parc":
        return quote["content"]
    return quote.get("proposition") or quote["content"]


def _pieces(quote: dict, convention: str | None) -> list[dict]:
    """The attributions a prediction is scored as, with the content in the gold's convention (PARC: one per segment)."""
    segments = quote.get("segments") or []
    if len(segments) < 2 or convention != "parc":
        return [{**quote, "content": _content(quote, convention)}]
    return [{**quote, "content": segment} for segment in segments]


def _top_level(quotes: list[dict]) -> list[dict]:
    """The predictions whose cue is not inside a predicted direct quote (the attributions a non-PARC set labels)."""
    inside = [(g["start"], g["end"]) for q in quotes if q["kind"] == "direct" for g in q.get("segments") or [q["content"]]]
    return [q for q in quotes if not (q.get("cue") and any(a <= q["cue"]["start"] < b for a, b in inside))]


def _scored_class(quote: dict, gold_classes: set[str]) -> str:
    """The prediction's class as the gold classes it: by form when the gold uses form classes, else by meaning."""
    form = FORM_CLASSES.get(quote.get("found_by", ""))
    return form if form in gold_classes else quote.get("cue_class", "speech")


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
        matched = _pair([tuple(q["span"]) for q in gold_quotes], [(_content(q, None)["start"], _content(q, None)["end"]) for q in shown])
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
    by_label: dict[str, list] = {}
    for gold, prediction in pairs:
        by_label.setdefault("parc" if gold.gold.get("convention") == "parc" else "wikinews", []).append((gold, prediction))
    return [row for label, group in by_label.items() for row in _score_set(label, group)]


def _ok(text: str, metric: str, want: dict, got: dict, mode: str) -> bool:
    g = tuple(want[metric])
    p = (got[metric]["start"], got[metric]["end"])
    return _trim(text, g) == _trim(text, p) if mode == "exact" else _overlap(g, p) > 0


def _score_set(label: str, pairs) -> list[MetricRow]:
    tallies: dict[str, list[int]] = {}  # metric -> [tp, n_pred, n_gold]
    classes: dict[str, list[int]] = {}  # "<class> <metric> <mode>" -> [tp, n_pred, n_gold]
    kind_ok = kind_n = name_ok = name_n = class_ok = class_n = 0
    metrics = (("content", ("exact", "overlap")), ("cue", ("exact", "overlap")), ("speaker", ("exact", "overlap")))
    per_class = (("content", "overlap"), ("speaker", "overlap"), ("speaker", "exact"), ("cue", "exact"))

    gold_classes = {e.get("cue_class") for gold, _ in pairs for e in gold.gold["expected"]}
    for gold, prediction in pairs:
        text = gold.article.text
        convention = gold.gold.get("convention")
        predicted = prediction.get("quotes") or []
        predicted = predicted if convention == "parc" else _top_level(predicted)
        quotes = [{**piece, "cue_class": _scored_class(piece, gold_classes)} for q in predicted for piece in _pieces(q, convention)]
        expected = gold.gold["expected"]
        labelled = any(e.get("cue_class") for e in expected)
        matched = _pair([tuple(e["content"]) for e in expected], [(q["content"]["start"], q["content"]["end"]) for q in quotes])
        for metric, modes in metrics:
            for mode in modes:
                row = tallies.setdefault(f"{metric} {mode}", [0, 0, 0])
                row[1] += sum(1 for q in quotes if q.get(metric))
                row[2] += sum(1 for e in expected if e.get(metric))
        if labelled:
            for metric, mode in per_class:
                for q in quotes:
                    if q.get(metric):
                        classes.setdefault(f"{q.get('cue_class', 'speech')} {metric} {mode}", [0, 0, 0])[1] += 1
                for e in expected:
                    if e.get(metric) and e.get("cue_class"):
                        classes.setdefault(f"{e['cue_class']} {metric} {mode}", [0, 0, 0])[2] += 1
        for gi, pi in matched.items():
            want, got = expected[gi], quotes[pi]
            for metric, modes in metrics:
                if want.get(metric) and got.get(metric):
                    for mode in modes:
                        tallies[f"{metric} {mode}"][0] += _ok(text, metric, want, got, mode)
            same_class = want.get("cue_class") is not None and want["cue_class"] == got.get("cue_class", "speech")
            if labelled and want.get("cue_class"):
                class_n += 1
                class_ok += same_class
            if same_class:
                for metric, mode in per_class:
                    if want.get(metric) and got.get(metric):
                        classes[f"{want['cue_class']} {metric} {mode}"][0] += _ok(text, metric, want, got, mode)
            kind_n += 1
            kind_ok += want["kind"] == got["kind"]
            if want.get("speaker_name"):
                name_n += 1
                name_ok += same_person((got.get("speaker") or {}).get("name"), want["speaker_name"])
    rows = [
        MetricRow("quotes", f"{label} {metric}", tp=tp, fp=n_pred - tp, fn=n_gold - tp, n=n_gold)
        for metric, (tp, n_pred, n_gold) in tallies.items()
    ]
    rows.append(accuracy_row("quotes", f"{label} kind (matched attributions)", kind_ok, kind_n))
    rows.append(accuracy_row("quotes", f"{label} speaker name (matched, pronouns resolved)", name_ok, name_n))
    if class_n:
        rows.append(accuracy_row("quotes", f"{label} cue class (matched attributions)", class_ok, class_n))
    for key in sorted(classes, key=lambda k: (k.split()[0] not in CLASS_ORDER, CLASS_ORDER.index(k.split()[0]) if k.split()[0] in CLASS_ORDER else 0, k)):
        tp, n_pred, n_gold = classes[key]
        rows.append(MetricRow("quotes", f"{label} by class: {key}", tp=tp, fp=n_pred - tp, fn=n_gold - tp, n=n_gold))
    return rows
