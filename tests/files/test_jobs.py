"""--jobs N: files checked in worker processes, the output byte for byte the same as --jobs 1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from refcheck.api import check_paths
from refcheck.config import Config

from ._docs import CLEAN, DOC, cli, put


def corpus(folder, count: int = 12):
    for number in range(count):
        text = DOC if number % 3 else CLEAN
        put(folder, f"part{number // 5}/doc{number:02}.md", text.replace("Water", f"Water {number}"))
    put(folder, "part0/broken.md", "").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    put(folder, "refcheck.toml", '[severity]\nRC102 = "error"\n')
    put(folder, "part1/refcheck.toml", 'ignore = ["RC103"]\n')


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_output_is_identical_for_any_number_of_jobs(tmp_path, monkeypatch, fmt):
    corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    runs = [cli("check", "--format", fmt, "--jobs", str(jobs), ".", "part0/doc01.md") for jobs in (1, 2, 4)]
    assert runs[0].stdout.count("doc") >= 8  # it did check the files
    assert {(r.exit_code, r.stdout, r.stderr) for r in runs} == {(runs[0].exit_code, runs[0].stdout, runs[0].stderr)}
    assert runs[0].exit_code == 2  # the binary file is an input error, in every run
    assert runs[0].stderr.endswith("refcheck: error: ./part0/broken.md: binary data, not a text document\n")


def test_api_reports_are_equal(tmp_path):
    corpus(tmp_path)
    one, many = (check_paths([str(tmp_path)], Config(), jobs=jobs) for jobs in (1, 3))
    assert [(r.path, r.findings) for r in one.files] == [(r.path, r.findings) for r in many.files]
    assert [str(e) for e in one.errors] == [str(e) for e in many.errors]


def test_jobs_must_be_positive(tmp_path):
    result = cli("check", "--jobs", "0", str(put(tmp_path, "a.md")))
    assert result.exit_code == 2 and "Invalid value for '-j' / '--jobs': must be at least 1" in result.stderr


class _Server(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_HEAD(self):
        type(self).hits.append(self.path)
        self.send_response(404 if self.path == "/gone" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        self.do_HEAD()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Server.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_links_are_probed_once_across_files_and_workers(tmp_path, server, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for number in range(4):
        put(tmp_path, f"d{number}.md", "Rivers (Ito, 2019; Kahn, 2020).\n\nReferences\n"
                                        f"Ito, Ken (2019). Borders. Retrieved from {server}/ok.\n"
                                        f"Kahn, Lea (2020). Gone. Retrieved from {server}/gone.\n")
    outputs = []
    for jobs in ("1", "3"):
        _Server.hits = []
        result = cli("check", "--isolated", "--links", "--allow-private", "--no-cache", "--no-suggest-archive",
                     "--jobs", jobs, ".")
        assert sorted(_Server.hits) == ["/gone", "/ok"]  # one request per URL, not one per file
        outputs.append((result.exit_code, result.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1 and outputs[0][1].count("RC401") == 4


def test_a_bug_in_a_worker_names_the_file(tmp_path, monkeypatch):
    from refcheck.errors import InternalError
    from refcheck.rules import REGISTRY

    for name in ("a.md", "b.md", "c.md"):
        put(tmp_path, name)

    def broken(ctx):
        if ctx.document.path.endswith("b.md"):
            raise ValueError("boom")
        return iter(())

    monkeypatch.setattr(REGISTRY["RC103"], "check", broken)  # the workers are forked after this
    with pytest.raises(InternalError) as caught:
        check_paths([str(tmp_path)], Config(), jobs=2)
    assert (caught.value.path, repr(caught.value.cause)) == (str(tmp_path / "b.md"), "ValueError('boom')")


def test_ctrl_c_stops_the_workers(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    for number in range(1000):  # several seconds of work: the interrupt comes in the middle
        put(tmp_path, f"d{number:04}.md", DOC * 20)
    process = subprocess.Popen([sys.executable, "-m", "refcheck", "check", "--isolated", "--jobs", "2", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr) == (130, "refcheck: error: interrupted\n")


def test_standard_input_beside_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    put(tmp_path, "a.md")
    result = cli("check", "--isolated", "--format", "github", "--jobs", "2", "-", "a.md", input=DOC)
    assert [line.split(",")[0] for line in result.stdout.splitlines() if line.startswith("::")] == [
        "::error file=<stdin>", "::warning file=<stdin>", "::error file=a.md", "::warning file=a.md"]
