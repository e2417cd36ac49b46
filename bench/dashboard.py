"""Dashboard speed in a real browser: time to first render and to apply a filter, on a store you give or a synthetic one.

Starts ``harbinger serve`` on a free 127.0.0.1 port, opens the dashboard in headless Debian Chromium
(``/usr/bin/chromium`` or ``HARBINGER_CHROMIUM``; Playwright never downloads a browser) and reads the
page's own timing (``window.harbingerTiming``): ``firstRender`` is milliseconds from navigation
start until every overview panel (timeline, dyad chart, map, event table) has drawn; each filter
application is milliseconds from the filter change until every panel has redrawn. Each applied
filter is new (a different minimum confidence, type, actor, text or date range), so no answer comes
from the server's response cache. Usage::

    .venv/bin/python bench/dashboard.py STORE [--repeat 5] [--json]
    .venv/bin/python bench/dashboard.py --synthetic 100000      # writes a synthetic store first (tests/dashboard/synthetic_big.py)

Not a test: figures depend on the machine (note its CPU count next to them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("HARBINGER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    port = _free_port()
    log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen([sys.executable, "-m", "harbinger", "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                              stdout=log, stderr=log)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"harbinger serve did not start on {db}:\n{log.read()}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _filters(repeat: int) -> list[tuple[str, str, str]]:
    """(kind, form field, value) for each filter application, every one different."""
    steps = []
    for i in range(repeat):
        steps.append(("min confidence", "min_confidence", f"{0.5 + 0.01 * (i + 1):.2f}"))
        steps.append(("actors", "actors", ["USA", "RUS", "UKR", "FRA", "DEU", "CHN", "USA,RUS", "UKR,RUS", "FRA,DEU", "CHN,USA"][i % 10]))
        steps.append(("text", "q", ["Moscow", "Paris", "Kyiv", "Berlin", "Beijing", "Washington", "Brussels", "talks", "troops", "aid"][i % 10]))
        steps.append(("date range", "since", f"{2019 + i % 3}-{1 + i % 12:02d}-01"))
    return steps


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"n": len(ordered), "median": round(statistics.median(ordered), 1), "max": round(ordered[-1], 1),
            "p90": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1)}  # fmt: skip


def measure(url: str, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict = {"first_render_ms": [], "apply_ms": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(url + "/")
            page.wait_for_selector("body[data-state=ready]", timeout=120_000)
            results["first_render_ms"].append(page.evaluate("window.harbingerTiming.firstRender"))
            context.close()
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url + "/")
        page.wait_for_selector("body[data-state=ready]", timeout=120_000)
        for kind, field, value in _filters(repeat):
            renders = int(page.get_attribute("body", "data-renders") or 0)
            page.fill(f"#filters [name={field}]", value)
            page.dispatch_event(f"#filters [name={field}]", "change")
            page.wait_for_function("n => Number(document.body.dataset.renders) > n && document.body.dataset.state === 'ready'", arg=renders, timeout=120_000)
            results["apply_ms"].setdefault(kind, []).append(page.evaluate("window.harbingerTiming.applies.at(-1)"))
            page.fill(f"#filters [name={field}]", "")
            page.dispatch_event(f"#filters [name={field}]", "change")
            page.wait_for_function("n => Number(document.body.dataset.renders) > n + 1 && document.body.dataset.state === 'ready'", arg=renders, timeout=120_000)
        browser.close()
    return {
        "first_render_ms": {"cold": round(results["first_render_ms"][0], 1), **_summary(results["first_render_ms"])},
        "apply_ms": {kind: _summary(values) for kind, values in results["apply_ms"].items()},
        "apply_ms_all": _summary([v for values in results["apply_ms"].values() for v in values]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", nargs="?", help="a store written by harbinger run")
    parser.add_argument("--synthetic", type=int, metavar="EVENTS", help="write a synthetic store of this many events and measure it")
    parser.add_argument("--repeat", type=int, default=5, help="page loads, and applications of each kind of filter (1–50)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 50:
        parser.error("--repeat must be between 1 and 50")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set HARBINGER_CHROMIUM)")
    with tempfile.TemporaryDirectory() as folder:
        if args.synthetic:
            sys.path.insert(0, str(ROOT))
            from harbinger.store import Store
            from tests.dashboard.synthetic_big import write_big_store

            db = Path(folder) / "synthetic.duckdb"
            with Store(db) as store:
                wrote = write_big_store(store, args.synthetic)
        elif args.store:
            db, wrote = Path(args.store), None
        else:
            parser.error("give a STORE or --synthetic EVENTS")
        with serving(db) as url:
            found = {"store": db.name, "written": wrote, "cpus": os.cpu_count(), **measure(url, args.repeat)}
    if args.json:
        print(json.dumps(found, indent=2))
        return
    print(f"store {found['store']} ({found['cpus']} CPUs){'' if wrote is None else f', synthetic: {wrote}'}")
    first = found["first_render_ms"]
    print(f"first render: cold {first['cold']} ms, median {first['median']} ms, max {first['max']} ms over {first['n']} loads")
    for kind, row in found["apply_ms"].items():
        print(f"apply {kind:<15} median {row['median']:>7} ms  p90 {row['p90']:>7} ms  max {row['max']:>7} ms  (n={row['n']})")
    every = found["apply_ms_all"]
    print(f"apply, all filters: median {every['median']} ms, p90 {every['p90']} ms, max {every['max']} ms")


if __name__ == "__main__":
    main()
