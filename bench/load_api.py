"""Load benchmark for ``harbinger serve``: many concurrent clients on loopback, latency, throughput and server memory.

Starts ``harbinger serve`` on a free 127.0.0.1 port over the given store (never anything but
loopback), waits for it, and records its idle RSS. Then ``--clients`` concurrent clients (plain
asyncio streams, one keep-alive connection each; httpx2 only for setup) send ``--requests`` GETs each over the main endpoints,
picked at random (seeded) from what the dashboard asks: stats, event pages, event and article
details, the timeline, the busiest dyads and their series, alerts, quotes. ``--distinct`` varies
every request's parameters (random offsets, dates, thresholds), so no two are alike and no answer
comes from the server's cache; ``--warm`` asks each dashboard question once before measuring, so the
figures are the steady state rather than a cold start. It reports requests/s, p50/p90/p99 latency, status counts (5xx
included), and the server's idle and peak RSS (``VmRSS``/``VmHWM`` from /proc). Last it asks for
the largest answer each endpoint can give under the size bounds and reports the biggest, with the
server's peak RSS while producing it. Everything is bounded: at most 1,000 clients × 1,000 requests,
and ``--deadline`` seconds in all. Usage:

    .venv/bin/python bench/load_api.py STORE [--clients 200] [--requests 20] [--distinct] [--json]

Not a test: figures depend on the machine (note its CPU count next to them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
MAX_CLIENTS = 1_000
MAX_REQUESTS = 1_000
SERIES_POINTS = 5_000  # harbinger.analysis.series.MAX_POINTS, the most periods one series may have


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _status_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB."""
    found = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found


def _reset_peak(pid: int) -> bool:
    """Reset the process's VmHWM to its current RSS (Linux ≥ 4.0); False where that is not allowed."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


class Server:
    """``harbinger serve`` in a child process on a free loopback port."""

    def __init__(self, store: Path, threads: int | None):
        self.port = _free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w+", prefix="harbinger-serve-", suffix=".log", delete=False)
        command = [sys.executable, "-m", "harbinger", "serve", "--db", str(store), "--host", HOST, "--port", str(self.port)]
        if threads:
            command += ["--threads", str(threads)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log, cwd=ROOT)

    def wait_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                if httpx2.get(f"{self.url}/api/health", timeout=2).status_code == 200:
                    return
            except httpx2.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                sys.exit(f"harbinger serve did not start:\n{Path(self.log.name).read_text()}")
            time.sleep(0.2)

    def memory_mib(self) -> dict[str, float]:
        return {key: kib / 1024 for key, kib in _status_kib(self.process.pid).items()}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        os.unlink(self.log.name)


def _dashboard_paths(url: str) -> list[str]:
    """The questions the dashboard asks, over this store's own dyads, events and articles."""
    top = httpx2.get(f"{url}/api/dyads", params={"limit": 10}, timeout=60).json()
    events = httpx2.get(f"{url}/api/events", params={"limit": 10}, timeout=60).json()["items"]
    paths = ["/api/stats", "/api/health", "/api/dyads?limit=30", "/api/alerts?limit=50", "/api/timeline?by=day", "/api/timeline?by=week",
             "/api/events?geocoded=true&limit=500", "/api/events?mode=occurred&limit=25", "/api/quotes?limit=50", "/api/articles?limit=50"]  # fmt: skip
    paths += [f"/api/events?limit=25&offset={offset}" for offset in range(0, 200, 25)]
    paths += [f"/api/series?source={d['source']}&target={d['target']}&by=week&mode=occurred" for d in top]
    paths += [f"/api/series?source={d['source']}&target={d['target']}&by={by}" for d in top[:3] for by in ("day", "month")]
    paths += [f"/api/events/{e['id']}" for e in events] + [f"/api/articles/{e['article_id']}" for e in events[:5]]
    return paths


def _distinct_path(rng: random.Random, first: date, last: date, total_events: int) -> str:
    """One request unlike any other: a random page, date range or threshold."""
    days = max((last - first).days, 1)
    since = first + timedelta(days=rng.randrange(days))
    choices = [
        f"/api/events?limit=25&offset={rng.randrange(max(total_events, 1))}",
        f"/api/events?since={since}&limit=50",
        f"/api/series?since={since}&by=week",
        f"/api/timeline?since={since}&by=day",
        f"/api/articles?since={since}&limit=25",
        f"/api/alerts?threshold={rng.uniform(1.0, 4.0):.6f}&min_events=1",
        f"/api/dyads?limit={rng.randint(1, 500)}",
    ]
    return rng.choice(choices)


class Connection:
    """A minimal HTTP/1.1 keep-alive client over asyncio streams.

    The load clients share the machine with the server, and a full client library spends more CPU
    per request than the server does, so the figures would measure the client. This one writes a
    GET and reads the status, the headers and a Content-Length or chunked body: nothing more.
    """

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, timeout: float = 60) -> tuple[int, int]:
        """``(status, body bytes)`` of ``GET path``; reconnects when the server closed the connection."""
        return await asyncio.wait_for(self._get(path), timeout)

    async def _get(self, path: str) -> tuple[int, int]:
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port, limit=2**20)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\nAccept: */*\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:] if line)}
        if headers.get("transfer-encoding", "").lower() == "chunked":
            size = 0
            while chunk := int((await self.reader.readline()).split(b";")[0], 16):
                size += len(await self.reader.readexactly(chunk + 2)) - 2
            await self.reader.readline()
        else:
            size = len(await self.reader.readexactly(int(headers.get("content-length", 0))))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, size

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _load(port: int, paths: list[str] | None, clients: int, requests: int, deadline: float, seed: int, extent) -> dict:
    latencies: list[float] = []
    slowest: list[tuple[float, float, str]] = []  # (seconds, started after, path)
    statuses: dict[int, int] = {}
    failures: list[str] = []

    async def client(number: int) -> None:
        rng = random.Random(seed * 100_003 + number)
        connection = Connection(port)
        for _ in range(requests):
            if time.monotonic() > deadline:
                break
            path = rng.choice(paths) if paths else _distinct_path(rng, *extent)
            start = time.perf_counter()
            try:
                status, _ = await connection.get(path)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as error:
                failures.append(f"{path}: {type(error).__name__}")
                await connection.close()
                continue
            latencies.append(time.perf_counter() - start)
            slowest.append((latencies[-1], start - started, path))
            statuses[status] = statuses.get(status, 0) + 1
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    seconds = time.perf_counter() - started
    latencies.sort()

    def quantile(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    return {
        "requests": len(latencies), "seconds": round(seconds, 2), "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(quantile(0.50), 1), "p90_ms": round(quantile(0.90), 1), "p99_ms": round(quantile(0.99), 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        "statuses": dict(sorted(statuses.items())), "errors_5xx": sum(n for code, n in statuses.items() if code >= 500),
        "transport_failures": len(failures), "failure_examples": failures[:5],
        "slowest": [{"ms": round(s * 1000, 1), "started_at_s": round(at, 2), "path": path} for s, at, path in sorted(slowest, reverse=True)[:5]],
    }  # fmt: skip


def _largest_answers(server: Server, stats: dict) -> list[dict]:
    """The largest answer of each endpoint under the bounds, each with the server's peak RSS while producing it."""
    last = date.fromisoformat(stats["last_event_date"]) if stats["last_event_date"] else date.today()
    articles = []
    for offset in range(0, max(stats["articles"], 1), 500):
        articles += httpx2.get(f"{server.url}/api/articles", params={"limit": 500, "offset": offset}, timeout=60).json()["items"]
    wordiest = max(articles, key=lambda a: a["words"] or 0)["id"] if articles else "none"
    candidates = [
        f"/api/series?by=day&since={last - timedelta(days=SERIES_POINTS - 1)}&until={last}&mode=all",
        "/api/events?limit=500", "/api/events?limit=500&order=most_hostile",
        "/api/timeline?by=day&mode=all", "/api/quotes?limit=500", "/api/articles?limit=500", "/api/dyads?limit=500&mode=all",
        "/api/alerts?limit=500&threshold=0.01&min_events=1&min_baseline_weeks=1&baseline_weeks=1",
        f"/api/articles/{wordiest}", "/openapi.json", "/docs", "/",
    ]  # fmt: skip
    answers = []
    for path in candidates:
        peak_reset = _reset_peak(server.process.pid)
        before = server.memory_mib()
        sampled = [before["VmRSS"]]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.005):
                sampled.append(server.memory_mib()["VmRSS"])

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        start = time.perf_counter()
        response = httpx2.get(f"{server.url}{path}", timeout=120)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        after = server.memory_mib()
        peak = after["VmHWM"] if peak_reset else max(sampled)
        answers.append({"path": path, "status": response.status_code, "bytes": len(response.content), "ms": round(seconds * 1000, 1),
                        "rss_before_mib": round(before["VmRSS"], 1), "peak_rss_mib": round(peak, 1)})  # fmt: skip
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a store written by 'harbinger run'")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20, help="requests per client")
    parser.add_argument("--distinct", action="store_true", help="vary every request, so none is answered from the cache")
    parser.add_argument("--warm", action="store_true", help="ask each dashboard question once before measuring")
    parser.add_argument("--threads", type=int, help="passed to 'harbinger serve --threads'")
    parser.add_argument("--deadline", type=float, default=300, help="seconds for the whole load phase")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 1 <= args.requests <= MAX_REQUESTS:
        parser.error(f"--clients and --requests must be between 1 and {MAX_CLIENTS:,}")
    if not args.store.exists():
        parser.error(f"no store at {args.store}")

    server = Server(args.store, args.threads)
    try:
        server.wait_ready()
        time.sleep(1)
        idle = server.memory_mib()["VmRSS"]
        stats = httpx2.get(f"{server.url}/api/stats", timeout=60).json()
        first = date.fromisoformat(stats["first_event_date"] or "2000-01-01")
        last = date.fromisoformat(stats["last_event_date"] or "2000-01-02")
        paths = None if args.distinct else _dashboard_paths(server.url)
        if args.warm and paths:
            for path in paths:
                httpx2.get(f"{server.url}{path}", timeout=60)
        _reset_peak(server.process.pid)
        load = asyncio.run(
            _load(server.port, paths, args.clients, args.requests, time.monotonic() + args.deadline, args.seed, (first, last, stats["events"]))
        )
        memory = server.memory_mib()
        answers = _largest_answers(server, stats)
    finally:
        server.stop()
    biggest = max(answers, key=lambda a: a["bytes"])
    report = {
        "store": str(args.store), "cpus": os.cpu_count(), "clients": args.clients, "requests_per_client": args.requests,
        "distinct": args.distinct, "warm": args.warm, **load,
        "server_idle_rss_mib": round(idle, 1), "server_peak_rss_mib": round(memory["VmHWM"], 1),
        "server_rss_after_mib": round(memory["VmRSS"], 1), "peak_over_idle": round(memory["VmHWM"] / idle, 2),
        "biggest_answer": biggest, "largest_answers": answers,
    }  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    mix = "distinct requests" if args.distinct else "dashboard mix" + (", warm cache" if args.warm else ", cold cache")
    print(f"{args.clients} clients × {args.requests} requests ({mix}) on {os.cpu_count()} CPUs")
    print(f"  {load['requests']:,} answered in {load['seconds']} s: {load['requests_per_s']} requests/s")
    print(f"  latency p50 {load['p50_ms']} ms, p90 {load['p90_ms']} ms, p99 {load['p99_ms']} ms, max {load['max_ms']} ms")
    print(f"  statuses {load['statuses']}, 5xx {load['errors_5xx']}, transport failures {load['transport_failures']}")
    print("  slowest: " + "; ".join(f"{s['ms']} ms at {s['started_at_s']} s {s['path']}" for s in load["slowest"][:3]))
    print(f"  server RSS idle {idle:.0f} MiB, peak {memory['VmHWM']:.0f} MiB ({report['peak_over_idle']}× idle)")
    print("largest answers under the bounds:")
    for answer in sorted(answers, key=lambda a: -a["bytes"]):
        memory_use = f"RSS {answer['rss_before_mib']:.0f} → peak {answer['peak_rss_mib']:.0f} MiB"
        print(f"  {answer['bytes']:>10,} B  {answer['status']}  {answer['ms']:>7} ms  {memory_use}  {answer['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
