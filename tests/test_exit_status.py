"""Exit statuses where the user meets them: 3 for a bug (one line naming the
file, the traceback only with --debug), 2 for output that cannot be written,
141 for a reader that went away; never a traceback."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from refcheck.cli import _watched
from refcheck.findings import ExitCode
from refcheck.rules import REGISTRY

from ._cli import GOOD, WRONG_YEAR, cli, refcheck, write

# 1. Internal errors: exit 3, one line naming the file, the traceback only with --debug.

def _boom(ctx):
    raise RuntimeError("boom\nsecond line")


def test_internal_error_is_exit_3_with_one_line_naming_the_file(tmp_path, monkeypatch):
    path = write(tmp_path)
    monkeypatch.setattr(REGISTRY["RC103"], "check", _boom)
    result = cli("check", "--isolated", str(path))
    assert result.exit_code == ExitCode.INTERNAL == 3
    assert result.stdout == ""
    assert result.stderr == (f"refcheck: internal error: RuntimeError while checking {path}: boom\\nsecond line "
                             "(a bug in refcheck, please report it; --debug prints the traceback)\n")


@pytest.mark.parametrize("where", [["check", "--debug"], ["--debug", "check"]])
def test_debug_prints_the_traceback(tmp_path, monkeypatch, where):
    path = write(tmp_path)
    monkeypatch.setattr(REGISTRY["RC103"], "check", _boom)
    result = cli(*where, "--isolated", str(path))
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "in _boom" in result.stderr and lines[-3:-1] == ["RuntimeError: boom", "second line"]
    assert lines[-1] == (f"refcheck: internal error: RuntimeError while checking {path}: boom\\nsecond line "
                         "(a bug in refcheck, please report it)")


def test_internal_error_message_is_escaped_and_bounded(tmp_path, monkeypatch):
    def hostile(ctx):
        raise ValueError("\x1b]0;title\x07" + "x" * 1000)

    path = write(tmp_path)
    monkeypatch.setattr(REGISTRY["RC103"], "check", hostile)
    result = cli("check", "--isolated", str(path))
    assert result.stderr == (f"refcheck: internal error: ValueError while checking {path}: \\x1b]0;title\\x07{'x' * 290}… "
                             "(a bug in refcheck, please report it; --debug prints the traceback)\n")
    debug = cli("check", "--debug", "--isolated", str(path)).stderr
    assert "\x1b" not in debug and "\x07" not in debug
    assert f"ValueError: \\x1b]0;title\\x07{'x' * 1000}\n" in debug  # the traceback keeps the whole message


def test_internal_error_in_the_link_phase_and_outside_any_file(tmp_path, monkeypatch):
    import refcheck.api
    import refcheck.output

    path = write(tmp_path)
    monkeypatch.setattr(refcheck.api, "probe_links", lambda *a: {}["missing"])
    result = cli("check", "--isolated", "--links", str(path))
    assert (result.exit_code, result.stderr) == (3, "refcheck: internal error: KeyError while checking the links: "
                                                 "'missing' (a bug in refcheck, please report it; --debug prints the traceback)\n")
    monkeypatch.setattr(refcheck.output, "render", lambda *a, **k: 1 / 0)
    result = cli("check", "--isolated", str(path))
    assert (result.exit_code, result.stderr) == (3, "refcheck: internal error: ZeroDivisionError: division by zero "
                                                 "(a bug in refcheck, please report it; --debug prints the traceback)\n")


def test_internal_error_while_json_is_written_says_the_output_is_incomplete(tmp_path, monkeypatch):
    import functools

    import refcheck.output.json_format as json_format

    path = write(tmp_path)
    monkeypatch.setattr(json_format, "_citation", lambda *a: 1 / 0)
    message = "ZeroDivisionError: division by zero (a bug in refcheck, please report it; --debug prints the traceback)\n"
    # made before anything is written: a plain internal error, and no output
    result = cli("check", "--isolated", "--format", "json", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (3, "", "refcheck: internal error: " + message)
    # after pieces were written (one part per piece): said to be cut short
    monkeypatch.setattr(json_format, "iterencode", functools.partial(json_format.iterencode, chunk=1))
    result = cli("check", "--isolated", "--format", "json", str(path))
    assert result.exit_code == 3 and result.stdout.startswith('{\n  "schema": 2,')
    assert result.stderr == ("refcheck: internal error: ZeroDivisionError while writing the output "
                             "(what was written is incomplete): division by zero (a bug in refcheck, please report it; "
                             "--debug prints the traceback)\n")


def test_internal_error_in_refs_and_an_interrupt(tmp_path, monkeypatch):
    import refcheck.api

    path = write(tmp_path)
    monkeypatch.setattr(refcheck.api, "extract", lambda document: None.references)
    result = cli("refs", str(path))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"refcheck: internal error: AttributeError while checking {path}: ")

    def interrupt(document):
        raise KeyboardInterrupt

    monkeypatch.setattr(refcheck.api, "extract", interrupt)
    result = cli("check", "--isolated", str(path))
    assert (result.exit_code, result.stderr) == (130, "refcheck: error: interrupted\n")


def test_help_documents_exit_3():
    assert "3 internal error (a bug; --debug prints the traceback)" in " ".join(cli("--help").stdout.split())
    assert "--debug" in cli("check", "--help").stdout


# 4. Outputs that cannot be written.

def test_full_disk_is_one_line_exit_2(tmp_path):
    write(tmp_path)
    with open("/dev/full", "w") as full:
        result = refcheck("check", "--isolated", "good.md", cwd=tmp_path, stdout=full)
    assert (result.returncode, result.stderr) == (2, "refcheck: error: cannot write the output: no space left on device\n")


def _closing(fd):
    return lambda: os.close(fd)  # in the child, before refcheck starts: Python sees no stream at all


def test_closed_standard_streams(tmp_path):
    write(tmp_path)
    result = refcheck("check", "--isolated", "good.md", cwd=tmp_path, preexec_fn=_closing(1))
    assert (result.returncode, result.stderr) == (2, "refcheck: error: cannot write the output: standard output is closed\n")
    result = refcheck("check", "--isolated", "-", cwd=tmp_path, preexec_fn=_closing(0))
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "Nothing was checked: 1 path could not be read (<stdin>).\n", "refcheck: error: <stdin>: standard input is closed\n")
    with open("/dev/full", "w") as full:  # nowhere to write, not even the error: still exit 2, not a crash
        result = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "good.md"], cwd=tmp_path,
                                stdout=full, preexec_fn=_closing(2), timeout=30)
    assert result.returncode == 2


def test_closed_pipe_ends_quietly(tmp_path):
    write(tmp_path)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written, as with `| head -0`
    try:
        result = refcheck("check", "--isolated", "good.md", cwd=tmp_path, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_reader_that_stops_after_one_line(tmp_path):
    # `refcheck check big.md | head -1`, through a pipe made small enough that the output cannot fit
    names = ("W" + "".join(letters) for letters in itertools.product("aeiou", "bcdfg", "lmnrs", "aeiou", "bcdfg"))
    write(tmp_path, "big.md", "".join(f"Claim ({name}, 2001).\n" for name in names) + "\n" + GOOD)  # 3125 RC101
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    process = subprocess.Popen([sys.executable, "-m", "refcheck", "check", "--isolated", "big.md"], cwd=tmp_path,
                               stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        first = reader.readline()
    stderr = process.stderr.read()
    assert process.wait(timeout=30) == 141
    assert first == b"big.md:1:8: error[RC101] (Wablab, 2001): no entry in the reference list for Wablab\n"
    assert stderr == b""


def test_ascii_locale_neither_crashes_nor_breaks_json(tmp_path):
    write(tmp_path, "umlaut.md", WRONG_YEAR.replace("Lemon", "Müller"))
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    text = refcheck("check", "--isolated", "umlaut.md", cwd=tmp_path, env=env)
    assert (text.returncode, text.stderr) == (1, "")
    assert text.stdout.splitlines()[0] == "umlaut.md:1:11: error[RC103] (M\\xfcller, 2019): the reference list has M\\xfcller (2018) (suggestion: M\\xfcller, 2018)"
    data = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--format", "json", "umlaut.md"],
                          cwd=tmp_path, env=env, capture_output=True, timeout=30)
    assert data.returncode == 1
    assert json.loads(data.stdout.decode("utf-8"))["files"][0]["references"][0]["authors"][0]["family"] == "Müller"


# 5. The program's own exit: a finished command ends without freeing its objects.

REAL_WATCHED = _watched


class _Exited(Exception):
    pass


@pytest.fixture
def program(monkeypatch):
    """run() with os._exit recorded (and raising), and the collector's state given back."""
    import gc

    from refcheck import cli as cli_module

    codes = []

    def fake_exit(code):
        codes.append(code)
        raise _Exited

    was = gc.isenabled()
    monkeypatch.setattr(os, "_exit", fake_exit)
    monkeypatch.setattr(cli_module, "_watched", lambda: False)  # (a coverage run of the tests is watched)
    yield cli_module, codes
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("status", [0, 1])
def test_a_finished_command_flushes_then_ends_at_once(monkeypatch, program, status):
    import io

    cli_module, codes = program
    written = io.BytesIO()
    stream = io.TextIOWrapper(io.BufferedWriter(written, 1 << 16), encoding="utf-8")  # holds what it is given
    seen = []

    def command():
        sys.stdout.write("the report\n")
        assert written.getvalue() == b""  # still in the buffer
        sys.exit(status)

    def fake_exit(code):
        seen.append((code, written.getvalue()))
        raise _Exited

    monkeypatch.setattr(cli_module, "main", command)
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(os, "_exit", fake_exit)
    with pytest.raises(_Exited):
        cli_module.run()
    assert seen == [(status, b"the report\n")]  # flushed before the end


@pytest.mark.parametrize("status", [2, 3, 130, 141, None])
def test_other_exits_take_the_usual_way(monkeypatch, program, status):
    cli_module, codes = program
    monkeypatch.setattr(cli_module, "main", lambda: sys.exit(status))
    with pytest.raises(SystemExit) as exited:
        cli_module.run()
    assert exited.value.code == status and codes == []


def test_an_unflushable_output_takes_the_usual_way(monkeypatch, program):
    cli_module, codes = program

    class Gone:
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli_module, "main", lambda: sys.exit(1))
    monkeypatch.setattr(sys, "stdout", Gone())
    with pytest.raises(SystemExit):
        cli_module.run()
    assert codes == []


def test_a_watched_run_takes_the_usual_way(monkeypatch, program):
    cli_module, codes = program
    monkeypatch.setattr(cli_module, "_watched", REAL_WATCHED)
    monkeypatch.setattr(cli_module, "main", lambda: sys.exit(1))
    monkeypatch.setattr(sys, "getprofile", lambda: print)  # as under cProfile
    with pytest.raises(SystemExit):
        cli_module.run()
    assert codes == []


def test_a_profiled_run_writes_its_profile(tmp_path):
    write(tmp_path)
    out = tmp_path / "run.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "refcheck", "check", "--isolated",
                             "good.md"], cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 0 and out.stat().st_size > 1000


def test_the_whole_report_arrives_through_a_pipe(tmp_path):
    # a long JSON report, read by a process through a pipe: nothing is lost by the early end
    names = ["W" + "".join(letters) for letters in itertools.product("aeiou", "bcdfg", "lmnrs", "aeiou")]
    write(tmp_path, "big.md", "".join(f"Claim ({name}, 2001).\n" for name in names) + "\n" + GOOD)
    result = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--format", "json", "big.md"],
                            cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 1 and result.stderr == b""
    data = json.loads(result.stdout)
    assert len(data["files"][0]["findings"]) == len(names) == 625
    assert result.stdout.endswith(b"}\n")
