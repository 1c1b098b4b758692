"""The command line: options, output, exit codes and error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from refcheck.cli import main

DOC = """Security is interconnected (Lemon, 2019). Trade grew (Kumar, 2015).

References
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
"""


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(tmp_path, name="doc.md", text=DOC):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_output_sorted_with_summary(tmp_path):
    path = write(tmp_path)
    result = invoke("check", "--isolated", "--no-color", path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:1:29: error[RC103] (Lemon, 2019): the reference list has Lemon (2018) (suggestion: Lemon, 2018)",
        f"{path}:1:55: error[RC101] (Kumar, 2015): no entry in the reference list for Kumar",
        f"{path}:5:1: warning[RC102] Yuneman (2023) is listed but never cited",
        "Found 3 problems: 2 errors, 1 warning (1 file, 2 references, 2 citations, style apa7).",
    ]


def test_fail_on_and_select(tmp_path):
    path = write(tmp_path)
    assert invoke("check", "--isolated", "--select", "RC102", path).exit_code == 0
    assert invoke("check", "--isolated", "--select", "RC102", "--fail-on", "warning", path).exit_code == 1
    result = invoke("check", "--isolated", "--ignore", "RC10", path)
    assert result.exit_code == 0
    assert result.output == "No problems found (1 file, 2 references, 2 citations, style apa7).\n"


def test_json_contract(tmp_path):
    path = write(tmp_path)
    result = invoke("check", "--isolated", "--format", "json", path)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["schema"] == 2 and data["refcheck"]
    (doc,) = data["files"]
    assert doc["references"][0]["authors"] == [{"family": "Lemon", "given": "Edward"}]
    assert doc["references"][0]["accessed"] is None
    assert doc["citations"][1]["reference"] is None
    assert doc["findings"][0] == {
        "path": path, "line": 1, "col": 29, "end_line": 1, "end_col": 40, "code": "RC103",
        "name": "year-mismatch", "severity": "error",
        "message": "(Lemon, 2019): the reference list has Lemon (2018)", "suggestion": "Lemon, 2018",
        "citation": "C1", "reference": "R1",
        "fix": {"applicability": "unsafe", "replacement": "2018", "line": 1, "col": 36, "end_line": 1, "end_col": 40,
                "start": 35, "end": 39},
    }
    assert data["summary"] == {"files": 1, "references": 2, "citations": 2,
                               "findings": {"error": 2, "warning": 1, "info": 0}}


def test_output_is_deterministic(tmp_path):
    path = write(tmp_path)
    first = invoke("check", "--isolated", "--format", "json", path).output
    assert all(invoke("check", "--isolated", "--format", "json", path).output == first for _ in range(3))


def test_stdin(tmp_path):
    result = invoke("check", "--isolated", "-", input=DOC)
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:29: error[RC103]")


def test_folder_recursion_is_sorted_and_skips_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path / "b", "z.txt")
    write(tmp_path, "a.md")
    write(tmp_path, "notes.odt", "not read")
    result = invoke("check", "--isolated", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt")]


def test_missing_file_is_exit_2_with_one_line(tmp_path):
    missing = str(tmp_path / "nope.md")
    result = CliRunner().invoke(main, ["check", missing])
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {missing}: no such file or directory\n"


def test_unsupported_format_named(tmp_path):
    path = write(tmp_path, "paper.odt", "not read")
    result = CliRunner().invoke(main, ["check", path])
    assert result.exit_code == 2
    assert f"refcheck: error: {path}: unsupported input format '.odt'" in result.output


def test_bad_style_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["check", "--style", "mla", write(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for '--style'" in result.output


def test_unknown_rule_code(tmp_path):
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "RC999", write(tmp_path)])
    assert result.exit_code == 2
    assert "refcheck: error: --select: unknown rule code, prefix or name 'RC999' (see `refcheck rules`)" in result.output


def test_config_file_applies_and_validates(tmp_path):
    path = write(tmp_path)
    config = tmp_path / "refcheck.toml"
    config.write_text('ignore = ["RC101", "RC103"]\n[severity]\nRC102 = "error"\n', encoding="utf-8")
    result = invoke("check", "--config", str(config), path)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Found 1 problem: 1 error (1 file, 2 references, 2 citations, style apa7)."
    config.write_text('colour = "red"\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["check", "--config", str(config), path])
    assert bad.exit_code == 2
    assert f"{config}: unknown key 'colour' in refcheck settings" in bad.output


def test_config_discovered_in_pyproject(tmp_path, monkeypatch):
    path = write(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.refcheck]\nselect = ["RC102"]\nfail-on = "warning"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", path)
    assert result.exit_code == 1
    assert [line.split(": ")[1].split()[0] for line in result.output.splitlines()[:-1]] == ["warning[RC102]"]


def test_rule_and_rules_commands():
    result = invoke("rule", "rc103")
    assert result.exit_code == 0
    assert result.output.startswith("RC103 year-mismatch: the cited author is listed, with another year.\nDefault severity: error\n")
    assert "Why is this bad?" in result.output
    listing = invoke("rules").output.splitlines()
    assert listing[0].startswith("RC100  no-reference-list")
    from refcheck.rules import REGISTRY

    assert [line.split()[0] for line in listing] == list(REGISTRY)
    assert CliRunner().invoke(main, ["rule", "RC999"]).exit_code == 2


def test_refs_table(tmp_path):
    result = invoke("refs", write(tmp_path))
    lines = result.output.splitlines()
    assert lines[0].endswith("2 references, 2 citations (style apa7)")
    assert lines[4].split() == ["R1", "4", "Lemon,", "Edward", "2018", "Critical", "approaches", "to", "security", "in", "Central", "…", "C1"]
    assert lines[-2].split()[:2] == ["C1", "1:29"]
    assert lines[-2].split()[-2:] == ["R1", "(year)"]
    assert lines[-1].split()[-2:] == ["-", "(none)"]


def test_python_dash_m_and_import_is_light():
    code = "import sys, refcheck; print(sorted(m for m in ('click', 'refcheck.api', 'charset_normalizer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    version = subprocess.run([sys.executable, "-m", "refcheck", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("refcheck, version ")


def test_check_does_not_load_charset_detection_for_utf8(tmp_path):
    path = write(tmp_path)
    code = (f"import sys\nfrom refcheck.api import check_paths\ncheck_paths([{path!r}])\n"
            "print([m for m in ('charset_normalizer', 'httpx', 'rich', 'sqlite3') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ})
    assert out.stdout.strip() == "[]"


# what a plain check of a text document must not load: the network, the terminal
# renderer, the readers of other formats and their libraries, hashing (for --fix)
NOT_FOR_A_PLAIN_CHECK = (
    "httpx", "httpcore", "ssl", "socket", "rich", "sqlite3", "charset_normalizer", "hashlib", "zipfile", "html.parser",
    "xml.etree.ElementTree", "defusedxml", "pypdf", "docx", "bibtexparser", "yaml", "refcheck.net",
    "refcheck.readers.html", "refcheck.readers.pdf", "refcheck.readers.docx", "refcheck.readers.jats",
    "refcheck.readers.latex", "refcheck.readers.bibliography", "refcheck.output.json_format", "refcheck.output.sarif",
)


def test_a_plain_check_loads_only_what_it_uses(tmp_path):
    path = write(tmp_path, "doc.txt")
    code = ("import sys\nfrom refcheck.cli import main\n"
            f"sys.argv = ['refcheck', 'check', '--isolated', {path!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('loaded:', sorted(m for m in {NOT_FOR_A_PLAIN_CHECK!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "loaded: []"
    assert "1 file" in out.stdout  # the check ran


def test_style_auto_reads_the_list(tmp_path):
    harvard = (
        "Cooling works (Stewart, Oke and Mills, 2012).\n\n"
        "Reference list\n\n"
        "Stewart, I.D., Oke, T.R. and Mills, G. (2012) 'Local climate zones', Bulletin, 93(12), pp. 1879-1900.\n\n"
        "Bowler, D.E. and Pullin, A.S. (2010) 'Urban greening', Landscape and Urban Planning, 97(3), pp. 147-155.\n"
    )
    path = write(tmp_path, "h.txt", harvard)
    assert "RC105" in invoke("check", "--isolated", "--style", "apa7", "--select", "RC105", path).output
    result = invoke("check", "--isolated", "--select", "RC105", path)  # auto is the default
    assert result.exit_code == 0 and "RC105" not in result.output
    assert "(style harvard)" in invoke("refs", path).output.splitlines()[0]


def test_cache_clear(tmp_path):
    from refcheck.net.cache import Cache
    from refcheck.net.status import LinkStatus

    store = Cache(str(tmp_path))
    store.put(LinkStatus("https://a.test/", "alive", 200))
    store.put(LinkStatus("https://b.test/", "dead", 404))
    store.close()
    result = invoke("cache", "clear", "--cache-dir", str(tmp_path))
    assert result.output == f"Cleared 2 cached links from {tmp_path / 'links.sqlite3'}.\n"
    assert invoke("cache", "clear", "--cache-dir", str(tmp_path)).output.startswith("Cleared 0 cached links")


def test_links_config_is_validated(tmp_path):
    config = tmp_path / "refcheck.toml"
    config.write_text('links = "yes"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), write(tmp_path)])
    assert result.exit_code == 2 and "links must be true or false" in result.output
    config.write_text('[links]\nexclude = ["(unclosed"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), write(tmp_path)])
    assert result.exit_code == 2 and "invalid regular expression '(unclosed'" in result.output


def test_github_annotations_and_auto(tmp_path, monkeypatch):
    path = write(tmp_path)
    result = invoke("check", "--isolated", "--format", "github", path)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"::error file={path},line=1,col=29,endLine=1,endColumn=40,title=RC103 year-mismatch::"
        "(Lemon, 2019): the reference list has Lemon (2018) (suggestion: Lemon, 2018)"
    )
    assert result.output.splitlines()[2].startswith(f"::warning file={path},line=5,col=1,")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert invoke("check", "--isolated", "--format", "auto", path).output == result.output
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert invoke("check", "--isolated", "--format", "auto", "--no-color", path).output.startswith(f"{path}:1:29: error[RC103]")


def test_github_escapes_properties_and_data():
    from refcheck.output.github import _data, _property

    assert _property("a,b:c%d") == "a%2Cb%3Ac%25d"
    assert _data("50%\nnext") == "50%25%0Anext"


# Output and flags (issue 10)

def _codes(result):
    return [line.split(" ")[1] for line in result.output.splitlines()[:-1]]


def test_repeated_select_and_ignore_add_up_and_take_names_and_all(tmp_path):
    path = write(tmp_path)
    assert _codes(invoke("check", "--isolated", path)) == ["error[RC103]", "error[RC101]", "warning[RC102]"]
    assert _codes(invoke("check", "--isolated", "--ignore", "RC101", "--ignore", "year-mismatch", path)) == ["warning[RC102]"]
    assert _codes(invoke("check", "--isolated", "--select", "RC101", "--select", "listed-not-cited,RC103", path)) == [
        "error[RC103]", "error[RC101]", "warning[RC102]"]
    assert _codes(invoke("check", "--isolated", "--select", "ALL", "--ignore", "RC1", path)) == []
    assert _codes(invoke("check", "--isolated", "--select", "all", "--ignore", "Cited-Not-Listed", path)) == [
        "error[RC103]", "warning[RC102]"]
    result = CliRunner().invoke(main, ["check", "--isolated", "--ignore", "year-mismatches", path])
    assert result.exit_code == 2
    assert result.output == "refcheck: error: --ignore: unknown rule code, prefix or name 'year-mismatches' (see `refcheck rules`)\n"


def test_config_select_and_ignore_take_names_and_all(tmp_path):
    path = write(tmp_path)
    config = tmp_path / "refcheck.toml"
    config.write_text('select = ["ALL"]\nignore = ["year-mismatch", "RC101"]\n', encoding="utf-8")
    assert _codes(invoke("check", "--config", str(config), path)) == ["warning[RC102]"]
    config.write_text('select = "listed-not-cited, RC103"\n', encoding="utf-8")
    assert _codes(invoke("check", "--config", str(config), path)) == ["error[RC103]", "warning[RC102]"]


def test_format_is_case_insensitive_and_text_is_concise_when_piped(tmp_path):
    path = write(tmp_path)
    concise = invoke("check", "--isolated", path).output
    assert invoke("check", "--isolated", "--format", "CONCISE", path).output == concise
    assert invoke("check", "--isolated", "--format", "Text", path).output == concise
    assert json.loads(invoke("check", "--isolated", "--format", "JSON", path).output)["schema"] == 2
    full = invoke("check", "--isolated", "--format", "full", path).output
    assert full.splitlines()[:5] == [
        f"{path}:1:29: error[RC103] (Lemon, 2019): the reference list has Lemon (2018)",
        "  |",
        "1 | Security is interconnected (Lemon, 2019). Trade grew (Kumar, 2015).",
        "  |                             ^^^^^^^^^^^",
        "  = fix (unsafe): Lemon, 2018",
    ]


def test_exit_zero_quiet_statistics_and_version(tmp_path):
    path = write(tmp_path)
    result = invoke("check", "--isolated", "--exit-zero", path)
    assert result.exit_code == 0 and result.output.endswith("Found 3 problems: 2 errors, 1 warning (1 file, 2 references, 2 citations, style apa7).\n")
    assert CliRunner().invoke(main, ["check", "--isolated", "--exit-zero", str(tmp_path / "gone.md")]).exit_code == 2
    quiet = invoke("check", "--isolated", "-q", path)
    assert quiet.exit_code == 1 and len(quiet.output.splitlines()) == 3 and not quiet.output.splitlines()[-1].startswith("Found")
    stats = invoke("check", "--isolated", "--statistics", path)
    assert stats.exit_code == 1
    assert stats.output == ("1  RC101  [ ] error    cited-not-listed\n"
                            "1  RC102  [ ] warning  listed-not-cited\n"
                            "1  RC103  [ ] error    year-mismatch\n"
                            "Found 3 problems: 2 errors, 1 warning (1 file, 2 references, 2 citations, style apa7).\n")
    from refcheck import __version__

    for flag in ("-V", "--version"):
        assert invoke(flag).output == f"refcheck, version {__version__}\n"


def test_colour_flag_into_a_pipe_and_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path)
    painted = "\x1b[1;31merror[RC103]\x1b[0m"
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert painted in invoke("check", "--isolated", "--color", path).output  # CliRunner's stdout is not a terminal
    assert "\x1b" not in invoke("check", "--isolated", path).output
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert painted in invoke("check", "--isolated", path).output
    assert "\x1b" not in invoke("check", "--isolated", "--no-color", path).output
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in invoke("check", "--isolated", path).output
    assert painted in invoke("check", "--isolated", "--color", path).output
    monkeypatch.setenv("NO_COLOR", "")  # empty: as if unset
    assert painted in invoke("check", "--isolated", path).output
    monkeypatch.setenv("FORCE_COLOR", "")
    assert "\x1b" not in invoke("check", "--isolated", path).output


def test_colour_when_piped_in_a_real_process(tmp_path):
    path = write(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    out = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--color", path],
                         capture_output=True, text=True, timeout=30, env=env).stdout
    assert out.startswith(f"{path}:1:29: \x1b[1;31merror[RC103]\x1b[0m ")


def test_help_has_examples():
    for args in ([], ["check"]):
        text = invoke(*args, "--help").output
        assert "  Examples:\n    refcheck check " in text
    assert "--exit-zero" in invoke("check", "--help").output


def test_refs_every_file_json_and_width(tmp_path, monkeypatch):
    first = write(tmp_path)
    second = write(tmp_path, "other.md", "It held (Abe, 2020).\n\nReferences\nAbe, K. (2020). A title that is long enough to be cut when the terminal is narrow. Press.\n")
    out = invoke("refs", first, second).output
    assert out.count("(style ") == 2 and out.index(first) < out.index(second)
    data = json.loads(invoke("refs", "--format", "JSON", first, second).output)
    assert [f["path"] for f in data["files"]] == [first, second]
    assert max(len(line) for line in invoke("refs", second).output.splitlines()[1:]) > 80  # piped: natural widths
    import refcheck.cli

    monkeypatch.setattr(refcheck.cli, "_is_terminal", lambda stream: stream is sys.stdout)
    monkeypatch.setenv("COLUMNS", "80")  # shutil.get_terminal_size reads it first
    narrow = invoke("refs", second).output
    assert max(len(line) for line in narrow.splitlines()[1:]) <= 80
    assert "  A title that is lo\u2026  " in narrow


def test_refs_honours_the_config_and_exits_2_on_an_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path)
    (tmp_path / "refcheck.toml").write_text('style = "harvard"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "(style harvard)" in invoke("refs", path).output.splitlines()[0]
    assert "(style harvard)" not in invoke("refs", "--isolated", path).output.splitlines()[0]
    result = CliRunner().invoke(main, ["refs", path, str(tmp_path / "gone.md")])
    assert result.exit_code == 2 and path in result.output


def test_refs_links_table(tmp_path):
    import threading
    from http.server import ThreadingHTTPServer

    from .net.test_integration import Handler, document

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        path = write(tmp_path, text=document(base))
        out = invoke("refs", "--isolated", "--links", "--allow-private", "--no-cache", path).output
    finally:
        httpd.shutdown()
        httpd.server_close()
    table = out.split("\n\n")[-1].splitlines()
    assert table[0].split() == ["REF", "STATUS", "HTTP", "URL", "DETAIL"]
    assert [row.split()[:4] for row in table[2:]] == [
        ["R1", "redirected", "200", f"{base}/moved"], ["R2", "dead", "404", f"{base}/gone"], ["R3", "alive", "200", f"{base}/ok"]]
    assert table[2].split()[-1] == f"{base}/ok"  # where the redirect leads
    assert "No links." in invoke("refs", "--isolated", "--links", "--no-cache", write(tmp_path, "none.md")).output
