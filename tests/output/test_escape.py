"""Output injection: file names, document text and fetched page titles reach
the terminal, the CI log and JSON readers escaped, never raw."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from refcheck.cli import main
from refcheck.output.escape import json_safe, printable
from refcheck.output.github import _data, _property

GOOD = "Security (Lemon, 2018).\n\nReferences\nLemon, Edward (2018). Critical approaches. Survey.\n"
FORGED = "x\n::error file=a.py,line=1::FORGED\n.md"
STOP = "::stop-commands::tok\n.md"
HOSTILE = "No year here \x1b[2J\x1b]0;pwn\x07 \u009b31m \u202eevil\u2069 entry."
SHOWN = "No year here \\x1b[2J\\x1b]0;pwn\\x07 \\x9b31m \\u202eevil\\u2069 entry."
RAW = ("\x1b", "\x07", "\u009b", "\u202e", "\u2069")


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_printable_escapes_controls_bidi_and_undecodable_bytes():
    assert printable("\x00\x07\t\n\r\x1b\x7f\x85\x9b\u202a\u202e\u2066\u2069\udcff\ud800") == (
        "\\x00\\x07\\t\\n\\r\\x1b\\x7f\\x85\\x9b\\u202a\\u202e\\u2066\\u2069\\xff\\ud800")
    plain = "Müller (2020): «Grenzen» — 東京 \\ C:\\path 🙂 \u200b"
    assert printable(plain) == plain


def test_workflow_command_encoding():
    assert _data("50%\r\nnext \x1b[31m") == "50%25%0D%0Anext \\x1b[31m"
    assert _property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"
    assert json_safe('{"p": "caf\udce9"}') == '{"p": "caf\\udce9"}'


@pytest.mark.parametrize("name, shown", [
    (FORGED, "x\\n::error file=a.py,line=1::FORGED\\n.md"),
    (STOP, "::stop-commands::tok\\n.md"),
    ("\u202eevil.md", "\\u202eevil.md"),
])
def test_file_names_in_error_lines_cannot_forge_lines(tmp_path, name, shown):
    (tmp_path / name).write_bytes(b"\x00\x01")
    result = cli("check", "--isolated", "--format", "github", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {tmp_path}/{shown}: binary data, not a text document\n"


def test_file_names_in_annotations_are_encoded(tmp_path):
    (tmp_path / FORGED).write_text(GOOD.replace("2018).", "2019).", 1), encoding="utf-8")
    (tmp_path / STOP).write_text(GOOD.replace("2018).", "2019).", 1), encoding="utf-8")
    result = cli("check", "--isolated", "--format", "github", str(tmp_path))
    lines = result.stdout.splitlines()
    folder = _property(str(tmp_path))
    assert [line.split(",line=")[0] for line in lines[:2]] == [
        f"::error file={folder}/%3A%3Astop-commands%3A%3Atok%0A.md",
        f"::error file={folder}/x%0A%3A%3Aerror file=a.py%2Cline=1%3A%3AFORGED%0A.md",
    ]
    assert len(lines) == 3 and lines[2].startswith("Found 2 problems")
    text = cli("check", "--isolated", "--no-color", str(tmp_path)).stdout.splitlines()
    assert text[1] == (f"{tmp_path}/x\\n::error file=a.py,line=1::FORGED\\n.md:1:11: error[RC103] (Lemon, 2019): "
                       "the reference list has Lemon (2018) (suggestion: Lemon, 2018)")


def test_document_text_is_escaped_in_text_github_and_refs(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(f"Text.\n\nReferences\n{HOSTILE}\nLemon, E. (2018). Title \x1b[31mred\x1b[0m. Survey.\n", encoding="utf-8")
    message = f'info[RC110] cannot read this entry (no year or date found): "{SHOWN}"'
    text = cli("check", "--isolated", "--color", str(path)).stdout
    assert re.fullmatch(r"\x1b\[1;3[136]minfo\[RC110\]\x1b\[0m", text.splitlines()[0].split(" ")[1])  # refcheck's own colour
    assert re.sub(r"\x1b\[(?:1;3[136]|0)m", "", text.splitlines()[0]) == f"{path}:4:1: {message}"
    github = cli("check", "--isolated", "--format", "github", str(path)).stdout
    assert github.splitlines()[0].endswith(f"::{message[12:]}")
    refs = cli("refs", str(path)).stdout
    assert refs.splitlines()[5].split() == ["R2", "5", "Lemon,", "E.", "2018", "Title", "\\x1b[31mred\\x1b[0m", "-"]
    for output in (re.sub(r"\x1b\[(?:1;3[136]|0)m", "", text), github, refs):
        assert not any(char in output for char in RAW)


def test_refs_header_and_cache_path_are_escaped(tmp_path):
    path = tmp_path / "a\x1b]0;t\x07.md"
    path.write_text(GOOD, encoding="utf-8")
    result = cli("refs", str(path))
    assert result.stdout.splitlines()[0].startswith(f"{tmp_path}/a\\x1b]0;t\\x07.md: 1 reference, 1 citation (style ")
    folder = tmp_path / "cache\x1b[2J"
    result = cli("cache", "clear", "--cache-dir", str(folder))
    assert result.stdout == f"Cleared 0 cached links from {tmp_path}/cache\\x1b[2J/links.sqlite3.\n"


class _Page(BaseHTTPRequestHandler):
    body = b"<html><head><title>\x1b]0;owned\x07Other \x1b[2Jpage\xe2\x80\xae</title></head></html>"

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()

    def do_GET(self):
        self.do_HEAD()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_fetched_page_title_is_escaped(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/drone-production-plans"
        path = tmp_path / "doc.md"
        path.write_text(f"Cited (Bicer, 2022).\n\nReferences\nBicer, Aysu (2022). Drone production plans. "
                        f"Retrieved from {url}\n", encoding="utf-8")
        args = ["check", "--isolated", "--links", "--allow-private", "--no-cache", "--no-suggest-archive", "--select", "RC406"]
        result = cli(*args, str(path))
    finally:
        server.shutdown()
        server.server_close()
    assert result.stdout.splitlines()[0] == (
        f'{path}:4:60: warning[RC406] Bicer (2022): the page is titled "\\x1b]0;owned\\x07Other \\x1b[2Jpage\\u202e", '
        'the entry "Drone production plans"')


def test_non_utf8_file_names_keep_json_valid_and_lossless(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.md", "w", encoding="utf-8") as handle:
        handle.write(GOOD.replace("2018).", "2019).", 1))
    with open(folder + b"/bin\xff.md", "wb") as handle:
        handle.write(b"\x00\x01")
    result = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--format", "json", "."],
                            cwd=tmp_path, capture_output=True, timeout=30)
    assert result.returncode == 2
    data = json.loads(result.stdout.decode("utf-8"))  # valid UTF-8, valid JSON
    assert [os.fsencode(f["path"]) for f in data["files"]] == [b"./caf\xe9.md"]
    assert os.fsencode(data["files"][0]["findings"][0]["path"]) == b"./caf\xe9.md"
    assert [(os.fsencode(e["path"]), e["kind"], e["problem"]) for e in data["errors"]] == [
        (b"./bin\xff.md", "binary", "binary data, not a text document")]
    assert b'"path": "./caf\\udce9.md"' in result.stdout
    assert result.stderr == b"refcheck: error: ./bin\\xff.md: binary data, not a text document\n"
    text = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "."], cwd=tmp_path,
                          capture_output=True, timeout=30)
    assert text.stdout.decode("utf-8").startswith("./caf\\xe9.md:1:11: error[RC103] ")
