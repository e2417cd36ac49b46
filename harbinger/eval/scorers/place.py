"""The ``place`` scorer: country-level accuracy of geocoding against gold places.

Formats: "seed" (the hand-made reference's ``places`` list and its dateline
country, matched by text) and "place" (hand-checked JSONL records from the
sample corpus, matched by offsets). A gold place the stage did not find counts
as wrong. Precision counts places the stage reported that the gold lacks
(demonyms aside: the gold lists place names only).
"""

from __future__ import annotations

import math

from harbinger.eval.gold import GoldDoc
from harbinger.eval.metrics import MetricRow, accuracy_row
from harbinger.eval.scorers import register_scorer

# Coordinates within this many kilometres count as the same point.
POINT_TOLERANCE_KM = 25.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _by_text(places: list[dict], text: str, role: str | None = None) -> dict | None:
    wanted = text.casefold()
    for place in places:
        if (place["text"].casefold() == wanted or place["text"].casefold().removeprefix("the ") == wanted.removeprefix("the ")) and (
            role is None or place["role"] == role
        ):
            return place
    return None


@register_scorer("place", formats=("seed", "place"))
def score_places(golds: list[GoldDoc], predictions: list[dict]) -> list[MetricRow]:
    seed_ok = seed_total = point_ok = point_total = 0
    ok = total = reported = 0
    by_split: dict[str, list[int]] = {}  # a hand-checked set may mark records "dev" or "heldout"
    for gold, pred in zip(golds, predictions):
        places = pred.get("places") or []
        if gold.format == "seed":
            expected = list(gold.gold.get("places", []))
            line = gold.gold.get("dateline")
            if line and not any(p.get("role") == "dateline" for p in expected):
                expected.append({"text": line["place"], "country": line.get("country"), "role": "dateline"})
            for item in expected:
                found = _by_text(places, item["text"], "dateline" if item.get("role") == "dateline" else None)
                seed_total += 1
                seed_ok += found is not None and found["country"] == item.get("country")
                if "lat" in item:
                    point_total += 1
                    point_ok += found is not None and found["lat"] is not None and (
                        _km(found["lat"], found["lon"], item["lat"], item["lon"]) <= POINT_TOLERANCE_KM
                    )
            continue
        spans = {(p["start"], p["end"]): p for p in places}
        split = by_split.setdefault(gold.gold.get("split", ""), [0, 0])
        for item in gold.gold["expected"]:
            found = spans.get((item["start"], item["end"]))
            right = found is not None and found["country"] == item["country"]
            total += 1
            ok += right
            split[0] += right
            split[1] += 1
        reported += sum(p["role"] == "mention" for p in places)
    rows = []
    if seed_total:
        rows.append(accuracy_row("place", "seed places: country", seed_ok, seed_total))
    if point_total:
        rows.append(accuracy_row("place", f"seed places: point within {POINT_TOLERANCE_KM:g} km", point_ok, point_total))
    if total:
        rows.append(accuracy_row("place", "corpus places: country (span and code)", ok, total))
        for name, (right, count) in sorted(by_split.items()):
            if name and len(by_split) > 1:
                rows.append(accuracy_row("place", f"corpus places: country ({name} records)", right, count))
        extra = max(reported - ok, 0)
        rows.append(MetricRow("place", "corpus places: found vs gold spans", tp=ok, fp=extra, fn=total - ok, n=total,
                              note="fp = reported mentions not matching a gold place with its country"))
    return rows
