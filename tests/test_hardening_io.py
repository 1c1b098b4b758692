"""Hostile input met where the user meets it, the command line: reads that
never end, config files of the wrong shape, paths skipped without a word, a
summary that must not claim "No problems found" over what was not read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import refcheck.readers.files as files
from refcheck.config import STYLES

from ._cli import GOOD, NOT_REGULAR, WRONG_YEAR, cli, refcheck, write

# 2. Reads that never end: only regular files, every read bounded.

def test_fifo_given_directly_inside_a_folder_and_as_config(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    write(tmp_path)
    result = refcheck("check", "--isolated", "pipe.md", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "Nothing was checked: 1 path could not be read (pipe.md).\n",
        f"refcheck: error: pipe.md: a named pipe (FIFO), {NOT_REGULAR}\n")
    result = refcheck("check", "--isolated", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"refcheck: error: ./pipe.md: a named pipe (FIFO), {NOT_REGULAR}\n"
    assert result.stdout == "No problems found in the files that were read (1 file, 1 reference, 1 citation, style apa7); 1 path could not be read (./pipe.md).\n"
    result = refcheck("check", "--config", "pipe.md", "good.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"refcheck: error: pipe.md: cannot read: a named pipe (FIFO), {NOT_REGULAR}\n")


def test_refs_refuses_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    result = refcheck("refs", "pipe.md", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"refcheck: error: pipe.md: a named pipe (FIFO), {NOT_REGULAR}\n")


def test_fifo_found_as_refcheck_toml(tmp_path):
    os.mkfifo(tmp_path / "refcheck.toml")
    write(tmp_path)
    result = refcheck("check", "good.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, f"refcheck: error: {tmp_path / 'refcheck.toml'}: cannot read: a named pipe (FIFO), {NOT_REGULAR}\n")


def test_fifo_swapped_in_after_the_check_is_caught_without_blocking(tmp_path):
    # os.stat is made to say "regular file", as if the path were swapped between stat and open
    os.mkfifo(tmp_path / "swapped.md")
    code = ("import os, stat, sys\nimport refcheck.readers.files as f\nreal = os.stat(sys.argv[1])\n"
            "f.os = type('os', (), {**{k: getattr(os, k) for k in dir(os) if not k.startswith('__')}, "
            "'stat': staticmethod(lambda p: os.stat_result((stat.S_IFREG | 0o644,) + tuple(real)[1:]))})\n"
            "try:\n    f.read_regular(sys.argv[1])\nexcept Exception as exc:\n    print(exc)\n")
    result = subprocess.run([sys.executable, "-c", code, "swapped.md"], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert (result.stdout, result.stderr) == (f"swapped.md: a named pipe (FIFO), {NOT_REGULAR}\n", "")


def test_symlink_to_dev_zero_is_refused(tmp_path):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    result = refcheck("check", "--isolated", "zero.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"refcheck: error: zero.md: a character device, {NOT_REGULAR}\n")


def test_socket_is_refused(tmp_path, monkeypatch):
    import socket

    monkeypatch.chdir(tmp_path)  # a short name: socket paths are limited to about 100 bytes
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("sock.md")
        result = cli("check", "--isolated", "sock.md")
    finally:
        server.close()
    assert (result.exit_code, result.stderr) == (2, f"refcheck: error: sock.md: a socket, {NOT_REGULAR}\n")


def test_stdin_is_bounded_like_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", len(GOOD))
    result = cli("check", "--isolated", "-", input=GOOD)
    assert (result.exit_code, result.stdout) == (0, "No problems found (1 file, 1 reference, 1 citation, style apa7).\n")
    result = cli("check", "--isolated", "-", input=GOOD + "x")
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: <stdin>: too large (more than {len(GOOD)} bytes, the limit)\n"
    path = write(tmp_path, text=GOOD + "x")
    result = cli("check", "--isolated", str(path))
    assert result.stderr == f"refcheck: error: {path}: file too large ({len(GOOD) + 1} bytes; the limit is {len(GOOD)})\n"


def test_endless_stdin_reads_at_most_limit_plus_one():
    class Endless:
        given = 0

        def read(self, size):
            self.given += size
            return b"(" * size

    stream = Endless()
    with pytest.raises(Exception, match=r"<stdin>: too large \(more than 5000000 bytes"):
        files.read_stream("<stdin>", stream, 5_000_000)
    assert stream.given == 5_000_001


def test_endless_stdin_through_a_real_pipe(tmp_path, monkeypatch):
    # /dev/zero as standard input: refused after the limit, not after the memory runs out
    code = ("import sys, refcheck.readers.files as f; f.MAX_BYTES = 1 << 20; "
            "from refcheck.cli import main; sys.argv = ['refcheck', 'check', '--isolated', '-']; main()")
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([sys.executable, "-c", code], stdin=zero, capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "refcheck: error: <stdin>: too large (more than 1048576 bytes, the limit)\n")


# 3. Configuration of the wrong shape: one line, exit 2.

@pytest.mark.parametrize("name, text, problem", [
    ("pyproject.toml", "tool = 1\n", "[tool] must be a table, not an integer"),
    ("pyproject.toml", "[tool]\nrefcheck = \"on\"\n", "[tool.refcheck] must be a table, not a string"),
    ("refcheck.toml", "tool = \"x\"\n", "[tool] must be a table, not a string"),
    ("refcheck.toml", "select = 1\n", "select: expected a list of rule codes, got 1"),
    ("refcheck.toml", "severity = 3\n", "severity must be a table of CODE = \"error|warning|info\""),
    ("refcheck.toml", "[severity]\nRC102 = 1\n", "severity.RC102: expected error, warning or info, got 1"),
    ("refcheck.toml", "fail-on = 2\n", "fail-on: expected error, warning or info, got 2"),
    ("refcheck.toml", "style = [\"apa7\"]\n", f"style: unknown style ['apa7'] (use one of {', '.join(STYLES)})"),
    ("refcheck.toml", "exclude = \"x\"\n", "exclude: expected a list of path globs (gitignore syntax)"),
    ("refcheck.toml", "[links]\nexclude = \"x\"\n", "links.exclude: expected a list of regular expressions"),
    ("refcheck.toml", "cache-ttl = 1.5\n", "cache-ttl must be a positive integer"),
    ("refcheck.toml", "user-agent = \"a\\r\\nX-Evil: 1\"\n", "user-agent must be printable ASCII (it is sent as an HTTP header)"),
    ("refcheck.toml", "user-agent = \"bot é\"\n", "user-agent must be printable ASCII (it is sent as an HTTP header)"),
])
def test_config_of_the_wrong_shape(tmp_path, monkeypatch, name, text, problem):
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    write(tmp_path)
    monkeypatch.chdir(tmp_path)
    for args in (["--config", str(config)], []):  # given, and discovered from the current folder
        result = cli("check", *args, "good.md")
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"refcheck: error: {config}: {problem}\n")


@pytest.mark.parametrize("value", ["[" * 50000 + "]" * 50000, "{a = " * 5000 + "1" + "}" * 5000])
def test_config_nested_too_deeply(tmp_path, value):
    config = tmp_path / "refcheck.toml"
    config.write_text(f"x = {value}\n", encoding="utf-8")
    result = cli("check", "--config", str(config), str(write(tmp_path)))
    assert (result.exit_code, result.stderr) == (2, f"refcheck: error: {config}: invalid TOML: arrays or tables nested too deeply\n")


def test_config_not_utf8_and_broken_link(tmp_path):
    config = tmp_path / "refcheck.toml"
    config.write_bytes(b'style = "caf\xe9"\n')
    path = write(tmp_path)
    result = cli("check", "--config", str(config), str(path))
    assert (result.exit_code, result.stderr) == (2, f"refcheck: error: {config}: not UTF-8 text (byte 13): TOML files are UTF-8\n")
    config.unlink()
    config.symlink_to(tmp_path / "gone.toml")
    result = cli("check", "--config", str(config), str(path))
    assert (result.exit_code, result.stderr) == (2, f"refcheck: error: {config}: cannot read: broken symbolic link (its target does not exist)\n")


# 6. Nothing skipped without a word.

def test_symlinked_folder_is_a_note(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "elsewhere.md", WRONG_YEAR)
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs)
    (docs / "linked").symlink_to(outside)
    result = cli("check", "--isolated", str(docs))
    assert result.exit_code == 0
    assert result.stderr == f"refcheck: note: {docs / 'linked'}: symbolic link to a folder, not followed (name it to check it)\n"
    assert result.stdout == "No problems found (1 file, 1 reference, 1 citation, style apa7).\n"
    assert cli("check", "--isolated", str(docs / "linked")).exit_code == 1  # named, it is checked
    data = json.loads(cli("check", "--isolated", "--format", "json", str(docs)).stdout)
    assert (data["errors"], data["notes"]) == ([], [f"{docs / 'linked'}: symbolic link to a folder, not followed (name it to check it)"])


def test_symlink_loop_and_broken_link_are_named(tmp_path):
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    loop = "symlink loop (too many levels of symbolic links)"
    broken = "broken symbolic link (its target does not exist)"
    result = cli("check", "--isolated", str(tmp_path / "loop.md"), str(tmp_path / "gone.md"))
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {tmp_path / 'loop.md'}: {loop}\nrefcheck: error: {tmp_path / 'gone.md'}: {broken}\n"
    write(tmp_path)
    result = cli("check", "--isolated", str(tmp_path))  # met inside a folder
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {tmp_path / 'gone.md'}: {broken}\nrefcheck: error: {tmp_path / 'loop.md'}: {loop}\n"


def _depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame:
        frame, depth = frame.f_back, depth + 1
    return depth


def test_folder_deeper_than_the_python_stack(tmp_path):
    # a stack of 150 frames more than the test already uses, and a tree 300 folders deep
    folders = [tmp_path / "deep"]
    for _ in range(300):
        folders.append(folders[-1] / "a")
    for folder in folders:
        folder.mkdir()
    write(folders[-1])
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + 150)
    try:
        result = cli("check", "--isolated", str(folders[0]))
    finally:
        sys.setrecursionlimit(limit)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", "No problems found (1 file, 1 reference, 1 citation, style apa7).\n")


def _without_root_powers():
    """Run as root, a process still reads everything: drop the capabilities that
    bypass file permissions (setpriv), or skip."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def test_unreadable_subfolder_and_file_are_errors(tmp_path):
    write(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked, "inside.md", WRONG_YEAR)
    secret = write(tmp_path, "secret.md")
    locked.chmod(0)
    secret.chmod(0)
    try:
        command = [*_without_root_powers(), sys.executable, "-m", "refcheck", "check", "--isolated", "."]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == ("refcheck: error: ./locked: cannot read this folder: permission denied\n"
                             "refcheck: error: ./secret.md: permission denied\n")
    assert result.stdout == "No problems found in the files that were read (1 file, 1 reference, 1 citation, style apa7); 2 paths could not be read (./locked, ./secret.md).\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(WRONG_YEAR.replace("\n", "\r\n").encode(encoding))
    result = cli("check", "--isolated", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{path}:1:11: error[RC103] (Lemon, 2019): the reference list has Lemon (2018) (suggestion: Lemon, 2018)"


def test_binary_with_nul_bytes_stays_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 4)  # NULs, but not every other byte
    assert cli("check", "--isolated", str(path)).stderr == f"refcheck: error: {path}: binary data, not a text document\n"
    path.write_bytes("A\x00\x01B".encode("utf-16-le") * 50)  # UTF-16 shaped, but control characters
    assert cli("check", "--isolated", str(path)).stderr == f"refcheck: error: {path}: binary data, not a text document\n"


# 7. The summary never says "No problems found" over an unread file.

def test_summary_counts_what_could_not_be_read(tmp_path):
    good = write(tmp_path)
    wrong = write(tmp_path, "wrong.md", WRONG_YEAR)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = cli("check", "--isolated", str(good), str(bad))
    assert (result.exit_code, result.stdout) == (
        2, f"No problems found in the files that were read (1 file, 1 reference, 1 citation, style apa7); 1 path could not be read ({bad}).\n")
    result = cli("check", "--isolated", str(wrong), str(bad), str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == f"Found 1 problem: 1 error (1 file, 1 reference, 1 citation, style apa7); 2 paths could not be read ({bad}, {tmp_path / 'missing.md'})."
    result = cli("check", "--isolated", "--format", "github", str(bad))
    assert (result.exit_code, result.stdout) == (2, f"Nothing was checked: 1 path could not be read ({bad}).\n")
