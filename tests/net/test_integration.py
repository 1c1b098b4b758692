"""A real HTTP server on 127.0.0.1, probed through the command line."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from refcheck.cli import main


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def _answer(self, body: bool) -> None:
        Handler.hits.append(f"{self.command} {self.path}")
        if self.path == "/ok":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if body:
                self.wfile.write(b"<html><title>Critical approaches to security in Central Asia</title></html>")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def document(base: str) -> str:
    return (
        "Security is interconnected (Lemon, 2018; Ito, 2019; Kahn, 2020).\n\nReferences\n"
        f"Ito, Ken (2019). Borders. Retrieved from {base}/moved. Accessed on 01.02.2024.\n"
        f"Kahn, Lea (2020). Gone. Retrieved from {base}/gone. Accessed on 01.02.2024.\n"
        f"Lemon, Edward (2018). Critical approaches to security in Central Asia. Retrieved from {base}/ok. Accessed on 01.02.2024.\n"
    )


def test_allow_private_probes_the_local_server(server, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(document(server), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--links", "--allow-private", "--no-suggest-archive",
                                       "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    links = {ref["id"]: ref["links"][0] for ref in data["files"][0]["references"]}
    assert links["R1"]["status"] == "redirected" and links["R1"]["final_url"] == f"{server}/ok"
    assert (links["R2"]["status"], links["R2"]["http_status"]) == ("dead", 404)
    assert links["R3"]["status"] == "alive" and links["R3"]["elapsed_ms"] >= 0
    codes = sorted(f["code"] for f in data["files"][0]["findings"])
    assert codes == ["RC401", "RC404"]
    assert "GET /ok" in Handler.hits


def test_without_the_flag_nothing_reaches_the_server(server, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(document(server), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--links", "--no-cache", str(path)])
    assert Handler.hits == []
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if "RC405" in line]
    assert len(lines) == 3
    assert "127.0.0.1 is a non-public address; use --allow-private to probe it" in lines[0]
