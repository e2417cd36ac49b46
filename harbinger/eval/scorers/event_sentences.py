"""The ``event_sentences`` scorer: hand-labelled passages, each with the events of its last sentence.

A record (``gold_format: "event_sentence"``) is a passage — the target sentence and
the sentence before it, for pronouns — with ``target_start`` where the target
begins, and ``expected`` events: source and target actor codes, CAMEO code,
PLOVER type and mode (``expected: []`` for a sentence with no codable event).
Only predicted events whose trigger lies in the target sentence count; gold
events without a PLOVER type (01x statements) are not events here.

Rows: detection (does the sentence carry an event), PLOVER type and CAMEO root
of the primary predicted event against the gold ones, country-level dyads, and
the triple (source country, target country, PLOVER type) as micro P/R/F1 over
each sentence's set of triples. Countries are the ISO prefix of a state code
and the first six letters of an IGO/NGO code ("IGOUNO" for every UN body).
"""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer
from harbinger.eval.scorers.events import primary_event

STAGE = "events"
FORMAT = "event_sentence"


def actor_key(code: str | None) -> str | None:
    if not code:
        return None
    return code[:6] if code.startswith(("IGO", "NGO")) else code[:3]


def _triple(source: str | None, target: str | None, plover: str | None) -> tuple:
    return actor_key(source), actor_key(target), plover


def _predicted(record: GoldDoc, prediction: dict) -> list[dict]:
    start = record.gold.get("target_start", 0)
    return [e for e in prediction.get("events") or [] if e["evidence"]["trigger_start"] >= start]


def _gold_events(record: GoldDoc) -> list[dict]:
    return [e for e in record.gold["expected"] if e.get("plover")]


@register_scorer("event_sentences", formats=(FORMAT,))
def score_event_sentences(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    if predictions and not any("events" in p for p in predictions):
        return [MetricRow(STAGE, "not scored: the events stage was not in the pipeline", n=len(golds))]
    detect = {"tp": 0, "fp": 0, "fn": 0}
    triples = {"tp": 0, "fp": 0, "fn": 0}
    dyads = {"tp": 0, "fp": 0, "fn": 0}
    typed = rooted = mode_ok = mode_n = with_events = 0
    for record, prediction in zip(golds, predictions):
        gold, found = _gold_events(record), _predicted(record, prediction)
        if gold and found:
            detect["tp"] += 1
        elif found:
            detect["fp"] += 1
        elif gold:
            detect["fn"] += 1
        want = {_triple(e.get("source"), e.get("target"), e["plover"]) for e in gold}
        got = {_triple((e.get("source") or {}).get("code"), (e.get("target") or {}).get("code"), e["plover_type"]) for e in found}
        _add(triples, want, got)
        _add(dyads, {t[:2] for t in want}, {t[:2] for t in got})
        if not gold:
            continue
        with_events += 1
        first = primary_event(found)
        if first is None:
            continue
        typed += first["plover_type"] in {e["plover"] for e in gold}
        rooted += first["cameo_code"][:2] in {str(e["cameo"])[:2] for e in gold}
        same_type = [e for e in gold if e["plover"] == first["plover_type"]]
        if same_type:
            mode_n += 1
            mode_ok += first["mode"] in {e.get("mode", "asserted") for e in same_type}
    n = len(golds)
    return [
        MetricRow(STAGE, "sentence has an event (detection)", n=n, **detect),
        MetricRow(STAGE, "triples (source country, target country, PLOVER type)", n=n, **triples),
        MetricRow(STAGE, "dyads (source country, target country)", n=n, **dyads),
        accuracy_row(STAGE, "PLOVER type of the primary event", typed, with_events, note="over sentences with a gold event"),
        accuracy_row(STAGE, "CAMEO root of the primary event", rooted, with_events, note="over sentences with a gold event"),
        accuracy_row(STAGE, "mode of the primary event, type matched", mode_ok, mode_n),
    ]


def _add(counts: dict[str, int], want: set, got: set) -> None:
    counts["tp"] += len(want & got)
    counts["fp"] += len(got - want)
    counts["fn"] += len(want - got)
