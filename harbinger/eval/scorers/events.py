"""The ``events`` scorer: seed recall and modes, PLOVER type accuracy and dyads, CAMEO root/exact accuracy.

Actor codes are compared at country level (the first three letters; IGO and
NGO codes whole). A record's "primary" event — the one a single-label gold
record is compared with — is the most confident one, then the earliest.
"""

from __future__ import annotations

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer
from harbinger.events.tables import load_tables

STAGE = "events"


def country_level(code: str | None) -> str | None:
    if not code:
        return None
    return code if code.startswith(("IGO", "NGO")) else code[:3]


def primary_event(events: list[dict]) -> dict | None:
    if not events:
        return None
    return min(events, key=lambda e: (-e["confidence"], e["evidence"]["trigger_start"]))


def _dyad(event: dict) -> tuple[str | None, str | None]:
    source, target = event.get("source") or {}, event.get("target") or {}
    return country_level(source.get("code")), country_level(target.get("code"))


def _overlaps(event: dict, span: list[int]) -> bool:
    ev = event["evidence"]
    return ev["sentence_start"] < span[1] and span[0] < ev["sentence_end"]


def score_seed(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    matched = typed = total = mode_ok = mode_n = condition_events = n_conditions = 0
    for gold, pred in zip(golds, predictions):
        events = pred.get("events") or []
        used: set[str] = set()
        for expected in gold.gold.get("events", []):
            total += 1
            want = (country_level(expected.get("source")), country_level(expected.get("target")))
            same_type = [e for e in events if e["plover_type"] == expected["type"] and _overlaps(e, expected["evidence"]) and e["id"] not in used]
            full = [e for e in same_type if _dyad(e) == want]
            if same_type:
                typed += 1
                chosen = (full or same_type)[0]
                mode_n += 1
                mode_ok += chosen["mode"] == expected.get("mode", "asserted")
            if full:
                matched += 1
                used.add(full[0]["id"])
        text = gold.article.text
        for not_event in gold.gold.get("not_events", []):
            start = text.find(not_event["text"])
            if start < 0:
                continue
            n_conditions += 1
            end = start + len(not_event["text"])
            condition_events += sum(start <= e["evidence"]["trigger_start"] < end for e in events)
    return [
        MetricRow(STAGE, "seed events (type + country-level dyad + evidence)", tp=matched, fn=total - matched, n=total),
        MetricRow(STAGE, "seed events (type + evidence, actors ignored)", tp=typed, fn=total - typed, n=total),
        accuracy_row(STAGE, "seed mode accuracy on type-matched", mode_ok, mode_n),
        MetricRow(STAGE, "seed not_events coded (must be 0)", fp=condition_events, n=n_conditions, note=f"{condition_events} events from {n_conditions} hypothetical clauses"),
    ]


def score_plover(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    tables = load_tables()
    correct = covered = by_code = found_act = 0
    tp = fp = fn = 0
    for gold, pred in zip(golds, predictions):
        events = pred.get("events") or []
        expected = gold.gold["expected"]
        types = {e["code_plover2021"] for e in expected}
        first = primary_event(events)
        any_first = primary_event(events + (pred.get("event_candidates") or []))
        found_act += any_first is not None and any_first["plover_type"] in types
        covered += first is not None
        correct += first is not None and first["plover_type"] in types
        by_code += first is not None and tables.plover_type(first["cameo_code"]) in types
        want = {(country_level(e["source"]), country_level(e.get("target"))) for e in expected}
        got = {_dyad(e) for e in events}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    n = len(golds)
    return [
        accuracy_row(STAGE, "PLOVER type accuracy (primary event vs code_plover2021)", correct, n, note=f"{covered}/{n} records coded"),
        accuracy_row(
            STAGE, "PLOVER type of the CAMEO code (CAMEO2PLOVER-2021)", by_code, n,
            note="planned cooperation counts as AGREE (036 etc.), the GSR's convention; the event's own type keeps CONSULT/AID + mode planned",
        ),
        MetricRow(STAGE, "PLOVER dyads (country-level source, target)", tp=tp, fp=fp, fn=fn, n=n),
        accuracy_row(
            STAGE, "PLOVER type, events and candidates (diagnostic)", found_act, n,
            note="the act typed right whether or not an actor was coded: the gap to the first row is actor coding",
        ),
    ]


def score_cameo(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    root = exact = covered = 0
    for gold, pred in zip(golds, predictions):
        first = primary_event(pred.get("events") or [])
        if first is None:
            continue
        covered += 1
        want = gold.gold["cameo_code"]
        root += first["cameo_code"][:2] == want[:2]
        exact += first["cameo_code"] == want
    n = len(golds)
    note = f"{covered}/{n} records coded; 01x statements are never coded (no PLOVER type)"
    return [accuracy_row(STAGE, "CAMEO root accuracy", root, n, note=note), accuracy_row(STAGE, "CAMEO exact-code accuracy", exact, n, note=note)]


@register_scorer("events", formats=("seed", "plover", "cameo"))
def score_events(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    if predictions and not any("events" in p for p in predictions):
        return [MetricRow(STAGE, "not scored: the events stage was not in the pipeline", n=len(golds), note="add it: --stages time,place,actors,events")]
    rows: list[MetricRow] = []
    for fmt, scorer in (("seed", score_seed), ("plover", score_plover), ("cameo", score_cameo)):
        pairs = [(g, p) for g, p in zip(golds, predictions) if g.format == fmt]
        if pairs:
            rows += scorer([g for g, _ in pairs], [p for _, p in pairs])
    return rows
