"""A large synthetic store (100,000 events by default) written through :meth:`Store.write_batch` like a real run.

The dashboard's speed targets are about a store of that size, which no sample corpus gives. Each
article carries :data:`EVENTS_PER_ARTICLE` sentences of the kind :mod:`tests.synthetic` writes (real
offsets for source, target, trigger, time and place), each coded as one event, for random dyads of
:data:`ACTORS` over :data:`DAYS` days; a quarter of the articles get a near-duplicate copy. Same
``seed``, same rows. Run as a script to write one::

    python -m tests.dashboard.synthetic_big /tmp/big.duckdb 100000
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from harbinger.dedupe import DedupeResult
from harbinger.models import Article, Span
from harbinger.store import Store, StoredArticle
from tests.synthetic import ACTORS, KINDS, WEEKDAYS, _hash, _sentence

EVENTS_PER_ARTICLE = 4
DAYS = 3 * 365
BATCH_ARTICLES = 2_000
MODES = ["asserted"] * 7 + ["reported"] * 3 + ["planned", "conditional", "denied"]


def _article(rng: random.Random, seed: int, number: int, start: date) -> tuple[StoredArticle, int]:
    """One article of :data:`EVENTS_PER_ARTICLE` event sentences, and its events' count."""
    day = start + timedelta(days=rng.randrange(DAYS))
    published = day + timedelta(days=1)
    article_id = _hash("big", seed, number)
    names = list(ACTORS)
    dateline = f"{ACTORS[rng.choice(names)].capital.upper()} — "
    text, sentences, events, timexes, places, actors = dateline, [], [], [], [], []
    for index in range(EVENTS_PER_ARTICLE):
        s, t = rng.sample(names, 2)
        source, target = ACTORS[s], ACTORS[t]
        kind_name = rng.choice(list(KINDS))
        kind, mode = KINDS[kind_name], rng.choice(MODES)
        sentence, offsets, place = _sentence(rng, source, target, kind, mode, WEEKDAYS[day.weekday() % 5])
        base = len(text)
        text += sentence + " "

        def span(name: str) -> tuple[int, int, str]:
            a, b = offsets[name]
            return base + a, base + b, sentence[a:b]

        src, tgt, trig, when, where = span("source"), span("target"), span("trigger"), span("time"), span("place")
        plover, cameo, goldstein, quad, *_ = kind
        country = place.country if place.country != "IGOWSTNAT" else "BEL"
        jitter_lat, jitter_lon = rng.uniform(-3, 3), rng.uniform(-3, 3)
        events.append({
            "id": _hash("big-event", article_id, index),
            "source": {"code": source.code, "text": src[2], "start": src[0], "end": src[1]},
            "target": {"code": target.code, "text": tgt[2], "start": tgt[0], "end": tgt[1]},
            "plover_type": plover, "cameo_code": cameo, "goldstein": goldstein, "quad_class": quad, "mode": mode,
            "evidence": {"sentence_start": base, "sentence_end": base + len(sentence), "trigger_start": trig[0], "trigger_end": trig[1],
                         "trigger_text": trig[2], "sentence_text": sentence},
            "date": day.isoformat(), "date_value": day.isoformat(), "date_from": "time", "date_precision": "day", "timing": "current",
            "place": {"start": where[0], "end": where[1], "text": where[2], "name": where[2], "kind": "city", "country": country,
                      "lat": round(place.lat + jitter_lat, 4), "lon": round(place.lon + jitter_lon, 4)},
            "place_from": "venue", "confidence": round(0.5 + 0.5 * rng.random(), 2), "rule": f"synthetic:{plover.lower()}",
        })  # fmt: skip
        sentences.append({"index": index, "start": base, "end": base + len(sentence), "text": sentence})
        timexes.append({"start": when[0], "end": when[1], "text": when[2], "value": day.isoformat(), "type": "DATE"})
        places.append({"start": where[0], "end": where[1], "text": where[2], "country": country, "lat": place.lat, "lon": place.lon})
        actors += [{"start": src[0], "end": src[1], "text": src[2], "code": source.code}, {"start": tgt[0], "end": tgt[1], "text": tgt[2], "code": target.code}]
    fields = dict(date=published, title=text[len(dateline) : len(dateline) + 80], body_start=len(dateline),
                  dateline=Span.of(text, 0, len(dateline.rstrip(" —"))))  # fmt: skip
    article = Article(id=article_id, text=text, url=f"https://example.org/{article_id}", **fields)
    layers = {"article": article.to_dict(), "sentences": sentences, "entities": [], "timexes": timexes, "places": places,
              "actors": actors, "events": events}  # fmt: skip
    return StoredArticle(article, DedupeResult("new", article_id, 1.0), layers), len(events)


def write_big_store(store: Store, events: int = 100_000, start: date = date(2019, 1, 1), seed: int = 11) -> dict[str, int]:
    """Write about ``events`` events (rounded up to whole articles) into ``store``; returns what it wrote."""
    rng = random.Random(seed)
    run = store.start_run("synthetic big", [], "none", [])
    written = copies = articles = 0
    batch: list[StoredArticle] = []
    while written < events:
        item, count = _article(rng, seed, articles, start)
        batch.append(item)
        articles += 1
        written += count
        if rng.random() < 0.25:
            copy_id = _hash("big-copy", item.article.id)
            copy = Article(id=copy_id, text=item.article.text + " (wire copy)", url=f"https://example.org/{copy_id}", date=item.article.date,
                           title=item.article.title, body_start=item.article.body_start, dateline=item.article.dateline)  # fmt: skip
            batch.append(StoredArticle(copy, DedupeResult("near", item.article.id, 0.9), None))
            copies += 1
        if len(batch) >= BATCH_ARTICLES:
            store.write_batch(run, batch, [])
            batch = []
    if batch:
        store.write_batch(run, batch, [])
    counts = dict(read=articles + copies, duplicates=copies, skipped=0, stored=articles + copies, already=0, warnings=0, words=0, seconds=0.0)
    store.finish_run(run, counts, [])
    return {"articles": articles, "copies": copies, "events": written}


if __name__ == "__main__":
    started = time.monotonic()
    with Store(sys.argv[1]) as target:
        wrote = write_big_store(target, int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    print(f"wrote {wrote} in {time.monotonic() - started:.1f} s")
