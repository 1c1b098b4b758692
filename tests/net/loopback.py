"""A real HTTP server on 127.0.0.1 whose answers a test writes as plain functions."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from refcheck.config import Config


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@contextlib.contextmanager
def serve(answer):
    """Run ``answer(handler)`` for every request (HEAD and GET); yield
    (base URL, list of "METHOD /path Host" lines seen)."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self):
            seen.append(f"{self.command} {self.path} {self.headers.get('Host')}")
            try:
                answer(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        do_GET = do_HEAD = _any

        def log_message(self, *args):
            pass

    httpd = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def reply(handler, status=200, headers=(), body=b""):
    handler.send_response(status)
    for name, value in headers:
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command == "GET":
        handler.wfile.write(body)


def document(*urls: str) -> str:
    """A document citing one reference per URL."""
    names = ["Abe", "Baker", "Cruz", "Dahl", "Ekin", "Frey"][: len(urls)]
    cites = "; ".join(f"{n}, 2020" for n in names)
    entries = "".join(f"{n}, Kim (2020). Notes number {i}. Retrieved from {u}. Accessed on 01.02.2024.\n"
                      for i, (n, u) in enumerate(zip(names, urls)))
    return f"Prose cites them ({cites}).\n\nReferences\n{entries}"


def link_config(**kw) -> Config:
    return Config(links=True, **kw)


def links_of(report) -> dict[str, object]:
    """written URL -> LinkStatus of the one file checked."""
    return dict(report.files[0].link_status)


def findings(report, *codes) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.code, f.message) for f in report.files[0].findings if not codes or f.code in codes]
