"""The ``place`` scorer: country-level accuracy of geocoding against gold places.

Formats: "seed" (the hand-made reference's ``places`` list and its dateline
country, matched by text) and "place" (hand-checked JSONL records from the
sample corpus, matched by offsets). A gold place the stage did not find counts
as wrong. Precision counts places the stage reported that the gold lacks
(demonyms aside: the gold lists place names only).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    toponyms = ToponymScore()
    ok = total = reported = ok_placed = 0
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
        toponyms.add(gold.gold["expected"], places)
        for item in gold.gold["expected"]:
            if item.get("kind") == "in_name":  # scored apart (ToponymScore): earlier sets never label these
                continue
            found = spans.get((item["start"], item["end"]))
            right = found is not None and found["country"] == item["country"]
            total += 1
            ok += right
            ok_placed += right and found["country"] is not None
            split[0] += right
            split[1] += 1
        # a mention left with no country reports nothing a reader could use: not counted as reported (issue 17)
        reported += sum(p["role"] == "mention" and p.get("kind") != "in_name" and p.get("country") is not None for p in places)
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
        extra = max(reported - ok_placed, 0)
        rows.append(MetricRow("place", "corpus places: found vs gold spans", tp=ok, fp=extra, fn=total - ok, n=total,
                              note="fp = reported mentions with a country not matching a gold place with its country"))
    return rows + toponyms.rows()


CITY_KM = 161.0  # accuracy@161 km (100 miles), the usual geoparsing threshold


@dataclass
class ToponymScore:
    """Geoparsing figures: toponyms found by overlap, their country, points; cities and in_name where gold has them.

    A gold toponym is found when a reported place overlaps it. Country accuracy is over found toponyms;
    accuracy@161 km over found cities whose gold has a point (a reported place without a point is a miss);
    the share with a point over every reported place that has a country.
    """

    gold: int = 0
    found: int = 0
    country_ok: int = 0
    cities: int = 0
    cities_near: int = 0
    reported: int = 0
    with_point: int = 0
    in_name: int = 0
    in_name_found: int = 0
    active: bool = False

    def add(self, expected: list[dict], places: list[dict]) -> None:
        self.active = True
        mentions = [p for p in places if p.get("role") == "mention"]
        self.reported += sum(p.get("country") is not None and p.get("kind") != "in_name" for p in mentions)
        self.with_point += sum(p.get("country") is not None and p.get("kind") != "in_name" and p.get("lat") is not None for p in mentions)
        for item in expected:
            match = next((p for p in mentions if min(p["end"], item["end"]) > max(p["start"], item["start"])), None)
            if item.get("kind") == "in_name":
                self.in_name += 1
                self.in_name_found += match is not None
                continue
            self.gold += 1
            if match is None:
                continue
            self.found += 1
            self.country_ok += match.get("country") == item.get("country")
            if item.get("feature") == "city" and item.get("lat") is not None:
                self.cities += 1
                self.cities_near += match.get("lat") is not None and _km(match["lat"], match["lon"], item["lat"], item["lon"]) <= CITY_KM

    def rows(self) -> list[MetricRow]:
        if not self.active:
            return []
        rows = [
            MetricRow("place", "toponyms found (overlap)", tp=self.found, fp=0, fn=self.gold - self.found, n=self.gold, note="recall only"),
            accuracy_row("place", "toponyms: country on found", self.country_ok, self.found),
            accuracy_row("place", "reported places with a country that have a point", self.with_point, self.reported),
        ]
        if self.cities:  # gold with features and points (place_blind_local*)
            rows.append(accuracy_row("place", f"cities: point within {CITY_KM:g} km (found, gold point)", self.cities_near, self.cities))
        if self.in_name:
            rows.append(accuracy_row("place", "places inside names (in_name) found", self.in_name_found, self.in_name))
        return rows
