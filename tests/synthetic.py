"""A deterministic synthetic store for the analysis, API and dashboard tests: articles, copies and coded events.

Series and alerts need weeks of events with a known shape, which no small real corpus gives.
Each event points at a real sentence of a real article text, with actor, time and place spans
at true offsets, a mode, PLOVER/CAMEO codes and Goldstein values, in the events stage's own
JSON, and everything is written through :meth:`Store.write_batch` like a real run. The
generator writes a quiet baseline for a handful of dyads and, in the last week, a burst of
USA→RUS conflict, so the escalation alert has something to find. Same ``seed``, same rows.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta

from harbinger.dedupe import DedupeResult
from harbinger.models import Article, Span
from harbinger.quotes.models import Quote, Speaker
from harbinger.store import Store, StoredArticle
from harbinger.time import DateFrom


@dataclass(frozen=True)
class Actor:
    code: str
    country: str
    name: str
    capital: str
    lat: float
    lon: float


ACTORS = {
    "USA": Actor("USAGOV", "USA", "The United States", "Washington", 38.90, -77.04),
    "RUS": Actor("RUSGOV", "RUS", "Russia", "Moscow", 55.76, 37.62),
    "UKR": Actor("UKRGOV", "UKR", "Ukraine", "Kyiv", 50.45, 30.52),
    "FRA": Actor("FRAGOV", "FRA", "France", "Paris", 48.86, 2.35),
    "DEU": Actor("DEUGOV", "DEU", "Germany", "Berlin", 52.52, 13.40),
    "CHN": Actor("CHNGOV", "CHN", "China", "Beijing", 39.90, 116.40),
    "NATO": Actor("IGOWSTNAT", "IGOWSTNAT", "NATO", "Brussels", 50.85, 4.35),
}

# (PLOVER type, CAMEO code, Goldstein, QuadClass, past-tense phrase, base phrase)
KINDS = {
    "CONSULT": ("CONSULT", "040", 1.0, 1, "held talks with", "hold talks with"),
    "AGREE": ("AGREE", "057", 8.0, 1, "signed an agreement with", "sign an agreement with"),
    "REQUEST": ("REQUEST", "020", 3.0, 1, "appealed to", "appeal to"),
    "COOPERATE": ("COOPERATE", "061", 6.4, 2, "expanded economic ties with", "expand economic ties with"),
    "AID": ("AID", "073", 7.4, 2, "sent humanitarian aid to", "send humanitarian aid to"),
    "ACCUSE": ("ACCUSE", "112", -2.0, 3, "accused", "accuse"),
    "REJECT": ("REJECT", "120", -4.0, 3, "rejected a proposal from", "reject a proposal from"),
    "THREATEN": ("THREATEN", "138", -7.0, 3, "threatened military action against", "threaten military action against"),
    "SANCTION": ("SANCTION", "163", -8.0, 4, "imposed sanctions on", "impose sanctions on"),
    "MOBILIZE": ("MOBILIZE", "154", -7.2, 4, "moved troops toward", "move troops toward"),
    "ASSAULT": ("ASSAULT", "190", -10.0, 4, "shelled positions held by", "shell positions held by"),
}

# dyad -> event kinds it draws from in ordinary weeks
BASELINE = {
    ("USA", "RUS"): ["CONSULT", "CONSULT", "REQUEST", "ACCUSE"],
    ("RUS", "UKR"): ["ACCUSE", "THREATEN", "MOBILIZE", "CONSULT"],
    ("UKR", "RUS"): ["ACCUSE", "REQUEST", "REJECT"],
    ("FRA", "DEU"): ["CONSULT", "AGREE", "COOPERATE"],
    ("CHN", "USA"): ["CONSULT", "COOPERATE", "REJECT"],
    ("NATO", "UKR"): ["AID", "CONSULT", "AGREE"],
}
ESCALATION = ("USA", "RUS", ["SANCTION", "THREATEN", "ACCUSE", "SANCTION", "MOBILIZE", "ACCUSE", "THREATEN"])
WEEKDAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday"]


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _sentence(rng: random.Random, source: Actor, target: Actor, kind: tuple, mode: str, weekday: str):
    """The sentence text and the offsets (within it) of source, target, trigger, time and place."""
    _, _, _, _, past, base = kind
    place = rng.choice([source, target])
    prefix = {"asserted": "", "reported": "", "planned": "", "conditional": "If talks fail, ", "denied": ""}[mode]
    verb = {
        "asserted": past,
        "reported": past,
        "planned": f"is due to {base}",
        "conditional": f"will {base}",
        "denied": f"denied that it {past}",
    }[mode]
    source_name = source.name.replace("The ", "the ") if prefix else source.name
    parts = [prefix, source_name, " ", verb, " ", target.name.replace("The ", "the "), " in ", place.capital, " ", weekday]
    suffix = ", officials said." if mode == "reported" else "."
    text = "".join(parts) + suffix
    offsets = {}
    cursor = 0
    for name, piece in zip(["prefix", "source", "_", "verb", "_", "target", "_", "place", "_", "time"], parts):
        offsets[name] = (cursor, cursor + len(piece))
        cursor += len(piece)
    trigger_word = verb.split()[-2] if mode in ("planned", "conditional") else verb.split()[0]
    if mode == "denied":
        trigger_word = past.split()[0]
    trigger_at = text.index(trigger_word, offsets["verb"][0])
    offsets["trigger"] = (trigger_at, trigger_at + len(trigger_word))
    return text, offsets, place


def _officials_said(text: str, article_id: str, start: int, end: int, published: date) -> dict:
    """The quotes stage's record of "…, officials said." over ``text[start:end]``, as the stage writes it."""
    said = text.rindex("said", start, end)
    officials = text.rindex("officials", start, said)
    content = Span.of(text, start, officials - len(", "))
    speaker = Speaker(Span.of(text, officials, officials + len("officials")), "officials", None, ("mention text",))
    quote = Quote(_hash("quote", article_id), "indirect", content, (content,), Span.of(text, said, said + len("said")), "report",
                  speaker, None, published.isoformat(), DateFrom.DCT, "clause", 0.65)  # fmt: skip
    return {**quote.to_dict(), "claim": None}


def seed_store(store: Store, weeks: int = 12, start: date = date(2022, 1, 3), seed: int = 7) -> dict[str, int]:
    """Write a synthetic corpus into ``store``; returns how many articles, copies and events it wrote."""
    rng = random.Random(seed)
    items: list[StoredArticle] = []
    copies = events = 0
    modes = ["asserted"] * 7 + ["reported"] * 3 + ["planned", "conditional", "denied"]
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        planned: list[tuple[str, str, str, str]] = []
        for (s, t), kinds in BASELINE.items():
            for _ in range(rng.randint(1, 2)):
                planned.append((s, t, rng.choice(kinds), rng.choice(modes)))
        if week == weeks - 1:
            s, t, kinds = ESCALATION
            planned += [(s, t, kind, "asserted") for kind in kinds]
        for number, (s, t, kind_name, mode) in enumerate(planned):
            source, target, kind = ACTORS[s], ACTORS[t], KINDS[kind_name]
            day_index = rng.randrange(5)
            day = monday + timedelta(days=day_index)
            published = day + timedelta(days=1)
            sentence, offsets, place = _sentence(rng, source, target, kind, mode, WEEKDAYS[day_index])
            dateline = f"{place.capital.upper()} — "
            filler = f" The statement followed weeks of diplomacy between {source.name.replace('The ', 'the ')} and {target.name}."
            text = dateline + sentence + filler
            base = len(dateline)
            article_id = _hash("article", seed, week, number)
            fields = dict(date=published, title=sentence[:80], body_start=base, dateline=Span.of(text, 0, len(dateline.rstrip(" —"))))
            article = Article(id=article_id, text=text, url=f"https://example.org/{article_id}", **fields)

            def span(name: str) -> tuple[int, int, str]:
                a, b = offsets[name]
                return base + a, base + b, sentence[a:b]

            src, tgt, trig, when, where = span("source"), span("target"), span("trigger"), span("time"), span("place")
            plover, cameo, goldstein, quad, *_ = kind
            country = place.country if place.country != "IGOWSTNAT" else "BEL"
            event = {
                "id": _hash("event", article_id, base),
                "source": {"code": source.code, "text": src[2], "start": src[0], "end": src[1]},
                "target": {"code": target.code, "text": tgt[2], "start": tgt[0], "end": tgt[1]},
                "plover_type": plover, "cameo_code": cameo, "goldstein": goldstein, "quad_class": quad, "mode": mode,
                "mode_cue": {"reported": "officials said", "planned": "is due to", "conditional": "If", "denied": "denied"}.get(mode),
                "evidence": {"sentence_start": base, "sentence_end": base + len(sentence), "trigger_start": trig[0], "trigger_end": trig[1],
                             "trigger_text": trig[2], "sentence_text": sentence},
                "date": day.isoformat(), "date_value": day.isoformat(), "date_from": "time", "date_precision": "day", "timing": "current",
                "place": {"start": where[0], "end": where[1], "text": where[2], "name": where[2], "kind": "city", "country": country,
                          "lat": place.lat, "lon": place.lon},
                "place_from": "venue",
                "confidence": round(0.6 + 0.4 * rng.random(), 2), "rule": f"synthetic:{plover.lower()}",
            }  # fmt: skip
            layers = {
                "article": article.to_dict(),
                "sentences": [{"index": 0, "start": base, "end": base + len(sentence), "text": sentence}],
                "entities": [],
                "timexes": [{"start": when[0], "end": when[1], "text": when[2], "value": day.isoformat(), "type": "DATE"}],
                "places": [{"start": where[0], "end": where[1], "text": where[2], "country": country, "lat": place.lat, "lon": place.lon}],
                "actors": [{"start": src[0], "end": src[1], "text": src[2], "code": source.code},
                           {"start": tgt[0], "end": tgt[1], "text": tgt[2], "code": target.code}],
                "events": [event],
            }  # fmt: skip
            if mode == "reported":
                layers["quotes"] = [_officials_said(text, article_id, base, base + len(sentence), published)]
            items.append(StoredArticle(article, DedupeResult("new", article_id, 1.0), layers))
            events += 1
            if rng.random() < 0.25:
                copy_id = _hash("copy", article_id)
                copy = Article(id=copy_id, text=text + " (wire copy)", url=f"https://example.org/{copy_id}", **fields)
                items.append(StoredArticle(copy, DedupeResult("near", article_id, 0.9), None))
                copies += 1
    run = store.start_run("synthetic", [], "none", [])
    store.write_batch(run, items, [])
    counts = dict(read=len(items), duplicates=copies, skipped=0, stored=len(items), already=0, warnings=0, words=0, seconds=0.0)
    store.finish_run(run, counts, [])
    return {"articles": len(items) - copies, "copies": copies, "events": events}


# Asides no series or alert should count as news of their story's week: a sanction long before the
# story (historical) and an agreement planned for after it (future). (timing, dateline, sentence,
# source, target, kind, mode, date value, event date)
TIMING_EXAMPLES = (
    ("historical", "WASHINGTON", "The United States imposed sanctions on Russia in 1980, the archive shows.",
     "USA", "RUS", "SANCTION", "asserted", "1980", date(1980, 1, 1)),
    ("future", "BRUSSELS", "NATO is due to sign an agreement with Ukraine in 2023.",
     "NATO", "UKR", "AGREE", "planned", "2023", date(2023, 1, 1)),
)  # fmt: skip


def add_timing_examples(store: Store, published: date = date(2022, 3, 22)) -> dict[str, str]:
    """Write one historical and one future event (each in its own article dated ``published``); returns their ids by timing."""
    items, ids = [], {}
    for timing, dateline, sentence, s, t, kind_name, mode, value, day in TIMING_EXAMPLES:
        source, target, kind = ACTORS[s], ACTORS[t], KINDS[kind_name]
        text = f"{dateline} — {sentence}"
        base = len(dateline) + 3
        article_id = _hash("timing", timing, published)
        article = Article(id=article_id, text=text, date=published, title=sentence, body_start=base,
                          dateline=Span.of(text, 0, len(dateline)), url=f"https://example.org/{article_id}")  # fmt: skip

        def span(words: str) -> tuple[int, int, str]:
            at = text.index(words, base)
            return at, at + len(words), words

        src, tgt, when = span(source.name), span(target.name), span(value)
        trig = span(kind[4].split()[0] if mode == "asserted" else kind[5].split()[0])
        plover, cameo, goldstein, quad, *_ = kind
        ids[timing] = _hash("event", article_id, base)
        event = {
            "id": ids[timing],
            "source": {"code": source.code, "text": src[2], "start": src[0], "end": src[1], "name": source.name},
            "target": {"code": target.code, "text": tgt[2], "start": tgt[0], "end": tgt[1], "name": target.name},
            "plover_type": plover, "cameo_code": cameo, "goldstein": goldstein, "quad_class": quad, "mode": mode,
            "mode_cue": "is due to" if mode == "planned" else None,
            "evidence": {"sentence_start": base, "sentence_end": len(text), "trigger_start": trig[0], "trigger_end": trig[1],
                         "trigger_text": trig[2], "sentence_text": text[base:]},
            "date": day.isoformat(), "date_value": value, "date_from": "timex", "date_precision": "year", "timing": timing,
            "confidence": 0.8, "rule": f"synthetic:{plover.lower()}",
        }  # fmt: skip
        layers = {
            "article": article.to_dict(),
            "sentences": [{"index": 0, "start": base, "end": len(text), "text": sentence}],
            "entities": [],
            "timexes": [{"start": when[0], "end": when[1], "text": when[2], "value": value, "type": "DATE"}],
            "places": [],
            "actors": [{"start": src[0], "end": src[1], "text": src[2], "code": source.code},
                       {"start": tgt[0], "end": tgt[1], "text": tgt[2], "code": target.code}],
            "events": [event],
        }  # fmt: skip
        items.append(StoredArticle(article, DedupeResult("new", article_id, 1.0), layers))
    run = store.start_run("synthetic timing", [], "none", [])
    store.write_batch(run, items, [])
    counts = dict(read=len(items), duplicates=0, skipped=0, stored=len(items), already=0, warnings=0, words=0, seconds=0.0)
    store.finish_run(run, counts, [])
    return ids
